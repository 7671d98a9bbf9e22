// Checks the seals themselves (format, signature, key, chain of seals, tokens against the trusted roots) and what
// they sealed against what is on disk now: a sealed probe, gap or planning version deleted, inserted or rewritten
// is named, even when the probe chain was recomputed consistently afterwards. Says from when each probe is proven.
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { canonicalJson, sha256 } from '../store/index.js';
import { historyFile } from '../store/history.js';
import { insideDir } from '../store/layout.js';
import { gapsDigest, listSeals, listTokens, SEAL_FORMAT, type PrefixDigest, type SealedChain, type SealedGaps } from './format.js';
import { publicKeys, SEALS_DIR } from './keys.js';
import { checkOneSeal, pinKeys, type SealCheck, type TokenInfo } from './one-seal.js';
import type { RootSource, TrustSet } from './trust.js';
import { PARIS } from '../../shared/domain.js';
import { saidInFrench } from '../messages.js';
import type { CoreMessage } from '../../shared/messages/index.js';

export type SealProblemKind =
  /** A seal unreadable, unsigned, badly signed, out of the chain of seals, or with an invalid timestamp. */
  | 'seal_invalid'
  /** A token signed as it should be, but by an authority whose chain reaches no trusted root. */
  | 'seal_untrusted'
  /** A seal signed by a key that is not the installation's (nor handed on by a signed rotation). */
  | 'seal_foreign_key'
  /** Sealed probes deleted, inserted or rewritten (even with a chain recomputed consistently). */
  | 'sealed_probes_changed'
  | 'sealed_gaps_changed'
  | 'sealed_history_changed';

/** The shape of evidence/verify.ts's problems, for the seal's kinds. */
export interface VerifyProblem {
  planningId: string;
  probeId: string | null;
  file: string | null;
  kind: SealProblemKind;
  /** What is wrong, as a code: worded in the reader's language (the command line's, the screen's). */
  said: CoreMessage;
  /** The French wording of `said`, for what keeps a French line (logs, older readers). */
  message: string;
}

export type { TokenInfo } from './one-seal.js';

export interface SealInfo {
  name: string;
  createdAt: string | null;
  /** Fingerprint of the key that signed it. */
  key: string | null;
  tokens: TokenInfo[];
  /** The first trusted token's time; null when none (made offline, or every token refused). */
  provenFrom: string | null;
  /** Stamped more than a day after its own date: proves from the token's time only. */
  late: boolean;
  /** Signed by the installation's key of its time: what it says counts. */
  accepted: boolean;
}

/** Probes of a planning, in chain order, sharing how their existence is proven. Times are ISO instants. */
export interface ProofSpan {
  count: number;
  /** startedAt of the first and last of them. */
  first: string;
  last: string;
  /** The first trusted token covering them (the latest such time in the span); null: none covers them. */
  provenFrom: string | null;
}

export interface PlanningProof {
  planningId: string;
  probes: number;
  /** Proven at most PROVEN_IN_TIME_MS after they were made. */
  inTime: ProofSpan | null;
  /** Proven only later (a late or re-stamped seal, seals begun or begun again after them), by proof time. */
  late: ProofSpan[];
  /** Covered by no trusted token: « non horodatés », a rewrite cannot be excluded. */
  unproven: ProofSpan | null;
  /** Made before the folder's first seal and not proven in time by it: nothing protected them before it. */
  beforeFirstSeal: ProofSpan | null;
}

export interface SealsSummary {
  count: number;
  /** The installation key (after any accepted rotation); null before the first signed seal. */
  keyFingerprint: string | null;
  /** The first trusted-stamped seal, which pins the key, and its token's time; null when no seal is stamped. */
  keyPinnedBy: { seal: string; at: string } | null;
  rotations: { seal: string; from: string; to: string }[];
  /** Every seal, oldest first, with its tokens. */
  seals: SealInfo[];
  last: SealInfo | null;
  /** The folder's first seal: probes made before it were protected by nothing until then. */
  firstSeal: { name: string; createdAt: string } | null;
  /** Seals without a trusted token yet (made offline): not an error, said as such. */
  unstamped: string[];
  /** Seals stamped more than a day after their own date. */
  late: string[];
  /** Probes recorded after the newest seal, per planning: « non scellés », not an error. */
  unsealed: { planningId: string; probes: number }[];
  /** Per planning: from when its probes are proven to exist. */
  proof: PlanningProof[];
  /** The roots the trusted tokens chain to, with their fingerprints (to compare with the authorities' own). */
  roots: { name: string; sha256: string; source: RootSource }[];
}

