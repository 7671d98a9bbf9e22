// The files the UI exports: their names (made in shared/export-names.ts, as everywhere) and the periods that name
// them.
import type { LocalDate } from '../../electron/shared/domain';
import type { PlanningSummary } from '../../electron/shared/stats';

export { exportFileName } from '../../electron/shared/export-names';

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

/**
 * The period of a planning's (or several plannings') probes as the core counts them, before the CSV exists:
 * what the desktop's save dialog offers as a name. From the first day of the first month with a probe to the
 * last day of the last one, today at most.
 */
export function statsPeriod(stats: readonly PlanningSummary[], today: LocalDate): { from: LocalDate; to: LocalDate } | null {
  const spans = stats.flatMap((one) => (one.probedMonths ? [one.probedMonths] : []));
  if (spans.length === 0) return null;
  const from = spans.map((span) => span.from).reduce((a, b) => (a < b ? a : b));
  const last = spans.map((span) => span.to).reduce((a, b) => (a > b ? a : b));
  return { from, to: last < today ? last : today };
}

/** A saved file's name and folder, for the message that says where it went (Windows or POSIX paths). */
export function splitPath(file: string): { file: string; folder: string } {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? { file, folder: '' } : { file: file.slice(cut + 1), folder: file.slice(0, cut) || file.slice(0, 1) };
}

/** A download the way a browser does it; under Electron the main process decides where the file goes. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
