// What a dashboard row's figures say, in the person's language: shared by the table's cells and the phone's cards.
import { useTranslation } from 'react-i18next';
import type { PlanningOverview } from '../../../electron/shared/api';
import { headlineShares, inconclusiveTotal } from '../../../electron/shared/stats';
import { formatLocalDate, todayInParis } from '../format';
import { inconclusiveCounts } from '../shares';
import { shortInstant } from './ProbeStrip';

/** « 24/09 » this year, « 24/09/2025 » before: the partial period fits under the row's bar. */
function shortDate(date: string): string {
  const full = formatLocalDate(date);
  return date.slice(0, 4) === todayInParis().slice(0, 4) ? full.slice(0, 5) : full;
}

/** What the row's figures say, in the person's language: shared by the table's cells and the phone's cards. */
export function useRowWords(overview: PlanningOverview) {
  const { t } = useTranslation();
  const { stats, lastProbe } = overview;
  const shares = headlineShares(stats.top);
  const percent = (value: number | undefined) => (value === undefined ? t('none') : t('percent', { value }));
  const beside = inconclusiveCounts(stats.top);
  return {
    underMonth: percent(shares?.underMonth),
    noDate: percent(shares?.noDate),
    attempts: t('board.attemptsDays', { attempts: stats.top.conclusive, days: stats.top.conclusiveDays }),
    attemptsShort: t('board.attemptsShort', { attempts: stats.top.conclusive, days: stats.top.conclusiveDays }),
    inconclusive: inconclusiveTotal(stats.top),
    inconclusiveDetail: beside.map(({ outcome, count }) => t(`besideOutcome.${outcome}`, { count })).join(', '),
    period:
      stats.topScope === 'partial_history' && stats.top.conclusive > 0
        ? t('board.partialPeriod', { from: shortDate(stats.top.from), to: shortDate(stats.top.to) })
        : null,
    last: lastProbe ? t('board.lastShort', { when: shortInstant(lastProbe.startedAt), outcome: t(`outcomes.${lastProbe.outcome}`) }) : t('never'),
    // The row's status says what the last probe found: the strip's foot gives its time.
    lastWhen: lastProbe ? t('board.lastAt', { when: shortInstant(lastProbe.startedAt) }) : t('never'),
    lastOutcome: lastProbe ? t(`outcomes.${lastProbe.outcome}`) : null,
  };
}
