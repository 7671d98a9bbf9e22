// The dashboard on a phone: one card per planning with the figures of its table row, and the sorts in a list.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentStrip } from '../../../electron/shared/api';
import { departementName } from '../catalogue';
import { departementHeading } from '../i18n/phrases';
import { href } from '../router';
import { SORT_KEYS, type Row, type Sort, type SortKey } from '../board/status';
import type { Observe } from '../board/recent';
import { useAppInfo } from '../board/app-info';
import { MiniBar } from './MiniBar';
import { MonthColumns } from './MonthColumns';
import { ProbeStrip } from './ProbeStrip';
import { StatusBadge } from './StatusBadge';
import { useRowWords } from './row-words';

/** The same figures as a row, one card per planning, on a phone. */
export function PlanningRowCard({ row, strip, observe }: { row: Row; strip: RecentStrip | null; observe: Observe }) {
  const { t } = useTranslation();
  const { overview, status } = row;
  const { planning, stats } = overview;
  const words = useRowWords(overview);
  const demo = useAppInfo()?.demo ?? false;
  const titleId = useId();
  return (
    <li className="board-card" data-planning={planning.id} ref={observe} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <a href={href({ page: 'planning', id: planning.id })}>{planning.label}</a>
      </h3>
      <p className="prefecture">
        {planning.prefecture} · {departementHeading(t, planning.departement, departementName(planning.departement))}
      </p>
      <StatusBadge status={status} />
      <div className="card-bar">
        <MiniBar bar={stats.top} />
        <MonthColumns months={stats.topMonths} />
      </div>
      <dl className="card-figures">
        <div>
          <dt>{t('board.cols.underMonth')}</dt>
          <dd>{words.underMonth}</dd>
        </div>
        <div>
          <dt>{t('board.cols.noDate')}</dt>
          <dd>{words.noDate}</dd>
        </div>
        <div>
          <dt>{t('board.cols.attempts')}</dt>
          <dd>{words.attempts}</dd>
        </div>
        <div>
          <dt>{t('board.cols.inconclusive')}</dt>
          <dd>{words.inconclusiveDetail || words.inconclusive}</dd>
        </div>
        <div>
          <dt>{demo ? t('board.colGapsDemo') : t('board.cols.gaps')}</dt>
          <dd>{stats.top.gapHours}</dd>
        </div>
      </dl>
      {words.period ? <p className="bar-period">{words.period}</p> : null}
      <ProbeStrip marks={strip?.marks ?? null} />
      <p className="last-probe">
        {t('lastProbe')}
        {t('colon')}
        {words.last}
      </p>
    </li>
  );
}

/** On a phone there are no headers to click: the same sorts, chosen in a list. */
export function SortChoice({ sort, onSort }: { sort: Sort; onSort: (sort: Sort) => void }) {
  const { t } = useTranslation();
  const value = `${sort.key}:${sort.direction}`;
  return (
    <label>
      {t('board.sort')}
      <select
        value={value}
        onChange={(event) => {
          const [key = 'bar', direction = 'descending'] = event.target.value.split(':');
          onSort({ key: key as SortKey, direction: direction as Sort['direction'] });
        }}
      >
        {SORT_KEYS.flatMap((key) =>
          (['ascending', 'descending'] as const).map((direction) => (
            <option key={`${key}:${direction}`} value={`${key}:${direction}`}>
              {t('board.sortOption', { column: t(`board.cols.${key}`), direction: t(`board.${direction}`) })}
            </option>
          )),
        )}
      </select>
    </label>
  );
}
