// The rows of the raw data CSV (DESIGN.md), planning by planning: what the export writes in its own thread or in
// worker threads (csv-worker.ts), so this module imports only what a row needs.
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Planning, Probe } from '../../shared/domain.js';
import { dateOf, timeOf } from '../stats/index.js';
import { readDays, unreadable } from '../store/day-reader.js';
import { versionAt, type PlanningVersion } from '../store/history.js';
import { importedProbes } from '../store/imported.js';
import { assertSafeId } from '../store/layout.js';

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
  // What signs it, or that nothing does: a reader of the CSV tells a sealed import from a file taken on trust.
  const sealed = source.sealed ? `scellé (sceau ${source.sealed.seal}, clé ${source.sealed.key.slice(0, 16)}…)` : 'non scellé';
  return `import ${kind} « ${source.file} » ligne ${source.line}${source.association ? ` (${source.association})` : ''}, ${sealed}, sha256 ${source.sha256.slice(0, 16)}…, le ${source.importedAt.slice(0, 10)}`;
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

