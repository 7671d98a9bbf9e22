// The names of exported files, the same whoever writes them (the core, the desktop's save dialog, the web host).
import { PARIS } from './domain.js';

const PARIS_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-12-01_14-05`: the Paris date and time, sortable and safe in a file name on every OS. */
export function parisFileStamp(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    PARIS_PARTS.formatToParts(at).find((item) => item.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}_${part('hour')}-${part('minute')}`;
}

/** The raw data CSV: `guichets-sondages-2026-12-01_14-05.csv`. */
export function csvExportName(at: Date): string {
  return `guichets-sondages-${parisFileStamp(at)}.csv`;
}
