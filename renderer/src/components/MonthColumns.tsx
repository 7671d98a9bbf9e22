// The months of a row's top bar, small and upright side by side: the trend beside the bar they add up to.
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../electron/shared/domain';
import { headlineShares, type MonthBar } from '../../../electron/shared/stats';
import { monthTitle } from '../i18n/phrases';
import { CATEGORY_COLOURS } from '../shares';

export function MonthColumns({ months }: { months: readonly MonthBar[] }) {
  const { t } = useTranslation();
  if (months.length === 0) return null;
  const said = months.map((month) => {
    const name = monthTitle(t, month);
    const shares = headlineShares(month);
    return shares
      ? t('board.monthAria', { month: name, underMonth: shares.underMonth, noDate: shares.noDate, attempts: month.conclusive })
      : t('board.monthEmptyAria', { month: name });
  });
  const label = t('board.monthsAria', { months: said.join(' ; ') });
  return (
    <span className="month-columns" role="img" aria-label={label} title={said.join('\n')}>
      {months.map((month) => (
        <span key={month.month} className={month.conclusive === 0 ? 'month-column empty' : 'month-column'}>
          {/* Black on top, dark green at the foot: a month that closes fills from the top. */}
          {month.conclusive > 0
            ? [...CATEGORIES].reverse().map((category) =>
                month.categories[category].attempts > 0 ? (
                  <span
                    key={category}
                    style={{ height: `${(100 * month.categories[category].attempts) / month.conclusive}%`, background: CATEGORY_COLOURS[category] }}
                  />
                ) : null,
              )
            : null}
        </span>
      ))}
    </span>
  );
}
