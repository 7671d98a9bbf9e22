// A backup of the data folder to another folder (a USB disk, a network share, a synced folder): what is new since
// the last one copied, each file flushed and renamed into place whole, then the copy checked by verify's own checks.
// Whether a backup was good is said only by the data folder (backup-state.ts), never by the copy: the copy's mark
// says « copying » from the first file on and « checked » only once the check passed.
import { constants } from 'node:fs';
import { access, copyFile, lstat, mkdir, open, readdir, readFile, realpath, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { BackupRefusal, BackupResult, JobProgress } from '../../shared/api.js';
import { coreMessage } from '../../shared/messages/index.js';
import type { Clock } from '../clock.js';
import { coreError } from '../errors.js';
import { verifyDir, type VerifyProblem } from '../evidence/index.js';
import { progressMeter } from '../evidence/progress.js';
import type { TrustSet } from '../seals/trust.js';
import { fsyncDir, writeFileDurable } from '../store/durable.js';
import { AGGREGATES_DIR, aggregatesFile, ASSISTED_PROFILES_DIR, BLOBS_DIR, EVIDENCE_DIR, PROBES_DIR, WRITER_LOCK_FILE } from '../store/layout.js';
import { DATA_DIR_POINTER_FILE } from '../paths.js';
import { ANCHORS_DIR } from '../seals/anchor.js';
import { BACKUP_STATE_FILE, writeBackupState } from './backup-state.js';
import { contradiction, isEvidence, isSealPart, removedFromSource } from './backup-guard.js';

/** In the copy: what it is, and whether its check passed (written last). Another folder is never written into. */
export const BACKUP_MARK_FILE = 'guichets-sauvegarde.json';
/** A file being copied: renamed to its name once whole and flushed; one left by a killed backup is replaced. */
const PARTIAL = '.guichets-partiel';

/**
 * Never copied: the lock, the pointer and the memory of seals belong to this PC (the last two are in the data folder
 * only when it is the app's config folder); browser profiles are rebuilt; the state says of copies.
 */
const LEFT_OUT = new Set([WRITER_LOCK_FILE, DATA_DIR_POINTER_FILE, ANCHORS_DIR, ASSISTED_PROFILES_DIR, BACKUP_STATE_FILE, BACKUP_MARK_FILE, 'demo']);

/** The data folder contradicts the copy: the backup stops where it is, having replaced nothing. */
class Refused extends Error {
  constructor(readonly refusal: BackupRefusal) {
    super(refusal.file);
  }
}

interface BackupMark {
  kind: 'guichets-backup';
  state: 'copying' | 'checked';
  at: string;
}

export interface BackupOptions {
  dataDir: string;
  dest: string;
  clock: Clock;
  trust: TrustSet;
  /** Runs one planning's copy while nothing writes to it (the store's queue), so that its files agree. */
  exclusive: <T>(planningId: string, task: () => Promise<T>) => Promise<T>;
  onProgress?: (progress: JobProgress) => void;
}

const refuse = (rule: string, code: Parameters<typeof coreMessage>[0], params: Record<string, string | number>, field: string) =>
  coreError('invalid_input', coreMessage(code, params), { field: [field], params: { rule } });

/** The real path of `target` through its nearest existing ancestor (the folder may not exist yet). */
async function realTarget(target: string): Promise<string> {
  const rest: string[] = [];
  let existing = target;
  while (!(await lstat(existing).then(() => true, () => false))) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(await realpath(existing).catch(() => existing), ...rest);
}

const within = (outer: string, inner: string): boolean => {
  const relative = path.relative(outer, inner);
  return relative === '' || !(relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative));
};

async function readMark(dest: string): Promise<BackupMark | null> {
  try {
    const value = JSON.parse(await readFile(path.join(dest, BACKUP_MARK_FILE), 'utf8')) as Partial<BackupMark>;
    return value.kind === 'guichets-backup' ? (value as BackupMark) : null;
  } catch {
    return null;
  }
}

