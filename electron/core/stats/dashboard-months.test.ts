import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../shared/domain.js';
import { addGap, addProbe, sortedMonths, type MonthAggregate, type MonthAggregates } from './aggregate.js';
import { addMonthsToMonth as addMonths } from './calendar.js';
import { categoryOf } from './category.js';
import { dashboardCovers, dashboardMonths } from './dashboard-months.js';
import { lastDatesDay } from './last-dates.js';
import { withImportedMonths } from '../store/imported.js';
import { planningSummary } from './planning-stats.js';

/** A small deterministic generator: the same histories at every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const OUTCOMES: Outcome[] = ['no_date', 'dates', 'captcha', 'site_error', 'unreachable'];

/** Months of probes and gaps, with silent months, gap-only months and months that saw dates, from `start`. */
function history(seed: number, start: string, length: number): MonthAggregate[] {
  const next = random(seed);
  const months: MonthAggregates = {};
  for (let index = 0; index < length; index += 1) {
    const month = addMonths(start, index);
    const kind = next();
    const day = (n: number) => `${month}-${String(1 + Math.floor(n * 28)).padStart(2, '0')}`;
    if (kind < 0.15) continue;
    if (kind < 0.25) {
      const from = `${day(next())}T08:00:00.000Z`;
      addGap(months, { planningId: 'p', from, to: from.replace('T08', 'T11'), hours: 3, reason: 'asleep' });
      continue;
    }
    for (let probes = 1 + Math.floor(next() * 6); probes > 0; probes -= 1) {
      const localDate = day(next());
      const outcome = kind < 0.4 ? 'captcha' : (OUTCOMES[Math.floor(next() * OUTCOMES.length)] ?? 'no_date');
      const firstSlot = outcome === 'dates' ? `${localDate}T09:00` : null;
      addProbe(months, { localDate, outcome, category: categoryOf(localDate, firstSlot, null, outcome) });
    }
  }
  return sortedMonths(months);
}

const shown = (months: readonly MonthAggregate[], today: string) => ({ summary: planningSummary('p', months, today), lastDates: lastDatesDay(months) });

describe('the months the dashboard reads', () => {
  it('give the same top bar and last day with dates as every month, on any day from the newest month on', () => {
    let compared = 0;
    for (let seed = 1; seed <= 60; seed += 1) {
      const all = history(seed, '2023-02', 1 + (seed % 40));
      const few = dashboardMonths(all);
      const newest = all.filter((agg) => agg.firstDay !== null).at(-1)?.month ?? '2023-02';
      for (const ahead of [0, 1, 2, 3, 4, 7]) {
        const today = `${addMonths(newest, ahead)}-${ahead === 0 ? '28' : '02'}`;
        expect(dashboardCovers(few, today)).toBe(true);
        expect(shown(few, today)).toEqual(shown(all, today));
        compared += 1;
      }
    }
    expect(compared).toBe(360);
  });

  it('still give the same figures once another association’s imported months are added to them', () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const own = history(seed, '2024-01', 10 + seed);
      const imported = history(seed + 1000, '2023-06', 20);
      const today = '2027-06-15';
      expect(dashboardCovers(dashboardMonths(own), today)).toBe(true);
      expect(shown(withImportedMonths(dashboardMonths(own), imported), today)).toEqual(shown(withImportedMonths(own, imported), today));
    }
  });

  it('are a handful of months after three years, and say when today is before them', () => {
    const all = history(7, '2023-02', 36);
    const few = dashboardMonths(all);
    expect(few.length).toBeLessThanOrEqual(8);
    expect(dashboardCovers(few, '2025-12-31')).toBe(false);
  });
});
