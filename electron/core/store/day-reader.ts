// The day files of one planning read from disk for the bulk paths (the CSV export, verification), oldest first.
import { readFileSync } from 'node:fs';
import type { Probe } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import { poolSize } from '../workers/pool.js';
import { corruptError } from './json-files.js';
import { dayKind } from './kinds.js';
import { absolute, dayFile, daysOf, monthsOf } from './layout.js';

export interface DayRead {
  /** Relative to the data folder. */
  file: string;
  /** Null when the file could not be read or is damaged: `error` says why. */
  probes: Probe[] | null;
  /**
   * Each record's line as stored, in the order of `probes`, when the file is written one record a line (kinds.ts);
   * else null. Verification hashes a line as it is when it can (chain.ts, lineHolds).
   */
  lines: string[] | null;
  error: unknown;
}

const HEAD = '{"probes":[\n';
const TAIL = '\n]}\n';

/** The records of a day file written one a line, each with its line; null when the text is laid out otherwise. */
function byLine(text: string): { probes: Probe[]; lines: string[] } | null {
  if (!text.startsWith(HEAD) || !text.endsWith(TAIL) || text.length < HEAD.length + TAIL.length) return null;
  const lines = text.slice(HEAD.length, text.length - TAIL.length).split(',\n');
  const probes: Probe[] = [];
  try {
    for (const line of lines) {
      // A line break inside a record, or a record that is not an object: not this layout after all.
      if (line.includes('\n') || !line.startsWith('{')) return null;
      probes.push(JSON.parse(line) as Probe);
    }
  } catch {
    // Read whole instead, which says whether the file is damaged.
    return null;
  }
  return { probes, lines };
}

/**
 * One day file, read fresh (no cache), as files.readFresh() would: a missing file has no probes, a damaged one
 * gives storage_corrupt. Read synchronously on purpose: a day file is a few tens of kB, and a synchronous read
 * costs a fifth of the processor time of fs.promises.readFile (one system call each way instead of four trips
 * through the thread pool), which is most of the cost of a bulk path besides JSON.parse.
 */
export function readDay(dir: string, file: string): DayRead {
  const path = absolute(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, probes: [], lines: null, error: null };
    return { file, probes: null, lines: null, error };
  }
  let value: unknown;
  try {
    const lined = byLine(text);
    if (lined && dayKind.valid({ probes: lined.probes })) return { file, probes: lined.probes, lines: lined.lines, error: null };
    value = JSON.parse(text);
  } catch {
    return { file, probes: null, lines: null, error: corruptError(path) };
  }
  return dayKind.valid(value) ? { file, probes: value.probes, lines: null, error: null } : { file, probes: null, lines: null, error: corruptError(path) };
}

/** Every day file of a planning, oldest first, one in memory at a time. */
export async function* readDays(dir: string, planningId: string): AsyncGenerator<DayRead> {
  for (const month of await monthsOf(dir, planningId)) {
    for (const day of await daysOf(dir, planningId, month)) yield readDay(dir, dayFile(planningId, day));
  }
}

/** A damaged day file as store.probes.iterate() reports it: an AppError is skipped, anything else is thrown. */
export function unreadable(read: DayRead): AppError {
  if (read.error instanceof AppError) return read.error;
  throw read.error;
}

/** Below about this many months of probes (a planning probed hourly for a year), threads cost more than they save. */
const THREADS_FROM_MONTHS = 12;

/**
 * How many worker threads a bulk path (the CSV export, verification) over these plannings is worth: `wanted`
 * when given (within the machine), else one per core once the plannings hold a year of months; 0 stays in this
 * thread.
 */
export async function bulkThreads(dir: string, planningIds: readonly string[], wanted: number | undefined): Promise<number> {
  const size = poolSize(planningIds.length, wanted);
  if (size < 2) return 0;
  if (wanted !== undefined) return size;
  let months = 0;
  for (const id of planningIds) {
    months += (await monthsOf(dir, id)).length;
    if (months >= THREADS_FROM_MONTHS) return size;
  }
  return 0;
}
