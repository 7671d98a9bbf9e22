// Older folders kept one log file per probe (`evidence/<planning>/<YYYY-MM>/<id>.log`). Their records are hashed
// and sealed, so they are never rewritten: the migration moves each log's bytes into its month's pack and writes,
// beside it, an index from the log's SHA-256 (the record's `log.sha256`) to its member. Every reader (verify, the
// dossier) that does not find the old file looks there and checks the bytes against the record (log-packs.ts).
//
// One month at a time, while nothing else writes the planning: the logs whose bytes match their record are
// appended to the pack (one flush), the index is written (through a rename, flushed), every member is read back
// and checked, and only then are the old files removed. A crash at any point leaves each log readable: in its
// file, or in the pack through the index. A log that no longer matches its record, or that no record names, stays
// where it is, for verify to name as before.
import { readdir, readFile, rm } from 'node:fs/promises';
import type { MonthKey, Probe } from '../../shared/domain.js';
import { sha256 } from './chain.js';
import { readDay } from './day-reader.js';
import { fsyncDir, writeFileDurable } from './durable.js';
import { absolute, artefactFile, artefactFolder, dayFile, daysOf, monthsOf, planningDirs } from './layout.js';
import {
  appendMember,
  createLogReader,
  isPacked,
  LOG_PACK_FILE,
  logIndexOf,
  packMember,
  type IndexedLog,
  type LogIndex,
} from './log-packs.js';

export interface LogMigration {
  /** Month folders whose logs were moved. */
  months: number;
  /** Logs moved into packs. */
  moved: number;
  /** Log files left where they were: not matching their record, named by none, or not read back right. */
  left: number;
}

interface MigrationDeps {
  dir: string;
  /** Runs a planning's month while nothing else writes the planning (the store's queue). */
  exclusive: <T>(planningId: string, task: () => Promise<T>) => Promise<T>;
  log: (message: string) => void;
  /** Stops between two months (the app is closing): the next run goes on from there. */
  signal?: AbortSignal;
}

const LOG_FILE = /^([A-Za-z0-9][A-Za-z0-9._-]{0,127})\.log$/;

async function names(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The month's records that name a log file of their own, by that file's name. */
async function recordsWithOwnLog(dir: string, planningId: string, month: MonthKey): Promise<Map<string, Probe>> {
  const byFile = new Map<string, Probe>();
  for (const day of await daysOf(dir, planningId, month)) {
    const { probes } = readDay(dir, dayFile(planningId, day));
    for (const probe of probes ?? []) {
      if (probe.log && !isPacked(probe.log) && probe.log.path === artefactFile(planningId, month, probe.id, 'log')) {
        byFile.set(`${probe.id}.log`, probe);
      }
    }
  }
  return byFile;
}

/** Logs moved at a time: each step appends, indexes, reads back and removes them, so a kill loses little work. */
const STEP = 128;

async function readIndex(dir: string, indexFile: string): Promise<LogIndex> {
  try {
    const value = JSON.parse(await readFile(absolute(dir, indexFile), 'utf8')) as Partial<LogIndex> | null;
    return { logs: { ...(value?.logs ?? {}) } };
  } catch {
    // No index yet, or an unreadable one: rewritten with what is moved from now on (older members stay unused).
    return { logs: {} };
  }
}

/** Moves `names` (log files of `folder` whose records are in `records`); gives how many were removed. */
async function migrateStep(dir: string, folder: string, names: readonly string[], records: Map<string, Probe>, index: LogIndex): Promise<number> {
  const members: Buffer[] = [];
  const added: { sha256: string; bytes: number; length: number }[] = [];
  const movable: string[] = [];
  for (const name of names) {
    const recorded = records.get(name)?.log?.sha256;
    if (recorded === undefined) continue;
    // Moved by an earlier run that was stopped before removing its file: in the pack already.
    if (Object.hasOwn(index.logs, recorded)) {
      movable.push(name);
      continue;
    }
    const data = await readFile(absolute(dir, `${folder}/${name}`)).catch(() => null);
    if (!data || sha256(data) !== recorded) continue;
    const member = packMember(data);
    members.push(member);
    added.push({ sha256: recorded, bytes: data.length, length: member.length });
    movable.push(name);
  }
  if (members.length > 0) {
    let offset = await appendMember(dir, `${folder}/${LOG_PACK_FILE}`, Buffer.concat(members));
    for (const entry of added) {
      const located: IndexedLog = { offset, length: entry.length, bytes: entry.bytes };
      if (!Object.hasOwn(index.logs, entry.sha256)) index.logs[entry.sha256] = located;
      offset += entry.length;
    }
    await writeFileDurable(absolute(dir, logIndexOf(folder)), `${JSON.stringify(index)}\n`);
  }
  // Read back from disk through the index, as every reader will, before any file goes.
  const reader = createLogReader(dir);
  const removable = movable.filter((name) => {
    const recorded = records.get(name)?.log?.sha256 ?? '';
    const read = reader.readIndexed(folder, recorded);
    return read.kind === 'bytes' && sha256(read.data) === recorded;
  });
  for (const name of removable) await rm(absolute(dir, `${folder}/${name}`), { force: true });
  if (removable.length > 0) await fsyncDir(absolute(dir, folder));
  return removable.length;
}

async function migrateMonth(dir: string, planningId: string, month: MonthKey, result: LogMigration, signal: AbortSignal | undefined): Promise<void> {
  const folder = artefactFolder(planningId, month);
  const files = (await names(absolute(dir, folder))).filter((name) => LOG_FILE.test(name));
  if (files.length === 0) return;
  const records = await recordsWithOwnLog(dir, planningId, month);
  const index = await readIndex(dir, logIndexOf(folder));
  let moved = 0;
  let seen = 0;
  for (let start = 0; start < files.length && !signal?.aborted; start += STEP) {
    const step = files.slice(start, start + STEP);
    moved += await migrateStep(dir, folder, step, records, index);
    seen += step.length;
  }
  if (moved > 0) result.months += 1;
  result.moved += moved;
  result.left += seen - moved;
}

/**
 * Moves every older per-probe log into its month's pack (see above). Run once a writer has the folder, in the
 * background: a folder already migrated costs one listing per month folder.
 */
export async function migrateLogs({ dir, exclusive, log, signal }: MigrationDeps): Promise<LogMigration> {
  const result: LogMigration = { months: 0, moved: 0, left: 0 };
  for (const planningId of await planningDirs(dir)) {
    for (const month of await monthsOf(dir, planningId)) {
      if (signal?.aborted) break;
      if (!(await names(absolute(dir, artefactFolder(planningId, month)))).some((name) => LOG_FILE.test(name))) continue;
      await exclusive(planningId, () => migrateMonth(dir, planningId, month, result, signal));
    }
  }
  if (result.moved > 0 || result.left > 0) {
    log(
      `Journaux des sondages : ${result.moved} déplacé(s) dans ${result.months} fichier(s) mensuel(s) « ${LOG_PACK_FILE} », relus et vérifiés` +
        (result.left > 0 ? ` ; ${result.left} laissé(s) à leur place (sans enregistrement qui le nomme, ou différent de son enregistrement : « verify » le signale).` : '.'),
    );
  }
  return result;
}
