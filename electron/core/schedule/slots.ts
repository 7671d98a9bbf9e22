// The grid of due times: every hour at a planning's minute (or every minute in the demo). A probe started
// at any moment belongs to the slot [due, due + period) that contains it.

const MINUTE_MS = 60_000;

export interface Grid {
  periodMs: number;
  offsetMs: number;
}

export function gridFor(everyMinutes: 60 | 1, minute: number): Grid {
  const periodMs = everyMinutes * MINUTE_MS;
  // Paris is a whole number of hours from UTC, so a local minute of the hour is the same minute in UTC.
  return { periodMs, offsetMs: everyMinutes === 60 ? (minute % 60) * MINUTE_MS : 0 };
}

/** The latest due time at or before `t`. */
export function dueAtOrBefore(grid: Grid, t: number): number {
  return Math.floor((t - grid.offsetMs) / grid.periodMs) * grid.periodMs + grid.offsetMs;
}

/** The earliest due time at or after `t`. */
export function dueAtOrAfter(grid: Grid, t: number): number {
  return Math.ceil((t - grid.offsetMs) / grid.periodMs) * grid.periodMs + grid.offsetMs;
}

/** 0–59, stable per id (FNV-1a), so that plannings spread over the hour instead of all starting at :00. */
export function stableMinute(planningId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < planningId.length; i++) {
    hash ^= planningId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 60;
}

/** Seconds after the due minute at which a planning's job fires: a person does not click on the dot. */
export function jitterSeconds(random: () => number): number {
  return Math.min(59, Math.max(0, Math.floor(random() * 60)));
}