/** The destination, made if need be: refused inside the data folder (or around it), or when it holds anything else. */
export async function prepareDest(dataDir: string, given: string, field = 'path'): Promise<string> {
  if (!path.isAbsolute(given)) throw refuse('not_absolute', 'backup.not_absolute', { dest: given }, field);
  const from = await realpath(dataDir);
  const dest = await realTarget(path.resolve(given));
  if (within(from, dest) || within(dest, from)) throw refuse('inside', 'backup.inside', { dest }, field);
  const info = await stat(dest).catch(() => null);
  if (info && !info.isDirectory()) throw refuse('not_folder', 'backup.not_folder', { dest }, field);
  if (info) {
    const names = (await readdir(dest)).filter((name) => !name.startsWith('.'));
    if (names.length > 0 && !(await readMark(dest))) throw refuse('not_backup', 'backup.not_backup', { dest }, field);
  }
  try {
    await mkdir(dest, { recursive: true });
    await access(dest, constants.W_OK);
  } catch {
    throw refuse('not_writable', 'backup.not_writable', { dest }, field);
  }
  return dest;
}

/** Relative paths (with `/`) of the files under `relative`, none when it is absent; temporary files left out. */
async function filesUnder(root: string, relative: string): Promise<string[]> {
  const full = path.join(root, relative);
  const info = await lstat(full).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return info.isFile() ? [relative] : [];
  const entries = await readdir(full, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !(entry.name.startsWith('.') && entry.name.endsWith('.tmp')) && !entry.name.endsWith(PARTIAL))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

interface Copier {
  copied: number;
  bytes: number;
  unchanged: number;
  /** Folders that gained an entry: flushed before the check. */
  folders: Set<string>;
}

/** Within a millisecond: times go through seconds as floating-point numbers, and file systems round them. */
const sameTime = (a: number, b: number): boolean => Math.abs(a - b) < 1;

/** One file, unless the copy already has it (same size and time): to a partial file, flushed, renamed into place. */
async function copyOne(from: string, to: string, relative: string, copier: Copier): Promise<void> {
  const source = path.join(from, ...relative.split('/'));
  const target = path.join(to, ...relative.split('/'));
  const info = await stat(source).catch(() => null);
  // Gone since it was listed (a temporary file renamed): nothing to copy.
  if (!info) return;
  const there = await stat(target).catch(() => null);
  if (there && there.size === info.size && sameTime(there.mtimeMs, info.mtimeMs)) {
    copier.unchanged += 1;
    return;
  }
  // Checked again here: the data folder may have changed since the check before copying.
  const refusal = there ? await contradiction(from, to, relative) : null;
  if (refusal) throw new Refused(refusal);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}${PARTIAL}`;
  await copyFile(source, partial);
  const handle = await open(partial, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  // The source's time, so that the next backup knows this file is already there.
  await utimes(partial, info.atimeMs / 1000, info.mtimeMs / 1000);
  await rename(partial, target);
  for (let folder = path.dirname(target); within(to, folder); folder = path.dirname(folder)) {
    copier.folders.add(folder);
    if (folder === to) break;
  }
  copier.copied += 1;
  copier.bytes += info.size;
}

/** A planning's files (probes, aggregates, evidence), listed and copied while nothing writes to it. */
function planningFiles(dir: string, id: string): Promise<string[][]> {
  return Promise.all([filesUnder(dir, `${PROBES_DIR}/${id}`), filesUnder(dir, aggregatesFile(id)), filesUnder(dir, `${EVIDENCE_DIR}/${id}`)]);
}

/** Every planning with files in the data folder. */
async function plannings(dir: string): Promise<string[]> {
  const names = async (relative: string): Promise<string[]> => readdir(path.join(dir, relative)).catch(() => []);
  const aggregated = (await names(AGGREGATES_DIR)).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
  const evidence = (await names(EVIDENCE_DIR)).filter((name) => `${EVIDENCE_DIR}/${name}` !== BLOBS_DIR);
  return [...new Set([...(await names(PROBES_DIR)), ...aggregated, ...evidence])].filter((name) => !name.startsWith('.')).sort();
}

/**
 * Copies in the order that keeps the copy whole at every moment verify may look at it: the listing, seals and
 * history first (they name only probes already written), then each planning as one, then the captures (written
 * before the records that name them, so every record copied finds its capture).
 */
const PLANNED = new Set([PROBES_DIR, AGGREGATES_DIR, EVIDENCE_DIR]);
const topNames = async (from: string): Promise<string[]> => (await readdir(from)).filter((name) => !LEFT_OUT.has(name) && !PLANNED.has(name));

/** Every file to copy, in the order below, each planning's while nothing writes to it. */
async function eachFile(options: BackupOptions, visit: (files: readonly string[]) => Promise<void>): Promise<void> {
  const from = options.dataDir;
  for (const name of await topNames(from)) await visit(await filesUnder(from, name));
  for (const id of await plannings(from)) {
    await options.exclusive(id, async () => {
      for (const files of await planningFiles(from, id)) await visit(files);
    });
  }
  await visit(await filesUnder(from, BLOBS_DIR));
}

/**
 * Before anything is written to the copy: the first file of evidence the data folder contradicts (rewritten,
 * shortened, deleted), or null. Only files that differ from the copy's by size or time are read.
 */
async function firstContradiction(options: BackupOptions, to: string): Promise<BackupRefusal | null> {
  const from = options.dataDir;
  const first: { found: BackupRefusal | null } = { found: null };
  await eachFile(options, async (files) => {
    for (const relative of files) {
      if (first.found || !isEvidence(relative)) continue;
      const there = await stat(path.join(to, ...relative.split('/'))).catch(() => null);
      if (!there) continue;
      const info = await stat(path.join(from, ...relative.split('/'))).catch(() => null);
      if (info && info.size === there.size && sameTime(info.mtimeMs, there.mtimeMs)) continue;
      first.found = await contradiction(from, to, relative);
    }
  });
  return first.found ?? (await removedFromSource(from, to));
}

async function copyAll(options: BackupOptions, to: string): Promise<Copier> {
  const from = options.dataDir;
  const copier: Copier = { copied: 0, bytes: 0, unchanged: 0, folders: new Set([to]) };
  const top = await topNames(from);
  // Counted once at the start, for the progress: files added meanwhile only make it end a little later.
  let total = 0;
  for (const name of [...top, ...PLANNED]) total += (await filesUnder(from, name)).length;
  const meter = options.onProgress ? progressMeter('backup', 'progress.backup_copy', total, options.clock, options.onProgress) : null;
  meter?.advance(0);
  let done = 0;
  const copy = async (files: readonly string[]): Promise<void> => {
    for (const file of files) {
      await copyOne(from, to, file, copier);
      done += 1;
      meter?.advance(done);
    }
  };
  await eachFile(options, copy);
  meter?.finish(done);
  return copier;
}

/** The copy's flushes: every folder that gained a name, deepest first, then the destination in its parent. */
async function flushFolders(copier: Copier, to: string): Promise<void> {
  for (const folder of [...copier.folders].sort((a, b) => b.length - a.length)) await fsyncDir(folder);
  await fsyncDir(path.dirname(to));
}

const problemKey = (problem: VerifyProblem): string => `${problem.planningId}|${problem.kind}|${problem.file ?? ''}|${problem.probeId ?? ''}`;

/**
 * The copy's problems that the data folder does not have (the copy is faithful when there are none); the data
 * folder is checked only when the copy has any.
 */
async function newProblems(options: BackupOptions, copyProblems: VerifyProblem[]): Promise<{ fresh: VerifyProblem[]; inSource: number }> {
  if (copyProblems.length === 0) return { fresh: [], inSource: 0 };
  const source = await verifyDir(options.dataDir, undefined, { trust: options.trust, exclusive: options.exclusive });
  const known = new Set(source.problems.map(problemKey));
  return { fresh: copyProblems.filter((problem) => !known.has(problemKey(problem))), inSource: source.problems.length };
}

async function writeMark(dest: string, state: BackupMark['state'], at: Date): Promise<void> {
  const mark: BackupMark = { kind: 'guichets-backup', state, at: at.toISOString() };
  await writeFileDurable(path.join(dest, BACKUP_MARK_FILE), `${JSON.stringify(mark, null, 2)}\n`);
}

/**
 * Backs the data folder up into `dest`, then checks the copy. Good only when the check finds nothing the data
 * folder itself does not have: then, and only then, the copy is marked checked and the data folder records the
 * date. A copy found wrong loses the files named, so that the next backup copies them again.
 */
export async function runBackup(options: BackupOptions): Promise<BackupResult> {
  const dest = await prepareDest(options.dataDir, options.dest);
  const startedAt = options.clock.now();
  const refusal = await firstContradiction(options, dest);
  if (refusal) return refusedBackup(options, dest, refusal);
  // From the first file on, the copy says it is not (yet) a checked one.
  await writeMark(dest, 'copying', startedAt);
  await removePartials(dest);
  let copier: Copier;
  try {
    copier = await copyAll(options, dest);
  } catch (error) {
    if (error instanceof Refused) return refusedBackup(options, dest, error.refusal);
    throw error;
  }
  await flushFolders(copier, dest);
  const check = await verifyDir(dest, undefined, {
    trust: options.trust,
    clock: options.clock,
    ...(options.onProgress ? { onProgress: (progress: JobProgress) => options.onProgress?.({ ...progress, job: 'backup', message: { ...progress.message, code: 'progress.backup_check' } }) } : {}),
  });
  const { fresh, inSource } = await newProblems(options, check.problems);
  const at = options.clock.now();
  const result: BackupResult = {
    dest,
    at: at.toISOString(),
    good: fresh.length === 0,
    copiedFiles: copier.copied,
    copiedBytes: copier.bytes,
    unchangedFiles: copier.unchanged,
    checkedProbes: check.checkedProbes,
    problems: fresh.length,
    sourceProblems: inSource,
  };
  if (result.good) {
    await writeMark(dest, 'checked', at);
    await writeBackupState(options.dataDir, { lastGood: { at: result.at, dest, probes: check.checkedProbes }, lastAttempt: { at: result.at, dest, good: true, problems: 0 } });
  } else {
    for (const problem of fresh) {
      // A seal is never dropped from a copy: the next backup compares it with the data folder's instead.
      if (problem.file === null || isSealPart(problem.file)) continue;
      const file = path.join(dest, ...problem.file.split('/'));
      if (within(dest, file) && file !== dest) await unlink(file).catch(() => undefined);
    }
    await writeBackupState(options.dataDir, { lastAttempt: { at: result.at, dest, good: false, problems: fresh.length } });
  }
  return result;
}

/** A backup refused: the copy kept as it is (never marked checked), the data folder told which file and why. */
async function refusedBackup(options: BackupOptions, dest: string, refused: BackupRefusal): Promise<BackupResult> {
  const at = options.clock.now().toISOString();
  await writeBackupState(options.dataDir, { lastAttempt: { at, dest, good: false, problems: 1, refused } });
  return { dest, at, good: false, copiedFiles: 0, copiedBytes: 0, unchangedFiles: 0, checkedProbes: 0, problems: 1, sourceProblems: 0, refused };
}

/** Leftovers of a killed backup beside the files (never a file of the copy itself). */
export async function removePartials(dest: string): Promise<void> {
  const entries = await readdir(dest, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isFile() && entry.name.endsWith(PARTIAL)) await rm(path.join(entry.parentPath, entry.name), { force: true });
}
