// The last day a planning's guichet offered dates, read from the per-month aggregates (no probe is read): the
// dashboard says « aucune date depuis N jours » from it.
import type { LocalDate } from '../../shared/domain.js';
import type { MonthAggregate } from './aggregate.js';
import { lastDayOf, NO_DAYS } from './day-mask.js';

/** Categories c1–c4 are probes that saw a free slot; c5 is « no date ». */
const WITH_DATES = ['c1', 'c2', 'c3', 'c4'] as const;

export function lastDatesDay(months: readonly MonthAggregate[]): LocalDate | null {
  let newest: LocalDate | null = null;
  for (const agg of months) {
    let mask = NO_DAYS;
    for (const category of WITH_DATES) mask |= agg.categories[category].days;
    const last = lastDayOf(mask);
    if (last === null) continue;
    const day = `${agg.month}-${String(last).padStart(2, '0')}`;
    if (newest === null || day > newest) newest = day;
  }
  return newest;
}
