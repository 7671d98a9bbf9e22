// The dashboard's summary of the data folder, `aggregates/.dashboard.json`: for each planning, the few months its
// top bar reads (stats/dashboard-months.ts) and its newest probe, so that the first screen reads one file instead
// of three files and two folders a planning. A cache, never evidence: an entry counts only while the planning's
// aggregates file and probe folders are as it saw them; anything else (missing, damaged, older than the data) is
// read from the records again, silently, and written back later.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { MonthKey, Probe } from '../../shared/domain.js';
import { dashboardMonths, type MonthAggregate } from '../stats/index.js';
import { decodeMonths, encodeMonths, isStoredMonths, type StoredMonths } from './aggregates-file.js';
import { writeFileDurable } from './durable.js';
import { absolute, AGGREGATES_DIR, aggregatesFile, PROBES_DIR } from './layout.js';

/** Beside the aggregates; its leading dot keeps it out of every list of plannings (layout.ts, backups, verify). */
export const SUMMARY_FILE = `${AGGREGATES_DIR}/.dashboard.json`;
const VERSION = 1;

/** [inode, modification time (ms), size] of a file or folder, null when absent. */
type Stamp = [ino: number, mtimeMs: number, size: number] | null;

/** What an entry was taken from: the aggregates file, the planning's probe folder and its newest month folder. */
interface Stamps {
  aggregates: Stamp;
  folder: Stamp;
  month: MonthKey | null;
  monthFolder: Stamp;
}

export interface DashboardView {
  /** The months the top bar reads, oldest first (decoded afresh: the caller may keep them). */
  months: MonthAggregate[];
  last: Probe | null;
}

interface Entry {
  stamps: Stamps;
  months: StoredMonths;
  last: Probe | null;
  /** When the stamps were last compared with the disk (Date.now()); in memory only. */
  checkedAt: number;
}

interface SummaryFile {
  version: number;
  plannings: Record<string, { stamps: Stamps; months: StoredMonths; last: Probe | null }>;
}

/** Another process's probes show within a second, as the store's files do (json-files.ts). */
const FRESHNESS_MS = 1000;
/** Written at most this often while probes come in, and when the store closes. */
const WRITE_EVERY_MS = 5 * 60_000;

