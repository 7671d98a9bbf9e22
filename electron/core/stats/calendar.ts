// Calendar arithmetic in Europe/Paris, at day precision: the only precision the categories need.
import { DateTime } from 'luxon';
import type { LocalDate, LocalDateTime, MonthKey } from '../../shared/domain.js';

export const PARIS = 'Europe/Paris';

function parseLocalDate(date: LocalDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: PARIS });
  if (!parsed.isValid) throw new Error(`Date locale invalide : ${date}`);
  return parsed;
}

/** Calendar months: 31 January + 1 month = 28 February (29 in a leap year), as luxon and La Cimade count. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return parseLocalDate(date).plus({ months }).toISODate() ?? date;
}

/** The date part of a local date-time ("2026-12-03T09:30" → "2026-12-03"). */
export function dateOf(slot: LocalDateTime): LocalDate {
  return slot.slice(0, 10);
}

/** The time part of a local date-time ("2026-12-03T09:30" → "09:30"). */
export function timeOf(slot: LocalDateTime): string {
  return slot.slice(11, 16);
}

export function monthOf(date: LocalDate): MonthKey {
  return date.slice(0, 7);
}

/** Local day and time (HH:MM) in Paris of a UTC instant. */
export function parisDateTime(instant: string | Date): { date: LocalDate; time: string } {
  const utc =
    typeof instant === 'string' ? DateTime.fromISO(instant, { zone: 'utc' }) : DateTime.fromJSDate(instant);
  if (!utc.isValid) throw new Error(`Instant invalide : ${String(instant)}`);
  const local = utc.setZone(PARIS);
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

export function addMonthsToMonth(month: MonthKey, months: number): MonthKey {
  return monthOf(addMonths(`${month}-01`, months));
}

export function firstDayOfMonth(month: MonthKey): LocalDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: MonthKey): LocalDate {
  return parseLocalDate(`${month}-01`).endOf('month').toISODate() ?? `${month}-28`;
}

/** Every month from `from` to `to`, both included, oldest first. */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let month = from; month <= to; month = addMonthsToMonth(month, 1)) months.push(month);
  return months;
}
