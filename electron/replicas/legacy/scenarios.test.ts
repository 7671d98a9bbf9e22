import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CALENDAR_TIMES } from './calendar.js';
import { LEGACY_DEMO_PLANNINGS, LEGACY_FORMS, slotsFor, type SlotShape } from './scenarios.js';

const PARIS = 'Europe/Paris';

/** Late evenings over weeks that hold a weekend, month ends (31 Jan, 31 Dec) and both DST changes. */
const DAYS = ['2026-01-26', '2026-03-26', '2026-10-22', '2026-12-26'].flatMap((start) =>
  Array.from({ length: 8 }, (_, i) =>
    DateTime.fromISO(`${start}T23:30`, { zone: PARIS }).plus({ days: i }),
  ),
);

interface Seen {
  today: string;
  oneMonth: string;
  twoMonths: string;
  slots: DateTime[];
}

function shape(shape: SlotShape, now: DateTime): Seen {
  const today = now.startOf('day');
  return {
    today: today.toISODate() ?? '',
    oneMonth: today.plus({ months: 1 }).toISODate() ?? '',
    twoMonths: today.plus({ months: 2 }).toISODate() ?? '',
    slots: slotsFor(shape, now.toJSDate()),
  };
}

const day = (slot: DateTime | undefined): string => slot?.toISODate() ?? 'missing';

describe('the shapes of the legacy replica hold on any day', () => {
  it.each(DAYS.map((d) => [d.toFormat('ccc yyyy-MM-dd'), d] as const))('%s', (_label, now) => {
    const two = shape('two_first_week', now);
    expect(two.slots).toHaveLength(2);
    expect(two.slots[0]?.weekNumber).toBe(two.slots[1]?.weekNumber);
    expect(day(two.slots[1]) <= two.oneMonth).toBe(true);

    const later = shape('one_then_later', now);
    expect(day(later.slots[0]) <= later.oneMonth).toBe(true);
    expect(day(later.slots[1]) > later.oneMonth).toBe(true);

    expect(shape('single_only', now).slots).toHaveLength(1);

    const c3 = shape('beyond_one_month', now);
    expect(day(c3.slots[0]) > c3.oneMonth && day(c3.slots[0]) <= c3.twoMonths).toBe(true);

    const c4 = shape('beyond_two_months', now);
    expect(day(c4.slots[0]) > c4.twoMonths).toBe(true);
    // Within the 120 days the robot looks ahead.
    expect(day(c4.slots[1]) <= (now.plus({ days: 120 }).toISODate() ?? '')).toBe(true);

    const all = [two, later, c3, c4].flatMap((s) => s.slots);
    for (const slot of all) {
      expect(slot > now).toBe(true);
      expect(slot.weekday).toBeLessThanOrEqual(5);
      expect(CALENDAR_TIMES).toContain(slot.toFormat('HH:mm'));
    }
  });
});

describe('the demo catalogue', () => {
  it('uses the real ids of several préfectures, one entry per guichet, with stable unique keys', () => {
    const ids = new Set(LEGACY_DEMO_PLANNINGS.map((p) => /\/booking\/create\/(\d+)/.exec(p.path)?.[1]));
    for (const id of ['9829', '50382', '50389', '12083', '13860', '876']) expect(ids).toContain(id);
    const keys = LEGACY_DEMO_PLANNINGS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(LEGACY_DEMO_PLANNINGS.filter((p) => p.path.includes('/9829/'))).toHaveLength(4);
  });

  it('names a guichet exactly when its form offers several', () => {
    for (const planning of LEGACY_DEMO_PLANNINGS) {
      const form = LEGACY_FORMS.find((f) => planning.path.includes(`/booking/create/${f.id}/`));
      expect(form?.demo).toBe(true);
      if ((form?.guichets.length ?? 0) > 1) expect(form?.guichets.map((g) => g.value)).toContain(planning.guichet);
      else expect(planning.guichet).toBeNull();
    }
  });

  it('covers every shape and every failure', () => {
    const shapes = new Set(LEGACY_FORMS.filter((f) => f.demo).flatMap((f) => f.guichets.map((g) => g.shape)));
    expect([...shapes].sort()).toEqual(
      ['beyond_one_month', 'beyond_two_months', 'none', 'one_then_later', 'single_only', 'two_first_week'].sort(),
    );
    const kinds = new Set(LEGACY_FORMS.map((f) => f.kind));
    expect([...kinds].sort()).toEqual([
      'bad_gateway',
      'booking',
      'calendar_502',
      'calendar_502_later',
      'captcha',
      'maintenance',
      'slow',
      'unknown_layout',
    ]);
  });
});
