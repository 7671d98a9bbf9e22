import {
  CATEGORIES,
  INCONCLUSIVE_OUTCOMES,
  type Category,
  type LocalDate,
} from '../../shared/domain.js';
import type { Bar, CategoryCount, MonthBar, PlanningStats, TopBarScope } from '../../shared/stats.js';
import { emptyInconclusive, type MonthAggregate } from './aggregate.js';
import { firstDayOfMonth, lastDayOfMonth, monthAt, monthIndex, monthOf } from './calendar.js';
import { countDays } from './day-mask.js';

export function emptyBar(from: LocalDate, to: LocalDate): Bar {
  // Written out key by key (see emptyMonth): a dashboard of 500 plannings makes some 20,000 bars.
  const categories: Record<Category, CategoryCount> = {
    c1: { attempts: 0, days: 0 },
    c2: { attempts: 0, days: 0 },
    c3: { attempts: 0, days: 0 },
    c4: { attempts: 0, days: 0 },
    c5: { attempts: 0, days: 0 },
  };
  return { from, to, conclusive: 0, conclusiveDays: 0, categories, inconclusive: emptyInconclusive(), gapHours: 0 };
}

/** Adds one month to a bar. Months never overlap, so distinct days add up across them. */
export function addMonth(bar: Bar, agg: MonthAggregate): void {
  let conclusive = 0;
  let days = 0;
  for (const category of CATEGORIES) {
    const count = agg.categories[category];
    const sum = bar.categories[category];
    sum.attempts += count.attempts;
    sum.days += countDays(count.days);
    conclusive += count.attempts;
    days |= count.days;
  }
  bar.conclusive += conclusive;
  bar.conclusiveDays += countDays(days);
  for (const outcome of INCONCLUSIVE_OUTCOMES) bar.inconclusive[outcome] += agg.inconclusive[outcome];
  bar.gapHours += agg.gapHours;
}

/**
 * A planning's bars. The top bar covers the three whole months before today's month when the planning's
 * history reaches back to the first day of the earliest of them ('three_months'); until then it covers
 * everything recorded, the current month included ('partial_history', said so on screen); with no probe and
 * no gap at all it is empty ('no_history'). Month bars run from the first to the last month with data, empty
 * months included so that a silence shows.
 *
 * Runs for every planning at each dashboard refresh: months are handled as integers (calendar.ts), never
 * through date objects.
 */
export function planningStats(
  planningId: string,
  aggregates: readonly MonthAggregate[],
  today: LocalDate,
): PlanningStats {
  const byIndex = new Map<number, MonthAggregate>();
  let firstIndex = Number.POSITIVE_INFINITY;
  let lastIndex = Number.NEGATIVE_INFINITY;
  for (const agg of aggregates) {
    if (agg.firstDay === null) continue;
    const index = monthIndex(agg.month);
    byIndex.set(index, agg);
    if (index < firstIndex) firstIndex = index;
    if (index > lastIndex) lastIndex = index;
  }

  const currentIndex = monthIndex(monthOf(today));
  const topFromMonth = monthAt(currentIndex - 3);
  const threeMonthsFrom = firstDayOfMonth(topFromMonth);
  const threeMonthsTo = lastDayOfMonth(monthAt(currentIndex - 1));

  const first = byIndex.get(firstIndex);
  const last = byIndex.get(lastIndex);
  if (first === undefined || last === undefined) {
    return { planningId, top: emptyBar(threeMonthsFrom, threeMonthsTo), topScope: 'no_history', months: [] };
  }

  const months: MonthBar[] = [];
  for (let index = firstIndex; index <= lastIndex; index += 1) {
    const month = monthAt(index);
    const bar: MonthBar = { ...emptyBar(firstDayOfMonth(month), lastDayOfMonth(month)), month };
    const agg = byIndex.get(index);
    if (agg) addMonth(bar, agg);
    months.push(bar);
  }

  const earliestDay = first.firstDay ?? threeMonthsFrom;
  let top: Bar;
  let topScope: TopBarScope;
  if (earliestDay <= threeMonthsFrom) {
    topScope = 'three_months';
    top = emptyBar(threeMonthsFrom, threeMonthsTo);
    for (let index = currentIndex - 3; index < currentIndex; index += 1) {
      const agg = byIndex.get(index);
      if (agg) addMonth(top, agg);
    }
  } else {
    topScope = 'partial_history';
    const latestDay = last.lastDay ?? today;
    top = emptyBar(earliestDay, latestDay > today ? latestDay : today);
    for (const agg of byIndex.values()) addMonth(top, agg);
  }
  return { planningId, top, topScope, months };
}
