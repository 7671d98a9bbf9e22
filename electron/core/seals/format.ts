// What a seal says, byte for byte (see electron/core/dossier/README.md): the formats guichets-seal/1 (the first
// seals, which sealed gap and history files only when they changed) and guichets-seal/2 (a whole snapshot that
// stands alone, with its key), their file names, and the digests both the writer and the checkers compute.
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson, sha256 } from '../store/chain.js';
import { SEALS_DIR } from './keys.js';

export const SEAL_FORMAT_V1 = 'guichets-seal/1';
export const SEAL_FORMAT = 'guichets-seal/2';
export const ROTATION_FORMAT = 'guichets-key-rotation/1';
const SEAL_NAME = /^(\d{8}T\d{6}Z)\.json$/;
const TOKEN_NAME = /^(\d{8}T\d{6}Z)(?:\.([A-Za-z0-9_-][A-Za-z0-9._-]{0,99}))?\.tsr$/;

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

/** A planning's gap files as sealed: each month's count, and one digest over the sealed gaps of every month. */
export interface SealedGaps {
  months: Record<string, number>;
  sha256: string;
}

export interface KeyRotation {
  /** Fingerprint of the key replaced: it signed the statement. */
  from: string;
  to: string;
  /** Ed25519 by `from` over rotationStatement(from, to), base64. */
  signature: string;
}

export interface SealV1 {
  format: typeof SEAL_FORMAT_V1;
  createdAt: string;
  appVersion: string;
  installationKey: string;
  previous: { file: string; sha256: string } | null;
  plannings: Record<string, SealedChain>;
  /** Gap files (path in the data folder) that changed since the previous seal. */
  gaps: Record<string, PrefixDigest>;
  /** Planning history files that changed since the previous seal. */
  history: Record<string, PrefixDigest>;
}

export interface SealV2 {
  format: typeof SEAL_FORMAT;
  createdAt: string;
  appVersion: string;
  /** The association's name in the settings when sealed ("" when unset). */
  association: string;
  /** Fingerprint of the key that signs it: SHA-256 of its SubjectPublicKeyInfo DER, hex. */
  installationKey: string;
  /** That DER, base64: the seal is checked without any other file. */
  key: string;
  previous: { file: string; sha256: string } | null;
  plannings: Record<string, SealedChain>;
  /** Every planning's gaps (`probes/<id>/<YYYY-MM>/gaps.json`), by planning id. */
  gaps: Record<string, SealedGaps>;
  /** Every planning's whole history (`plannings-history/<id>.json`), by planning id. */
  history: Record<string, PrefixDigest>;
  rotation?: KeyRotation;
}

export type SealContent = SealV1 | SealV2;

export interface SealFile {
  /** `YYYYMMDDTHHMMSSZ`, the UTC time it was made. */
  name: string;
  json: string;
  sig: string;
  /** The older single token's place (`<name>.tsr`); newer tokens are `<name>.<authority>.tsr`. */
  tsr: string;
}

export const sealFiles = (name: string): SealFile => ({
  name,
  json: `${SEALS_DIR}/${name}.json`,
  sig: `${SEALS_DIR}/${name}.sig`,
  tsr: `${SEALS_DIR}/${name}.tsr`,
});

/** A token's file name for one authority: its host, kept to letters, digits, dots and dashes. */
export function tokenFileName(name: string, authorityUrl: string): string {
  let host = 'autorite';
  try {
    host = new URL(authorityUrl).host;
  } catch {
    // A URL that does not parse never reached an authority; the name is only a label.
  }
  return `${name}.${host.replace(/[^A-Za-z0-9.-]/g, '_').replace(/^[.]+/, '') || 'autorite'}.tsr`;
}

export const sealName = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** When a seal was made, from its name (`20261201T100000Z`): the inverse of sealName. */
export const sealTime = (name: string): Date =>
  new Date(`${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}T${name.slice(9, 11)}:${name.slice(11, 13)}:${name.slice(13, 15)}Z`);

/** The name of a seal's file in seals/ (`<name>.json`), or undefined for any other file. */
export const sealNameOfFile = (file: string): string | undefined => SEAL_NAME.exec(file)?.[1];

/** The seal a token file belongs to (`<name>.tsr` or `<name>.<authority>.tsr`), or undefined. */
export const sealNameOfToken = (file: string): string | undefined => TOKEN_NAME.exec(file)?.[1];

export function prefixDigest(items: readonly unknown[], count = items.length): PrefixDigest {
  return { count, sha256: sha256(canonicalJson(items.slice(0, count))) };
}

/**
 * A planning's gaps as a seal states them: every month's count and one digest over the first `count` gaps of each
 * month. Without `counts`, all of every month (sealing); with a seal's counts, the same months and counts (checking:
 * a month file since deleted counts as empty, and fails the digest).
 */
export function gapsDigest(byMonth: ReadonlyMap<string, readonly unknown[]>, counts?: Readonly<Record<string, number>>): SealedGaps {
  const months: Record<string, number> = {};
  const sealed: Record<string, unknown[]> = {};
  for (const month of (counts ? Object.keys(counts) : [...byMonth.keys()]).sort()) {
    const items = byMonth.get(month) ?? [];
    const count = counts ? (counts[month] ?? 0) : items.length;
    months[month] = count;
    sealed[month] = items.slice(0, count);
  }
  return { months, sha256: sha256(canonicalJson(sealed)) };
}

export const rotationStatement = (from: string, to: string): Buffer =>
  Buffer.from(canonicalJson({ format: ROTATION_FORMAT, from, to }), 'utf8');

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

/** Token files in seals/, by seal name, each list sorted. */
export async function listTokens(dataDir: string): Promise<Map<string, string[]>> {
  const names = await readdir(path.join(dataDir, SEALS_DIR)).catch(() => [] as string[]);
  const tokens = new Map<string, string[]>();
  for (const file of names.sort()) {
    const seal = sealNameOfToken(file);
    if (seal !== undefined) tokens.set(seal, [...(tokens.get(seal) ?? []), file]);
  }
  return tokens;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A seal's content, when these bytes are a seal in canonical form (only that form was signed); else null. */
export function parseSeal(bytes: Buffer): SealContent | null {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as unknown;
    if (!isRecord(value) || !isRecord(value.plannings) || !isRecord(value.gaps) || !isRecord(value.history)) return null;
    if (typeof value.installationKey !== 'string' || typeof value.createdAt !== 'string') return null;
    if (value.format === SEAL_FORMAT && (typeof value.key !== 'string' || typeof value.association !== 'string')) return null;
    if (value.format !== SEAL_FORMAT && value.format !== SEAL_FORMAT_V1) return null;
    return canonicalJson(value) === bytes.toString('utf8') ? (value as unknown as SealContent) : null;
  } catch {
    return null;
  }
}

/** The public key a v2 seal carries, when it is an Ed25519 key whose fingerprint is the one the seal names. */
export function embeddedKey(seal: SealV2): KeyObject | null {
  try {
    const der = Buffer.from(seal.key, 'base64');
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && sha256(der) === seal.installationKey ? key : null;
  } catch {
    return null;
  }
}

/** Whether a rotation statement inside a seal was signed by the key it names as replaced. */
export function rotationSigned(rotation: KeyRotation, previousKey: KeyObject): boolean {
  try {
    return verifySignature(null, rotationStatement(rotation.from, rotation.to), previousKey, Buffer.from(rotation.signature, 'base64'));
  } catch {
    return false;
  }
}
