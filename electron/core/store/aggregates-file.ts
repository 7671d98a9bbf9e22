// How a planning's month aggregates are written to `aggregates/<id>.json`: one line of JSON, a few kB after
// years, because it is rewritten at every probe. Empty members are left out and distinct days are day masks.
import {
  CATEGORIES,
  INCONCLUSIVE_OUTCOMES,
  type Category,
  type InconclusiveOutcome,
  type MonthKey,
} from '../../shared/domain.js';
import {
  dateInMonth,
  isDayMask,
  NO_DAYS,
  sortedMonths,
  type DayMask,
  type MonthAggregate,
  type MonthAggregates,
} from '../stats/index.js';

/**
 * One month on disk, e.g. `{"c":{"c5":[40,7],"c2":[12,6]},"i":{"captcha":3},"g":2,"f":1,"l":3}`:
 * `c` per category [attempts, days as a day mask (bit d − 1 = day d)], `i` inconclusive outcomes counted,
 * `g` gap hours, `f`/`l` the first and last day of the month (1–31) with a probe or a gap. Zeros are omitted.
 */
export interface StoredMonth {
  c?: Partial<Record<Category, [attempts: number, days: DayMask]>>;
  i?: Partial<Record<InconclusiveOutcome, number>>;
  g?: number;
  f?: number;
  l?: number;
}

export type StoredMonths = Record<MonthKey, StoredMonth>;

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MEMBERS = new Set(['c', 'i', 'g', 'f', 'l']);
const CATEGORY_SET = new Set<string>(CATEGORIES);
const INCONCLUSIVE_SET = new Set<string>(INCONCLUSIVE_OUTCOMES);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isDay = (value: unknown): boolean => isCount(value) && value >= 1 && value <= 31;

// Checked for every month of every planning when the dashboard first reads them: plain loops, no arrays made.
function isStoredMonth(value: unknown): value is StoredMonth {
  if (!isObject(value)) return false;
  for (const key in value) if (!MONTH_MEMBERS.has(key)) return false;
  const { c, i, g, f, l } = value;
  if (c !== undefined) {
    if (!isObject(c)) return false;
    for (const key in c) {
      const pair = c[key];
      if (!CATEGORY_SET.has(key) || !Array.isArray(pair) || pair.length !== 2) return false;
      if (!isCount(pair[0]) || !isDayMask(pair[1])) return false;
    }
  }
  if (i !== undefined) {
    if (!isObject(i)) return false;
    for (const key in i) if (!INCONCLUSIVE_SET.has(key) || !isCount(i[key])) return false;
  }
  if (g !== undefined && !(typeof g === 'number' && Number.isFinite(g) && g >= 0)) return false;
  return (f === undefined || isDay(f)) && (l === undefined || isDay(l));
}

/** The shape check of the `months` member: anything else (an older layout included) is a damaged file. */
export function isStoredMonths(value: unknown): value is StoredMonths {
  if (!isObject(value)) return false;
  for (const key in value) if (!MONTH_KEY.test(key) || !isStoredMonth(value[key])) return false;
  return true;
}

const dayNumber = (date: string): number => Number(date.slice(8, 10));

export function encodeMonth(agg: MonthAggregate): StoredMonth {
  const stored: StoredMonth = {};
  const categories: NonNullable<StoredMonth['c']> = {};
  let anyCategory = false;
  for (const category of CATEGORIES) {
    const { attempts, days } = agg.categories[category];
    if (attempts === 0 && days === 0) continue;
    categories[category] = [attempts, days];
    anyCategory = true;
  }
  if (anyCategory) stored.c = categories;
  const inconclusive: NonNullable<StoredMonth['i']> = {};
  let anyInconclusive = false;
  for (const outcome of INCONCLUSIVE_OUTCOMES) {
    const count = agg.inconclusive[outcome];
    if (count === 0) continue;
    inconclusive[outcome] = count;
    anyInconclusive = true;
  }
  if (anyInconclusive) stored.i = inconclusive;
  if (agg.gapHours !== 0) stored.g = agg.gapHours;
  if (agg.firstDay !== null) stored.f = dayNumber(agg.firstDay);
  if (agg.lastDay !== null) stored.l = dayNumber(agg.lastDay);
  return stored;
}

const countOf = (pair: [attempts: number, days: DayMask] | undefined): { attempts: number; days: DayMask } =>
  pair ? { attempts: pair[0], days: pair[1] } : { attempts: 0, days: NO_DAYS };

/**
 * A fresh, complete month (every category and outcome present): callers may keep or change it. Written out key
 * by key, as emptyMonth() is: the dashboard's first call decodes every month of every planning.
 */
export function decodeMonth(month: MonthKey, stored: StoredMonth): MonthAggregate {
  const { c, i } = stored;
  return {
    month,
    categories: { c1: countOf(c?.c1), c2: countOf(c?.c2), c3: countOf(c?.c3), c4: countOf(c?.c4), c5: countOf(c?.c5) },
    inconclusive: {
      captcha: i?.captcha ?? 0,
      site_error: i?.site_error ?? 0,
      unreachable: i?.unreachable ?? 0,
      unrecognized: i?.unrecognized ?? 0,
      robot_error: i?.robot_error ?? 0,
    },
    gapHours: stored.g ?? 0,
    firstDay: stored.f === undefined ? null : dateInMonth(month, stored.f),
    lastDay: stored.l === undefined ? null : dateInMonth(month, stored.l),
  };
}

/** Months oldest first, decoded. */
export function decodeMonths(stored: StoredMonths): MonthAggregate[] {
  return Object.keys(stored)
    .sort()
    .map((month) => decodeMonth(month, stored[month] ?? {}));
}

/** Months encoded oldest first, so that the same counts always give the same bytes. */
export function encodeMonths(months: MonthAggregates): StoredMonths {
  const stored: StoredMonths = {};
  for (const agg of sortedMonths(months)) stored[agg.month] = encodeMonth(agg);
  return stored;
}

/** Decodes the months, lets `change` count probes or gaps in them (addProbe, addGap), encodes them back. */
export function changeMonths(stored: StoredMonths, change: (months: MonthAggregates) => void): StoredMonths {
  const months: MonthAggregates = {};
  for (const agg of decodeMonths(stored)) months[agg.month] = agg;
  change(months);
  return encodeMonths(months);
}
