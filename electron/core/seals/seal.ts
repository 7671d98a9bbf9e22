// A seal: what the data folder holds at one moment (every planning's chain head and count, the gap files and
// the planning history), in canonical JSON, signed with the installation's key, chained to the seal before it,
// and time-stamped by an outside authority when one answers. A later rewrite, even a consistent one, no
// longer matches the seals.
import { sign } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { canonicalJson, sha256, type Store } from '../store/index.js';
import { mkdirDurable, writeFileDurable } from '../store/durable.js';
import { historyFile } from '../store/history.js';
import { aggregatesKind, gapsKind } from '../store/kinds.js';
import { absolute, aggregatesFile, gapsFile, monthsOf } from '../store/layout.js';
import { loadOrCreateKey, SEALS_DIR } from './keys.js';
import { pemCertificate, requestTimestamp, type StampOptions } from './tsa.js';

export const SEAL_FORMAT = 'guichets-seal/1';
const SEAL_NAME = /^(\d{8}T\d{6}Z)\.json$/;

/** Items of an append-only file: how many, and the SHA-256 of their canonical JSON. */
export interface PrefixDigest {
  count: number;
  sha256: string;
}

export interface SealedChain {
  /** Hash of the planning's newest probe (its chain head); null before its first probe. */
  head: string | null;
  lastProbeId: string | null;
  /** Probes from the first to the head. */
  probes: number;
}

/** The signed and time-stamped content: these exact bytes (canonical JSON) are in `<name>.json`. */
export interface SealContent {
  format: typeof SEAL_FORMAT;
  createdAt: string;
  appVersion: string;
  /** Fingerprint of the installation key that signs it (SHA-256 of the public key's DER). */
  installationKey: string;
  /** The seal before this one, by file name and SHA-256 of its bytes; null for the first. */
  previous: { file: string; sha256: string } | null;
  plannings: Record<string, SealedChain>;
  /** Gap files (path in the data folder) that changed since the previous seal; earlier ones stand as sealed then. */
  gaps: Record<string, PrefixDigest>;
  /** Planning history files that changed since the previous seal. */
  history: Record<string, PrefixDigest>;
}

export interface SealFile {
  /** `YYYYMMDDTHHMMSSZ`, the UTC time it was made. */
  name: string;
  json: string;
  sig: string;
  tsr: string;
}

export const sealFiles = (name: string): SealFile => ({
  name,
  json: `${SEALS_DIR}/${name}.json`,
  sig: `${SEALS_DIR}/${name}.sig`,
  tsr: `${SEALS_DIR}/${name}.tsr`,
});

export const sealName = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** When a seal was made, from its name (`20261201T100000Z`): the inverse of sealName. */
export const sealTime = (name: string): Date =>
  new Date(`${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}T${name.slice(9, 11)}:${name.slice(11, 13)}:${name.slice(13, 15)}Z`);

/** The name of a seal's file in seals/ (`<name>.json`), or undefined for any other file. */
export const sealNameOfFile = (file: string): string | undefined => SEAL_NAME.exec(file)?.[1];

export function prefixDigest(items: readonly unknown[], count = items.length): PrefixDigest {
  return { count, sha256: sha256(canonicalJson(items.slice(0, count))) };
}

