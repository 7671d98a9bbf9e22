import { describe, expect, it } from 'vitest';
import type { Category, Outcome } from '../../shared/domain.js';
import { addGap, addProbe, conclusiveDays, sortedMonths, type MonthAggregates } from './aggregate.js';
import { categoryOf } from './category.js';
import { daysOf } from './day-mask.js';
import { planningStats, planningSummary } from './planning-stats.js';

const P = 'bobigny';

function probe(months: MonthAggregates, localDate: string, outcome: Outcome, firstSlot: string | null = null): void {
  const category: Category | null = categoryOf(localDate, firstSlot, null, outcome);
  addProbe(months, { localDate, outcome, category });
}

describe('aggregates', () => {
  it('counts attempts and distinct days per category, inconclusive outcomes beside', () => {
    const months: MonthAggregates = {};
    probe(months, '2026-02-03', 'no_date');
    probe(months, '2026-02-03', 'no_date');
    probe(months, '2026-02-04', 'no_date');
    probe(months, '2026-02-04', 'dates', '2026-02-20T09:00');
    probe(months, '2026-02-05', 'captcha');
    probe(months, '2026-02-05', 'unrecognized');
    const [feb] = sortedMonths(months);
    if (!feb) throw new Error('no February');
    expect(feb.categories.c5.attempts).toBe(3);
    expect(daysOf(feb.categories.c5.days)).toEqual([3, 4]);
    expect(feb.categories.c2.attempts).toBe(1);
    expect(daysOf(feb.categories.c2.days)).toEqual([4]);
    expect(daysOf(conclusiveDays(feb))).toEqual([3, 4]);
    expect(feb.inconclusive.captcha).toBe(1);
    expect(feb.inconclusive.unrecognized).toBe(1);
    expect([feb.firstDay, feb.lastDay]).toEqual(['2026-02-03', '2026-02-05']);
  });

  it('splits a gap across the end of a month in Paris time', () => {
    const months: MonthAggregates = {};
    // 21:00 UTC on 31 March = 23:00 in Paris (summer time); four missed hours: 23:00, 00:00, 01:00, 02:00.
    addGap(months, { planningId: P, from: '2026-03-31T21:00:00Z', to: '2026-04-01T01:00:00Z', hours: 4, reason: 'asleep' });
    expect(months['2026-03']?.gapHours).toBe(1);
    expect(months['2026-04']?.gapHours).toBe(3);
  });
});

