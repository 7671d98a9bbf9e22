// The dashboard as La Cimade's tables read, one row per planning: its three-month bar and the months under it,
// « sous un mois » and « pas de date », attempts and days, what stays beside the bar, the latest probes and the
// status. Every header sorts; a search and filters; on a phone, one card per planning.
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanningOverview, RecentStrip } from '../../../electron/shared/api';
import { BOOKING_SYSTEMS } from '../../../electron/shared/domain';
import { departementName } from '../catalogue';
import { todayInParis } from '../format';
import { departementHeading } from '../i18n/phrases';
import { href } from '../router';
import { compareDepartements } from '../shares';
import {
  DEFAULT_SORT,
  EMPTY_QUERY,
  FIRST_DIRECTION,
  STATUS_FILTERS,
  summarise,
  tableRows,
  type Row,
  type Sort,
  type SortKey,
  type StatusFilter,
  type TableQuery,
} from '../board/status';
import { useRecentStrips, type Observe } from '../board/recent';
import { useAppInfo } from '../board/app-info';
import { MiniBar } from './MiniBar';
import { MonthColumns } from './MonthColumns';
import { ProbeStrip } from './ProbeStrip';
import { StatusBadge } from './StatusBadge';
import { PlanningRowCard, SortChoice } from './DashboardCards';
import { useRowWords } from './row-words';

/** Below this width the table becomes one card per planning: no column is ever squeezed to nothing. */
const NARROW = '(max-width: 760px)';

function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

export function DashboardTable({ overviews }: { overviews: readonly PlanningOverview[] }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<TableQuery>(EMPTY_QUERY);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const today = todayInParis();
  const all = useMemo(() => tableRows(overviews, EMPTY_QUERY, today), [overviews, today]);
  const rows = useMemo(() => tableRows(overviews, query, today, sort, departementName), [overviews, query, today, sort]);
  const [strips, observe] = useRecentStrips(overviews);
  const narrow = useNarrow();
  const summary = summarise(all);
  const departements = [...new Set(overviews.map((o) => o.planning.departement))].sort(compareDepartements);
  const systems = BOOKING_SYSTEMS.filter((system) => overviews.some((o) => o.planning.system === system));
  const set = (patch: Partial<TableQuery>) => setQuery((previous) => ({ ...previous, ...patch }));
  const filtered = query.text !== '' || query.departement !== '' || query.system !== '' || query.status !== 'all';
  const sortBy = (key: SortKey) =>
    setSort((previous) =>
      previous.key === key
        ? { key, direction: previous.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: FIRST_DIRECTION[key] },
    );

  return (
    <>
      <form className="board-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <p className="board-summary">
          <span>{t('board.summary', { ...summary })}</span>
          {summary.attention > 0 && query.status !== 'attention' ? (
            <button type="button" className="link-button" onClick={() => set({ status: 'attention' })}>
              {t('board.attentionLink')}
            </button>
          ) : null}
        </p>
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
        {narrow ? <SortChoice sort={sort} onSort={setSort} /> : null}
        {filtered ? (
          <>
            <span role="status">{t('board.filtered', { shown: rows.length, total: all.length })}</span>
            <button type="button" onClick={() => setQuery(EMPTY_QUERY)}>
              {t('board.clearFilters')}
            </button>
          </>
        ) : null}
      </form>
      {rows.length === 0 ? (
        <p>{t('board.noMatch')}</p>
      ) : narrow ? (
        <ul className="board-cards" aria-label={t('board.tableCaption')}>
          {rows.map((row) => (
            <PlanningRowCard key={row.overview.planning.id} row={row} strip={strips.get(row.overview.planning.id) ?? null} observe={observe} />
          ))}
        </ul>
      ) : (
        <Table rows={rows} sort={sort} onSort={sortBy} strips={strips} observe={observe} />
      )}
    </>
  );
}

function Table(props: { rows: Row[]; sort: Sort; onSort: (key: SortKey) => void; strips: ReadonlyMap<string, RecentStrip>; observe: Observe }) {
  const { rows, sort, onSort, strips, observe } = props;
  const { t } = useTranslation();
  const id = useId();
  const demo = useAppInfo()?.demo ?? false;
  const header = (key: SortKey, className?: string) => (
    <th key={key} scope="col" className={className} aria-sort={sort.key === key ? sort.direction : undefined}>
      <button type="button" className="sort" onClick={() => onSort(key)}>
        {key === 'gaps' && demo ? t('board.colGapsDemo') : t(`board.cols.${key}`)}
        <span className="sort-mark" aria-hidden="true">
          {sort.key === key ? (sort.direction === 'ascending' ? '\u00a0▲' : '\u00a0▼') : ''}
        </span>
      </button>
    </th>
  );
  return (
    <table className="board-table" aria-describedby={`${id}-caption`}>
      <caption id={`${id}-caption`} className="visually-hidden">
        {t('board.tableCaption')} {t('board.sortHelp')}
      </caption>
      <thead>
        <tr>
          {header('departement', 'col-dep')}
          {header('planning', 'col-planning')}
          {header('bar', 'col-bar')}
          {header('months', 'col-months')}
          {header('underMonth', 'col-share')}
          {header('noDate', 'col-share')}
          {header('attempts', 'col-attempts')}
          {header('inconclusive', 'col-beside')}
          {header('gaps', 'col-beside')}
          {header('recent', 'col-recent')}
          {header('status', 'col-status')}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <TableRow key={row.overview.planning.id} row={row} strip={strips.get(row.overview.planning.id) ?? null} observe={observe} />
        ))}
      </tbody>
    </table>
  );
}

function TableRow({ row, strip, observe }: { row: Row; strip: RecentStrip | null; observe: Observe }) {
  const { t } = useTranslation();
  const { overview, status } = row;
  const { planning, stats } = overview;
  const words = useRowWords(overview);
  return (
    <tr className={`status-row-${status.kind}`} data-planning={planning.id} ref={observe}>
      <td title={departementName(planning.departement) ?? undefined}>{planning.departement}</td>
      <th scope="row" className="planning-cell">
        <a href={href({ page: 'planning', id: planning.id })}>{planning.label}</a> <span className="prefecture">{planning.prefecture}</span>
      </th>
      <td className="bar-col">
        <MiniBar bar={stats.top} />
        {words.period ? <span className="bar-period">{words.period}</span> : null}
      </td>
      <td>
        <MonthColumns months={stats.topMonths} />
      </td>
      <td className="number share-under">{words.underMonth}</td>
      <td className="number">{words.noDate}</td>
      <td className="number attempts">
        <span aria-hidden="true">{words.attemptsShort}</span>
        <span className="visually-hidden">{words.attempts}</span>
      </td>
      <td className="number" title={words.inconclusiveDetail || undefined}>
        {words.inconclusive}
      </td>
      <td className="number">{stats.top.gapHours}</td>
      <td className="recent-cell">
        <ProbeStrip marks={strip?.marks ?? null} />
        <span className="last-probe">
          {words.lastWhen}
          {words.lastOutcome ? <span className="visually-hidden"> — {words.lastOutcome}</span> : null}
          {overview.running ? <span className="progress">{t('board.runningShort')}</span> : null}
        </span>
      </td>
      <td>
        <StatusBadge status={status} />
      </td>
    </tr>
  );
}
