// One seal on its own, and a series of seals as one installation: each seal's signature and tokens (against the
// trusted roots), then which key is the installation's (the first trusted-stamped seal's, changed only by a signed
// and stamped rotation). Shared by the data folder's verification and the dossier's (bag-check.ts).
import { verify as verifySignature, type KeyObject } from 'node:crypto';
import { formatFingerprint } from './keys.js';
import { embeddedKey, parseSeal, rotationSigned, SEAL_FORMAT, type SealContent } from './format.js';
import { checkTimestamp } from './tsa.js';
import type { RootSource, TrustSet } from './trust.js';
import { PARIS } from '../../shared/domain.js';
import { saidInFrench } from '../messages.js';
import type { CoreMessage } from '../../shared/messages/index.js';

/** A seal whose first trusted token comes later than this after its own date proves from the token's time only. */
export const LATE_STAMP_MS = 24 * 3_600_000;

export interface TokenInfo {
  /** The token's file name. */
  file: string;
  /** The authority's name, from its signing certificate (CN). */
  authority: string;
  /** The trusted root its chain ends at; null when it reaches none (an error) or the token does not hold. */
  root: { name: string; sha256: string; source: RootSource } | null;
  /** The time the authority vouches for (ISO); null when the token does not hold. */
  genTime: string | null;
  /** genTime minus the seal's own date, in milliseconds. */
  delayMs: number | null;
  /** Holds for these bytes and chains to a trusted root. */
  trusted: boolean;
}

export interface SealCheck {
  name: string;
  content: SealContent | null;
  /** Fingerprint of the key that signed it (as the seal names it). */
  key: string | null;
  publicKey: KeyObject | null;
  /** The signature holds with that key. */
  signed: boolean;
  tokens: TokenInfo[];
  /** The first trusted token's time: what this seal covers is proven from then. */
  provenFrom: string | null;
  /** provenFrom more than LATE_STAMP_MS after the seal's own date (made offline, or stamped again). */
  late: boolean;
  /** Each naming the file at fault: as a code (`said`) and in French. */
  problems: { file: string; kind: 'seal_invalid' | 'seal_untrusted'; said: CoreMessage; message: string }[];
}

export interface SealInput {
  name: string;
  /** The seal's bytes; null when unreadable. */
  bytes: Buffer | null;
  signature: Buffer | null;
  /** Paths as they are to be named in messages (`seals/…` or `data/scellements/…`). */
  files: { json: string; sig: string; folder: string };
  tokens: { file: string; bytes: Buffer | null }[];
  /** Public keys by fingerprint, for the first seals, which did not carry their key. */
  keys: ReadonlyMap<string, KeyObject>;
  trust: TrustSet;
}

const when = (iso: string): string =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));

export async function checkOneSeal(input: SealInput): Promise<SealCheck> {
  const { name, bytes, files } = input;
  const check: SealCheck = { name, content: null, key: null, publicKey: null, signed: false, tokens: [], provenFrom: null, late: false, problems: [] };
  const content = bytes ? parseSeal(bytes) : null;
  if (!bytes || !content) {
    check.problems.push({ file: files.json, kind: 'seal_invalid', ...saidInFrench('verify.problem_seal_unreadable', { file: files.json }) });
    return check;
  }
  check.content = content;
  check.key = content.installationKey;
  const key = content.format === SEAL_FORMAT ? embeddedKey(content) : (input.keys.get(content.installationKey) ?? null);
  check.publicKey = key;
  check.signed = !!input.signature && !!key && verifySignature(null, bytes, key, input.signature);
  if (!input.signature) {
    check.problems.push({ file: files.sig, kind: 'seal_invalid', ...saidInFrench('verify.problem_signature_missing', { seal: name, file: files.sig }) });
  } else if (!key) {
    check.problems.push({
      file: files.json,
      kind: 'seal_invalid',
      ...saidInFrench('verify.problem_key_missing', { seal: name, key: content.installationKey }),
    });
  } else if (!check.signed) {
    check.problems.push({ file: files.json, kind: 'seal_invalid', ...saidInFrench('verify.problem_signature_invalid', { seal: name }) });
  }
  const createdAt = new Date(content.createdAt).getTime();
  for (const token of input.tokens) {
    const at = `${files.folder}/${token.file}`;
    if (!token.bytes) {
      check.problems.push({ file: at, kind: 'seal_invalid', ...saidInFrench('verify.problem_token_unreadable', { seal: name, file: at }) });
      continue;
    }
    const result = await checkTimestamp(token.bytes, bytes, { trust: input.trust });
    if (!result.ok || !result.genTime) {
      const fault = result.fault;
      const said = saidInFrench('verify.problem_token_invalid', {
        seal: name,
        file: at,
        fault: fault?.kind ?? 'none',
        status: fault?.status ?? '',
        said: fault?.said ?? 'none',
        detail: fault?.detail ?? '',
      });
      check.problems.push({ file: at, kind: 'seal_invalid', ...said });
      check.tokens.push({ file: token.file, authority: result.tsa, root: null, genTime: null, delayMs: null, trusted: false });
      continue;
    }
    const genTime = result.genTime.toISOString();
    const root = result.root ? { name: result.root.name, sha256: result.root.sha256, source: result.root.source } : null;
    check.tokens.push({ file: token.file, authority: result.tsa, root, genTime, delayMs: result.genTime.getTime() - createdAt, trusted: root !== null });
    if (!root) {
      check.problems.push({
        file: at,
        kind: 'seal_untrusted',
        ...saidInFrench('verify.problem_token_untrusted', { seal: name, file: at, authority: result.tsa, at: when(genTime), why: result.untrustedWhy ?? 'none' }),
      });
    }
  }
  const trusted = check.tokens.filter((token) => token.trusted && token.genTime !== null).map((token) => token.genTime as string).sort();
  check.provenFrom = trusted[0] ?? null;
  check.late = check.provenFrom !== null && new Date(check.provenFrom).getTime() - createdAt > LATE_STAMP_MS;
  return check;
}

