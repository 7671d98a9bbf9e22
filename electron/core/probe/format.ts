// Dates as users read them: French long form, Europe/Paris.
import { DateTime } from 'luxon';
import { PARIS, type LocalDateTime } from '../../shared/domain.js';

/** "jeudi 26 novembre 2026 à 14:05"; the first of the month is written « 1er », as in French. */
function long(dt: DateTime): string {
  const french = dt.setLocale('fr');
  const day = dt.day === 1 ? '1er' : String(dt.day);
  return `${french.toFormat('cccc')} ${day} ${french.toFormat("LLLL yyyy 'à' HH:mm")}`;
}

/** "jeudi 26 novembre 2026 à 14:05" (Europe/Paris). */
export function formatParis(instant: Date): string {
  return long(DateTime.fromJSDate(instant, { zone: PARIS }));
}

/** "2026-11-26 13:05:09 UTC". */
export function formatUtc(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A local slot "2026-12-03T09:30" as "jeudi 3 décembre 2026 à 09:30". */
export function frenchSlot(slot: LocalDateTime): string {
  return long(DateTime.fromISO(slot, { zone: PARIS }));
}

/** An instant in seconds as a local slot "2026-12-03T09:30". */
export function localSlot(seconds: number): LocalDateTime {
  return DateTime.fromSeconds(seconds, { zone: PARIS }).toFormat("yyyy-MM-dd'T'HH:mm");
}
