// The raw data CSV of DESIGN.md, compatible with La Cimade's published files: UTF-8 with a BOM, `;`,
// dates YYYY-MM-DD in columns 3, 5 and 6, NULL for what is absent. Streams: one probe in memory at a time.
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Planning, Probe } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import { fullError, isDiskFull } from '../store/json-files.js';
import { versionAt, type PlanningVersion, type Store } from '../store/index.js';
import { importedPlanningIds } from '../store/imported.js';
import { bulkThreads } from '../store/day-reader.js';
import { startPool, workerEntry } from '../workers/pool.js';
import { csvHeader, csvLine, csvRow, planningCsv, type CsvContext, type PlanningCsv } from './rows.js';

export { csvHeader, csvLine, csvRow, CSV_COLUMNS, planningCsv, provenanceText, type CsvContext, type PlanningCsv } from './rows.js';

/**
 * Writes the header and one row per probe to `out`, which is left open (an HTTP response, stdout).
 * Probes of a planning missing from `plannings` keep their rows, with NULL for its name and place.
 */
export async function writeCsv(
  out: NodeJS.WritableStream,
  probes: AsyncIterable<Probe>,
  plannings: Map<string, Planning>,
  histories: Map<string, PlanningVersion[]> = new Map(),
): Promise<number> {
  let rows = 0;
  let text = csvHeader();
  for await (const probe of probes) {
    rows += 1;
    const versions = histories.get(probe.planningId) ?? [];
    text += csvLine(csvRow(probe, versionAt(versions, probe.startedAt) ?? plannings.get(probe.planningId)));
    if (text.length >= 64 * 1024) {
      await put(out, text);
      text = '';
    }
  }
  await put(out, text);
  return rows;
}

/**
 * Plannings by département then label, those no longer listed after them: a lawyer reads it in that order. Ids
 * asked for that no planning has (listed, removed or on disk) are refused: an empty CSV would look like a planning
 * never probed.
 */
async function exportOrder(store: Store, planningIds?: string[]): Promise<{ ids: string[]; plannings: Map<string, Planning> }> {
  const listed = await store.plannings.list();
  const removed = await store.plannings.removed();
  const plannings = new Map<string, Planning>([...removed, ...listed].map((planning) => [planning.id, planning]));
  if (planningIds) {
    const known = new Set([...plannings.keys(), ...(await store.probes.planningIds())]);
    const unknown = planningIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError('not_found', `Planning inconnu : ${unknown.join(', ')}. Plannings existants : ${[...known].sort().join(', ') || 'aucun'}.`);
    }
    return { ids: planningIds, plannings };
  }
  const onDisk = new Set([...(await store.probes.planningIds()), ...(await importedPlanningIds(store.dir))]);
  const byPlace = (a: Planning, b: Planning): number =>
    a.departement.localeCompare(b.departement, 'fr', { numeric: true }) || a.label.localeCompare(b.label, 'fr');
  const ordered = [...listed.sort(byPlace), ...removed.sort(byPlace)].map((planning) => planning.id);
  const ids = [...ordered.filter((id) => onDisk.has(id)), ...[...onDisk].filter((id) => !plannings.has(id))];
  return { ids, plannings };
}

/** Writes to a stream left open, waiting when it is full; rejects when it failed. */
async function put(out: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  // A stream that failed (a full disk) says so here: waiting for 'drain' would wait for ever.
  const stream = out as { errored?: Error | null };
  if (stream.errored) throw stream.errored;
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error | null): void => {
      out.off('drain', onDrain);
      out.off('error', settle);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => settle();
    const onClose = (): void => settle(stream.errored ?? new Error('Le flux de sortie s’est fermé avant la fin de l’export.'));
    out.on('drain', onDrain);
    out.on('error', settle);
    out.on('close', onClose);
  });
}

const CSV_WORKER = workerEntry('csv-worker', import.meta.url);

export interface CsvOptions {
  /**
   * Worker threads: by default one per core (at most one per planning) when the export is large enough to gain
   * from them; 0 keeps it in this thread. Either way the file is the same, byte for byte.
   */
  threads?: number;
  /** Told how many worker threads did the work (0: this thread), before the first row. */
  onThreads?: (count: number) => void;
  /** Run once the plannings asked for are known to exist, before anything is read (the export's seal). */
  beforeRead?: () => Promise<void>;
}

