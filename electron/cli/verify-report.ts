// What `verify` and `seal` print: the findings, then the key, the roots and their fingerprints, each seal with each
// token's authority, root, time and delay, and per planning from when its probes are proven to exist. Worded from
// the core's catalogue (verify.…, seal.…), in the person's language.
import { acceptedRestoreMessage, formatFingerprint, reservations, type AcceptedRestore, type PlanningProof, type SealsSummary, type VerifyReport } from '../core/api/index.js';
import { wordCore } from '../core/messages.js';
import type { SealSummary } from '../shared/api.js';
import { coreMessage, type MessageCode, type MessageLang, type MessageParams } from '../shared/messages/index.js';
import { PARIS } from '../shared/domain.js';

export function parisTime(iso: string, lang: MessageLang = 'fr'): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: PARIS, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** "3 s", "12 min", "2 h 05", "45 j": how long after its own date a seal was stamped. */
export function delayText(ms: number, lang: MessageLang = 'fr'): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
  const days = Math.floor(seconds / 86400);
  return lang === 'fr' ? `${days} j` : `${days} days`;
}

export interface Printer {
  line(code: MessageCode, params?: MessageParams): void;
  raw(text: string): void;
}

export function printer(write: (text: string) => void, lang: MessageLang = 'fr'): Printer {
  return {
    line: (code, params) => write(`${wordCore(coreMessage(code, params), lang)}\n`),
    raw: (text) => write(`${text}\n`),
  };
}

function printProof(out: Printer, proof: PlanningProof, sealedFirst: string | null, lang: MessageLang): void {
  const at = (iso: string): string => parisTime(iso, lang);
  const spans = [proof.inTime, proof.unproven, ...proof.late, proof.beforeFirstSeal].filter((span) => span !== null);
  const first = spans.map((span) => span.first).sort()[0];
  const last = spans.map((span) => span.last).sort().at(-1);
  out.line('verify.planning', { planning: proof.planningId, count: proof.probes, first: first ? at(first) : '', last: last ? at(last) : '' });
  if (proof.inTime) out.line('verify.proof_in_time', { count: proof.inTime.count, first: at(proof.inTime.first), last: at(proof.inTime.last) });
  for (const span of proof.late) {
    out.line('verify.proof_late', { count: span.count, from: at(span.provenFrom ?? span.last), first: at(span.first), last: at(span.last) });
  }
  if (proof.unproven) out.line('verify.proof_unproven', { count: proof.unproven.count, first: at(proof.unproven.first), last: at(proof.unproven.last) });
  if (proof.beforeFirstSeal && sealedFirst) {
    const span = proof.beforeFirstSeal;
    out.line('verify.proof_before_first_seal', { sealed: at(sealedFirst), count: span.count, first: at(span.first), last: at(span.last) });
  }
}

/** The seals: key, roots, each seal's tokens, and per planning from when its probes are proven. */
export function printSeals(out: Printer, seals: SealsSummary | undefined, unreadableRoots: readonly string[], lang: MessageLang = 'fr'): void {
  for (const file of unreadableRoots) out.line('verify.root_unreadable', { file });
  if (!seals) {
    out.line('verify.no_seal');
    return;
  }
  const at = (iso: string): string => parisTime(iso, lang);
  if (seals.keyFingerprint && seals.keyPinnedBy) {
    out.line('verify.key_pinned', { key: formatFingerprint(seals.keyFingerprint), seal: seals.keyPinnedBy.seal, at: at(seals.keyPinnedBy.at) });
  } else if (seals.keyFingerprint) {
    out.line('verify.key_unproven', { key: formatFingerprint(seals.keyFingerprint) });
  }
  for (const rotation of seals.rotations) {
    out.line('verify.key_rotation', { seal: rotation.seal, from: formatFingerprint(rotation.from), to: formatFingerprint(rotation.to) });
  }
  for (const root of seals.roots) out.line('verify.root', { name: root.name, sha256: root.sha256, source: root.source });
  out.line('verify.seals', { count: seals.count });
  for (const seal of seals.seals) {
    const created = seal.createdAt ? at(seal.createdAt) : '?';
    if (seal.tokens.length === 0) out.line('verify.seal_unstamped', { seal: seal.name, created });
    for (const token of seal.tokens) {
      if (token.root && token.genTime !== null && token.delayMs !== null) {
        const late = seal.late && token.genTime === seal.provenFrom ? 'yes' : 'no';
        out.line('verify.seal_token', {
          seal: seal.name,
          created,
          authority: token.authority,
          root: token.root.sha256,
          at: at(token.genTime),
          delay: delayText(token.delayMs, lang),
          late,
        });
      } else {
        out.line('verify.seal_token_refused', { seal: seal.name, created, file: token.file });
      }
    }
  }
  const firstSealAt = seals.firstSeal?.createdAt ?? null;
  for (const proof of seals.proof) printProof(out, proof, firstSealAt, lang);
}

/** A restore acknowledged on this PC, as every verify says it (the seals given up, from this PC's memory). */
export function printRestore(out: Printer, restore: AcceptedRestore, lang: MessageLang = 'fr'): void {
  out.raw(wordCore(acceptedRestoreMessage(restore, lang), lang));
}

/**
 * What this PC remembers of the folder's seals: a missing one is among the problems above; else kept, or no memory.
 * Every restore acknowledged here is said, always: the data folder alone cannot make it go away.
 */
export function printAnchor(out: Printer, report: VerifyReport, lang: MessageLang = 'fr', hint = true): void {
  const anchor = report.anchor;
  if (!anchor) return;
  if (!anchor.known) {
    out.line('verify.anchor_unknown');
    return;
  }
  for (const restore of anchor.restores) printRestore(out, restore, lang);
  if (anchor.problems.length === 0) out.line('verify.anchor_kept', { seal: anchor.newest.name, probes: anchor.newest.probes });
  else if (hint && anchor.problems.every((problem) => problem.kind === 'anchored_seal_missing')) out.line('verify.restore_hint');
}

export function printSummary(out: Printer, report: VerifyReport, planningId: string | undefined): void {
  const planning = planningId ?? 'none';
  if (!report.ok) {
    out.line('verify.summary_altered', { count: report.checkedProbes, planning, problems: report.problems.length });
    return;
  }
  const { unproven, late } = reservations(report);
  if (unproven === 0 && late === 0) out.line('verify.summary_intact', { count: report.checkedProbes, planning });
  else out.line('verify.summary_reserved', { count: report.checkedProbes, planning, unproven, late, both: unproven > 0 && late > 0 ? 'yes' : 'no' });
}

export function printSealWritten(out: Printer, result: SealSummary & { newKey?: string | null }): void {
  out.line('seal.written', { name: result.name, probes: result.probes, plannings: result.plannings, stamped: result.stampedBy ?? 'none' });
  if (result.restamped > 0) out.line('seal.restamped', { count: result.restamped });
  if (result.newKey) out.line('seal.new_key', { key: formatFingerprint(result.newKey) });
}