export interface Sealed<T> {
  seal: string;
  createdAt: string;
  value: T;
  /** The seal's first trusted token's time. */
  provenFrom: string | null;
}

export interface SealedState {
  summary: SealsSummary;
  problems: VerifyProblem[];
  /** Per planning, its chain as each accepted seal saw it, oldest seal first. */
  chains: Map<string, Sealed<SealedChain>[]>;
  /** Per gap or history file, its digest as sealed (each distinct digest once). */
  files: Map<string, Sealed<PrefixDigest>[]>;
  /** Per planning, its gaps as each format-2 seal saw them (each distinct statement once). */
  gaps: Map<string, Sealed<SealedGaps>[]>;
}

const sealProblem = (file: string, words: { said: CoreMessage; message: string }, kind: SealProblemKind = 'seal_invalid'): VerifyProblem => ({
  planningId: '',
  probeId: null,
  file,
  kind,
  said: words.said,
  message: words.message,
});

const when = (iso: string): string =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));

const readOrNull = (dataDir: string, relative: string): Promise<Buffer | null> =>
  readFile(insideDir(dataDir, relative) ?? '').catch(() => null);

/** Adds a sealed statement unless the last one kept says the same (daily seals repeat what did not change). */
function remember<T>(map: Map<string, Sealed<T>[]>, key: string, entry: Sealed<T>, same: (a: T, b: T) => boolean): void {
  const list = map.get(key) ?? [];
  const last = list[list.length - 1];
  if (last && same(last.value, entry.value)) {
    if (last.provenFrom === null || (entry.provenFrom !== null && entry.provenFrom < last.provenFrom)) last.provenFrom = entry.provenFrom;
  } else {
    list.push(entry);
  }
  map.set(key, list);
}

const sameDigest = (a: { sha256: string }, b: { sha256: string }): boolean => a.sha256 === b.sha256 && canonicalJson(a) === canonicalJson(b);

/** Reads and checks every seal of the folder against `trust`; what they sealed is checked later, planning by planning. */
export async function loadSeals(dataDir: string, trust: TrustSet): Promise<SealedState> {
  const seals = await listSeals(dataDir);
  const tokens = await listTokens(dataDir);
  const keys: Map<string, KeyObject> = await publicKeys(dataDir);
  const state: SealedState = {
    summary: {
      count: seals.length,
      keyFingerprint: null,
      keyPinnedBy: null,
      rotations: [],
      seals: [],
      last: null,
      firstSeal: null,
      unstamped: [],
      late: [],
      unsealed: [],
      proof: [],
      roots: [],
    },
    problems: [],
    chains: new Map(),
    files: new Map(),
    gaps: new Map(),
  };
  const checks: SealCheck[] = [];
  let previous: { file: string; sha256: string } | null = null;
  for (const seal of seals) {
    const bytes = await readOrNull(dataDir, seal.json);
    const check = await checkOneSeal({
      name: seal.name,
      bytes,
      signature: await readOrNull(dataDir, seal.sig),
      files: { json: seal.json, sig: seal.sig, folder: SEALS_DIR },
      tokens: await Promise.all((tokens.get(seal.name) ?? []).map(async (file) => ({ file, bytes: await readOrNull(dataDir, `${SEALS_DIR}/${file}`) }))),
      keys,
      trust,
    });
    checks.push(check);
    state.problems.push(...check.problems.map((problem) => sealProblem(problem.file, problem, problem.kind)));
    const expected = previous;
    previous = { file: `${seal.name}.json`, sha256: sha256(bytes ?? Buffer.alloc(0)) };
    const content = check.content;
    if (!content) continue;
    if (canonicalJson(content.previous) !== canonicalJson(expected)) {
      const how = content.previous === null ? 'first' : expected === null ? 'gone' : content.previous.file !== expected.file ? 'moved' : 'changed';
      const chain = { seal: seal.name, how, expected: expected?.file ?? '?', previous: content.previous?.file ?? '?' };
      state.problems.push(sealProblem(seal.json, saidInFrench('verify.problem_seal_chain', chain)));
    }
  }
  const keyVerdict = pinKeys(checks, (name) => `${SEALS_DIR}/${name}.json`);
  state.problems.push(...keyVerdict.problems.map((problem) => sealProblem(problem.file, problem, problem.kind)));
  const summary = state.summary;
  summary.keyFingerprint = keyVerdict.fingerprint;
  summary.keyPinnedBy = keyVerdict.pinnedBy;
  summary.rotations = keyVerdict.rotations;
  const roots = new Map<string, SealsSummary['roots'][number]>();
  for (const check of checks) {
    const accepted = check.content !== null && check.signed && keyVerdict.accepted.has(check.name);
    const info: SealInfo = { name: check.name, createdAt: check.content?.createdAt ?? null, key: check.key, tokens: check.tokens, provenFrom: check.provenFrom, late: check.late, accepted };
    summary.seals.push(info);
    summary.last = info;
    if (check.provenFrom === null) summary.unstamped.push(check.name);
    if (check.late) summary.late.push(check.name);
    for (const token of check.tokens) if (token.root) roots.set(token.root.sha256, token.root);
    const content = check.content;
    // What a seal says about the data counts only when it is the text the installation's key signed.
    if (!content || !accepted) continue;
    summary.firstSeal ??= { name: check.name, createdAt: content.createdAt };
    const base = { seal: check.name, createdAt: content.createdAt, provenFrom: check.provenFrom };
    for (const [planningId, chain] of Object.entries(content.plannings)) {
      const list = state.chains.get(planningId) ?? [];
      list.push({ ...base, value: chain });
      state.chains.set(planningId, list);
    }
    if (content.format === SEAL_FORMAT) {
      for (const [planningId, gaps] of Object.entries(content.gaps)) remember(state.gaps, planningId, { ...base, value: gaps }, sameDigest);
      for (const [planningId, digest] of Object.entries(content.history)) remember(state.files, historyFile(planningId), { ...base, value: digest }, sameDigest);
    } else {
      for (const [file, digest] of [...Object.entries(content.gaps), ...Object.entries(content.history)]) remember(state.files, file, { ...base, value: digest }, sameDigest);
    }
  }
  summary.roots = [...roots.values()];
  return state;
}

