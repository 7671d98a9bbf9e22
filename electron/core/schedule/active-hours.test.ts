import { describe, expect, it } from 'vitest';
import { activeStretches, ALWAYS, isActiveAt, type ActiveTime } from './active-hours.js';

const HOUR = 3_600_000;
const WEEKDAYS_9_TO_18: ActiveTime = { hours: { from: 9, to: 18 }, days: [1, 2, 3, 4, 5] };
/** Paris time in winter is UTC + 1. */
const paris = (iso: string) => Date.parse(`${iso}+01:00`);

describe('active hours and days', () => {
  it('reads the hour and the weekday in Paris time', () => {
    // Monday 7 December 2026.
    expect(isActiveAt(paris('2026-12-07T09:00:00'), WEEKDAYS_9_TO_18)).toBe(true);
    expect(isActiveAt(paris('2026-12-07T08:59:00'), WEEKDAYS_9_TO_18)).toBe(false);
    expect(isActiveAt(paris('2026-12-07T17:30:00'), WEEKDAYS_9_TO_18)).toBe(true);
    expect(isActiveAt(paris('2026-12-07T18:00:00'), WEEKDAYS_9_TO_18)).toBe(false);
    // Saturday: not a weekday, whatever the hour.
    expect(isActiveAt(paris('2026-12-05T10:00:00'), WEEKDAYS_9_TO_18)).toBe(false);
    expect(isActiveAt(paris('2026-12-05T03:00:00'), ALWAYS)).toBe(true);
  });

  it('keeps only the active stretches of a missed period: nights and week-ends are not gaps', () => {
    // Friday 17:00 to Monday 11:00, hourly: Friday 17–18 and Monday 9–11 only.
    const from = paris('2026-12-04T17:00:00');
    const to = paris('2026-12-07T11:00:00');
    expect(activeStretches(from, to, HOUR, WEEKDAYS_9_TO_18)).toEqual([
      [from, from + HOUR],
      [paris('2026-12-07T09:00:00'), to],
    ]);
    expect(activeStretches(from, to, HOUR, ALWAYS)).toEqual([[from, to]]);
  });
});
