// The period a dossier or a publication covers: whole local days in Europe/Paris, both ends included.
import { DateTime } from 'luxon';
import type { LocalDate } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import { wordCore } from '../messages.js';
import { coreMessage, type MessageLang } from '../../shared/messages/index.js';
import { PARIS } from '../stats/calendar.js';

export interface Period {
  from: LocalDate;
  to: LocalDate;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The three whole months before the current one, as the top bar: what a lawyer files by default. */
export function defaultPeriod(now: Date): Period {
  const month = DateTime.fromJSDate(now, { zone: PARIS }).startOf('month');
  return {
    from: month.minus({ months: 3 }).toFormat('yyyy-MM-dd'),
    to: month.minus({ days: 1 }).toFormat('yyyy-MM-dd'),
  };
}

function checkedDate(value: string, option: string): LocalDate {
  const parsed = DATE.test(value) ? DateTime.fromISO(value, { zone: PARIS }) : null;
  if (!parsed?.isValid) {
    throw new AppError('invalid_input', `${option} : une date au format AAAA-MM-JJ, par exemple 2026-09-01 (reçu « ${value} »).`);
  }
  return value;
}

/** The period asked for, or the default one; one end alone is refused, as is an end before the start. */
export function resolvePeriod(now: Date, from?: string | null, to?: string | null): Period {
  if (!from && !to) return defaultPeriod(now);
  if (!from || !to) {
    throw new AppError('invalid_input', 'Période : donnez les deux bornes, --from AAAA-MM-JJ et --to AAAA-MM-JJ (ou aucune).');
  }
  const period = { from: checkedDate(from, 'Début de la période'), to: checkedDate(to, 'Fin de la période') };
  if (period.to < period.from) {
    throw new AppError('invalid_input', `Période : la fin (${period.to}) précède le début (${period.from}).`);
  }
  return period;
}

/** The UTC instant just after the period's last local day: seals made at or after it cover the whole period. */
export function periodEndInstant(period: Period): Date {
  return DateTime.fromISO(period.to, { zone: PARIS }).plus({ days: 1 }).startOf('day').toJSDate();
}

/** « 1er septembre 2026 », « 1 September 2026 ». */
export function dayWords(date: LocalDate, lang: MessageLang): string {
  const dt = DateTime.fromISO(date, { zone: PARIS });
  if (lang === 'en') return dt.setLocale('en-GB').toFormat('d LLLL yyyy');
  return `${dt.day === 1 ? '1er' : String(dt.day)} ${dt.setLocale('fr').toFormat('LLLL yyyy')}`;
}

/** « du 1er septembre 2026 au 30 novembre 2026 », « 1 September 2026 to 30 November 2026 ». */
export function periodWords(period: Period, lang: MessageLang): string {
  return wordCore(coreMessage('chart.span', { from: dayWords(period.from, lang), to: dayWords(period.to, lang) }), lang);
}

/** « novembre 2026 », « November 2026 ». */
export function monthWords(month: string, lang: MessageLang): string {
  return DateTime.fromISO(`${month}-01`, { zone: PARIS }).setLocale(lang === 'en' ? 'en-GB' : 'fr').toFormat('LLLL yyyy');
}

/** « 1er décembre 2026 à 13:40 », « 1 December 2026 at 13:40 » (Paris). */
export function instantWords(instant: Date, lang: MessageLang): string {
  const dt = DateTime.fromJSDate(instant, { zone: PARIS });
  return wordCore(coreMessage('chart.at', { day: dayWords(dt.toFormat('yyyy-MM-dd'), lang), time: dt.toFormat('HH:mm') }), lang);
}

export const frenchDay = (date: LocalDate): string => dayWords(date, 'fr');
export const frenchPeriod = (period: Period): string => periodWords(period, 'fr');
export const frenchMonth = (month: string): string => monthWords(month, 'fr');
export const frenchInstant = (instant: Date): string => instantWords(instant, 'fr');
