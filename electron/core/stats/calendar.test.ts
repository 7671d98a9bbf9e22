import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addMonthsToMonth,
  dateInMonth,
  frenchDate,
  daysInMonth,
  lastDayOfMonth,
  monthAt,
  monthIndex,
  monthsBetween,
  PARIS,
} from './calendar.js';

describe('month arithmetic on month keys', () => {
  it('crosses year boundaries both ways', () => {
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12');
    expect(addMonthsToMonth('2026-02', -3)).toBe('2025-11');
    expect(addMonthsToMonth('2025-12', 1)).toBe('2026-01');
    expect(addMonthsToMonth('2025-11', 14)).toBe('2027-01');
    expect(addMonthsToMonth('2026-03', -27)).toBe('2023-12');
    expect(monthIndex('2026-01') - monthIndex('2025-12')).toBe(1);
    expect(monthAt(monthIndex('2030-10'))).toBe('2030-10');
  });

  it('lists every month between two, across a new year, both ends included', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
    expect(monthsBetween('2023-02', '2026-01')).toHaveLength(36);
  });

  it('ends each month on its last calendar day, leap years included', () => {
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(lastDayOfMonth('2000-02')).toBe('2000-02-29');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(dateInMonth('2026-03', 5)).toBe('2026-03-05');
    expect(frenchDate('2026-03-05')).toBe('05/03/2026');
  });

  it('agrees with luxon in Europe/Paris on every month from 2020 to 2039', () => {
    for (const month of monthsBetween('2020-01', '2039-12')) {
      const start = DateTime.fromISO(`${month}-01`, { zone: PARIS });
      expect(lastDayOfMonth(month)).toBe(start.endOf('month').toISODate());
      expect(daysInMonth(month)).toBe(start.daysInMonth);
      expect(addMonthsToMonth(month, 1)).toBe(start.plus({ months: 1 }).toFormat('yyyy-MM'));
      expect(addMonthsToMonth(month, -3)).toBe(start.minus({ months: 3 }).toFormat('yyyy-MM'));
    }
  });

  it('refuses what is not a month', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '']) expect(() => monthIndex(bad)).toThrow();
  });
});
