// Distinct days of one month as a 31-bit integer: bit d − 1 is set when day d was seen. Small to store,
// merged with `|`, counted without a list. Day 31 is bit 30, so a mask stays a positive 32-bit integer.

/** A set of days (1–31) of one month. */
export type DayMask = number;

export const NO_DAYS: DayMask = 0;
/** Every day 1–31 set: the largest valid mask. */
export const ALL_DAYS: DayMask = 0x7fffffff;

function assertDay(day: number): void {
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`Jour du mois invalide : ${day}`);
}

export function withDay(mask: DayMask, day: number): DayMask {
  assertDay(day);
  return mask | (1 << (day - 1));
}

export function hasDay(mask: DayMask, day: number): boolean {
  assertDay(day);
  return (mask & (1 << (day - 1))) !== 0;
}

/** How many days are set (a population count). */
export function countDays(mask: DayMask): number {
  let bits = mask - ((mask >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function maskOf(days: Iterable<number>): DayMask {
  let mask = NO_DAYS;
  for (const day of days) mask = withDay(mask, day);
  return mask;
}

/** The days set, ascending. */
export function daysOf(mask: DayMask): number[] {
  const days: number[] = [];
  for (let day = 1; day <= 31; day += 1) if ((mask & (1 << (day - 1))) !== 0) days.push(day);
  return days;
}

/** The latest day set, null when none: the highest bit, without listing the days. */
export function lastDayOf(mask: DayMask): number | null {
  return mask === NO_DAYS ? null : 32 - Math.clz32(mask);
}

export function isDayMask(value: unknown): value is DayMask {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= ALL_DAYS;
}
