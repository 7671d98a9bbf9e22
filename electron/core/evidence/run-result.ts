// A verify report as the app shows it (`verify:run`): the figures, each problem as its code, and what the person
// should know besides (a restore acknowledged on this PC, what this PC remembers, no seal yet), as the command line
// says them (cli/verify-report.ts).
import type { VerifyFinding, VerifyRunResult } from '../../shared/api.js';
import { coreMessage, type CoreMessage } from '../../shared/messages/index.js';
import { acceptedRestoreMessage } from '../seals/restore-words.js';
import type { VerifyReport } from './verify.js';

/** Every problem is a seal this PC remembers and the folder lost or replaced: only then may a restore explain it. */
export const onlyRememberedSeals = (report: VerifyReport): boolean =>
  report.problems.every((problem) => problem.kind === 'anchored_seal_missing' || problem.kind === 'anchored_seal_changed');

/** Probes no trusted time-stamp covers, and probes proven only later. */
export function reservations(report: VerifyReport): { unproven: number; late: number } {
  if (!report.seals) return { unproven: report.checkedProbes, late: 0 };
  let unproven = 0;
  let late = 0;
  for (const proof of report.seals.proof) {
    unproven += proof.unproven?.count ?? 0;
    late += proof.late.reduce((sum, span) => sum + span.count, 0);
  }
  return { unproven, late };
}

function notesOf(report: VerifyReport): CoreMessage[] {
  const notes: CoreMessage[] = [];
  for (const file of report.unreadableRoots ?? []) notes.push(coreMessage('verify.root_unreadable', { file }));
  if (report.emptyPlannings && report.emptyPlannings.length > 0) notes.push(coreMessage('verify.empty_plannings', { ids: report.emptyPlannings.join(', ') }));
  if (!report.seals) notes.push(coreMessage('verify.no_seal'));
  const anchor = report.anchor;
  if (!anchor) return notes;
  if (!anchor.known) return [...notes, coreMessage('verify.anchor_unknown')];
  // Said at every check, from this PC's memory: the data folder alone cannot make it go away.
  for (const restore of anchor.restores) notes.push(acceptedRestoreMessage(restore));
  if (anchor.problems.length === 0) notes.push(coreMessage('verify.anchor_kept', { seal: anchor.newest.name, probes: anchor.newest.probes }));
  return notes;
}

export function verifyRunResult(report: VerifyReport, planningId: string | null, at: Date): VerifyRunResult {
  const problems: VerifyFinding[] = report.problems.map(({ planningId: owner, probeId, file, kind, said }) => ({ planningId: owner, probeId, file, kind, said }));
  const seals = report.seals?.seals ?? [];
  return {
    ok: report.ok,
    planningId,
    at: at.toISOString(),
    checkedProbes: report.checkedProbes,
    seals: report.seals?.count ?? 0,
    timestamps: seals.reduce((sum, seal) => sum + seal.tokens.filter((token) => token.trusted).length, 0),
    ...reservations(report),
    problems,
    notes: notesOf(report),
    restorable: problems.length > 0 && problems.every((problem) => problem.kind === 'anchored_seal_missing'),
  };
}
