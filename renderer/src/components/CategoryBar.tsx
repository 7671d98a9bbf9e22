// La Cimade's stacked five-colour bar, with what courts also count: attempts, days, and what stays beside it.
import { Bar as BarSeries, BarChart, LabelList, XAxis, YAxis } from 'recharts';
import { CATEGORIES } from '../../../electron/shared/domain';
import type { Bar } from '../../../electron/shared/stats';
import { useTranslation } from 'react-i18next';
import { CATEGORY_COLOURS, CATEGORY_TEXT_COLOURS, barAriaLabel, barShares, inconclusiveCounts } from '../shares';
import { formatLocalDate } from '../format';
import { useAppInfo } from '../board/app-info';
import { href } from '../router';

export function CategoryBar({ bar, height = 30 }: { bar: Bar; height?: number }) {
  const { t } = useTranslation();
  const shares = barShares(bar);
  const row: Record<string, number> = {};
  for (const share of shares) row[share.category] = share.fraction * 100;
  const percentOf = new Map(shares.map((share) => [share.category, share.percent]));

  return (
    <div className="category-bar" role="img" aria-label={barAriaLabel(bar, t)}>
      {bar.conclusive === 0 ? (
        <div className="category-bar-empty" style={{ height }}>
          {t('noConclusive')}
        </div>
      ) : (
        // The wrapper's aria-label already says everything the drawing shows.
        <div aria-hidden="true">
        <BarChart
          layout="vertical"
          data={[row]}
          width="100%"
          height={height}
          responsive
          margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
          barCategoryGap={0}
          accessibilityLayer={false}
        >
          <XAxis type="number" domain={[0, 100]} hide />
          <YAxis type="category" hide />
          {CATEGORIES.map((category) => (
            <BarSeries
              key={category}
              dataKey={category}
              stackId="categories"
              fill={CATEGORY_COLOURS[category]}
              isAnimationActive={false}
            >
              <LabelList
                dataKey={category}
                position="center"
                fill={CATEGORY_TEXT_COLOURS[category]}
                fontSize={12}
                // Too narrow a segment keeps its figure in the table and the aria-label only.
                formatter={() => {
                  const percent = percentOf.get(category) ?? 0;
                  return percent >= 7 ? t('percent', { value: percent }) : '';
                }}
              />
            </BarSeries>
          ))}
        </BarChart>
        </div>
      )}
    </div>
  );
}

/** The bar with its counts, period and, beside it, the inconclusive outcomes and the gap hours. */
export function BarWithCounts({ bar, caption }: { bar: Bar; caption?: string }) {
  const { t } = useTranslation();
  const beside = inconclusiveCounts(bar);
  // The demo probes every minute and its past every hour: its missed runs are counted, not timed.
  const demo = useAppInfo()?.demo ?? false;
  return (
    <div className="bar-with-counts">
      {caption ? <div className="bar-caption">{caption}</div> : null}
      <div className="bar-row">
        <div className="bar-cell">
          <CategoryBar bar={bar} />
        </div>
        <ul className="bar-beside" aria-label={t('beside')}>
          {beside.map(({ outcome, count }) => (
            <li key={outcome}>{t(`besideOutcome.${outcome}`, { count })}</li>
          ))}
          {bar.gapHours > 0 ? <li>{demo ? t('gapRunsBeside', { runs: bar.gapHours }) : t('gapHours', { hours: bar.gapHours })}</li> : null}
        </ul>
      </div>
      <div className="bar-counts">
        {t('attemptsOverDays', { attempts: bar.conclusive, days: bar.conclusiveDays })}
        {bar.from && bar.to ? ` · ${t('periodFromTo', { from: formatLocalDate(bar.from), to: formatLocalDate(bar.to) })}` : ''}{' '}
        {/* Every bar says where its period and shares are explained, without repeating it in words. */}
        <a className="method-link" href={href({ page: 'method', section: 'bars' })} aria-label={t('barMethod')} title={t('barMethod')}>
          ?
        </a>
      </div>
    </div>
  );
}

/** The five categories and their colours; `compact` on one or two lines, above the dashboard's bars. */
export function Legend({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className={compact ? 'legend compact' : 'legend'} aria-labelledby="legend-title">
      <h3 id="legend-title">{t('legendTitle')}</h3>
      <a className="legend-method" href={href({ page: 'method', section: 'categories' })}>
        {t('legendMethod')}
      </a>
      <ul>
        {CATEGORIES.map((category) => (
          <li key={category}>
            <span className="swatch" style={{ background: CATEGORY_COLOURS[category] }} aria-hidden="true" />
            {t('quoted', { text: t(`categories.${category}`) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
