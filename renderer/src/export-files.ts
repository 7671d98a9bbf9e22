// The names of the files the UI exports, so that a lawyer's folder says what each is:
// `guichets-<planning>-<from>-<to>.csv` (or .png), the period being that of the data inside.
import type { LocalDate } from '../../electron/shared/domain';
import { fileSlug } from './format';

export function exportFileName(subject: string, from: LocalDate, to: LocalDate, extension: 'csv' | 'png'): string {
  return `guichets-${fileSlug(subject)}-${from}-${to}.${extension}`;
}

/** The first and last probe dates of a raw data CSV (La Cimade's layout: `date_sondage` as YYYY-MM-DD). */
export function csvPeriod(csv: string): { from: LocalDate; to: LocalDate } | null {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const column = (lines[0] ?? '').split(';').indexOf('date_sondage');
  if (column < 0) return null;
  let from: LocalDate | null = null;
  let to: LocalDate | null = null;
  for (const line of lines.slice(1)) {
    const date = line.split(';')[column] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    if (from === null || date < from) from = date;
    if (to === null || date > to) to = date;
  }
  return from && to ? { from, to } : null;
}
