import { describe, expect, it } from 'vitest';
import { addProbe, emptyMonth, type MonthAggregates } from './aggregate.js';
import { lastDatesDay } from './last-dates.js';

describe('lastDatesDay', () => {
  it('is the newest day with a probe that saw dates, whatever came after', () => {
    const months: MonthAggregates = { '2026-10': emptyMonth('2026-10'), '2026-11': emptyMonth('2026-11') };
    expect(lastDatesDay(Object.values(months))).toBeNull();
    addProbe(months, { localDate: '2026-10-03', outcome: 'dates', category: 'c1' });
    addProbe(months, { localDate: '2026-10-21', outcome: 'dates', category: 'c4' });
    addProbe(months, { localDate: '2026-11-02', outcome: 'no_date', category: 'c5' });
    addProbe(months, { localDate: '2026-11-05', outcome: 'captcha', category: null });
    expect(lastDatesDay(Object.values(months))).toBe('2026-10-21');
  });
});
