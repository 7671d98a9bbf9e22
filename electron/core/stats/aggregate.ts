// Per-month counts of one planning, kept up to date at each write so that the dashboard never reads probes.
import {
  CATEGORIES,
  type Category,
  type Gap,
  type InconclusiveOutcome,
  type LocalDate,
  type MonthKey,
  type Probe,
} from '../../shared/domain.js';
import { monthOf, parisDateTime } from './calendar.js';
import { NO_DAYS, withDay, type DayMask } from './day-mask.js';

export interface MonthCategoryCount {
  attempts: number;
  /** Days of the month on which this category was seen (see day-mask.ts): courts count distinct days. */
  days: DayMask;
}

export interface MonthAggregate {
  month: MonthKey;
  categories: Record<Category, MonthCategoryCount>;
  inconclusive: Record<InconclusiveOutcome, number>;
  gapHours: number;
  /** First and last local days with a probe or a gap in this month. */
  firstDay: LocalDate | null;
  lastDay: LocalDate | null;
}

/** A planning's months, keyed by month. */
export type MonthAggregates = Record<MonthKey, MonthAggregate>;

/**
 * Made as literals with every key written out (the compiler checks that none is missing): the dashboard makes
 * tens of thousands of these, and objects filled key by key in a loop are several times slower to make and read.
 */
export function emptyCategoryCounts(): Record<Category, MonthCategoryCount> {
  return {
    c1: { attempts: 0, days: NO_DAYS },
    c2: { attempts: 0, days: NO_DAYS },
    c3: { attempts: 0, days: NO_DAYS },
    c4: { attempts: 0, days: NO_DAYS },
    c5: { attempts: 0, days: NO_DAYS },
  };
}

export function emptyInconclusive(): Record<InconclusiveOutcome, number> {
  return { captcha: 0, site_error: 0, unreachable: 0, unrecognized: 0, robot_error: 0 };
}

export function emptyMonth(month: MonthKey): MonthAggregate {
  return { month, categories: emptyCategoryCounts(), inconclusive: emptyInconclusive(), gapHours: 0, firstDay: null, lastDay: null };
}

/** Days of the month with at least one conclusive probe: those of any category. */
export function conclusiveDays(agg: MonthAggregate): DayMask {
  let mask = NO_DAYS;
  for (const category of CATEGORIES) mask |= agg.categories[category].days;
  return mask;
}

function monthFor(months: MonthAggregates, month: MonthKey): MonthAggregate {
  const existing = months[month];
  if (existing) return existing;
  const created = emptyMonth(month);
  months[month] = created;
  return created;
}

function touch(agg: MonthAggregate, date: LocalDate): void {
  if (agg.firstDay === null || date < agg.firstDay) agg.firstDay = date;
  if (agg.lastDay === null || date > agg.lastDay) agg.lastDay = date;
}

/** Counts one probe in its local month. The probe's category must already be computed (categoryOf). */
export function addProbe(
  months: MonthAggregates,
  probe: Pick<Probe, 'localDate' | 'outcome' | 'category'>,
): void {
  const agg = monthFor(months, monthOf(probe.localDate));
  touch(agg, probe.localDate);
  if (probe.category !== null) {
    const count = agg.categories[probe.category];
    count.attempts += 1;
    count.days = withDay(count.days, Number(probe.localDate.slice(8, 10)));
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
    const agg = monthFor(months, monthOf(date));
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
