import { describe, expect, it } from 'vitest';
import type { Probe } from '../../../electron/shared/domain';
import { calendarDays, shiftMonth, weekdayOf } from './calendar';

const probe = (localDate: string, hour: string, category: Probe['category'], outcome: Probe['outcome']) =>
  ({ id: `${localDate}-${hour}`, localDate, startedAt: `${localDate}T${hour}:00:00Z`, category, outcome }) as Probe;

describe('the evidence calendar', () => {
  it('puts each probe on its day, in order, and colours a day by its most frequent category', () => {
    const days = calendarDays(
      '2026-02',
      [probe('2026-02-03', '15', 'c5', 'no_date'), probe('2026-02-03', '09', 'c1', 'dates'), probe('2026-02-03', '12', 'c5', 'no_date'), probe('2026-02-04', '09', null, 'captcha')],
      [{ planningId: 'p', from: '2026-02-05T10:00:00Z', to: '2026-02-05T10:01:00Z', hours: 1, reason: 'app_closed' }],
      (iso) => iso.slice(0, 10),
    );
    expect(days).toHaveLength(28);
    expect(days[2]?.probes.map((p) => p.id)).toEqual(['2026-02-03-09', '2026-02-03-12', '2026-02-03-15']);
    expect(days[2]?.dominant).toBe('c5');
    expect(days[3]?.dominant).toBeNull();
    expect(days[4]?.gaps).toHaveLength(1);
  });

  it('starts weeks on Monday and moves across years', () => {
    expect(weekdayOf('2026-12-07')).toBe(0);
    expect(weekdayOf('2026-12-06')).toBe(6);
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});