export interface KeyVerdict {
  /** The installation's key after the last accepted rotation; null when no seal is signed and stamped. */
  fingerprint: string | null;
  /** The first trusted-stamped seal, which pins the key, and its token's time. */
  pinnedBy: { seal: string; at: string } | null;
  rotations: { seal: string; from: string; to: string }[];
  /** Seals whose content counts: signed by the installation's key of their time. */
  accepted: Set<string>;
  problems: { file: string; kind: 'seal_foreign_key'; said: CoreMessage; message: string }[];
}


/**
 * Which seals are signed by the installation's key. The key is the one of the first seal that carries a trusted
 * token; a later key only through a rotation in a trusted-stamped seal, signed by the key it replaces. Any other
 * signer is named, whatever key files sit beside the seals. Without any trusted-stamped seal, the first signed
 * seal's key stands, unproven (said by the caller).
 */
export function pinKeys(checks: readonly SealCheck[], jsonPath: (name: string) => string): KeyVerdict {
  const verdict: KeyVerdict = { fingerprint: null, pinnedBy: null, rotations: [], accepted: new Set(), problems: [] };
  const signed = checks.filter((check) => check.signed && check.key !== null);
  const anchor = signed.find((check) => check.provenFrom !== null) ?? signed[0];
  if (!anchor?.key) return verdict;
  if (anchor.provenFrom) verdict.pinnedBy = { seal: anchor.name, at: anchor.provenFrom };
  const anchorIndex = signed.indexOf(anchor);
  const refuse = (check: SealCheck, expected: string, why: 'unstamped' | 'unrotated' | 'none' = 'none'): void => {
    verdict.problems.push({
      file: jsonPath(check.name),
      kind: 'seal_foreign_key',
      ...saidInFrench('verify.problem_foreign_key', {
        seal: check.name,
        key: formatFingerprint(check.key ?? '?'),
        expected: formatFingerprint(expected),
        pinned: verdict.pinnedBy?.seal ?? 'none',
        why,
      }),
    });
  };
  // Before the anchor: seals not yet stamped, valid only under the anchor's key.
  for (const check of signed.slice(0, anchorIndex)) {
    if (check.key === anchor.key) verdict.accepted.add(check.name);
    else refuse(check, anchor.key);
  }
  let current = anchor.key;
  let currentKey = anchor.publicKey;
  for (const check of signed.slice(anchorIndex)) {
    if (check.key === current) {
      verdict.accepted.add(check.name);
      continue;
    }
    const rotation = check.content && check.content.format === SEAL_FORMAT ? check.content.rotation : undefined;
    const rotated = rotation !== undefined && rotation.from === current && rotation.to === check.key && !!currentKey && rotationSigned(rotation, currentKey);
    if (rotated && check.provenFrom !== null) {
      verdict.rotations.push({ seal: check.name, from: current, to: check.key ?? '' });
      current = check.key ?? current;
      currentKey = check.publicKey;
      verdict.accepted.add(check.name);
    } else {
      refuse(check, current, rotated ? 'unstamped' : 'unrotated');
    }
  }
  verdict.fingerprint = current;
  return verdict;
}
