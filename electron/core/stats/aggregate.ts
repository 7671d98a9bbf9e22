// Per-month counts of one planning, kept up to date at each write so that the dashboard never reads probes.
import {
  CATEGORIES,
  INCONCLUSIVE_OUTCOMES,
  type Category,
  type Gap,
  type InconclusiveOutcome,
  type LocalDate,
  type MonthKey,
  type Probe,
} from '../../shared/domain.js';
import { monthOf, parisDateTime } from './calendar.js';

export interface MonthCategoryCount {
  attempts: number;
  /** Days of the month (1–31), sorted, on which this category was seen: courts count distinct days. */
  days: number[];
}

export interface MonthAggregate {
  planningId: string;
  month: MonthKey;
  categories: Record<Category, MonthCategoryCount>;
  /** Days of the month (1–31) with at least one conclusive probe. */
  conclusiveDays: number[];
  inconclusive: Record<InconclusiveOutcome, number>;
  gapHours: number;
  /** First and last local days with a probe or a gap in this month. */
  firstDay: LocalDate | null;
  lastDay: LocalDate | null;
}

/** A planning's months, keyed by month. */
export type MonthAggregates = Record<MonthKey, MonthAggregate>;

export function emptyMonth(planningId: string, month: MonthKey): MonthAggregate {
  const categories = {} as Record<Category, MonthCategoryCount>;
  for (const category of CATEGORIES) categories[category] = { attempts: 0, days: [] };
  const inconclusive = {} as Record<InconclusiveOutcome, number>;
  for (const outcome of INCONCLUSIVE_OUTCOMES) inconclusive[outcome] = 0;
  return {
    planningId,
    month,
    categories,
    conclusiveDays: [],
    inconclusive,
    gapHours: 0,
    firstDay: null,
    lastDay: null,
  };
}

function monthFor(months: MonthAggregates, planningId: string, month: MonthKey): MonthAggregate {
  const existing = months[month];
  if (existing) return existing;
  const created = emptyMonth(planningId, month);
  months[month] = created;
  return created;
}

function addDay(days: number[], day: number): void {
  if (days.includes(day)) return;
  days.push(day);
  days.sort((a, b) => a - b);
}

function touch(agg: MonthAggregate, date: LocalDate): void {
  if (agg.firstDay === null || date < agg.firstDay) agg.firstDay = date;
  if (agg.lastDay === null || date > agg.lastDay) agg.lastDay = date;
}

/** Counts one probe in its local month. The probe's category must already be computed (categoryOf). */
export function addProbe(
  months: MonthAggregates,
  probe: Pick<Probe, 'planningId' | 'localDate' | 'outcome' | 'category'>,
): void {
  const agg = monthFor(months, probe.planningId, monthOf(probe.localDate));
  touch(agg, probe.localDate);
  const day = Number(probe.localDate.slice(8, 10));
  if (probe.category !== null) {
    const count = agg.categories[probe.category];
    count.attempts += 1;
    addDay(count.days, day);
    addDay(agg.conclusiveDays, day);
  } else if (probe.outcome !== 'dates' && probe.outcome !== 'no_date') {
    agg.inconclusive[probe.outcome] += 1;
  }
  // A `dates` probe without a first slot has no category and is not inconclusive either: an adapter bug,
  // kept out of every count rather than guessed.
}

/** Counts a gap's missed hours in the local month of each missed hour (a gap may cross a month's end). */
export function addGap(months: MonthAggregates, gap: Gap): void {
  if (gap.hours <= 0) return;
  const from = Date.parse(gap.from);
  const to = Date.parse(gap.to);
  const step = Number.isFinite(from) && Number.isFinite(to) && to > from ? (to - from) / gap.hours : 0;
  const whole = Math.floor(gap.hours);
  for (let slot = 0; slot < Math.max(whole, 1); slot += 1) {
    const { date } = parisDateTime(new Date(from + slot * step));
    const agg = monthFor(months, gap.planningId, monthOf(date));
    touch(agg, date);
    // A fractional gap (should not happen) is counted in its first month, without losing the fraction.
    agg.gapHours += whole === 0 ? gap.hours : slot === 0 ? 1 + (gap.hours - whole) : 1;
  }
}

/** Months oldest first. */
export function sortedMonths(months: MonthAggregates): MonthAggregate[] {
  return Object.keys(months)
    .sort()
    .map((key) => months[key])
    .filter((agg): agg is MonthAggregate => agg !== undefined);
}
