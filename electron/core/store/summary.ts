// The dashboard's summary of the data folder, `aggregates/.dashboard.json`: for each planning, the few months its
// top bar reads (stats/dashboard-months.ts) and its newest probe, so that the first screen reads one file instead
// of three files and two folders a planning. A cache, never evidence: an entry counts only while the planning's
// aggregates file and probe folders are as it saw them; anything else (missing, damaged, older than the data) is
// read from the records again, silently, and written back later.
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LocalDate, MonthKey, Probe, ProbeEnvironment } from '../../shared/domain.js';
import { ALL_DAYS, dashboardMonths, dateInMonth, type MonthAggregate } from '../stats/index.js';
import { decodeMonths, type StoredMonths } from './aggregates-file.js';
import { writeFileDurable } from './durable.js';
import { absolute, AGGREGATES_DIR, aggregatesFile, PROBES_DIR, WRITER_LOCK_FILE } from './layout.js';

/** Beside the aggregates; its leading dot keeps it out of every list of plannings (layout.ts, backups, verify). */
export const SUMMARY_FILE = `${AGGREGATES_DIR}/.dashboard.json`;
const VERSION = 2;

/** [inode, modification time (ms), size] of a file or folder, null when absent. */
type Stamp = [ino: number, mtimeMs: number, size: number] | null;

/**
 * What an entry was taken from: the aggregates file, the planning's probe folder, its newest month folder and that
 * month's newest day file (the one the store reads at start-up to count a probe a crash left uncounted).
 */
interface Stamps {
  aggregates: Stamp;
  folder: Stamp;
  month: MonthKey | null;
  monthFolder: Stamp;
  day: LocalDate | null;
  dayFile: Stamp;
}

/** Shared with the summary's memory, as ProbeStore.recent() is: never to be changed. */
export interface DashboardView {
  /** The months the top bar reads, oldest first. */
  months: readonly MonthAggregate[];
  last: Probe | null;
}

/**
 * A month in the file as one flat list of numbers, fewer objects to parse at start-up than the aggregates' own
 * layout: attempts and day mask of c1…c5, the five inconclusive counts, gap hours, first and last day (0: none).
 */
type FlatMonth = number[];
const FLAT_LENGTH = 18;

interface Entry {
  stamps: Stamps;
  /** Decoded when first used: an entry read from the file may never be. */
  months: MonthAggregate[] | Record<MonthKey, FlatMonth>;
  last: Probe | null;
  /** When the stamps were last compared with the disk (Date.now()); in memory only. */
  checkedAt: number;
}

/**
 * The newest probe as written in the file: its environment (the same app, browser and system for most plannings)
 * kept once in the file's `environments` and named here by its place in that list.
 */
type StoredProbe = Omit<Probe, 'environment'> & { environment: number };

interface SummaryFile {
  version: number;
  environments: ProbeEnvironment[];
  plannings: Record<string, { stamps: Stamps; months: Record<MonthKey, FlatMonth>; last: StoredProbe | null }>;
}

function flatMonth(agg: MonthAggregate): FlatMonth {
  const { c1, c2, c3, c4, c5 } = agg.categories;
  const i = agg.inconclusive;
  const day = (date: string | null): number => (date === null ? 0 : Number(date.slice(8, 10)));
  return [
    c1.attempts, c1.days, c2.attempts, c2.days, c3.attempts, c3.days, c4.attempts, c4.days, c5.attempts, c5.days,
    i.captcha, i.site_error, i.unreachable, i.unrecognized, i.robot_error, agg.gapHours, day(agg.firstDay), day(agg.lastDay),
  ];
}

const count = (n: number | undefined): number => n ?? 0;

function monthOfFlat(month: MonthKey, n: FlatMonth): MonthAggregate {
  const day = (d: number | undefined): string | null => (d ? dateInMonth(month, d) : null);
  return {
    month,
    categories: {
      c1: { attempts: count(n[0]), days: count(n[1]) },
      c2: { attempts: count(n[2]), days: count(n[3]) },
      c3: { attempts: count(n[4]), days: count(n[5]) },
      c4: { attempts: count(n[6]), days: count(n[7]) },
      c5: { attempts: count(n[8]), days: count(n[9]) },
    },
    inconclusive: { captcha: count(n[10]), site_error: count(n[11]), unreachable: count(n[12]), unrecognized: count(n[13]), robot_error: count(n[14]) },
    gapHours: count(n[15]),
    firstDay: day(n[16]),
    lastDay: day(n[17]),
  };
}

