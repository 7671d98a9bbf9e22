// A month of a planning's probes as calendar days: each day's probes in order, its colour and its gaps.
import type { Category, Gap, LocalDate, MonthKey, Probe } from '../../../electron/shared/domain';
import { CATEGORIES } from '../../../electron/shared/domain';

export interface CalendarDay {
  date: LocalDate;
  /** Oldest first, as they happened. */
  probes: Probe[];
  /** The most frequent category that day (ties to the more closed one), or null without a conclusive probe. */
  dominant: Category | null;
  gaps: Gap[];
}

export function daysInMonth(month: MonthKey): number {
  const [year = 1970, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday, as French calendars start the week. */
export function weekdayOf(date: LocalDate): number {
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

export function shiftMonth(month: MonthKey, by: number): MonthKey {
  const [year = 1970, m = 1] = month.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, m - 1 + by, 15));
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function calendarDays(month: MonthKey, probes: readonly Probe[], gaps: readonly Gap[], parisDay: (iso: string) => LocalDate): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = 1; d <= daysInMonth(month); d += 1) {
    days.push({ date: `${month}-${String(d).padStart(2, '0')}`, probes: [], dominant: null, gaps: [] });
  }
  const at = (date: LocalDate) => days[Number(date.slice(8, 10)) - 1];
  for (const probe of [...probes].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    if (probe.localDate.startsWith(month)) at(probe.localDate)?.probes.push(probe);
  }
  for (const gap of gaps) {
    const day = parisDay(gap.from);
    if (day.startsWith(month)) at(day)?.gaps.push(gap);
  }
  for (const day of days) {
    let best: Category | null = null;
    let bestCount = 0;
    for (const category of CATEGORIES) {
      const count = day.probes.filter((probe) => probe.category === category).length;
      if (count > 0 && count >= bestCount) {
        best = category;
        bestCount = count;
      }
    }
    day.dominant = best;
  }
  return days;
}
