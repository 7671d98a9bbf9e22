// Calendar arithmetic in Europe/Paris, at day precision: the only precision the categories need.
// Probe instants become Paris days with luxon (time zone, summer time); everything after that works on
// 'YYYY-MM' and 'YYYY-MM-DD' keys with plain integers, because the dashboard runs it thousands of times a call.
import { DateTime } from 'luxon';
import { PARIS, type LocalDate, type LocalDateTime, type MonthKey } from '../../shared/domain.js';

export { PARIS }; // defined once, in shared/domain.ts

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

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months counted from year 0: consecutive months are consecutive integers, across years too. */
export function monthIndex(month: MonthKey): number {
  const match = MONTH_KEY.exec(month);
  if (!match) throw new Error(`Mois invalide : ${month}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthAt(index: number): MonthKey {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

export function addMonthsToMonth(month: MonthKey, months: number): MonthKey {
  return monthAt(monthIndex(month) + months);
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** 28 to 31: the Gregorian calendar, which Paris follows whatever the time zone. */
export function daysInMonth(month: MonthKey): number {
  const index = monthIndex(month);
  const year = Math.floor(index / 12);
  const inYear = index - year * 12;
  return inYear === 1 && isLeapYear(year) ? 29 : (MONTH_DAYS[inYear] ?? 31);
}

/** A month's key and its first and last days, by its integer (monthIndex). */
export interface MonthSpan {
  month: MonthKey;
  first: LocalDate;
  last: LocalDate;
}

const spans = new Map<number, MonthSpan>();
/**
 * Worked out once a month and kept: the dashboard asks for the same three or four months for each of 500
 * plannings. A few hundred months at most in a lifetime of use.
 */
export function monthSpan(index: number): MonthSpan {
  let span = spans.get(index);
  if (span === undefined) {
    const month = monthAt(index);
    span = { month, first: firstDayOfMonth(month), last: lastDayOfMonth(month) };
    spans.set(index, span);
  }
  return span;
}

export function firstDayOfMonth(month: MonthKey): LocalDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: MonthKey): LocalDate {
  return `${month}-${String(daysInMonth(month))}`;
}

/** The date of day `day` (1–31) of a month. */
/** A local date (« 2026-12-07 ») as people in France read it, in either language: « 07/12/2026 ». */
export function frenchDate(date: LocalDate): string {
  return date.split('-').reverse().join('/');
}

export function dateInMonth(month: MonthKey, day: number): LocalDate {
  return `${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Every month from `from` to `to`, both included, oldest first. */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  const last = monthIndex(to);
  for (let index = monthIndex(from); index <= last; index += 1) months.push(monthAt(index));
  return months;
}