/** The seals of a data folder, oldest first. */
export async function listSeals(dataDir: string): Promise<SealFile[]> {
  let names: string[];
  try {
    names = await readdir(path.join(dataDir, SEALS_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map(sealNameOfFile)
    .filter((name): name is string => name !== undefined)
    .sort()
    .map(sealFiles);
}

export function parseSeal(bytes: Buffer): SealContent | null {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<SealContent> | null;
    if (!value || value.format !== SEAL_FORMAT || typeof value.plannings !== 'object' || typeof value.gaps !== 'object' || typeof value.history !== 'object') return null;
    // Only the canonical form is what was signed: a reformatted file is a changed file.
    return canonicalJson(value) === bytes.toString('utf8') ? (value as SealContent) : null;
  } catch {
    return null;
  }
}

/** The latest sealed digest of each gap and history file, over every seal: what a new seal need not repeat. */
async function sealedFiles(dataDir: string, seals: readonly SealFile[]): Promise<Map<string, PrefixDigest>> {
  const latest = new Map<string, PrefixDigest>();
  for (const seal of seals) {
    const content = parseSeal(await readFile(absolute(dataDir, seal.json)).catch(() => Buffer.alloc(0)));
    if (!content) continue;
    for (const [file, digest] of [...Object.entries(content.gaps), ...Object.entries(content.history)]) latest.set(file, digest);
  }
  return latest;
}

async function readJson(dataDir: string, relative: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(absolute(dataDir, relative), 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AppError('storage_corrupt', `Le fichier « ${relative} » est illisible : il ne peut pas être scellé.`);
  }
}


export interface SealOptions {
  store: Store;
  clock: Clock;
  appVersion: string;
  /** Time-stamping authorities, tried in order until one answers; none: the seal stays unstamped. */
  tsaUrls: readonly string[];
  log: (message: string) => void;
  stamp?: StampOptions;
}

export interface SealResult {
  name: string;
  file: string;
  plannings: number;
  probes: number;
  /** The TSA that stamped it, or null (offline, no TSA set, refused). */
  stampedBy: string | null;
  /** Earlier unstamped seals stamped now. */
  restamped: number;
}

async function planningState(options: SealOptions, planningId: string): Promise<{ chain: SealedChain; gaps: [string, PrefixDigest][] }> {
  const { store } = options;
  return store.exclusive(planningId, async () => {
    const raw = await readJson(store.dir, aggregatesFile(planningId));
    const kind = aggregatesKind(planningId);
    if (raw !== undefined && !kind.valid(raw)) {
      throw new AppError('storage_corrupt', `Le fichier « ${aggregatesFile(planningId)} » est illisible : il ne peut pas être scellé.`);
    }
    const aggregates = raw ?? kind.empty();
    const gaps: [string, PrefixDigest][] = [];
    for (const month of await monthsOf(store.dir, planningId)) {
      const relative = gapsFile(planningId, month);
      const file = await readJson(store.dir, relative);
      if (file === undefined) continue;
      if (!gapsKind.valid(file)) throw new AppError('storage_corrupt', `Le fichier « ${relative} » est illisible : il ne peut pas être scellé.`);
      gaps.push([relative, prefixDigest(file.gaps)]);
    }
    return {
      chain: { head: aggregates.head?.hash ?? null, lastProbeId: aggregates.head?.probeId ?? null, probes: aggregates.probes },
      gaps,
    };
  });
}

/** Saves the TSA's certificates beside the seals (one PEM bundle per TSA host), adding only new ones. */
async function saveTsaCertificates(dataDir: string, url: string, certificates: readonly Buffer[]): Promise<void> {
  const host = new URL(url).host.replace(/[^A-Za-z0-9.-]/g, '_');
  const file = path.join(dataDir, SEALS_DIR, 'tsa', `${host}.pem`);
  await mkdir(path.dirname(file), { recursive: true });
  const existing = await readFile(file, 'utf8').catch(() => '');
  const missing = certificates.map(pemCertificate).filter((pem) => !existing.includes(pem));
  if (missing.length > 0) await writeFile(file, existing + missing.join(''));
}

/** Stamps one seal's bytes with the first TSA that answers; the TSA's host, or null. Failures are logged. */
async function stamp(options: SealOptions, seal: SealFile, bytes: Buffer): Promise<string | null> {
  const dataDir = options.store.dir;
  for (const url of options.tsaUrls) {
    const answer = await requestTimestamp(url, bytes, options.stamp);
    if ('error' in answer) {
      options.log(`Horodatage du sceau ${seal.name} : ${answer.error}. Nouvel essai au prochain sceau.`);
      continue;
    }
    await saveTsaCertificates(dataDir, url, answer.check.certificates);
    await writeFileDurable(absolute(dataDir, seal.tsr), answer.tsr);
    return new URL(url).host;
  }
  return null;
}

const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

/** Writes a new seal of the data folder, signs it, and has it (and earlier unstamped ones) time-stamped. */
export async function createSeal(options: SealOptions): Promise<SealResult> {
  const { store, clock } = options;
  const dataDir = store.dir;
  const key = await loadOrCreateKey(dataDir, options.log);
  const seals = await listSeals(dataDir);
  let createdAt = clock.now();
  let name = sealName(createdAt);
  if (seals[seals.length - 1]?.name === name) {
    // Seals are named by the second: one asked right after another (« Sceller maintenant » just after an export,
    // which seals first) waits for the next second instead of failing.
    await new Promise((resolve) => setTimeout(resolve, 1_010 - (createdAt.getTime() % 1_000)));
    createdAt = clock.now();
    name = sealName(createdAt);
  }
  const files = sealFiles(name);
  if (seals.some((seal) => seal.name >= name)) {
    throw new AppError('busy', 'Un sceau vient d’être écrit à cette seconde (ou l’horloge de l’ordinateur recule) : réessayez dans un instant.');
  }
  const last = seals[seals.length - 1];
  const previous = last ? { file: `${last.name}.json`, sha256: sha256(await readFile(absolute(dataDir, last.json))) } : null;

  const listed = await store.plannings.list();
  const removed = await store.plannings.removed();
  const ids = [...new Set([...listed, ...removed].map((planning) => planning.id).concat(await store.probes.planningIds()))].sort();
  // Plannings from before the history existed: their first version is written now, so it is sealed too.
  for (const planning of [...listed, ...removed]) {
    if ((await store.plannings.history(planning.id)).length === 0) await store.plannings.put(planning);
  }
  const alreadySealed = await sealedFiles(dataDir, seals);
  const changed = (file: string, digest: PrefixDigest): boolean => {
    const before = alreadySealed.get(file);
    return !before || before.count !== digest.count || before.sha256 !== digest.sha256;
  };

  const content: SealContent = {
    format: SEAL_FORMAT,
    createdAt: createdAt.toISOString(),
    appVersion: options.appVersion,
    installationKey: key.fingerprint,
    previous,
    plannings: {},
    gaps: {},
    history: {},
  };
  let probes = 0;
  for (const id of ids) {
    let state: Awaited<ReturnType<typeof planningState>>;
    try {
      state = await planningState(options, id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      options.log(`Sceau : planning ${id} non scellé. ${error.message}`);
      continue;
    }
    content.plannings[id] = state.chain;
    probes += state.chain.probes;
    for (const [file, digest] of state.gaps) if (changed(file, digest)) content.gaps[file] = digest;
    const versions = await store.plannings.history(id);
    if (versions.length > 0) {
      const digest = prefixDigest(versions);
      if (changed(historyFile(id), digest)) content.history[historyFile(id)] = digest;
    }
  }

  const bytes = Buffer.from(canonicalJson(content), 'utf8');
  await mkdirDurable(path.join(dataDir, SEALS_DIR));
  await writeFileDurable(absolute(dataDir, files.sig), sign(null, bytes, key.privateKey));
  // The seal's name appears last: a seal without its signature never exists.
  await writeFileDurable(absolute(dataDir, files.json), bytes);

  const stampedBy = await stamp(options, files, bytes);
  let restamped = 0;
  // The authority answers again (back online): the seals made offline get their stamp now.
  if (stampedBy) {
    for (const seal of seals) {
      if (await exists(absolute(dataDir, seal.tsr))) continue;
      const earlier = await readFile(absolute(dataDir, seal.json));
      if ((await stamp(options, seal, earlier)) !== null) restamped += 1;
    }
  }
  return { name, file: absolute(dataDir, files.json), plannings: Object.keys(content.plannings).length, probes, stampedBy, restamped };
}