export interface ChainNode {
  id: string;
  previousHash: string | null;
}

/**
 * A planning's probes on disk against its sealed chain heads. A forger who rewrites or deletes sealed probes
 * must change the sealed head's hash (each record carries its predecessor's): the sealed head is then gone, or
 * no longer at the sealed position. Returns how many probes came after the newest seal.
 */
export function checkSealedChain(
  planningId: string,
  nodes: ReadonlyMap<string, ChainNode>,
  sealed: readonly Sealed<SealedChain>[],
  problem: (entry: Omit<VerifyProblem, 'planningId'>) => void,
): number {
  const withHead = sealed.filter((entry) => entry.value.head !== null && entry.value.probes > 0);
  const newestPresent = [...withHead].reverse().find((entry) => entry.value.head !== null && nodes.has(entry.value.head));
  const positions = new Map<string, number>();
  if (newestPresent?.value.head) {
    const path: string[] = [];
    let hash: string | null = newestPresent.value.head;
    while (hash !== null && nodes.has(hash) && path.length <= nodes.size) {
      path.push(hash);
      hash = nodes.get(hash)?.previousHash ?? null;
    }
    // Reached the first probe: positions count from it. Else the chain is broken (reported by the chain check).
    if (hash === null) path.forEach((entry, index) => positions.set(entry, path.length - index));
  }
  const missing = withHead.filter((entry) => entry.value.head !== null && !nodes.has(entry.value.head));
  if (missing.length > 0) {
    const first = missing[0];
    if (first) {
      problem({
        probeId: first.value.lastProbeId,
        file: null,
        kind: 'sealed_probes_changed',
        ...saidInFrench('verify.problem_sealed_probes_gone', {
          planning: planningId,
          probe: first.value.lastProbeId ?? '?',
          count: first.value.probes,
          sealed: when(first.createdAt),
          seal: first.seal,
          more: missing.length - 1,
        }),
      });
    }
  }
  for (const entry of withHead) {
    const head = entry.value.head;
    if (head === null || !nodes.has(head) || positions.size === 0) continue;
    const position = positions.get(head);
    if (position === undefined) {
      problem({
        probeId: entry.value.lastProbeId,
        file: null,
        kind: 'sealed_probes_changed',
        ...saidInFrench('verify.problem_sealed_probe_off_chain', { planning: planningId, probe: entry.value.lastProbeId ?? '?', sealed: when(entry.createdAt), seal: entry.seal }),
      });
    } else if (position !== entry.value.probes) {
      problem({
        probeId: entry.value.lastProbeId,
        file: null,
        kind: 'sealed_probes_changed',
        ...saidInFrench('verify.problem_sealed_count', {
          planning: planningId,
          seal: entry.seal,
          sealed: when(entry.createdAt),
          count: entry.value.probes,
          probe: entry.value.lastProbeId ?? '?',
          found: position,
          change: position < entry.value.probes ? 'deleted' : 'inserted',
        }),
      });
    }
  }
  const newest = sealed[sealed.length - 1];
  if (!newest) return nodes.size;
  if (newest.value.head === null) return nodes.size;
  const sealedCount = positions.get(newest.value.head);
  return sealedCount === undefined ? 0 : Math.max(0, nodes.size - sealedCount);
}

