// Checks the seals themselves (format, signature, chain of seals, timestamp) and what they sealed against what
// is on disk now: a sealed probe, gap or planning version deleted, inserted or rewritten is named, even when
// the probe chain was recomputed consistently afterwards.
import { verify as verifySignature } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { canonicalJson, sha256 } from '../store/index.js';
import { insideDir } from '../store/layout.js';
import { currentFingerprint, publicKeys } from './keys.js';
import { listSeals, parseSeal, type PrefixDigest, type SealedChain } from './seal.js';
import { checkTimestamp } from './tsa.js';

export type SealProblemKind =
  /** A seal unreadable, unsigned, badly signed, out of the chain of seals, or with an invalid timestamp. */
  | 'seal_invalid'
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
  message: string;
}

export interface SealInfo {
  name: string;
  createdAt: string | null;
  /** The trusted time and who vouches for it; null when not stamped (offline) or the stamp is invalid. */
  stamp: { genTime: string; tsa: string; certificateSha256: string | null } | null;
}

export interface SealsSummary {
  count: number;
  /** The current installation key's fingerprint; null before the first seal. */
  keyFingerprint: string | null;
  last: SealInfo | null;
  /** Seals without a timestamp yet (made offline): not an error, said as such. */
  unstamped: string[];
  /** Probes recorded after the newest seal, per planning: « non scellés », not an error. */
  unsealed: { planningId: string; probes: number }[];
}

interface Sealed<T> {
  seal: string;
  createdAt: string;
  value: T;
}

export interface SealedState {
  summary: SealsSummary;
  problems: VerifyProblem[];
  /** Per planning, its chain as each seal saw it, oldest seal first. */
  chains: Map<string, Sealed<SealedChain>[]>;
  /** Per gap or history file, its digest as each seal that changed it saw it. */
  files: Map<string, Sealed<PrefixDigest>[]>;
}

const sealProblem = (file: string, message: string): VerifyProblem => ({
  planningId: '',
  probeId: null,
  file,
  kind: 'seal_invalid',
  message,
});

const when = (iso: string): string =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));

