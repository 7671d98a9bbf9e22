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
  hourCycle: 'h23',
});

/** `2026-12-01_14-05`: the Paris date and time, sortable and safe in a file name on every OS. */
export function parisFileStamp(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    PARIS_PARTS.formatToParts(at).find((item) => item.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}_${part('hour')}-${part('minute')}`;
}

/** The raw data CSV when nothing names what is inside (all plannings): `guichets-sondages-2026-12-01_14-05.csv`. */
export function csvExportName(at: Date): string {
  return `guichets-sondages-${parisFileStamp(at)}.csv`;
}

/** The published static site's folder in the data folder, unless the person chooses another. */
export const PUBLISHED_SITE_DIR = 'site-public';

/** The dossier of evidence: `guichets-dossier-2026-12-01_14-05.zip`. */
export function dossierExportName(at: Date): string {
  return `guichets-dossier-${parisFileStamp(at)}.zip`;
}

/** A planning's name as a part of a file name: `bobigny-titre-de-sejour-premiere-demande`. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'planning';
}

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
