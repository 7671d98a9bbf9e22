import { describe, expect, it } from 'vitest';
import { ALL_DAYS, countDays, daysOf, hasDay, isDayMask, lastDayOf, maskOf, NO_DAYS, withDay } from './day-mask.js';

describe('day masks', () => {
  it('gives back exactly the days put in, for every day of a month', () => {
    for (let day = 1; day <= 31; day += 1) {
      const mask = maskOf([day]);
      expect(daysOf(mask)).toEqual([day]);
      expect(countDays(mask)).toBe(1);
      expect(hasDay(mask, day)).toBe(true);
    }
    const days = [1, 2, 9, 15, 16, 28, 29, 30, 31];
    expect(daysOf(maskOf(days))).toEqual(days);
    for (let end = 1; end <= days.length; end += 1) expect(lastDayOf(maskOf(days.slice(0, end)))).toBe(days[end - 1]);
    expect(lastDayOf(NO_DAYS)).toBeNull();
    expect(lastDayOf(ALL_DAYS)).toBe(31);
    expect(countDays(maskOf(days))).toBe(days.length);
  });

  it('counts a day seen twice once', () => {
    expect(daysOf(withDay(withDay(NO_DAYS, 4), 4))).toEqual([4]);
    expect(countDays(maskOf([3, 4, 3, 4, 4]))).toBe(2);
  });

  it('stays a positive integer that survives JSON, day 31 included', () => {
    const full = maskOf(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(full).toBe(ALL_DAYS);
    expect(full).toBeGreaterThan(0);
    expect(countDays(full)).toBe(31);
    expect(daysOf(JSON.parse(JSON.stringify(maskOf([31, 1]))) as number)).toEqual([1, 31]);
    expect(isDayMask(full)).toBe(true);
    expect(countDays(NO_DAYS)).toBe(0);
    expect(daysOf(NO_DAYS)).toEqual([]);
  });

  it('refuses days outside 1–31 and masks that are not one', () => {
    expect(() => withDay(NO_DAYS, 0)).toThrow(RangeError);
    expect(() => withDay(NO_DAYS, 32)).toThrow(RangeError);
    expect(() => withDay(NO_DAYS, 1.5)).toThrow(RangeError);
    for (const value of [-1, ALL_DAYS + 1, 2.5, '7', null]) expect(isDayMask(value)).toBe(false);
  });
});