/** Reads and checks every seal of the folder; what they sealed is checked later, planning by planning. */
export async function loadSeals(dataDir: string): Promise<SealedState> {
  const seals = await listSeals(dataDir);
  const keys = await publicKeys(dataDir);
  const state: SealedState = {
    summary: { count: seals.length, keyFingerprint: await currentFingerprint(dataDir), last: null, unstamped: [], unsealed: [] },
    problems: [],
    chains: new Map(),
    files: new Map(),
  };
  let previous: { file: string; sha256: string } | null = null;
  for (const seal of seals) {
    const bytes = await readFile(insideDir(dataDir, seal.json) ?? '').catch(() => Buffer.alloc(0));
    const content = parseSeal(bytes);
    const info: SealInfo = { name: seal.name, createdAt: content?.createdAt ?? null, stamp: null };
    state.summary.last = info;
    const expected = previous;
    previous = { file: `${seal.name}.json`, sha256: sha256(bytes) };
    if (!content) {
      state.problems.push(sealProblem(seal.json, `Sceau « ${seal.json} » illisible ou modifié (ce n’est plus le texte signé).`));
      continue;
    }
    const signature = await readFile(insideDir(dataDir, seal.sig) ?? '').catch(() => null);
    const key = keys.get(content.installationKey);
    // What a seal says about the data counts only when it is the text that was signed.
    const signed = !!signature && !!key && verifySignature(null, bytes, key, signature);
    if (!signature) {
      state.problems.push(sealProblem(seal.sig, `Sceau ${seal.name} : sa signature « ${seal.sig} » a disparu.`));
    } else if (!key) {
      state.problems.push(sealProblem(seal.json, `Sceau ${seal.name} : la clé publique qui l’a signé (empreinte ${content.installationKey}) est introuvable dans « seals/ ».`));
    } else if (!signed) {
      state.problems.push(sealProblem(seal.json, `Sceau ${seal.name} : signature invalide, le sceau a été modifié après avoir été signé.`));
    }
    if (canonicalJson(content.previous) !== canonicalJson(expected)) {
      const message =
        content.previous === null
          ? `se présente comme le premier sceau alors que « ${expected?.file ?? '?'} » le précède : un sceau a été inséré.`
          : expected === null
            ? `suit le sceau « ${content.previous.file} », qui a disparu.`
            : content.previous.file !== expected.file
              ? `suit le sceau « ${content.previous.file} », qui a disparu (le précédent sur le disque est « ${expected.file} »).`
              : `le sceau précédent « ${expected.file} » a été modifié depuis.`;
      state.problems.push(sealProblem(seal.json, `Sceau ${seal.name} : ${message}`));
    }
    const token = await readFile(insideDir(dataDir, seal.tsr) ?? '').catch(() => null);
    if (!token) {
      state.summary.unstamped.push(seal.name);
    } else {
      const check = await checkTimestamp(token, bytes);
      if (check.ok && check.genTime) {
        info.stamp = { genTime: check.genTime.toISOString(), tsa: check.tsa, certificateSha256: check.certificateSha256 };
      } else {
        state.problems.push(sealProblem(seal.tsr, `Sceau ${seal.name} : horodatage invalide : ${check.reason ?? 'jeton illisible'}.`));
      }
    }
    if (!signed) continue;
    for (const [planningId, chain] of Object.entries(content.plannings)) {
      const list = state.chains.get(planningId) ?? [];
      list.push({ seal: seal.name, createdAt: content.createdAt, value: chain });
      state.chains.set(planningId, list);
    }
    for (const [file, digest] of [...Object.entries(content.gaps), ...Object.entries(content.history)]) {
      const list = state.files.get(file) ?? [];
      list.push({ seal: seal.name, createdAt: content.createdAt, value: digest });
      state.files.set(file, list);
    }
  }
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
        message: `Planning ${planningId} : le sondage ${first.value.lastProbeId ?? '?'}, dernier des ${first.value.probes} sondages scellés le ${when(first.createdAt)} (sceau ${first.seal}), a disparu ou a été réécrit${missing.length > 1 ? ` (et ${missing.length - 1} autre(s) sceau(x) après lui)` : ''} : des sondages scellés ont été supprimés ou modifiés.`,
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
        message: `Planning ${planningId} : le sondage ${entry.value.lastProbeId ?? '?'}, scellé le ${when(entry.createdAt)} (sceau ${entry.seal}), n’est plus dans la chaîne des sondages : la chaîne a été réécrite après ce sceau.`,
      });
    } else if (position !== entry.value.probes) {
      problem({
        probeId: entry.value.lastProbeId,
        file: null,
        kind: 'sealed_probes_changed',
        message: `Planning ${planningId} : le sceau ${entry.seal} (${when(entry.createdAt)}) compte ${entry.value.probes} sondages jusqu’à ${entry.value.lastProbeId ?? '?'}, la chaîne sur le disque en a ${position} : des sondages scellés ont été ${position < entry.value.probes ? 'supprimés' : 'insérés'}.`,
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
  const what = file.startsWith('plannings-history/') ? 'l’historique du planning' : 'les interruptions';
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
    let change: string | null = null;
    if (items === null) change = `le fichier, scellé le ${when(entry.createdAt)} (sceau ${entry.seal}), a disparu ou est illisible`;
    else if (items.length < count) change = `${count} élément(s) scellé(s) le ${when(entry.createdAt)} (sceau ${entry.seal}), ${items.length} aujourd’hui : des éléments ont été supprimés`;
    else if (sha256(canonicalJson(items.slice(0, count))) !== digest) change = `les ${count} élément(s) scellé(s) le ${when(entry.createdAt)} (sceau ${entry.seal}) ont été modifiés, supprimés ou complétés après coup`;
    if (change) {
      problem({ probeId: null, file, kind, message: `« ${file} » (${what}) : ${change}.` });
      return;
    }
  }
}
