// The hours and days an association wants its plannings probed (some probe only on weekdays, in office hours).
// Outside them nothing is due: no probe runs and no gap is recorded. Hours and days are Paris time.
import { PARIS } from '../../shared/domain.js';

export interface ActiveTime {
  /** Hours of the day, 0–24: a due time at hour h is active when from ≤ h < to. */
  hours: { from: number; to: number };
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
}

export const ALWAYS: ActiveTime = { hours: { from: 0, to: 24 }, days: [1, 2, 3, 4, 5, 6, 7] };

const PARIS_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, hour: '2-digit', weekday: 'short', hourCycle: 'h23' });
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** True when every hour of every day is active: nothing to check. */
export function isAlways(active: ActiveTime): boolean {
  return active.hours.from <= 0 && active.hours.to >= 24 && [1, 2, 3, 4, 5, 6, 7].every((day) => active.days.includes(day));
}

/** Whether a due time (epoch ms) falls within the active hours and days, in Paris time. */
export function isActiveAt(at: number, active: ActiveTime): boolean {
  if (isAlways(active)) return true;
  let hour = 0;
  let day = 0;
  for (const part of PARIS_HOUR.formatToParts(at)) {
    if (part.type === 'hour') hour = Number(part.value);
    if (part.type === 'weekday') day = WEEKDAYS[part.value] ?? 0;
  }
  return active.days.includes(day) && hour >= active.hours.from && hour < active.hours.to;
}

/**
 * The active stretches among the due times `from, from + period, …` before `to`, as [start, end) ranges: what
 * a gap may cover. Hours outside the active time are not gaps.
 */
export function activeStretches(from: number, to: number, periodMs: number, active: ActiveTime): [number, number][] {
  if (isAlways(active)) return from < to ? [[from, to]] : [];
  const stretches: [number, number][] = [];
  let start: number | null = null;
  for (let due = from; due < to; due += periodMs) {
    const on = isActiveAt(due, active);
    if (on && start === null) start = due;
    if (!on && start !== null) {
      stretches.push([start, due]);
      start = null;
    }
  }
  if (start !== null) stretches.push([start, to]);
  return stretches;
}
