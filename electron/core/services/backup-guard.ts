// Evidence only grows, so a backup never lets the data folder overwrite its good copy: a day file's records in the
// copy must be the first records of the source's, a month's log pack in the copy a prefix of the source's, a
// capture (named by its hash) or a per-probe artefact is never replaced by other bytes, a month's gaps and a
// planning's history keep the copy's items as their first ones (the store only appends to both), and a seal, its
// signature and its tokens are never rewritten nor dropped. When the source contradicts the copy, the source was altered
// (or the copy was): the backup refuses, names the first such file, and leaves the copy as it was.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupRefusal } from '../../shared/api.js';
import { SEALS_DIR } from '../seals/keys.js';
import { sha256 } from '../store/chain.js';
import { readDay } from '../store/day-reader.js';
import { HISTORY_DIR } from '../store/history.js';
import { BLOBS_DIR, EVIDENCE_DIR, PROBES_DIR } from '../store/layout.js';
import { LOG_PACK_FILE } from '../store/log-packs.js';

type Growth = 'records' | 'items' | 'append' | 'blob' | 'fixed' | 'free';

const DAY_FILE = new RegExp(`^${PROBES_DIR}/[^/]+/\\d{4}-\\d{2}/\\d{4}-\\d{2}-\\d{2}\\.json$`);
const GAPS_FILE = new RegExp(`^${PROBES_DIR}/[^/]+/\\d{4}-\\d{2}/gaps\\.json$`);
const HISTORY_FILE = new RegExp(`^${HISTORY_DIR}/[^/]+\\.json$`);
const PER_PROBE = new RegExp(`^${EVIDENCE_DIR}/[^/]+/\\d{4}-\\d{2}/[^/]+\\.(png|webp|txt|log)$`);
const SEAL_PART = new RegExp(`^${SEALS_DIR}/[^/]+\\.(json|sig|tsr)$`);

/** How a file of the data folder may change: only grow (by records or bytes), never, or freely (settings, aggregates…). */
function growthOf(relative: string): Growth {
  if (SEAL_PART.test(relative)) return 'fixed';
  if (relative.startsWith(`${BLOBS_DIR}/`)) return 'blob';
  if (DAY_FILE.test(relative)) return 'records';
  if (GAPS_FILE.test(relative) || HISTORY_FILE.test(relative)) return 'items';
  if (relative.startsWith(`${EVIDENCE_DIR}/`) && relative.endsWith(`/${LOG_PACK_FILE}`)) return 'append';
  if (PER_PROBE.test(relative)) return 'fixed';
  return 'free';
}

/** Whether a file is evidence that may only grow or never change (else the copy simply takes the source's). */
export const isEvidence = (relative: string): boolean => growthOf(relative) !== 'free';

/** A seal, its signature or a token: never removed from a copy, even when the copy's check names it. */
export const isSealPart = (relative: string): boolean => SEAL_PART.test(relative);

/** Files whose absence from the source, while the copy has them, means evidence was deleted. */
const mustStay = (relative: string): boolean => {
  const growth = growthOf(relative);
  return growth === 'records' || growth === 'items' || growth === 'append' || (growth === 'fixed' && relative.startsWith(`${SEALS_DIR}/`));
};

const read = (file: string): Promise<Buffer | null> => readFile(file).catch(() => null);

/** The records of a day file, each as its JSON; null when the file cannot be read as one. */
function recordsOf(root: string, relative: string): string[] | null {
  const day = readDay(root, relative);
  if (!day.probes) return null;
  return day.lines ?? day.probes.map((probe) => JSON.stringify(probe));
}

/** The items of a gap file (`gaps`) or a planning's history (`versions`), each as its JSON; null when unreadable. */
function itemsOf(text: Buffer | null): string[] | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text.toString('utf8')) as { gaps?: unknown; versions?: unknown } | null;
    const items = value?.gaps ?? value?.versions;
    return Array.isArray(items) ? items.map((item) => JSON.stringify(item)) : null;
  } catch {
    return null;
  }
}

/** Whether `now` starts with every item of `before`, in order (it may hold more after them). */
const grewFrom = (before: readonly string[], now: readonly string[] | null): boolean =>
  now !== null && now.length >= before.length && before.every((item, index) => now[index] === item);

/**
 * Whether copying `relative` from the data folder over the copy's file would lose evidence: null when the copy may
 * take the source's file (it only grew, the bytes are the same, or the copy's own file is damaged and the source's
 * is the true one), else why not.
 */
export async function contradiction(from: string, to: string, relative: string): Promise<BackupRefusal | null> {
  const growth = growthOf(relative);
  if (growth === 'free') return null;
  const target = path.join(to, ...relative.split('/'));
  const source = path.join(from, ...relative.split('/'));
  const kept = await read(target);
  if (kept === null) return null;
  const refuse = (why: BackupRefusal['why']): BackupRefusal => ({ file: relative, why });
  switch (growth) {
    case 'records': {
      const before = recordsOf(to, relative);
      // The copy's file damaged: the source's, checked afterwards like every file of the copy, replaces it.
      if (before === null) return null;
      return grewFrom(before, recordsOf(from, relative)) ? null : refuse('shortened');
    }
    case 'items': {
      const before = itemsOf(kept);
      // As a day file: the copy's own file damaged is replaced by the source's, which the copy's check then judges.
      if (before === null) return null;
      return grewFrom(before, itemsOf(await read(source))) ? null : refuse('shortened');
    }
    case 'append': {
      const now = await read(source);
      if (now === null || now.length < kept.length || !now.subarray(0, kept.length).equals(kept)) return refuse('shortened');
      return null;
    }
    case 'blob': {
      const name = path.basename(relative).replace(/\.[^.]+$/, '');
      // A copy that is not its own hash was damaged on the way: the true bytes may replace it, never other ones.
      if (sha256(kept) !== name) return null;
      const now = await read(source);
      return now !== null && sha256(now) === name ? null : refuse('changed');
    }
    case 'fixed': {
      const now = await read(source);
      return now !== null && now.equals(kept) ? null : refuse('changed');
    }
  }
}

/** Relative paths (with `/`) of the files under `relative` in `root`. */
async function filesUnder(root: string, relative: string): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The copy's seals, day, gap and history files and log packs that the data folder no longer has: the first one. */
export async function removedFromSource(from: string, to: string): Promise<BackupRefusal | null> {
  const evidence = (await readdir(path.join(to, EVIDENCE_DIR)).catch(() => [] as string[])).filter((name) => `${EVIDENCE_DIR}/${name}` !== BLOBS_DIR);
  const folders = [SEALS_DIR, HISTORY_DIR, PROBES_DIR, ...evidence.map((name) => `${EVIDENCE_DIR}/${name}`)];
  for (const folder of folders) {
    for (const relative of (await filesUnder(to, folder)).sort()) {
      if (!mustStay(relative)) continue;
      if (!(await stat(path.join(from, ...relative.split('/'))).then(() => true, () => false))) return { file: relative, why: 'removed' };
    }
  }
  return null;
}
