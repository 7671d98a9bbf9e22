// What this PC remembers of the seals it made, kept outside the data folder (in the per-user config folder, beside
// the person's trusted roots): per data folder, the newest seal's name, SHA-256 and the probes it covers. A folder
// cut back to an older seal (the newest seals, their tokens and the probes after them deleted, the aggregates
// shortened) is consistent in itself: only a memory the forger cannot reach says that newer seals existed.
// A seal remembered and found missing when a later one is made stays remembered (`lost`), so that the daily seal
// made after a truncation does not forget it. A folder restored in place from an older backup lacks the seals made
// after that backup, truthfully: a person may acknowledge it, and the acknowledgement (when, which seals were given
// up) stays in this memory for good, said at every verify, out of reach of whoever can write only the data folder.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { appConfigDir } from '../paths.js';
import { sha256 } from '../store/chain.js';
import { mkdirDurable, writeFileDurable } from '../store/durable.js';
import { sealTime } from './format.js';
import { SEALS_DIR } from './keys.js';

/** In the per-user config folder: one small file per data folder this PC sealed. */
export const ANCHORS_DIR = 'seal-anchors';

export interface RememberedSeal {
  name: string;
  /** SHA-256 of the seal's JSON bytes, hex. */
  sha256: string;
  /** Probes of every planning the seal covers. */
  probes: number;
}

/** A restore in place that a person acknowledged on this PC. */
export interface AcceptedRestore {
  at: string;
  /** The seals this PC remembered and the folder no longer had, oldest first. */
  gaveUp: RememberedSeal[];
  /** The folder's newest seal made before the first seal given up (the backup's last one), if it has one. */
  since: RememberedSeal | null;
  /** The folder's newest seal, remembered from then on. */
  anchoredTo: RememberedSeal;
}

export interface SealAnchor {
  format: 1;
  /** The data folder's real path when the seal was made: the folder's identity on this PC. */
  dir: string;
  newest: RememberedSeal;
  /** Remembered seals found missing or changed when a later seal was made. */
  lost: RememberedSeal[];
  /** Restores acknowledged, oldest first: never removed. */
  restores: AcceptedRestore[];
  at: string;
}

export type AnchorProblemKind = 'anchored_seal_missing' | 'anchored_seal_changed';

/** What verify says of this PC's memory: nothing remembered (a copy, another PC), or the newest seal it made. */
export type AnchorVerdict =
  | { known: false }
  | { known: true; newest: RememberedSeal; problems: { seal: RememberedSeal; kind: AnchorProblemKind }[]; restores: AcceptedRestore[] };

/** Why a restore cannot be acknowledged: no memory, nothing lost, a seal replaced (no restore does that), no seal. */
export type RestoreRefusal = 'unknown' | 'nothing' | 'changed' | 'no_seal';

/** What a restore acknowledged gives up and relies on; `recorded` false when only asked what it would be. */
export type RestoreAcceptance = { restore: AcceptedRestore; recorded: boolean } | { refused: RestoreRefusal };

/** The folder of anchors for this environment (the per-user config folder's). */
export const anchorsDirOf = (env: NodeJS.ProcessEnv): string => path.join(appConfigDir(env), ANCHORS_DIR);

/** The data folder's identity: its real path (letter case aside on Windows, where it does not tell folders apart). */
async function identity(dataDir: string): Promise<string> {
  const real = await realpath(dataDir).catch(() => path.resolve(dataDir));
  return process.platform === 'win32' ? real.toLowerCase() : real;
}

const anchorFile = (anchorsDir: string, dir: string): string => path.join(anchorsDir, `${sha256(dir).slice(0, 32)}.json`);

const isRemembered = (value: unknown): value is RememberedSeal => {
  const seal = value as Partial<RememberedSeal> | null;
  return typeof seal === 'object' && seal !== null && typeof seal.name === 'string' && typeof seal.sha256 === 'string' && typeof seal.probes === 'number';
};

async function readAnchor(anchorsDir: string, dir: string): Promise<SealAnchor | null> {
  let value: Partial<SealAnchor>;
  try {
    value = JSON.parse(await readFile(anchorFile(anchorsDir, dir), 'utf8')) as Partial<SealAnchor>;
  } catch {
    return null;
  }
  if (value.dir !== dir || !isRemembered(value.newest)) return null;
  const lost = Array.isArray(value.lost) ? value.lost.filter(isRemembered) : [];
  const restores = Array.isArray(value.restores) ? value.restores.filter(isRestore) : [];
  return { format: 1, dir, newest: value.newest, lost, restores, at: typeof value.at === 'string' ? value.at : '' };
}

function isRestore(value: unknown): value is AcceptedRestore {
  const restore = value as Partial<AcceptedRestore> | null;
  return (
    typeof restore === 'object' &&
    restore !== null &&
    typeof restore.at === 'string' &&
    Array.isArray(restore.gaveUp) &&
    restore.gaveUp.every(isRemembered) &&
    (restore.since === null || isRemembered(restore.since)) &&
    isRemembered(restore.anchoredTo)
  );
}

