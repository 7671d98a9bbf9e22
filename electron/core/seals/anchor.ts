// What this PC remembers of the seals it made, kept outside the data folder (in the per-user config folder, beside
// the person's trusted roots): per data folder, the newest seal's name, SHA-256 and the probes it covers. A folder
// cut back to an older seal (the newest seals, their tokens and the probes after them deleted, the aggregates
// shortened) is consistent in itself: only a memory the forger cannot reach says that newer seals existed.
// A seal remembered and found missing when a later one is made stays remembered (`lost`), so that the daily seal
// made after a truncation does not forget it.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { appConfigDir } from '../paths.js';
import { sha256 } from '../store/chain.js';
import { mkdirDurable, writeFileDurable } from '../store/durable.js';
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

export interface SealAnchor {
  format: 1;
  /** The data folder's real path when the seal was made: the folder's identity on this PC. */
  dir: string;
  newest: RememberedSeal;
  /** Remembered seals found missing or changed when a later seal was made. */
  lost: RememberedSeal[];
  at: string;
}

export type AnchorProblemKind = 'anchored_seal_missing' | 'anchored_seal_changed';

/** What verify says of this PC's memory: nothing remembered (a copy, another PC), or the newest seal it made. */
export type AnchorVerdict =
  | { known: false }
  | { known: true; newest: RememberedSeal; problems: { seal: RememberedSeal; kind: AnchorProblemKind }[] };

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
  return { format: 1, dir, newest: value.newest, lost: Array.isArray(value.lost) ? value.lost.filter(isRemembered) : [], at: typeof value.at === 'string' ? value.at : '' };
}

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
  const anchor: SealAnchor = { format: 1, dir, newest: seal, lost, at: at.toISOString() };
  await mkdirDurable(anchorsDir);
  await writeFileDurable(anchorFile(anchorsDir, dir), `${JSON.stringify(anchor, null, 2)}\n`);
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
  return { known: true, newest: anchor.newest, problems };
}

/** The data folder moved (the app's own move): its memory goes with it. */
export async function carryAnchor(anchorsDir: string, from: string, to: string): Promise<void> {
  const anchor = await readAnchor(anchorsDir, await identity(from));
  if (!anchor) return;
  const dir = await identity(to);
  await mkdirDurable(anchorsDir);
  await writeFileDurable(anchorFile(anchorsDir, dir), `${JSON.stringify({ ...anchor, dir }, null, 2)}\n`);
}