describe('planning-stats', () => {
  it('has no history without probes or gaps', () => {
    const stats = planningStats(P, [], '2026-05-12');
    expect(stats.topScope).toBe('no_history');
    expect(stats.top.conclusive).toBe(0);
    expect(stats.months).toEqual([]);
    expect(stats.planningId).toBe(P);
  });

  it('covers the three whole months before the current month once history reaches back that far', () => {
    const months: MonthAggregates = {};
    probe(months, '2026-01-01', 'no_date'); // before the window
    probe(months, '2026-02-01', 'no_date');
    probe(months, '2026-02-01', 'dates', '2026-02-10T10:00');
    probe(months, '2026-03-15', 'site_error');
    probe(months, '2026-04-30', 'dates', '2026-07-30T10:00');
    probe(months, '2026-05-02', 'no_date'); // current month: outside the top bar
    addGap(months, { planningId: P, from: '2026-04-10T08:00:00Z', to: '2026-04-10T10:00:00Z', hours: 2, reason: 'app_closed' });
    const stats = planningStats(P, sortedMonths(months), '2026-05-12');
    expect(stats.topScope).toBe('three_months');
    expect([stats.top.from, stats.top.to]).toEqual(['2026-02-01', '2026-04-30']);
    expect(stats.top.conclusive).toBe(3);
    expect(stats.top.conclusiveDays).toBe(2);
    expect(stats.top.categories.c5).toEqual({ attempts: 1, days: 1 });
    expect(stats.top.categories.c2).toEqual({ attempts: 1, days: 1 });
    expect(stats.top.categories.c4).toEqual({ attempts: 1, days: 1 });
    expect(stats.top.inconclusive.site_error).toBe(1);
    expect(stats.top.gapHours).toBe(2);
    expect(stats.months.map((m) => [m.month, m.conclusive])).toEqual([
      ['2026-01', 1],
      ['2026-02', 2],
      ['2026-03', 0],
      ['2026-04', 1],
      ['2026-05', 1],
    ]);
    expect([stats.months[3]?.from, stats.months[3]?.to]).toEqual(['2026-04-01', '2026-04-30']);
    // On 12 May, May's bar is in progress and ends at its last probe, the 2nd.
    expect(stats.months[4]).toMatchObject({ month: '2026-05', from: '2026-05-01', to: '2026-05-02', inProgress: true });
    // The top bar's three months, whole, add up to it.
    expect(stats.topMonths.map((m) => [m.month, m.from, m.to, m.conclusive, m.inProgress])).toEqual([
      ['2026-02', '2026-02-01', '2026-02-28', 2, false],
      ['2026-03', '2026-03-01', '2026-03-31', 0, false],
      ['2026-04', '2026-04-01', '2026-04-30', 1, false],
    ]);
    expect(stats.topMonths.reduce((sum, m) => sum + m.gapHours, 0)).toBe(stats.top.gapHours);
    expect(stats.topMonths.reduce((sum, m) => sum + m.inconclusive.site_error, 0)).toBe(1);
  });

  it('crosses the year boundary when today is in January', () => {
    const months: MonthAggregates = {};
    probe(months, '2025-09-30', 'no_date'); // before October: outside
    probe(months, '2025-10-01', 'no_date');
    probe(months, '2025-12-31', 'no_date');
    probe(months, '2026-01-02', 'no_date'); // current month: outside
    const stats = planningStats(P, sortedMonths(months), '2026-01-15');
    expect(stats.topScope).toBe('three_months');
    expect([stats.top.from, stats.top.to]).toEqual(['2025-10-01', '2025-12-31']);
    expect(stats.top.categories.c5).toEqual({ attempts: 2, days: 2 });
    expect(stats.months.map((m) => m.month)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
  });

  it('ends a top bar on 29 February in a leap year and counts distinct days month by month', () => {
    const months: MonthAggregates = {};
    probe(months, '2027-12-01', 'no_date');
    probe(months, '2027-12-01', 'no_date');
    probe(months, '2027-12-31', 'dates', '2028-01-05T09:00');
    probe(months, '2028-01-31', 'no_date');
    probe(months, '2028-02-29', 'no_date');
    probe(months, '2028-02-29', 'captcha');
    const stats = planningStats(P, sortedMonths(months), '2028-03-01');
    expect(stats.topScope).toBe('three_months');
    expect([stats.top.from, stats.top.to]).toEqual(['2027-12-01', '2028-02-29']);
    expect(stats.top.conclusive).toBe(5);
    // 1 and 31 December, 31 January, 29 February: the same day number in two months is two days.
    expect(stats.top.conclusiveDays).toBe(4);
    expect(stats.top.categories.c5).toEqual({ attempts: 4, days: 3 });
    expect(stats.months.map((m) => [m.month, m.from, m.to, m.conclusiveDays])).toEqual([
      ['2027-12', '2027-12-01', '2027-12-31', 2],
      ['2028-01', '2028-01-01', '2028-01-31', 1],
      ['2028-02', '2028-02-01', '2028-02-29', 1],
    ]);
  });

  it('shows silent months across a new year as empty bars', () => {
    const months: MonthAggregates = {};
    probe(months, '2025-11-20', 'no_date');
    probe(months, '2026-02-03', 'no_date');
    const stats = planningStats(P, sortedMonths(months), '2026-02-10');
    expect(stats.months.map((m) => [m.month, m.from, m.to, m.conclusive])).toEqual([
      ['2025-11', '2025-11-01', '2025-11-30', 1],
      ['2025-12', '2025-12-01', '2025-12-31', 0],
      ['2026-01', '2026-01-01', '2026-01-31', 0],
      ['2026-02', '2026-02-01', '2026-02-03', 1],
    ]);
    // The current month is in progress: its bar stops at its last probe, not at the 28th.
    expect(stats.months.map((m) => m.inProgress)).toEqual([false, false, false, true]);
    // History starts on 20 November, after 1 November: not three whole months yet; the bar ends at the last probe.
    expect(stats.topScope).toBe('partial_history');
    expect([stats.top.from, stats.top.to]).toEqual(['2025-11-20', '2026-02-03']);
    expect(stats.topMonths).toEqual(stats.months);
  });

  it('covers what exists, and says so, until three whole months are recorded', () => {
    const months: MonthAggregates = {};
    probe(months, '2025-10-02', 'no_date'); // one day short of a whole October
    probe(months, '2026-01-03', 'dates', '2026-01-20T09:00');
    probe(months, '2026-01-04', 'unreachable');
    const stats = planningStats(P, sortedMonths(months), '2026-01-15');
    expect(stats.topScope).toBe('partial_history');
    expect([stats.top.from, stats.top.to]).toEqual(['2025-10-02', '2026-01-04']);
    expect(stats.top.conclusive).toBe(2);
    expect(stats.top.inconclusive.unreachable).toBe(1);
  });

  it('counts a planning that started this month as partial history', () => {
    const months: MonthAggregates = {};
    probe(months, '2026-01-03', 'no_date');
    const stats = planningStats(P, sortedMonths(months), '2026-01-05');
    expect(stats.topScope).toBe('partial_history');
    expect(stats.top.categories.c5.attempts).toBe(1);
    expect(stats.months).toHaveLength(1);
  });

  it('gives the dashboard the same top bar without month bars, and the months with probes for an export’s name', () => {
    const months: MonthAggregates = {};
    // A gap alone in August: no probe, so not part of what a CSV would hold.
    addGap(months, { planningId: P, from: '2025-08-10T08:00:00Z', to: '2025-08-10T10:00:00Z', hours: 2, reason: 'asleep' });
    probe(months, '2025-09-15', 'captcha');
    probe(months, '2025-11-20', 'no_date');
    addGap(months, { planningId: P, from: '2025-12-05T08:00:00Z', to: '2025-12-05T09:00:00Z', hours: 1, reason: 'asleep' });
    const aggregates = sortedMonths(months);
    const full = planningStats(P, aggregates, '2026-01-10');
    const summary = planningSummary(P, aggregates, '2026-01-10');
    expect(summary).not.toHaveProperty('months');
    expect({ ...full, months: undefined }).toEqual({ ...summary, months: undefined });
    expect(full.months.map((m) => m.month)).toEqual(['2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    // An inconclusive probe counts (the CSV has its row); gap-only months at either end do not.
    expect(summary.probedMonths).toEqual({ from: '2025-09-01', to: '2025-11-30' });
    expect(planningSummary(P, [], '2026-01-10').probedMonths).toBeNull();
  });
});
