// `verify --accept-restore`: a folder restored in place from an older backup lacks the seals this PC made after
// that backup, and verify says so, truthfully, at every run. Once the person has read which seals would be given up
// and typed « oui », this PC's memory records it (date, seals given up) and relies on the folder's newest seal; every
// later verify still says it. Nothing is recorded when verify finds anything a restore does not explain.
import { createInterface } from 'node:readline/promises';
import type { Core, VerifyReport } from '../../core/api/index.js';
import { parisTime, printRestore, type Printer } from '../verify-report.js';
import { sealTime } from '../../core/api/index.js';
import type { CommandContext } from './context.js';

/** One line typed on standard input after the question (on standard error); « oui » or « yes » confirms. */
async function confirmed(question: string): Promise<boolean> {
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    const answer = await new Promise<string>((resolve) => {
      // Standard input closed without a line: not confirmed.
      lines.once('close', () => resolve(''));
      lines.question(question).then(resolve, () => resolve(''));
    });
    return /^(oui|yes)$/i.test(answer.trim());
  } finally {
    lines.close();
  }
}

/** Offers to acknowledge the restore `report` shows; true when verify may count as passed afterwards. */
export async function offerRestore(context: CommandContext, core: Core, report: VerifyReport, out: Printer): Promise<boolean> {
  const lang = context.words.lang;
  const refused = (reason: string): void => out.line('verify.restore_refused', { reason });
  if (report.problems.some((problem) => problem.kind !== 'anchored_seal_missing' && problem.kind !== 'anchored_seal_changed')) {
    refused('problems');
    return false;
  }
  const preview = await core.acceptRestore({ record: false });
  if ('refused' in preview) {
    refused(preview.refused);
    return report.ok;
  }
  const { gaveUp, anchoredTo } = preview.restore;
  out.line('verify.restore_ask', { count: gaveUp.length });
  for (const seal of gaveUp) {
    out.line('verify.restore_seal', { seal: seal.name, created: parisTime(sealTime(seal.name).toISOString(), lang), probes: seal.probes });
  }
  out.line('verify.restore_explain', { count: gaveUp.length, seal: anchoredTo.name, probes: anchoredTo.probes });
  if (!(await confirmed(context.words.say('verify.restore_confirm')))) {
    out.line('verify.restore_not_confirmed');
    return false;
  }
  const result = await core.acceptRestore({ record: true });
  if ('refused' in result) {
    refused(result.refused);
    return false;
  }
  out.line('verify.restore_done');
  printRestore(out, result.restore, lang);
  return true;
}
