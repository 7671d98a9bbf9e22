import {
  CATEGORIES,
  INCONCLUSIVE_OUTCOMES,
  type Category,
  type InconclusiveOutcome,
  type LocalDate,
  type MonthKey,
} from '../../shared/domain.js';
import type { Bar, CategoryCount, MonthBar, PlanningStats, TopBarScope } from '../../shared/stats.js';
import type { MonthAggregate } from './aggregate.js';
import { addMonthsToMonth, firstDayOfMonth, lastDayOfMonth, monthOf, monthsBetween } from './calendar.js';

function emptyBar(from: LocalDate, to: LocalDate): Bar {
  const categories = {} as Record<Category, CategoryCount>;
  for (const category of CATEGORIES) categories[category] = { attempts: 0, days: 0 };
  const inconclusive = {} as Record<InconclusiveOutcome, number>;
  for (const outcome of INCONCLUSIVE_OUTCOMES) inconclusive[outcome] = 0;
  return { from, to, conclusive: 0, conclusiveDays: 0, categories, inconclusive, gapHours: 0 };
}

/** Sums months into one bar. Months never overlap, so distinct days add up across them. */
function barOf(months: readonly MonthAggregate[], from: LocalDate, to: LocalDate): Bar {
  const bar = emptyBar(from, to);
  for (const agg of months) {
    for (const category of CATEGORIES) {
      const count = agg.categories[category];
      bar.categories[category].attempts += count.attempts;
      bar.categories[category].days += count.days.length;
      bar.conclusive += count.attempts;
    }
    bar.conclusiveDays += agg.conclusiveDays.length;
    for (const outcome of INCONCLUSIVE_OUTCOMES) bar.inconclusive[outcome] += agg.inconclusive[outcome];
    bar.gapHours += agg.gapHours;
  }
  return bar;
}

function hasData(agg: MonthAggregate): boolean {
  return agg.firstDay !== null;
}

/**
 * A planning's bars. The top bar covers the three whole months before today's month when the planning's
 * history reaches back to the first day of the earliest of them ('three_months'); until then it covers
 * everything recorded, the current month included ('partial_history', said so on screen); with no probe and
 * no gap at all it is empty ('no_history'). Month bars run from the first to the last month with data, empty
 * months included so that a silence shows.
 */
export function planningStats(
  planningId: string,
  aggregates: readonly MonthAggregate[],
  today: LocalDate,
): PlanningStats {
  const byMonth = new Map<MonthKey, MonthAggregate>();
  for (const agg of aggregates) if (hasData(agg)) byMonth.set(agg.month, agg);
  const known = [...byMonth.keys()].sort();

  const currentMonth = monthOf(today);
  const topFromMonth = addMonthsToMonth(currentMonth, -3);
  const topToMonth = addMonthsToMonth(currentMonth, -1);
  const threeMonthsFrom = firstDayOfMonth(topFromMonth);
  const threeMonthsTo = lastDayOfMonth(topToMonth);

  const firstMonth = known[0];
  const lastMonth = known[known.length - 1];
  if (firstMonth === undefined || lastMonth === undefined) {
    return { planningId, top: emptyBar(threeMonthsFrom, threeMonthsTo), topScope: 'no_history', months: [] };
  }

  const months: MonthBar[] = monthsBetween(firstMonth, lastMonth).map((month) => {
    const agg = byMonth.get(month);
    const bar = barOf(agg ? [agg] : [], firstDayOfMonth(month), lastDayOfMonth(month));
    return { ...bar, month };
  });

  const earliestDay = byMonth.get(firstMonth)?.firstDay ?? threeMonthsFrom;
  let top: Bar;
  let topScope: TopBarScope;
  if (earliestDay <= threeMonthsFrom) {
    topScope = 'three_months';
    const inside = [...byMonth.values()].filter((agg) => agg.month >= topFromMonth && agg.month <= topToMonth);
    top = barOf(inside, threeMonthsFrom, threeMonthsTo);
  } else {
    topScope = 'partial_history';
    const latestDay = byMonth.get(lastMonth)?.lastDay ?? today;
    top = barOf([...byMonth.values()], earliestDay, latestDay > today ? latestDay : today);
  }
  return { planningId, top, topScope, months };
}