function stampOf(file: string): Stamp {
  try {
    const { ino, mtimeMs, size } = statSync(file);
    return [ino, mtimeMs, size];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const sameStamp = (a: Stamp, b: Stamp): boolean => (a === null ? b === null : b !== null && a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);

const MONTH_FOLDER = /^\d{4}-\d{2}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStamp = (value: unknown): value is Stamp =>
  value === null || (Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === 'number' && Number.isFinite(n)));
const isStamps = (value: unknown): value is Stamps =>
  isObject(value) &&
  isStamp(value.aggregates) &&
  isStamp(value.folder) &&
  isStamp(value.monthFolder) &&
  (value.month === null || (typeof value.month === 'string' && MONTH_FOLDER.test(value.month)));
/** Enough of a record for the screens; the record itself is checked by verify, never from here. */
const isProbe = (value: unknown): value is Probe =>
  isObject(value) && ['id', 'planningId', 'startedAt', 'localDate', 'outcome', 'hash'].every((key) => typeof value[key] === 'string');

export interface Summary {
  /**
   * The planning's view while its entry matches the disk; else null (read the records, then build()), or 'stale'
   * when the disk changed behind this process's back (read them afresh, not from a cache).
   */
  get(planningId: string): DashboardView | 'stale' | null;
  /** Stamps taken before reading the records, for build(). */
  stamps(planningId: string): Stamps;
  /** How many times the planning changed in this process: build() keeps nothing read across a change. */
  generation(planningId: string): number;
  /** Keeps the view read from the records, if nothing changed since `before` was taken. */
  build(planningId: string, before: Stamps, generation: number, view: { months: readonly MonthAggregate[]; last: Probe | null }): void;
  /** After a probe was appended (its planning's writes held): its months as written and the probe. */
  recorded(planningId: string, months: StoredMonths, last: Probe): void;
  /** After any other write of the planning (a gap, a repair): read it from the records next time. */
  drop(planningId: string): void;
  /** Writes the file now (the store closes). Never fails: it is a cache. */
  write(): Promise<void>;
}

export function createSummary(dir: string): Summary {
  const entries = new Map<string, Entry>();
  const generations = new Map<string, number>();
  let loaded = false;
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  /** Something new to write: a reader that changed nothing (verify of a backup) leaves the folder as it was. */
  let dirty = false;

  const folderOf = (planningId: string): string => absolute(dir, `${PROBES_DIR}/${planningId}`);

  function stamps(planningId: string, month?: MonthKey | null): Stamps {
    const folder = folderOf(planningId);
    const newest = month !== undefined ? month : newestMonth(folder);
    return {
      aggregates: stampOf(absolute(dir, aggregatesFile(planningId))),
      folder: stampOf(folder),
      month: newest,
      monthFolder: newest === null ? null : stampOf(`${folder}/${newest}`),
    };
  }

  /** Unchanged since taken: the same files, and the same newest month folder, unchanged too. */
  const current = (planningId: string, taken: Stamps): boolean => {
    const now = stamps(planningId, taken.month);
    return (
      sameStamp(now.aggregates, taken.aggregates) && sameStamp(now.folder, taken.folder) && sameStamp(now.monthFolder, taken.monthFolder)
    );
  };

  /**
   * An entry is trusted from the file only if every time it was taken from is older than the file itself by more
   * than the file system's clock step: a change in the same step would otherwise look like no change. Folders on
   * FAT keep times to two seconds, whole; others to a few milliseconds at most.
   */
  function settled(written: number, taken: Stamps): boolean {
    const step = written % 1000 === 0 ? 2000 : 100;
    return [taken.aggregates, taken.folder, taken.monthFolder].every((stamp) => stamp === null || stamp[1] < written - step);
  }

  function load(): void {
    if (loaded) return;
    loaded = true;
    let text: string;
    let written: number;
    try {
      const file = absolute(dir, SUMMARY_FILE);
      written = statSync(file).mtimeMs;
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    if (!isObject(parsed) || parsed.version !== VERSION || !isObject(parsed.plannings)) return;
    for (const [planningId, entry] of Object.entries(parsed.plannings)) {
      if (!isObject(entry) || !isStamps(entry.stamps) || !isStoredMonths(entry.months)) continue;
      if (!(entry.last === null || isProbe(entry.last)) || !settled(written, entry.stamps)) continue;
      // Checked against the disk at its first use.
      entries.set(planningId, { stamps: entry.stamps, months: entry.months, last: entry.last, checkedAt: 0 });
    }
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void write();
    }, WRITE_EVERY_MS);
    timer.unref();
  }

  function write(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    writing = writing.then(async () => {
      if (!dirty) return;
      dirty = false;
      try {
        const plannings: SummaryFile['plannings'] = {};
        // Only what still matches the disk: a write under way in this process has changed the stamps already.
        for (const [planningId, entry] of entries) {
          if (current(planningId, entry.stamps)) plannings[planningId] = { stamps: entry.stamps, months: entry.months, last: entry.last };
        }
        const file: SummaryFile = { version: VERSION, plannings };
        await writeFileDurable(absolute(dir, SUMMARY_FILE), `${JSON.stringify(file)}\n`, { flush: 'data' });
      } catch {
        // A folder that cannot be written (a read-only copy) is read from its records at each start, as before.
      }
    });
    return writing;
  }

  function keep(planningId: string, taken: Stamps, months: StoredMonths, last: Probe | null): void {
    entries.set(planningId, { stamps: taken, months, last, checkedAt: Date.now() });
    dirty = true;
    schedule();
  }

  return {
    get(planningId) {
      load();
      const entry = entries.get(planningId);
      if (!entry) return null;
      const now = Date.now();
      if (now - entry.checkedAt >= FRESHNESS_MS) {
        if (!current(planningId, entry.stamps)) {
          entries.delete(planningId);
          return 'stale';
        }
        entry.checkedAt = now;
      }
      return { months: decodeMonths(entry.months), last: entry.last ? structuredClone(entry.last) : null };
    },
    stamps: (planningId) => stamps(planningId),
    generation: (planningId) => generations.get(planningId) ?? 0,
    build(planningId, before, generation, view) {
      if ((generations.get(planningId) ?? 0) !== generation || !current(planningId, before)) return;
      const months: Record<MonthKey, MonthAggregate> = {};
      for (const agg of dashboardMonths(view.months)) months[agg.month] = agg;
      keep(planningId, before, encodeMonths(months), view.last);
    },
    recorded(planningId, months, last) {
      generations.set(planningId, (generations.get(planningId) ?? 0) + 1);
      const few: Record<MonthKey, MonthAggregate> = {};
      for (const agg of dashboardMonths(decodeMonths(months))) few[agg.month] = agg;
      keep(planningId, stamps(planningId), encodeMonths(few), last);
    },
    drop(planningId) {
      generations.set(planningId, (generations.get(planningId) ?? 0) + 1);
      entries.delete(planningId);
    },
    write,
  };
}

/** The newest month folder of a planning's probes, null with none. */
function newestMonth(folder: string): MonthKey | null {
  try {
    let newest: MonthKey | null = null;
    for (const name of readdirSync(folder)) if (MONTH_FOLDER.test(name) && (newest === null || name > newest)) newest = name;
    return newest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
