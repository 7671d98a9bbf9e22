// The dashboard as La Cimade's tables show it, denser: one row per planning, its three-month bar, open rate,
// last result and status; a search, filters and sorts; a summary line that says what needs someone.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanningOverview } from '../../../electron/shared/api';
import { BOOKING_SYSTEMS } from '../../../electron/shared/domain';
import { departementName } from '../catalogue';
import { formatInstant, todayInParis } from '../format';
import { departementHeading } from '../i18n/phrases';
import { href } from '../router';
import { compareDepartements } from '../shares';
import {
  closedShare,
  EMPTY_QUERY,
  SORTS,
  STATUS_FILTERS,
  summarise,
  tableRows,
  type Row,
  type Sort,
  type StatusFilter,
  type TableQuery,
} from '../board/status';
import { MiniBar } from './MiniBar';
import { StatusBadge } from './StatusBadge';

export function DashboardTable({ overviews }: { overviews: readonly PlanningOverview[] }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<TableQuery>(EMPTY_QUERY);
  const today = todayInParis();
  const all = useMemo(() => tableRows(overviews, EMPTY_QUERY, today), [overviews, today]);
  const rows = useMemo(() => tableRows(overviews, query, today, departementName), [overviews, query, today]);
  const summary = summarise(all);
  const departements = [...new Set(overviews.map((o) => o.planning.departement))].sort(compareDepartements);
  const systems = BOOKING_SYSTEMS.filter((system) => overviews.some((o) => o.planning.system === system));
  const set = (patch: Partial<TableQuery>) => setQuery((previous) => ({ ...previous, ...patch }));
  const filtered = query.text !== '' || query.departement !== '' || query.system !== '' || query.status !== 'all';
  const id = useId();

  return (
    <>
      <p className="board-summary" role="status">
        <span>{t('board.summary', { ...summary })}</span>
        {summary.attention > 0 && query.status !== 'attention' ? (
          <button type="button" className="link-button" onClick={() => set({ status: 'attention' })}>
            {t('board.attentionLink')}
          </button>
        ) : null}
        {filtered ? <span> {t('board.filtered', { shown: rows.length, total: all.length })}</span> : null}
      </p>
      <form className="board-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('board.search')}
          <input type="search" value={query.text} placeholder={t('board.searchHelp')} onChange={(e) => set({ text: e.target.value })} />
        </label>
        <label>
          {t('board.filterDepartement')}
          <select value={query.departement} onChange={(e) => set({ departement: e.target.value })}>
            <option value="">{t('board.all')}</option>
            {departements.map((code) => (
              <option key={code} value={code}>
                {departementHeading(t, code, departementName(code))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.filterSystem')}
          <select value={query.system} onChange={(e) => set({ system: e.target.value })}>
            <option value="">{t('board.all')}</option>
            {systems.map((system) => (
              <option key={system} value={system}>
                {t(`board.systems.${system}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.filterStatus')}
          <select value={query.status} onChange={(e) => set({ status: e.target.value as StatusFilter })}>
            <option value="all">{t('board.all')}</option>
            {STATUS_FILTERS.map((filter) => (
              <option key={filter} value={filter}>
                {t(`board.statusFilters.${filter}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('board.sort')}
          <select value={query.sort} onChange={(e) => set({ sort: e.target.value as Sort })}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`board.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <button type="button" onClick={() => setQuery((previous) => ({ ...EMPTY_QUERY, sort: previous.sort }))}>
            {t('board.clearFilters')}
          </button>
        ) : null}
      </form>
      {rows.length === 0 ? (
        <p>{t('board.noMatch')}</p>
      ) : (
        <div className="table-scroll">
          <table className="board-table" aria-describedby={`${id}-caption`}>
            <caption id={`${id}-caption`} className="visually-hidden">
              {t('board.tableCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('board.colDepartement')}</th>
                <th scope="col">{t('board.colPlanning')}</th>
                <th scope="col">{t('board.colSystem')}</th>
                <th scope="col" className="bar-col">{t('board.colBar')}</th>
                <th scope="col" title={t('board.colOpenHelp')}>{t('board.colOpen')}</th>
                <th scope="col">{t('board.colLast')}</th>
                <th scope="col">{t('board.colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <TableRow key={row.overview.planning.id} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** « 30/11 10:55 » this year, the full date otherwise: the column stays narrow and nothing is ambiguous. */
function shortInstant(iso: string): string {
  const full = formatInstant(iso);
  const thisYear = formatInstant(new Date().toISOString()).slice(6, 10);
  return full.slice(6, 10) === thisYear ? `${full.slice(0, 5)} ${full.slice(11)}` : full;
}

function TableRow({ row }: { row: Row }) {
  const { t } = useTranslation();
  const { overview, status } = row;
  const { planning, stats, lastProbe } = overview;
  const closed = closedShare(overview);
  const name = departementName(planning.departement);
  return (
    <tr className={`status-row-${status.kind}`}>
      <td title={name ?? undefined}>{planning.departement}</td>
      <th scope="row" className="planning-cell">
        <a href={href({ page: 'planning', id: planning.id })} title={`${planning.label} — ${planning.prefecture}`}>
          {planning.label}
        </a>
        <span className="muted"> {planning.prefecture}</span>
      </th>
      <td>{t(`board.systems.${planning.system}`)}</td>
      <td className="bar-col">
        <MiniBar bar={stats.top} />
        {stats.topScope === 'partial_history' && stats.top.conclusive > 0 ? (
          <span className="visually-hidden">{t('board.partialBar')}</span>
        ) : null}
      </td>
      <td className="number">{closed === null ? t('none') : t('percent', { value: Math.round((1 - closed) * 100) })}</td>
      <td className="last-cell" title={lastProbe ? formatInstant(lastProbe.startedAt) : undefined}>
        {lastProbe ? t('board.lastShort', { when: shortInstant(lastProbe.startedAt), outcome: t(`outcomes.${lastProbe.outcome}`) }) : t('never')}
        {overview.running ? <span className="progress" aria-label={t('running')} /> : null}
      </td>
      <td>
        <StatusBadge status={status} />
      </td>
    </tr>
  );
}