/**
 * The largest value of each number of a flat month: a count, a day mask (ALL_DAYS), gap hours (any, not whole),
 * a day of the month (0: none). One comparison a number: every planning's months are checked at start-up.
 */
const FLAT_LIMITS: readonly number[] = [
  ...Array.from({ length: 5 }, () => [Number.MAX_SAFE_INTEGER, ALL_DAYS]).flat(),
  ...Array.from({ length: 5 }, () => Number.MAX_SAFE_INTEGER),
  Number.MAX_VALUE,
  31,
  31,
];
const GAP_HOURS = 15;
function isFlatMonth(value: unknown): value is FlatMonth {
  if (!Array.isArray(value) || value.length !== FLAT_LENGTH) return false;
  for (let index = 0; index < FLAT_LENGTH; index += 1) {
    const n: unknown = value[index];
    if (typeof n !== 'number' || !(n >= 0 && n <= (FLAT_LIMITS[index] ?? 0)) || (index !== GAP_HOURS && n % 1 !== 0)) return false;
  }
  return true;
}

/** Oldest first, as the aggregates; null when any month is not one (a damaged file: read the records instead). */
function decodeFlat(months: Record<MonthKey, FlatMonth>): MonthAggregate[] | null {
  const decoded: MonthAggregate[] = [];
  for (const month of Object.keys(months).sort()) {
    const flat = months[month];
    if (!MONTH_FOLDER.test(month) || !isFlatMonth(flat)) return null;
    decoded.push(monthOfFlat(month, flat));
  }
  return decoded;
}

/** Another process's probes show within a second, as the store's files do (json-files.ts). */
const FRESHNESS_MS = 1000;
/** Written at most this often while probes come in, and when the store closes. */
const WRITE_EVERY_MS = 5 * 60_000;
/** The file system's clock step as settled() allows for it: a few milliseconds at most, two seconds on FAT. */
const STEP_MS = 100;
const FAT_STEP_MS = 2000;
/**
 * JSON with every character past ASCII written as a \u escape (« é »: \u00e9): a text of one-byte characters,
 * which Node reads and V8 parses faster at start-up than the same text with the labels' and details' accents.
 */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** Longest wait before writing, for the newest files to become older than the summary by the clock's step. */
const SETTLE_MS = 150;

function stampOf(file: string): Stamp {
  const found = statSync(file, { throwIfNoEntry: false });
  return found ? [found.ino, found.mtimeMs, found.size] : null;
}

const sameStamp = (a: Stamp, b: Stamp): boolean => (a === null ? b === null : b !== null && a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);

const MONTH_FOLDER = /^\d{4}-\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStamp = (value: unknown): value is Stamp =>
  value === null || (Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === 'number' && Number.isFinite(n)));
const isStamps = (value: unknown): value is Stamps =>
  isObject(value) &&
  isStamp(value.aggregates) &&
  isStamp(value.folder) &&
  isStamp(value.monthFolder) &&
  isStamp(value.dayFile) &&
  (value.month === null || (typeof value.month === 'string' && MONTH_FOLDER.test(value.month))) &&
  (value.day === null || (typeof value.day === 'string' && DAY.test(value.day)));
/**
 * Enough of a record for the screens, its environment one of the file's; the record itself is checked by verify,
 * never from here.
 */