/** A sealed gap or history file: the items it held then must still be its first items, unchanged. */
export async function checkSealedFile(
  dataDir: string,
  file: string,
  sealed: readonly Sealed<PrefixDigest>[],
  problem: (entry: Omit<VerifyProblem, 'planningId'>) => void,
): Promise<void> {
  const what = file.startsWith('plannings-history/') ? 'history' : 'gaps';
  const kind = file.startsWith('plannings-history/') ? 'sealed_history_changed' : 'sealed_gaps_changed';
  const target = insideDir(dataDir, file);
  let items: unknown[] | null = null;
  if (target) {
    try {
      const parsed = JSON.parse(await readFile(target, 'utf8')) as { gaps?: unknown; versions?: unknown };
      const list = parsed.gaps ?? parsed.versions;
      items = Array.isArray(list) ? list : null;
    } catch {
      items = null;
    }
  }
  for (const entry of sealed) {
    const { count, sha256: digest } = entry.value;
    let change: 'gone' | 'fewer' | 'changed' | null = null;
    if (items === null) change = 'gone';
    else if (items.length < count) change = 'fewer';
    else if (sha256(canonicalJson(items.slice(0, count))) !== digest) change = 'changed';
    if (change) {
      const params = { file, what, change, sealed: when(entry.createdAt), seal: entry.seal, count, found: items?.length ?? 0 };
      problem({ probeId: null, file, kind, ...saidInFrench('verify.problem_sealed_file', params) });
      return;
    }
  }
}

/**
 * A planning's gap files against what format-2 seals stated: in every sealed month, the sealed number of gaps
 * must still be the file's first items, unchanged (later gaps may follow them).
 */
export async function checkSealedGaps(
  dataDir: string,
  planningId: string,
  sealed: readonly Sealed<SealedGaps>[],
  problem: (entry: Omit<VerifyProblem, 'planningId'>) => void,
): Promise<void> {
  const byMonth = new Map<string, unknown[]>();
  const missing = new Set<string>();
  const months = new Set(sealed.flatMap((entry) => Object.keys(entry.value.months)));
  for (const month of months) {
    const file = `probes/${planningId}/${month}/gaps.json`;
    try {
      const parsed = JSON.parse(await readFile(insideDir(dataDir, file) ?? '', 'utf8')) as { gaps?: unknown };
      if (Array.isArray(parsed.gaps)) byMonth.set(month, parsed.gaps);
      else missing.add(month);
    } catch {
      missing.add(month);
    }
  }
  for (const entry of sealed) {
    if (gapsDigest(byMonth, entry.value.months).sha256 === entry.value.sha256) continue;
    // Which file: the first month whose sealed gaps are gone or changed, said by name.
    const changed = Object.entries(entry.value.months).find(([month, count]) => missing.has(month) || (byMonth.get(month)?.length ?? 0) < count);
    const month = changed?.[0] ?? Object.keys(entry.value.months).find((candidate) => byMonth.has(candidate)) ?? '?';
    const file = `probes/${planningId}/${month}/gaps.json`;
    const change = missing.has(month) ? 'gone' : changed ? 'fewer' : 'changed';
    const params = { file, change, count: changed?.[1] ?? 0, sealed: when(entry.createdAt), found: byMonth.get(month)?.length ?? 0, seal: entry.seal };
    problem({ probeId: null, file, kind: 'sealed_gaps_changed', ...saidInFrench('verify.problem_sealed_gaps', params) });
    return;
  }
}
