// The names of exported files, the same whoever writes them (the core, the screens, the desktop's save dialog, the
// web host): every one is made here.
import { PARIS, type LocalDate } from './domain.js';

const PARIS_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-12-01_14-05`: the Paris date and time, sortable and safe in a file name on every OS. */
export function parisFileStamp(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    PARIS_PARTS.formatToParts(at).find((item) => item.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}_${part('hour')}-${part('minute')}`;
}

/** `2026-12-01_14-05-09`: to the second, for files two of which may be made in the same minute. */
export function parisFileStampSeconds(at: Date): string {
  const second = PARIS_PARTS.formatToParts(at).find((item) => item.type === 'second')?.value ?? '00';
  return `${parisFileStamp(at)}-${second}`;
}

/** Lower case ASCII words joined by hyphens: « Bobigny — remise de titre » → `bobigny-remise-de-titre`. */
export function fileSlug(text: string, fallback = 'planning'): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/**
 * A dossier de preuves: `guichets-dossier-bobigny-remise-de-titre-2026-09-01-2026-11-30-2026-12-05_14-05-09.zip`
 * (what, which period, made when, to the second); `copy` 2, 3… when that name is already taken. Its PDF summary
 * has the same name, in .pdf.
 */
export function dossierExportName(subject: string, period: { from: string; to: string }, at: Date, copy = 1): string {
  const suffix = copy > 1 ? `-${copy}` : '';
  return `guichets-dossier-${fileSlug(subject)}-${period.from}-${period.to}-${parisFileStampSeconds(at)}${suffix}.zip`;
}

/** The raw data CSV: `guichets-sondages-2026-12-01_14-05.csv`. */
export function csvExportName(at: Date): string {
  return `guichets-sondages-${parisFileStamp(at)}.csv`;
}

/** The published static site's folder in the data folder, unless the person chooses another. */
export const PUBLISHED_SITE_DIR = 'site-public';

/**
 * What the screens export, named by what is inside so that a lawyer's folder says what each file is:
 * `guichets-<planning>-<from>-<to>.csv` (or .png), the period being that of the data inside.
 */
export function exportFileName(subject: string, from: LocalDate, to: LocalDate, extension: 'csv' | 'png'): string {
  return `guichets-${fileSlug(subject)}-${from}-${to}.${extension}`;
}

/** Whether a name a page suggests is a plain one of these (the desktop's save dialog offers no other). */
export function isExportFileName(name: unknown, extension: 'csv' | 'png'): name is string {
  return typeof name === 'string' && new RegExp(`^guichets-[a-z0-9-]{1,150}\\.${extension}$`).test(name);
}