function probeOf(value: unknown, environments: readonly unknown[]): Probe | null {
  if (!isObject(value) || !['id', 'planningId', 'startedAt', 'localDate', 'outcome', 'hash'].every((key) => typeof value[key] === 'string')) return null;
  const environment = typeof value.environment === 'number' ? environments[value.environment] : undefined;
  if (!isObject(environment)) return null;
  // In place: the parsed object is this file's alone, and 500 copies would slow the start-up.
  value.environment = environment;
  return value as unknown as Probe;
}

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
  build(planningId: string, before: Stamps, generation: number, view: DashboardView): void;
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

  const probesDir = absolute(dir, PROBES_DIR);
  const folderOf = (planningId: string): string => `${probesDir}${path.sep}${planningId}`;
  const root = path.resolve(dir);
  // Joined by hand, as folderOf: checked for every planning at start-up, where path.join costs as much as the stat.
  const aggregatesOf = (planningId: string): string => `${root}${path.sep}${aggregatesFile(planningId).replaceAll('/', path.sep)}`;

  /** The stamps now, of the newest month and day found now. */
  function stamps(planningId: string): Stamps {
    const folder = folderOf(planningId);
    const month = newest(folder, MONTH_FOLDER);
    const day = month === null ? null : (newest(`${folder}/${month}`, DAY_FILE)?.slice(0, -'.json'.length) ?? null);
    return {
      aggregates: stampOf(aggregatesOf(planningId)),
      folder: stampOf(folder),
      month,
      monthFolder: month === null ? null : stampOf(`${folder}/${month}`),
      day,
      dayFile: month === null || day === null ? null : stampOf(`${folder}/${month}/${day}.json`),
    };
  }

  /**
   * Unchanged since taken: the same aggregates file and newest day file, and, unless `quick`, no month folder or
   * day file newer than those either. Run for every planning at start-up: it stops at the first difference.
   *
   * Every probe recorded, and every gap, replaces the aggregates file: that stamp alone sees them. The newest day
   * file's stamp sees a record added behind the aggregates' back (a writer killed between the two) or a file
   * changed in place. Only a writer killed just after starting a new day file or month folder needs the folders'
   * stamps, and such a writer leaves its lock behind (quickCheck).
   */
  function current(planningId: string, taken: Stamps, quick = false): boolean {
    const folder = folderOf(planningId);
    const { month, day } = taken;
    return (
      sameStamp(stampOf(aggregatesOf(planningId)), taken.aggregates) &&
      sameStamp(month === null || day === null ? null : stampOf(`${folder}/${month}/${day}.json`), taken.dayFile) &&
      (quick ||
        (sameStamp(stampOf(folder), taken.folder) && sameStamp(month === null ? null : stampOf(`${folder}/${month}`), taken.monthFolder)))
    );
  }

  /**
   * Whether the quick check is enough now: no other process holds the writer's lock. A process writing the folder
   * now, or one that died writing it (its lock left behind, taken over later by a writer that also deletes this
   * summary: services/writer-lock.ts), may have added a record no aggregates count yet. Asked once a second.
   */
  let quickUntil = 0;
  let quickNow = false;
  function quickCheck(): boolean {
    const now = Date.now();
    if (now < quickUntil) return quickNow;
    quickUntil = now + FRESHNESS_MS;
    try {
      const holder: unknown = JSON.parse(readFileSync(absolute(dir, WRITER_LOCK_FILE), 'utf8'));
      quickNow = isObject(holder) && holder.pid === process.pid;
    } catch (error) {
      quickNow = (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
    return quickNow;
  }

  /**
   * An entry is trusted from the file only if every time it was taken from is older than the file itself by more
   * than the file system's clock step: a change in the same step would otherwise look like no change. Folders on
   * FAT keep times to two seconds, whole; others to a few milliseconds at most.
   */
  function settled(written: number, taken: Stamps): boolean {
    const step = written % 1000 === 0 ? FAT_STEP_MS : STEP_MS;
    return [taken.aggregates, taken.folder, taken.monthFolder, taken.dayFile].every((stamp) => stamp === null || stamp[1] < written - step);
  }

  function load(): void {
    if (loaded) return;
    loaded = true;
    let bytes: Buffer;
    let written: number;
    try {
      const file = absolute(dir, SUMMARY_FILE);
      written = statSync(file).mtimeMs;
      bytes = readFileSync(file);
    } catch {
      return;
    }
    let parsed: unknown;
    try {
      // Written in ASCII (asciiJson): read as one-byte text, without decoding UTF-8.
      parsed = JSON.parse(isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));
    } catch {
      return;
    }
    if (!isObject(parsed) || parsed.version !== VERSION || !isObject(parsed.plannings) || !Array.isArray(parsed.environments)) return;
    const environments: unknown[] = parsed.environments;
    for (const [planningId, entry] of Object.entries(parsed.plannings)) {
      if (!isObject(entry) || !isStamps(entry.stamps) || !isObject(entry.months) || !settled(written, entry.stamps)) continue;
      const last = entry.last === null ? null : probeOf(entry.last, environments);
      if (entry.last !== null && last === null) continue;
      // Its months decoded at its first use.
      entries.set(planningId, { stamps: entry.stamps, months: entry.months as Record<MonthKey, FlatMonth>, last, checkedAt: 0 });
    }
    // Every entry checked against the disk now, in one pass, as the dashboard's first call asks for them all; one
    // that no longer matches is read from the records (nothing of it is cached yet in this process).
    const quick = quickCheck();
    const now = Date.now();
    for (const [planningId, entry] of entries) {
      if (current(planningId, entry.stamps, quick)) entry.checkedAt = now;
      else entries.delete(planningId);
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
        await settle(entries.values());
        const plannings: SummaryFile['plannings'] = {};
        const environments: ProbeEnvironment[] = [];
        const environmentAt = new Map<string, number>();
        const stored = (probe: Probe): StoredProbe => {
          const key = JSON.stringify(probe.environment);
          let at = environmentAt.get(key);
          if (at === undefined) {
            at = environments.push(probe.environment) - 1;
            environmentAt.set(key, at);
          }
          return { ...probe, environment: at };
        };
        // Only what still matches the disk: a write under way in this process has changed the stamps already.
        for (const [planningId, entry] of entries) {
          const decoded = Array.isArray(entry.months) ? entry.months : decodeFlat(entry.months);
          if (decoded === null || !current(planningId, entry.stamps)) continue;
          const months = Object.fromEntries(decoded.map((agg) => [agg.month, flatMonth(agg)]));
          plannings[planningId] = { stamps: entry.stamps, months, last: entry.last && stored(entry.last) };
        }
        const file: SummaryFile = { version: VERSION, environments, plannings };
        await writeFileDurable(absolute(dir, SUMMARY_FILE), `${asciiJson(file)}\n`, { flush: 'data' });
      } catch {
        // A folder that cannot be written (a read-only copy) is read from its records at each start, as before.
      }
    });
    return writing;
  }

  function keep(planningId: string, taken: Stamps, months: MonthAggregate[], last: Probe | null): void {
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
        if (!current(planningId, entry.stamps, quickCheck())) {
          entries.delete(planningId);
          return 'stale';
        }
        entry.checkedAt = now;
      }
      if (!Array.isArray(entry.months)) {
        const decoded = decodeFlat(entry.months);
        if (decoded === null) {
          entries.delete(planningId);
          return null;
        }
        entry.months = decoded;
      }
      return { months: entry.months, last: entry.last };
    },
    stamps: (planningId) => stamps(planningId),
    generation: (planningId) => generations.get(planningId) ?? 0,
    build(planningId, before, generation, view) {
      if ((generations.get(planningId) ?? 0) !== generation || !current(planningId, before)) return;
      keep(planningId, before, structuredClone(dashboardMonths(view.months)), view.last);
    },
    recorded(planningId, months, last) {
      generations.set(planningId, (generations.get(planningId) ?? 0) + 1);
      keep(planningId, stamps(planningId), dashboardMonths(decodeMonths(months)), structuredClone(last));
    },
    drop(planningId) {
      generations.set(planningId, (generations.get(planningId) ?? 0) + 1);
      entries.delete(planningId);
    },
    write,
  };
}

/**
 * Waits, briefly, until every file the entries were taken from is older than the summary about to be written by
 * more than settled()'s step: written right after a probe (the app closed at the end of a round), the entries of
 * the last plannings probed would otherwise be read again from the records at the next start. Not on FAT, whose
 * two-second step is not worth waiting for at close.
 */
async function settle(entries: Iterable<Entry>): Promise<void> {
  let newest = 0;
  for (const { stamps } of entries) {
    for (const stamp of [stamps.aggregates, stamps.folder, stamps.monthFolder, stamps.dayFile]) if (stamp && stamp[1] > newest) newest = stamp[1];
  }
  // A margin for the file system's clock, which may lag the process's by a tick.
  const wait = newest + STEP_MS + 20 - Date.now();
  if (wait > 0 && wait <= SETTLE_MS) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** The greatest name in a folder that matches `pattern` (names sort by date), null with none. */
function newest(folder: string, pattern: RegExp): string | null {
  try {
    let found: string | null = null;
    for (const name of readdirSync(folder)) if (pattern.test(name) && (found === null || name > found)) found = name;
    return found;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
