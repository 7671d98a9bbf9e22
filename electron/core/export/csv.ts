// The raw data CSV of DESIGN.md, compatible with La Cimade's published files: UTF-8 with a BOM, `;`,
// dates YYYY-MM-DD in columns 3, 5 and 6, NULL for what is absent. Streams: one probe in memory at a time.
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Planning, Probe } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import { dateOf, timeOf } from '../stats/index.js';
import { fullError, isDiskFull } from '../store/json-files.js';
import { versionAt, type PlanningVersion, type Store } from '../store/index.js';
import { importedPlanningIds, importedProbes } from '../store/imported.js';
import { readDays, unreadable } from '../store/day-reader.js';
import { assertSafeId, monthsOf } from '../store/layout.js';
import { poolSize, startPool } from '../workers/pool.js';

export const CSV_COLUMNS = [
  'departement',
  'planning',
  'date_sondage',
  'heure_sondage',
  'premiere_date',
  'deuxieme_date',
  'resultat',
  'categorie',
  'premiere_heure',
  'deuxieme_heure',
  'prefecture',
  'url',
  'id_sondage',
  'sha256_capture',
  // Added at the end so that La Cimade's columns keep their places: NULL for the robot's own probes, where an
  // imported one came from otherwise.
  'provenance',
] as const;

const NULL = 'NULL';

/** An imported slot may have a date without an hour ("2026-12-03"). */
const hourOf = (slot: string | null): string => (slot && slot.length > 10 ? timeOf(slot) : NULL);

export function provenanceText(probe: Probe): string {
  const source = probe.imported;
  if (!source) return NULL;
  const kind = source.kind === 'dossier' ? 'dossier' : 'CSV';
  return `import ${kind} « ${source.file} » ligne ${source.line}${source.association ? ` (${source.association})` : ''}, sha256 ${source.sha256.slice(0, 16)}…, le ${source.importedAt.slice(0, 10)}`;
}

/** The names a probe is exported under: those in force when it ran (the planning's history), else today's. */
type Place = Pick<PlanningVersion, 'departement' | 'label' | 'prefecture'>;

export function csvRow(probe: Probe, planning: Place | undefined): string[] {
  return [
    planning?.departement ?? NULL,
    planning?.label ?? NULL,
    probe.localDate,
    probe.localTime.slice(0, 5),
    probe.firstSlot ? dateOf(probe.firstSlot) : NULL,
    probe.secondSlot ? dateOf(probe.secondSlot) : NULL,
    probe.outcome,
    probe.category ?? NULL,
    hourOf(probe.firstSlot),
    hourOf(probe.secondSlot),
    planning?.prefecture ?? NULL,
    probe.url,
    probe.id,
    probe.screenshot?.sha256 ?? NULL,
    provenanceText(probe),
  ];
}

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
  async function* records(): AsyncGenerator<string[]> {
    for await (const probe of probes) {
      rows += 1;
      const versions = histories.get(probe.planningId) ?? [];
      yield csvRow(probe, versionAt(versions, probe.startedAt) ?? plannings.get(probe.planningId));
    }
  }
  // escape_formulas: a cell beginning with =, +, -, @, a tab or a carriage return gets a leading ' (OWASP), so
  // that a spreadsheet shows a label such as =HYPERLINK(…) instead of running it. Dates and numbers never do.
  const stringifier = stringify({ bom: true, delimiter: ';', header: true, columns: [...CSV_COLUMNS], escape_formulas: true });
  await pipeline(Readable.from(records()), stringifier, out, { end: false });
  return rows;
}

/** Refuses ids that no planning has, listed, removed or on disk: an empty CSV would look like a planning never probed. */
export async function assertKnownPlannings(store: Store, planningIds: readonly string[] | undefined): Promise<void> {
  if (!planningIds) return;
  const known = new Set([...(await store.plannings.list()), ...(await store.plannings.removed())].map((planning) => planning.id));
  for (const id of await store.probes.planningIds()) known.add(id);
  const unknown = planningIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError('not_found', `Planning inconnu : ${unknown.join(', ')}. Plannings existants : ${[...known].sort().join(', ') || 'aucun'}.`);
  }
}

/** Plannings by département then label, those no longer listed after them: a lawyer reads it in that order. */
async function exportOrder(store: Store, planningIds?: string[]): Promise<{ ids: string[]; plannings: Map<string, Planning> }> {
  const listed = await store.plannings.list();
  const removed = await store.plannings.removed();
  const plannings = new Map<string, Planning>([...removed, ...listed].map((planning) => [planning.id, planning]));
  if (planningIds) {
    await assertKnownPlannings(store, planningIds);
    return { ids: planningIds, plannings };
  }
  const onDisk = new Set([...(await store.probes.planningIds()), ...(await importedPlanningIds(store.dir))]);
  const byPlace = (a: Planning, b: Planning): number =>
    a.departement.localeCompare(b.departement, 'fr', { numeric: true }) || a.label.localeCompare(b.label, 'fr');
  const ordered = [...listed.sort(byPlace), ...removed.sort(byPlace)].map((planning) => planning.id);
  const ids = [...ordered.filter((id) => onDisk.has(id)), ...[...onDisk].filter((id) => !plannings.has(id))];
  return { ids, plannings };
}

/** What the rows of any planning need besides its day files: the names in force over time. */
export interface CsvContext {
  dir: string;
  plannings: Map<string, Planning>;
  histories: Map<string, PlanningVersion[]>;
}

