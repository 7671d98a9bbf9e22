// Moving the data folder with its contents (from the settings): checked, copied, verified, and only then is the
// old one emptied (by the caller, once the app uses the copy). Nothing here changes which folder is in use.
import { constants } from 'node:fs';
import { access, cp, lstat, mkdir, open, readdir, realpath, rm, rmdir, statfs, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PUBLISHED_SITE_DIR } from '../../shared/export-names.js';
import { AppError } from '../errors.js';
import { fsyncDir, mkdirDurable, writeFileDurable } from '../store/durable.js';
import { DATA_DIR_POINTER_FILE } from '../paths.js';
import { KEYS_DIR, SEALS_DIR } from '../seals/keys.js';
import { ASSISTED_PROFILES_DIR, CLI_PROBES_DIR, EVIDENCE_DIR, EXPORTS_DIR, HISTORY_DIR, WRITER_LOCK_FILE } from '../store/index.js';
import { IMPORTED_DIR } from '../store/imported.js';
import { BACKUP_STATE_FILE } from './backup-state.js';
import { AGGREGATES_DIR, PLANNINGS_FILE, PROBES_DIR, SETTINGS_FILE } from '../store/layout.js';

/** Where a folder is moved from, for the transports that cannot move it (the web page, a core without a mover). */
export const MOVE_FROM = 'Le dossier de données se déplace depuis l’application de bureau (Réglages) ou en ligne de commande (move-data DOSSIER)';

/**
 * What Guichets keeps in a data folder. Only these move when the data folder is the app's own config folder
 * (Electron's `userData`, which also holds Chromium's caches and profile: those stay where Electron wants them).
 * A folder the person chose is Guichets' alone: everything in it moves. A new top-level folder goes here.
 */
export const DATA_ENTRIES: readonly string[] = [
  SETTINGS_FILE,
  PLANNINGS_FILE,
  PROBES_DIR,
  AGGREGATES_DIR,
  EVIDENCE_DIR,
  EXPORTS_DIR,
  ASSISTED_PROFILES_DIR,
  CLI_PROBES_DIR,
  SEALS_DIR,
  KEYS_DIR,
  HISTORY_DIR,
  IMPORTED_DIR,
  BACKUP_STATE_FILE,
  PUBLISHED_SITE_DIR,
  'demo',
];

/** Never copied: the lock belongs to the process writing the old folder; the pointer to the config folder. */
const NEVER_MOVED = new Set([WRITER_LOCK_FILE, DATA_DIR_POINTER_FILE]);

export interface MovePlan {
  from: string;
  to: string;
  /** The top-level entries that move. */
  entries: string[];
  files: number;
  bytes: number;
}

const refuse = (rule: string, message: string, code: 'invalid_input' | 'storage_full' = 'invalid_input', params: Record<string, string | number> = {}) =>
  new AppError(code, message, { field: ['to'], params: { rule, ...params } });

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(() => true, () => false);
}

/** The real path of `target`, through its nearest existing ancestor (the destination may not exist yet). */
async function realTarget(target: string): Promise<string> {
  let existing = target;
  const rest: string[] = [];
  while (!(await exists(existing))) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(await realpath(existing).catch(() => existing), ...rest);
}

interface Listed {
  files: Map<string, number>;
  /** Each file's size and modification time, to see whether the old folder changed after it was copied. */
  stamps?: Map<string, string>;
  /** The folders met, to flush a copy's new entries. */
  folders?: string[];
}

/** Every file under `dir` (relative path → size), symbolic links not followed. */
async function listFiles(root: string, relative: string, into: Listed): Promise<void> {
  const full = path.join(root, relative);
  const info = await lstat(full);
  if (info.isDirectory()) {
    into.folders?.push(relative);
    for (const name of await readdir(full)) await listFiles(root, path.join(relative, name), into);
  } else {
    into.files.set(relative, info.size);
    into.stamps?.set(relative, `${info.size}/${info.mtimeMs}`);
  }
}

/** A move whose copy was checked: what the old folder held when it was copied. */
export interface CheckedMove extends MovePlan {
  copied: Map<string, string>;
}

/**
 * True when the old folder holds exactly what was copied (same files, sizes and times): nothing was written there
 * between the copy and the switch (a manual probe, a setting), so emptying it loses nothing.
 */
export async function unchangedSinceCopy(move: CheckedMove): Promise<boolean> {
  const now: Listed = { files: new Map(), stamps: new Map() };
  for (const entry of move.entries) await listFiles(move.from, entry, now);
  return now.stamps?.size === move.copied.size && [...move.copied].every(([file, stamp]) => now.stamps?.get(file) === stamp);
}

