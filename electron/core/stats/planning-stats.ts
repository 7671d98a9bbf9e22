import { CATEGORIES, INCONCLUSIVE_OUTCOMES, type LocalDate } from '../../shared/domain.js';
import type { Bar, MonthBar, PlanningStats, PlanningSummary, TopBarScope } from '../../shared/stats.js';
import { emptyCategoryCounts, emptyInconclusive, type MonthAggregate } from './aggregate.js';
import { monthIndex, monthOf, monthSpan } from './calendar.js';
import { countDays } from './day-mask.js';

export function emptyBar(from: LocalDate, to: LocalDate): Bar {
  // Literals with every key written out (see emptyMonth): a planning's page makes a bar per month.
  return { from, to, conclusive: 0, conclusiveDays: 0, categories: emptyCategoryCounts(), inconclusive: emptyInconclusive(), gapHours: 0 };
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

/** Adds a month's bar to a longer one (its days already counted: months never overlap). */
function addBar(bar: Bar, month: Bar): void {
  for (const category of CATEGORIES) {
    bar.categories[category].attempts += month.categories[category].attempts;
    bar.categories[category].days += month.categories[category].days;
  }
  bar.conclusive += month.conclusive;
  bar.conclusiveDays += month.conclusiveDays;
  for (const outcome of INCONCLUSIVE_OUTCOMES) bar.inconclusive[outcome] += month.inconclusive[outcome];
  bar.gapHours += month.gapHours;
}

interface Indexed {
  byIndex: Map<number, MonthAggregate>;
  /** Months with data (a probe or a gap), as integers (calendar.ts); ±Infinity with none. */
  firstIndex: number;
  lastIndex: number;
}

function indexed(aggregates: readonly MonthAggregate[]): Indexed {
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
  return { byIndex, firstIndex, lastIndex };
}

const probed = (agg: MonthAggregate): boolean =>
  CATEGORIES.some((category) => agg.categories[category].attempts > 0) ||
  INCONCLUSIVE_OUTCOMES.some((outcome) => agg.inconclusive[outcome] > 0);

/**
 * The bar of one calendar month. The current month stops at its last day with data: « du 01/12 au 05/12 » on
 * 5 December, never to the 31st.
 */
function monthBar(at: number, agg: MonthAggregate | undefined, currentIndex: number): MonthBar {
  const { month, first, last } = monthSpan(at);
  const inProgress = at === currentIndex;
  // A literal with every key written out, as emptyBar: the dashboard makes three a planning.
  const bar: MonthBar = {
    from: first,
    to: inProgress && agg?.lastDay ? agg.lastDay : last,
    conclusive: 0,
    conclusiveDays: 0,
    categories: emptyCategoryCounts(),
    inconclusive: emptyInconclusive(),
    gapHours: 0,
    month,
    inProgress,
  };
  if (agg) addMonth(bar, agg);
  return bar;
}

function summaryOf(planningId: string, { byIndex, firstIndex, lastIndex }: Indexed, today: LocalDate): PlanningSummary {
  const currentIndex = monthIndex(monthOf(today));
  const threeMonthsFrom = monthSpan(currentIndex - 3).first;
  const threeMonthsTo = monthSpan(currentIndex - 1).last;

  const first = byIndex.get(firstIndex);
  const last = byIndex.get(lastIndex);
  if (first === undefined || last === undefined) {
    return { planningId, top: emptyBar(threeMonthsFrom, threeMonthsTo), topScope: 'no_history', probedMonths: null, topMonths: [] };
  }

  const earliestDay = first.firstDay ?? threeMonthsFrom;
  let top: Bar;
  let topScope: TopBarScope;
  const topMonths: MonthBar[] = [];
  if (earliestDay <= threeMonthsFrom) {
    topScope = 'three_months';
    top = emptyBar(threeMonthsFrom, threeMonthsTo);
    for (let index = currentIndex - 3; index < currentIndex; index += 1) topMonths.push(monthBar(index, byIndex.get(index), currentIndex));
  } else {
    // What exists, to its last day with data: the period said under the bar is the one its probes cover.
    topScope = 'partial_history';
    top = emptyBar(earliestDay, last.lastDay ?? today);
    for (let index = firstIndex; index <= lastIndex; index += 1) topMonths.push(monthBar(index, byIndex.get(index), currentIndex));
  }
  for (const month of topMonths) addBar(top, month);

  let probedFrom: number | null = null;
  let probedTo: number | null = null;
  for (let index = firstIndex; index <= lastIndex; index += 1) {
    const agg = byIndex.get(index);
    if (!agg || !probed(agg)) continue;
    probedFrom ??= index;
    probedTo = index;
  }
  const probedMonths =
    probedFrom === null || probedTo === null
      ? null
      : { from: monthSpan(probedFrom).first, to: monthSpan(probedTo).last };
  return { planningId, top, topScope, probedMonths, topMonths };
}

/**
 * A planning's top bar, as the dashboard shows it. It covers the three whole months before today's month when
 * the planning's history reaches back to the first day of the earliest of them ('three_months'); until then it
 * covers everything recorded up to its last day with data, the current month included ('partial_history', said so
 * on screen); with no probe and no gap at all it is empty ('no_history'). `topMonths` are the month bars it adds up.
 *
 * Runs for every planning at each dashboard refresh: months are handled as integers (calendar.ts), never
 * through date objects, and only the month bars of the top bar are made.
 */
export function planningSummary(planningId: string, aggregates: readonly MonthAggregate[], today: LocalDate): PlanningSummary {
  return summaryOf(planningId, indexed(aggregates), today);
}

/**
 * A planning's bars, for its page: the top bar (planningSummary) and one bar per month, from the first to the
 * last month with data, empty months included so that a silence shows.
 */
export function planningStats(planningId: string, aggregates: readonly MonthAggregate[], today: LocalDate): PlanningStats {
  const index = indexed(aggregates);
  const currentIndex = monthIndex(monthOf(today));
  const months: MonthBar[] = [];
  for (let at = index.firstIndex; at <= index.lastIndex; at += 1) months.push(monthBar(at, index.byIndex.get(at), currentIndex));
  return { ...summaryOf(planningId, index, today), months };
}
