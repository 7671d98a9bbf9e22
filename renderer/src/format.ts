// Dates as people in France read them, whatever the computer's own time zone: Europe/Paris always.
import { PARIS, type LocalDate, type LocalDateTime, type MonthKey } from '../../electron/shared/domain';

export const TIME_ZONE = PARIS;

function parts(date: Date, locale: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options }).formatToParts(date)) {
    result[part.type] = part.value;
  }
  return result;
}

/** An ISO instant as "26/11/2026 14:05" in Paris time. */
export function formatInstant(iso: string): string {
  const p = parts(new Date(iso), 'fr-FR', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${p.day ?? ''}/${p.month ?? ''}/${p.year ?? ''} ${p.hour ?? ''}:${p.minute ?? ''}`;
}

/** Today's date in Paris, "2026-11-26". */
export function todayInParis(now: Date = new Date()): LocalDate {
  const p = parts(now, 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year ?? ''}-${p.month ?? ''}-${p.day ?? ''}`;
}

/** A local date "2026-12-03" as "03/12/2026". */
export function formatLocalDate(value: LocalDate): string {
  const [year = '', month = '', day = ''] = value.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A local date-time "2026-12-03T09:30" as "03/12/2026 09:30": already Paris time, nothing to convert. */
export function formatLocalDateTime(value: LocalDateTime): string {
  const time = value.slice(11, 16);
  return time ? `${formatLocalDate(value)} ${time}` : formatLocalDate(value);
}

/** Noon UTC of a local day is the same day in Paris, whatever the season. */
function middayOf(value: LocalDate): Date {
  const [year = 1970, month = 1, day = 1] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/**
 * "jeudi 26 novembre 2026" (or "Thursday 26 November 2026"). `ordinal: false` keeps « 1 » for the first of the
 * month, where the name must contain the number shown (a calendar's day).
 */
export function formatLongDate(value: LocalDate, locale: string, { ordinal = true }: { ordinal?: boolean } = {}): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(middayOf(value));
  // French writes the first of the month « 1er »; Intl does not.
  const french = ordinal && locale.startsWith('fr');
  return parts.map((part) => (french && part.type === 'day' && part.value === '1' ? '1er' : part.value)).join('');
}

/** "2026-11" as "novembre 2026". */
export function formatMonth(month: MonthKey, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, month: 'long', year: 'numeric' }).format(
    middayOf(`${month}-15`),
  );
}

/** "ab12 cd34 …": the installation key's fingerprint as a person reads it aloud or compares it on paper. */
export const groupedFingerprint = (fingerprint: string): string => fingerprint.replace(/(.{4})(?=.)/g, '$1 ');

/** "AB:12:…": a certificate's SHA-256 as authorities (and `openssl x509 -fingerprint`) publish it. */
export const colonFingerprint = (sha256: string): string => sha256.toUpperCase().replace(/(..)(?=.)/g, '$1:');

export { fileSlug } from '../../electron/shared/export-names';