/**
 * The CSV of some plannings (default: every planning with probes on disk) to a stream left open. A damaged day
 * file does not stop it: its path goes into `skipped` and every readable probe is written.
 */
export async function writeCsvForPlannings(
  store: Store,
  out: NodeJS.WritableStream,
  planningIds?: string[],
  skipped: string[] = [],
  options: CsvOptions = {},
): Promise<number> {
  const { ids, plannings } = await exportOrder(store, planningIds);
  await options.beforeRead?.();
  const histories = new Map<string, PlanningVersion[]>();
  for (const id of ids) {
    const versions = await store.plannings.history(id).catch(() => []);
    if (versions.length > 0) histories.set(id, versions);
  }
  const context: CsvContext = { dir: store.dir, plannings, histories };
  await put(out, csvHeader());
  let rows = 0;
  const threads = await bulkThreads(store.dir, ids, options.threads);
  const pool = threads > 0 ? await startPool(CSV_WORKER, { size: threads, data: context }) : null;
  options.onThreads?.(pool?.size ?? 0);
  if (pool) {
    try {
      await pool.run<string, Uint8Array, PlanningCsv>({
        tasks: ids,
        onChunk: (bytes) => put(out, bytes),
        onDone: (done) => {
          rows += done.rows;
          skipped.push(...done.skipped);
        },
      });
    } finally {
      await pool.close();
    }
    return rows;
  }
  for (const id of ids) {
    const outcome: PlanningCsv = { rows: 0, skipped: [] };
    for await (const bytes of planningCsv(context, id, outcome)) await put(out, bytes);
    rows += outcome.rows;
    skipped.push(...outcome.skipped);
  }
  return rows;
}

function directoryError(target: string): AppError {
  return new AppError(
    'invalid_input',
    `« ${target} » est un dossier : donnez un nom de fichier, par exemple « ${path.join(target, 'sondages.csv')} ».`,
  );
}

/** What a user can do about a file that cannot be written; other errors are bugs and keep their stack. */
function writeError(error: unknown, target: string): unknown {
  if (isDiskFull(error)) return fullError(target);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const folder = path.dirname(target);
  switch (code) {
    case 'EISDIR':
      return directoryError(target);
    case 'EBUSY':
      return new AppError(
        'invalid_input',
        `Impossible d’écrire « ${target} » : le fichier est ouvert dans un autre programme (Excel ?). Fermez-le, puis relancez l’export.`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError(
        'invalid_input',
        `Impossible d’écrire « ${target} » : accès refusé (ou fichier ouvert dans un autre programme) : choisissez un autre dossier.`,
      );
    case 'ENOTDIR':
    case 'ENOENT':
    case 'EEXIST':
      return new AppError(
        'invalid_input',
        `Impossible d’écrire « ${target} » : « ${folder} » n’est pas un dossier utilisable : choisissez un autre dossier.`,
      );
    default:
      return error;
  }
}

/**
 * Writes the CSV file through a temporary file and a rename: a failed export leaves no half file behind.
 * The temporary file is opened before any stream exists, so a folder that cannot be written is a rejected
 * promise with a French message, never an unhandled 'error' event that would stop the whole process.
 */
export async function exportCsvFile(
  store: Store,
  target: string,
  planningIds?: string[],
  skipped: string[] = [],
  options: CsvOptions = {},
): Promise<number> {
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory() || target.endsWith('/') || target.endsWith(path.sep)) throw directoryError(target);
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${process.pid}.tmp`);
  let handle: FileHandle;
  try {
    await mkdir(folder, { recursive: true });
    handle = await open(temp, 'w');
  } catch (error) {
    throw writeError(error, target);
  }
  const file = handle.createWriteStream();
  // Listened to at once: an error before the pipeline starts must not be an unhandled event.
  let streamError: Error | null = null;
  file.on('error', (error) => {
    streamError ??= error;
  });
  try {
    const rows = await writeCsvForPlannings(store, file, planningIds, skipped, options);
    await new Promise<void>((resolve, reject) => {
      if (streamError) {
        reject(streamError);
        return;
      }
      file.once('error', reject);
      // After 'close', not 'finish': Windows cannot rename a file still open.
      file.once('close', resolve);
      file.end();
    });
    await rename(temp, target);
    return rows;
  } catch (error) {
    file.destroy();
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw writeError(error, target);
  }
}
