// The seals a dossier carries (README.md): the closing seal (the earliest trusted-stamped seal made after the
// period's end, else the best there is, said so), the installation's first trusted-stamped seal (it pins the key),
// the key changes between them, and the trusted-stamped seals that first prove some record of the period. With
// them, their public keys and a copy of each root their tokens chain to (to compare, never to trust).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  embeddedKey,
  fingerprintOf,
  listTokens,
  loadSeals,
  parseSeal,
  SEAL_FORMAT,
  SEALS_DIR,
  type SealedChain,
  type SealedState,
  type SealInfo,
  type TrustedRoot,
  type TrustSet,
} from '../seals/index.js';
import { createPublicKey, type KeyObject } from 'node:crypto';

export interface CarriedFile {
  /** Path inside `scellements/`. */
  name: string;
  /** Absolute path in the data folder, or the bytes to write. */
  file?: string;
  bytes?: Buffer;
}

export interface CarriedSeals {
  /** The closing seal: the newest carried, covering the period; null when the data folder has none. */
  closing: SealInfo | null;
  /** Made at or after the period's end. */
  coversPeriod: boolean;
  /** Every seal carried, oldest first. */
  seals: SealInfo[];
  files: CarriedFile[];
  /** Fingerprint of each key that signed a carried seal. */
  keys: string[];
  roots: TrustedRoot[];
  keyFingerprint: string | null;
  keyPinnedBy: { seal: string; at: string } | null;
  /** All the folder's seals, checked: the proof of each record is computed from the carried ones. */
  state: SealedState;
  /** Each planning's head, count and last probe as the closing seal states them. */
  closingPlannings: Record<string, SealedChain>;
}

const publicPem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();

async function keyFiles(dataDir: string): Promise<Map<string, KeyObject>> {
  const keys = new Map<string, KeyObject>();
  const folder = path.join(dataDir, SEALS_DIR);
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!/^installation-key(-[0-9a-f]{64})?\.pub\.pem$/.test(name)) continue;
    try {
      const key = createPublicKey(await readFile(path.join(folder, name), 'utf8'));
      keys.set(fingerprintOf(key), key);
    } catch {
      // Not a key: a seal signed by it is reported by verify.
    }
  }
  return keys;
}

export async function carriedSeals(dataDir: string, periodStart: Date, periodEnd: Date, trust: TrustSet): Promise<CarriedSeals> {
  const state = await loadSeals(dataDir, trust);
  const { summary } = state;
  const accepted = summary.seals.filter((seal) => seal.accepted && seal.createdAt !== null);
  const after = accepted.filter((seal) => new Date(seal.createdAt ?? 0).getTime() >= periodEnd.getTime());
  const closing = after.find((seal) => seal.provenFrom !== null) ?? after[0] ?? accepted.at(-1) ?? null;
  const closingContent = closing ? parseSeal(await readFile(path.join(dataDir, SEALS_DIR, `${closing.name}.json`)).catch(() => Buffer.alloc(0))) : null;
  const base = {
    closing,
    coversPeriod: closing !== null && after.includes(closing),
    keyFingerprint: summary.keyFingerprint,
    keyPinnedBy: summary.keyPinnedBy,
    state,
    closingPlannings: closingContent?.plannings ?? {},
  };
  if (!closing) return { ...base, seals: [], files: [], keys: [], roots: [] };

  const names = new Set<string>([closing.name]);
  if (summary.keyPinnedBy && summary.keyPinnedBy.seal <= closing.name) names.add(summary.keyPinnedBy.seal);
  for (const rotation of summary.rotations) if (rotation.seal <= closing.name) names.add(rotation.seal);
  for (const seal of accepted) {
    const proves = seal.provenFrom !== null && (closing.provenFrom === null || seal.provenFrom < closing.provenFrom);
    if (proves && seal.name < closing.name && new Date(seal.createdAt ?? 0).getTime() >= periodStart.getTime()) names.add(seal.name);
  }
  const seals = summary.seals.filter((seal) => names.has(seal.name));
  const tokens = await listTokens(dataDir);
  const files: CarriedFile[] = [];
  const stored = await keyFiles(dataDir);
  const keys = new Map<string, KeyObject>();
  for (const seal of seals) {
    const json = path.join(dataDir, SEALS_DIR, `${seal.name}.json`);
    files.push({ name: `${seal.name}.json`, file: json }, { name: `${seal.name}.sig`, file: path.join(dataDir, SEALS_DIR, `${seal.name}.sig`) });
    for (const token of tokens.get(seal.name) ?? []) files.push({ name: token, file: path.join(dataDir, SEALS_DIR, token) });
    const content = parseSeal(await readFile(json));
    const key = content?.format === SEAL_FORMAT ? embeddedKey(content) : content ? stored.get(content.installationKey) : undefined;
    if (key && content) keys.set(content.installationKey, key);
  }
  for (const [fingerprint, key] of keys) files.push({ name: `cles/${fingerprint}.pub.pem`, bytes: Buffer.from(publicPem(key)) });
  const used = new Set(seals.flatMap((seal) => seal.tokens.map((token) => token.root?.sha256).filter((sha) => sha !== undefined)));
  const roots = trust.roots.filter((root) => used.has(root.sha256));
  for (const root of roots) files.push({ name: `racines/${root.sha256}.pem`, bytes: Buffer.from(root.pem) });
  return { ...base, seals, files, keys: [...keys.keys()], roots };
}