/** Checks the destination and measures what moves; refuses with one French line placed by the `to` field. */
export async function planMove(fromDir: string, toDir: string, configDir: string | null): Promise<MovePlan> {
  if (!path.isAbsolute(toDir)) {
    throw refuse('not_absolute', `Nouveau dossier : indiquez un chemin complet (par exemple /home/asso/Guichets ou D:\\Guichets), pas « ${toDir} ».`);
  }
  const from = await realpath(fromDir);
  const to = await realTarget(path.resolve(toDir));
  const relative = path.relative(from, to);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (!outside) {
    throw refuse('inside', `Nouveau dossier : « ${to} » est le dossier actuel ou se trouve dedans. Choisissez un dossier ailleurs.`);
  }
  const info = await lstat(to).catch(() => null);
  if (info && !info.isDirectory()) throw refuse('not_folder', `Nouveau dossier : « ${to} » est un fichier, pas un dossier.`);
  const config = configDir === null ? null : await realpath(configDir).catch(() => configDir);
  // Back to the app's own folder: it holds Electron's files (and the pointer), but none of Guichets' may be there.
  const present = info ? (await readdir(to)).filter((name) => (to === config ? DATA_ENTRIES.includes(name) : true)) : [];
  if (present.length > 0) {
    throw refuse('not_empty', `Nouveau dossier : « ${to} » n’est pas vide. Choisissez un dossier vide (ou un nouveau) pour ne rien mélanger.`);
  }
  try {
    await mkdir(to, { recursive: true });
    await access(to, constants.W_OK);
    const probe = path.join(to, '.guichets-ecriture');
    await writeFile(probe, 'test');
    await unlink(probe);
  } catch {
    throw refuse('not_writable', `Nouveau dossier : impossible d’écrire dans « ${to} » (lecture seule ou accès refusé). Choisissez un dossier où vous pouvez écrire.`);
  }
  const names = (await readdir(from)).filter((name) => !NEVER_MOVED.has(name));
  // The app's config folder also holds Electron's own files: only Guichets' entries leave it.
  const entries = config === from ? names.filter((name) => DATA_ENTRIES.includes(name)) : names;
  const listed: Listed = { files: new Map() };
  for (const entry of entries) await listFiles(from, entry, listed);
  const bytes = [...listed.files.values()].reduce((sum, size) => sum + size, 0);
  const disk = await statfs(to);
  const free = disk.bavail * disk.bsize;
  // A margin for the folders' own blocks and for probes recorded just after.
  const needed = Math.ceil(bytes * 1.05) + 10 * 1024 * 1024;
  if (free < needed) {
    const mb = (n: number) => Math.ceil(n / (1024 * 1024));
    throw refuse(
      'no_space',
      `Nouveau dossier : pas assez de place sur ce disque (${mb(needed)} Mo nécessaires, ${mb(free)} Mo libres). Libérez de la place ou choisissez un autre disque.`,
      'storage_full',
      { needed: mb(needed), free: mb(free) },
    );
  }
  return { from, to, entries, files: listed.files.size, bytes };
}

/**
 * Copies, then checks that the copy has the same files with the same sizes, each flushed to disk (so the old
 * one may be emptied after). On any failure the copy is removed and the old folder is untouched.
 */
export async function copyAndCheck(plan: MovePlan): Promise<CheckedMove> {
  try {
    for (const entry of plan.entries) {
      await cp(path.join(plan.from, entry), path.join(plan.to, entry), { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true, verbatimSymlinks: true });
    }
    const original: Listed = { files: new Map(), stamps: new Map() };
    const copy: Listed = { files: new Map(), folders: [] };
    for (const entry of plan.entries) {
      await listFiles(plan.from, entry, original);
      await listFiles(plan.to, entry, copy);
    }
    const wrong = [...original.files].filter(([file, size]) => copy.files.get(file) !== size).map(([file]) => file);
    if (wrong.length > 0 || copy.files.size !== original.files.size) {
      throw new AppError(
        'storage_corrupt',
        `Copie incomplète vers « ${plan.to} » (${wrong.length} fichier(s) manquant(s) ou de taille différente, dont ${wrong.slice(0, 3).join(', ')}). Rien n’a changé : le dossier actuel reste utilisé.`,
        { field: ['to'], params: { rule: 'copy_differs', count: wrong.length } },
      );
    }
    for (const file of copy.files.keys()) await flush(path.join(plan.to, file));
    // The new names too, deepest folders first, then the new folder's own entry in its parent.
    for (const folder of (copy.folders ?? []).reverse()) await fsyncDir(path.join(plan.to, folder));
    await fsyncDir(plan.to);
    await fsyncDir(path.dirname(plan.to));
    return { ...plan, copied: original.stamps ?? new Map<string, string>() };
  } catch (error) {
    await emptyFolder(plan.to, plan.entries);
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw refuse('no_space', `Nouveau dossier : le disque s’est rempli pendant la copie. Rien n’a changé : le dossier actuel reste utilisé.`, 'storage_full');
    }
    throw refuse('copy_failed', `Copie vers « ${plan.to} » impossible (${code ?? (error instanceof Error ? error.message : String(error))}). Rien n’a changé : le dossier actuel reste utilisé.`);
  }
}

async function flush(file: string): Promise<void> {
  const info = await lstat(file);
  if (!info.isFile()) return;
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes the moved entries from a folder; the folder itself goes too when nothing else is left in it. */
export async function emptyFolder(dir: string, entries: readonly string[]): Promise<boolean> {
  for (const entry of entries) await rm(path.join(dir, entry), { recursive: true, force: true });
  return rmdir(dir).then(() => true, () => false);
}

/**
 * Remembers the new data folder in the app's config folder (read at start by paths.ts readDataDirPointer),
 * flushed with its folder before it resolves: the old folder is emptied next, so a power cut must not leave an
 * empty pointer and a new folder no one points to.
 */
export async function writeDataDirPointer(configDir: string, dataDir: string): Promise<void> {
  await mkdirDurable(configDir);
  await writeFileDurable(path.join(configDir, DATA_DIR_POINTER_FILE), `${JSON.stringify({ dataDir, movedAt: new Date().toISOString() }, null, 2)}\n`);
}
