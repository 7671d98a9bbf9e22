import { describe, expect, it } from 'vitest';
import { categoryOf } from './category.js';
import { addMonths, parisDateTime } from './calendar.js';

describe('categoryOf', () => {
  const t = '2026-03-10';

  it('puts two slots on exactly t + 1 month in c1, whatever their hour', () => {
    expect(categoryOf(t, '2026-04-10T08:00', '2026-04-10T23:59', 'dates')).toBe('c1');
  });

  it('puts a second slot one day after t + 1 month in c2', () => {
    expect(categoryOf(t, '2026-04-10T08:00', '2026-04-11T00:00', 'dates')).toBe('c2');
  });

  it('puts a single slot within a month in c2', () => {
    expect(categoryOf(t, '2026-03-11T09:00', null, 'dates')).toBe('c2');
  });

  it('puts a first slot one day after t + 1 month in c3', () => {
    expect(categoryOf(t, '2026-04-11T00:00', '2026-04-11T00:30', 'dates')).toBe('c3');
  });

  it('puts a first slot on exactly t + 2 months in c3', () => {
    expect(categoryOf(t, '2026-05-10T23:59', null, 'dates')).toBe('c3');
  });

  it('puts a first slot one day after t + 2 months in c4', () => {
    expect(categoryOf(t, '2026-05-11T08:00', null, 'dates')).toBe('c4');
  });

  it('puts a no_date probe in c5', () => {
    expect(categoryOf(t, null, null, 'no_date')).toBe('c5');
  });

  it('gives no category to inconclusive outcomes, never c5', () => {
    for (const outcome of ['captcha', 'site_error', 'unreachable', 'unrecognized', 'robot_error'] as const) {
      expect(categoryOf(t, null, null, outcome)).toBeNull();
    }
    expect(categoryOf(t, null, null, 'dates')).toBeNull();
  });

  it('counts calendar months from 31 January: t + 1 month is 28 February', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(categoryOf('2026-01-31', '2026-02-28T10:00', '2026-02-28T11:00', 'dates')).toBe('c1');
    expect(categoryOf('2026-01-31', '2026-03-01T10:00', null, 'dates')).toBe('c3');
    // t + 2 months from 31 January is 31 March.
    expect(categoryOf('2026-01-31', '2026-03-31T10:00', null, 'dates')).toBe('c3');
    expect(categoryOf('2026-01-31', '2026-04-01T10:00', null, 'dates')).toBe('c4');
  });

  it('counts 29 February in a leap year', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(categoryOf('2028-01-31', '2028-02-29T09:00', '2028-02-29T09:30', 'dates')).toBe('c1');
    expect(categoryOf('2028-01-31', '2028-03-01T09:00', null, 'dates')).toBe('c3');
    expect(categoryOf('2028-02-29', '2028-03-29T09:00', null, 'dates')).toBe('c2');
    expect(categoryOf('2028-02-29', '2028-03-30T09:00', null, 'dates')).toBe('c3');
    expect(categoryOf('2028-02-29', '2028-04-29T09:00', null, 'dates')).toBe('c3');
    expect(categoryOf('2028-02-29', '2028-04-30T09:00', null, 'dates')).toBe('c4');
  });

  it('ends 30- and 31-day months on their own last day', () => {
    // 31 March + 1 month = 30 April; 30 April + 1 month = 30 May (not 31).
    expect(categoryOf('2026-03-31', '2026-04-30T17:00', null, 'dates')).toBe('c2');
    expect(categoryOf('2026-03-31', '2026-05-01T08:00', null, 'dates')).toBe('c3');
    expect(categoryOf('2026-04-30', '2026-05-30T08:00', null, 'dates')).toBe('c2');
    expect(categoryOf('2026-04-30', '2026-05-31T08:00', null, 'dates')).toBe('c3');
    expect(categoryOf('2026-08-31', '2026-10-31T08:00', null, 'dates')).toBe('c3');
    expect(categoryOf('2026-08-31', '2026-11-01T08:00', null, 'dates')).toBe('c4');
  });

  it('counts from the Paris day of a probe taken late in the evening UTC', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Paris (winter, UTC+1).
    const { date, time } = parisDateTime('2026-01-31T23:30:00Z');
    expect([date, time]).toEqual(['2026-02-01', '00:30']);
    expect(categoryOf(date, '2026-03-01T09:00', null, 'dates')).toBe('c2');
    // From the UTC day it would have been c3: the Paris day is what counts.
    expect(categoryOf('2026-01-31', '2026-03-01T09:00', null, 'dates')).toBe('c3');
  });

  it('follows daylight saving time changes', () => {
    // Summer time (UTC+2): 22:15 UTC on 30 June is already 1 July in Paris.
    expect(parisDateTime('2026-06-30T22:15:00Z')).toEqual({ date: '2026-07-01', time: '00:15' });
    // The night of the spring change (29 March 2026): 01:30 UTC is 03:30 in Paris.
    expect(parisDateTime('2026-03-29T01:30:00Z')).toEqual({ date: '2026-03-29', time: '03:30' });
    // The night of the autumn change (25 October 2026): 00:30 UTC is 02:30 summer time, 01:30 UTC 02:30 winter.
    expect(parisDateTime('2026-10-25T00:30:00Z').time).toBe('02:30');
    expect(parisDateTime('2026-10-25T01:30:00Z').time).toBe('02:30');
    // Month arithmetic across a change stays on calendar days.
    expect(addMonths('2026-03-10', 1)).toBe('2026-04-10');
    expect(addMonths('2026-10-10', 1)).toBe('2026-11-10');
    expect(categoryOf('2026-10-25', '2026-11-25T00:00', '2026-11-25T23:59', 'dates')).toBe('c1');
  });
});
