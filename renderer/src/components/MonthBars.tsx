import { useState } from 'react';
import type { MonthBar } from '../../../electron/shared/stats';
import { formatMonth } from '../format';
import { monthTitle } from '../i18n/phrases';
import { useTranslation } from 'react-i18next';
import { barShares, CATEGORY_COLOURS } from '../shares';
import { BarWithCounts } from './CategoryBar';
import { href } from '../router';

/**
 * One bar per month, each share with its attempts and distinct days (courts count both). The months the top bar
 * adds up (`open`) are open at first: what the top bar says, month by month.
 */
export function MonthBars({ months, planningId, open = [] }: { months: MonthBar[]; planningId?: string; open?: readonly string[] }) {
  const { t } = useTranslation();
  const [newestFirst, setNewestFirst] = useState(true);
  const ordered = newestFirst ? [...months].reverse() : months;

  return (
    <section aria-labelledby="months-title" className="months">
      <div className="page-title">
        <h3 id="months-title">{t('monthsTitle')}</h3>
        <label>
          <span className="visually-hidden">{t('monthsOrder')}</span>
          <select value={newestFirst ? 'newest' : 'oldest'} onChange={(e) => setNewestFirst(e.target.value === 'newest')}>
            <option value="newest">{t('newestFirst')}</option>
            <option value="oldest">{t('oldestFirst')}</option>
          </select>
        </label>
      </div>
      {ordered.length === 0 ? <p>{t('noMonths')}</p> : <p className="help">{t('monthsOfTop')}</p>}
      {ordered.map((month, index) => (
        <MonthDetails key={month.month} month={month} open={open.length > 0 ? open.includes(month.month) : index === 0} planningId={planningId} />
      ))}
    </section>
  );
}

function MonthDetails({ month, open, planningId }: { month: MonthBar; open: boolean; planningId?: string }) {
  const { t } = useTranslation();
  const name = formatMonth(month.month, t('locale'));
  const title = monthTitle(t, month);
  return (
    <details className="month" open={open}>
      <summary>
        <h4>{title}</h4>
      </summary>
      <BarWithCounts bar={month} />
      {planningId ? (
        <p className="month-link">
          <a href={href({ page: 'planning', id: planningId, day: month.month })}>{t('board.viewMonthProbes', { month: name })}</a>
        </p>
      ) : null}
      <table className="shares">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('category')}</th>
            <th scope="col">{t('share')}</th>
            <th scope="col">{t('attempts')}</th>
            <th scope="col">{t('days')}</th>
          </tr>
        </thead>
        <tbody>
          {barShares(month).map((share) => (
            <tr key={share.category}>
              <th scope="row">
                <span className="swatch" style={{ background: CATEGORY_COLOURS[share.category] }} aria-hidden="true" />
                {t('quoted', { text: t(`categories.${share.category}`) })}
              </th>
              <td>{t('percent', { value: share.percent })}</td>
              <td>{share.attempts}</td>
              <td>{share.days}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
