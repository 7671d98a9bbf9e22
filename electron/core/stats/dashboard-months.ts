// The few months of a planning that its top bar and « aucune date depuis » read, so that the dashboard's first
// screen can be drawn from a small summary instead of every month of years of history.
import { CATEGORIES, INCONCLUSIVE_OUTCOMES, type LocalDate, type MonthKey } from '../../shared/domain.js';
import type { MonthAggregate } from './aggregate.js';
import { monthAt, monthIndex, monthOf } from './calendar.js';

/** The months before the newest month with data that a top bar may add up: the three whole months before today's. */
const TOP_MONTHS = 3;

const probed = (agg: MonthAggregate): boolean =>
  CATEGORIES.some((category) => agg.categories[category].attempts > 0) ||
  INCONCLUSIVE_OUTCOMES.some((outcome) => agg.inconclusive[outcome] > 0);

const withDates = (agg: MonthAggregate): boolean =>
  agg.categories.c1.days !== 0 || agg.categories.c2.days !== 0 || agg.categories.c3.days !== 0 || agg.categories.c4.days !== 0;

/**
 * The months (oldest first) from which planningSummary and lastDatesDay give exactly what they give from all of
 * them, on any day whose month is not before the newest month with data (dashboardCovers): the first month with
 * data (where the history starts), the first and last months probed, the newest month that saw dates, and the
 * newest month with data with the three before it (every month a top bar may add up). Imported months may be
 * added to them afterwards: each of these months is still there in the sum.
 */
export function dashboardMonths(months: readonly MonthAggregate[]): MonthAggregate[] {
  let first: MonthKey | null = null;
  let newest: MonthKey | null = null;
  let firstProbed: MonthKey | null = null;
  let lastProbed: MonthKey | null = null;
  let lastDates: MonthKey | null = null;
  for (const agg of months) {
    if (withDates(agg) && (lastDates === null || agg.month > lastDates)) lastDates = agg.month;
    if (agg.firstDay === null) continue;
    if (first === null || agg.month < first) first = agg.month;
    if (newest === null || agg.month > newest) newest = agg.month;
    if (!probed(agg)) continue;
    if (firstProbed === null || agg.month < firstProbed) firstProbed = agg.month;
    if (lastProbed === null || agg.month > lastProbed) lastProbed = agg.month;
  }
  const from = newest === null ? null : monthAt(monthIndex(newest) - TOP_MONTHS);
  const kept = new Set([first, firstProbed, lastProbed, lastDates]);
  return months.filter((agg) => (from !== null && agg.month >= from) || kept.has(agg.month));
}

/** Whether dashboardMonths() is enough for the dashboard on `today`: its newest month with data is not later. */
export function dashboardCovers(months: readonly MonthAggregate[], today: LocalDate): boolean {
  const current = monthOf(today);
  return months.every((agg) => agg.firstDay === null || agg.month <= current);
}