const writeAnchor = async (anchorsDir: string, anchor: SealAnchor): Promise<void> => {
  await mkdirDurable(anchorsDir);
  await writeFileDurable(anchorFile(anchorsDir, anchor.dir), `${JSON.stringify(anchor, null, 2)}\n`);
};

/** How a remembered seal stands in the folder now: there as it was made, gone, or different. */
async function standing(dataDir: string, seal: RememberedSeal): Promise<'kept' | AnchorProblemKind> {
  const bytes = await readFile(path.join(dataDir, SEALS_DIR, `${seal.name}.json`)).catch(() => null);
  if (bytes === null) return 'anchored_seal_missing';
  return sha256(bytes) === seal.sha256 ? 'kept' : 'anchored_seal_changed';
}

/** Remembers the seal just made in `dataDir` as the newest, keeping any remembered seal no longer there as it was. */
export async function rememberSeal(anchorsDir: string, dataDir: string, seal: RememberedSeal, at: Date): Promise<void> {
  const dir = await identity(dataDir);
  const previous = await readAnchor(anchorsDir, dir);
  const lost: RememberedSeal[] = [];
  for (const earlier of previous ? [...previous.lost, previous.newest] : []) {
    if (earlier.name === seal.name || lost.some((kept) => kept.name === earlier.name && kept.sha256 === earlier.sha256)) continue;
    if ((await standing(dataDir, earlier)) !== 'kept') lost.push(earlier);
  }
  await writeAnchor(anchorsDir, { format: 1, dir, newest: seal, lost, restores: previous?.restores ?? [], at: at.toISOString() });
}

/** Every seal this PC remembers of `dataDir`, against the folder as it is now. */
export async function checkAnchor(anchorsDir: string, dataDir: string): Promise<AnchorVerdict> {
  const anchor = await readAnchor(anchorsDir, await identity(dataDir));
  if (!anchor) return { known: false };
  const problems: { seal: RememberedSeal; kind: AnchorProblemKind }[] = [];
  for (const seal of [...anchor.lost, anchor.newest]) {
    const state = await standing(dataDir, seal);
    if (state !== 'kept') problems.push({ seal, kind: state });
  }
  return { known: true, newest: anchor.newest, problems, restores: anchor.restores };
}

/** A seal of the folder as this memory keeps it: its bytes' SHA-256 and the probes of every planning it covers. */
async function sealOf(dataDir: string, name: string): Promise<RememberedSeal | null> {
  const bytes = await readFile(path.join(dataDir, SEALS_DIR, `${name}.json`)).catch(() => null);
  if (bytes === null) return null;
  try {
    const content = JSON.parse(bytes.toString('utf8')) as { plannings?: Record<string, { probes?: unknown }> };
    const probes = Object.values(content.plannings ?? {}).reduce((sum, chain) => sum + (typeof chain.probes === 'number' ? chain.probes : 0), 0);
    return { name, sha256: sha256(bytes), probes };
  } catch {
    return null;
  }
}

/**
 * A person acknowledged that `dataDir` was restored in place from an older backup: the remembered seals it lacks
 * are given up, recorded with the date, and the folder's newest seal (`seals`: the names of its valid seals, oldest
 * first) is remembered from now on. Refused unless every seal at fault is missing (a restore never replaces one).
 * With `record` false, only says what would be recorded (for the person to confirm).
 */
export async function acceptRestore(
  anchorsDir: string,
  dataDir: string,
  seals: readonly string[],
  at: Date,
  record: boolean,
): Promise<RestoreAcceptance> {
  const dir = await identity(dataDir);
  const anchor = await readAnchor(anchorsDir, dir);
  if (!anchor) return { refused: 'unknown' };
  const gaveUp: RememberedSeal[] = [];
  for (const seal of [...anchor.lost, anchor.newest]) {
    const state = await standing(dataDir, seal);
    if (state === 'anchored_seal_changed') return { refused: 'changed' };
    if (state === 'anchored_seal_missing') gaveUp.push(seal);
  }
  if (gaveUp.length === 0) return { refused: 'nothing' };
  gaveUp.sort((a, b) => a.name.localeCompare(b.name));
  const newestName = seals.at(-1);
  const anchoredTo = newestName === undefined ? null : await sealOf(dataDir, newestName);
  if (!anchoredTo) return { refused: 'no_seal' };
  const firstGivenUp = sealTime(gaveUp[0]?.name ?? '').getTime();
  const sinceName = [...seals].reverse().find((name) => sealTime(name).getTime() < firstGivenUp);
  const since = sinceName === undefined ? null : await sealOf(dataDir, sinceName);
  const restore: AcceptedRestore = { at: at.toISOString(), gaveUp, since, anchoredTo };
  if (!record) return { restore, recorded: false };
  await writeAnchor(anchorsDir, { format: 1, dir, newest: anchoredTo, lost: [], restores: [...anchor.restores, restore], at: at.toISOString() });
  return { restore, recorded: true };
}

/** The data folder moved (the app's own move): its memory goes with it. */
export async function carryAnchor(anchorsDir: string, from: string, to: string): Promise<void> {
  const anchor = await readAnchor(anchorsDir, await identity(from));
  if (!anchor) return;
  await writeAnchor(anchorsDir, { ...anchor, dir: await identity(to) });
}