/** What the rows of one planning came to: how many, and the damaged day files left out. */
export interface PlanningCsv {
  rows: number;
  skipped: string[];
}

/** Rows are handed on in chunks of about this many bytes (a thousand rows or so). */
const CHUNK_BYTES = 256 * 1024;
/** The options of the whole file's stringifier, less what only its first line has (BOM, header). */
const ROW_OPTIONS = { delimiter: ';', escape_formulas: true } as const;
/**
 * A cell csv-stringify (with ROW_OPTIONS) would quote, escape or prefix with ': one holding the delimiter, a quote
 * or a line break, or beginning like a formula. Any other cell it writes as it is, so a row of such cells is
 * joined here directly (most rows: dates, ids, URLs, NULL) and the library writes the others; the bytes are the
 * same (csv.test.ts compares them) at a fraction of the cost on hundreds of thousands of rows.
 */
const NEEDS_LIBRARY = /^[-=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20]|[;"\n\r]/;

/** The BOM and the header line, exactly as csv-stringify writes them before the first row. */
export function csvHeader(): string {
  // escape_formulas: a cell beginning with =, +, -, @, a tab or a carriage return gets a leading ' (OWASP), so
  // that a spreadsheet shows a label such as =HYPERLINK(…) instead of running it. Dates and numbers never do.
  return stringifySync([], { ...ROW_OPTIONS, bom: true, header: true, columns: [...CSV_COLUMNS] });
}

/** One row as csv-stringify writes it with the file's options, line break included. */
export function csvLine(row: readonly string[]): string {
  for (const cell of row) if (NEEDS_LIBRARY.test(cell)) return stringifySync([row], ROW_OPTIONS);
  return `${row.join(';')}\n`;
}

/** CSV lines gathered into byte chunks of about CHUNK_BYTES, each with a buffer of its own (movable to another thread). */
class Chunks {
  private buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  private used = 0;

  /** Adds a line; returns the full chunk to hand on when there was no room left for it. */
  add(line: string): Buffer | null {
    // A character takes at most 3 bytes in UTF-8 (4 for a pair of 2 UTF-16 units).
    const room = line.length * 3;
    let full: Buffer | null = null;
    if (this.used + room > this.buffer.length) {
      full = this.take();
      if (room > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(room);
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
    return full;
  }

  /** The bytes gathered so far (null when none), then a fresh buffer. */
  take(): Buffer | null {
    if (this.used === 0) return null;
    const full = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
    this.used = 0;
    return full;
  }
}

/**
 * The rows of one planning's probes in time order, the imported ones among the robot's, as CSV text in chunks
 * (one day file in memory at a time). The same in this thread and in a worker: the file is the same bytes.
 */
export async function* planningCsv(context: CsvContext, planningId: string, outcome: PlanningCsv): AsyncGenerator<Buffer> {
  assertSafeId('planning', planningId);
  const imported = await importedProbes(context.dir, planningId);
  let next = 0;
  const chunks = new Chunks();
  const add = (probe: Probe): Buffer | null => {
    outcome.rows += 1;
    const versions = context.histories.get(probe.planningId) ?? [];
    return chunks.add(csvLine(csvRow(probe, versionAt(versions, probe.startedAt) ?? context.plannings.get(probe.planningId))));
  };
  for await (const day of readDays(context.dir, planningId)) {
    if (!day.probes) {
      unreadable(day);
      outcome.skipped.push(day.file);
      continue;
    }
    for (const probe of day.probes) {
      while (next < imported.length && (imported[next]?.startedAt ?? '') < probe.startedAt) {
        const full = add(imported[next++] as Probe);
        if (full) yield full;
      }
      const full = add(probe);
      if (full) yield full;
    }
  }
  while (next < imported.length) {
    const full = add(imported[next++] as Probe);
    if (full) yield full;
  }
  const last = chunks.take();
  if (last) yield last;
}

/** Writes to a stream left open, waiting when it is full; rejects when it failed. */
async function put(out: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  const stream = out as Writable;
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

/** Below about this many months of probes (a planning probed hourly for a year), threads cost more than they save. */
const THREADS_FROM_MONTHS = 12;

/** The worker of the CSV export: its .ts beside this file under tsx and vitest, its .js in out/. */
const CSV_WORKER = new URL(`./csv-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/** How many threads the export of these plannings is worth: 0 to stay in this thread. */
async function threadsFor(dir: string, ids: readonly string[], wanted: number | undefined): Promise<number> {
  const size = poolSize(ids.length, wanted);
  if (size < 2 || wanted !== undefined) return size < 2 ? 0 : size;
  let months = 0;
  for (const id of ids) {
    months += (await monthsOf(dir, id)).length;
    if (months >= THREADS_FROM_MONTHS) return size;
  }
  return 0;
}

export interface CsvOptions {
  /**
   * Worker threads: by default one per core (at most one per planning) when the export is large enough to gain
   * from them; 0 keeps it in this thread. Either way the file is the same, byte for byte.
   */
  threads?: number;
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
  const histories = new Map<string, PlanningVersion[]>();
  for (const id of ids) {
    const versions = await store.plannings.history(id).catch(() => []);
    if (versions.length > 0) histories.set(id, versions);
  }
  const context: CsvContext = { dir: store.dir, plannings, histories };
  await put(out, csvHeader());
  let rows = 0;
  const threads = await threadsFor(store.dir, ids, options.threads);
  const pool = threads > 0 ? await startPool(CSV_WORKER, { size: threads, data: context }) : null;
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
