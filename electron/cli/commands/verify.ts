// `verify [--planning ID] [--accept-restore]`: every capture, hash, chain, seal and time-stamp of the data folder,
// and from when each probe is proven to exist; with --accept-restore, a restore in place acknowledged (restore.ts).
// Ctrl+C stops the check: one line says that nothing was concluded, never a summary that could pass for a verdict.
import { statSync } from 'node:fs';
import { AppError, coreError } from '../../core/errors.js';
import { wordCore } from '../../core/messages.js';
import { coreMessage } from '../../shared/messages/index.js';
import { printAnchor, printer, printSeals, printSummary } from '../verify-report.js';
import { clearProgress, progressLine } from '../progress.js';
import { dataDirOf, openCore, type Command } from './context.js';
import { expandPlanningIds } from './planning-ids.js';
import { offerRestore } from './restore.js';

/** The shell's code for a program ended by Ctrl+C (128 + SIGINT). */
const INTERRUPTED = 130;

export const verifyCommand: Command = async (context) => {
  const dir = dataDirOf(context);
  if (!statSync(dir, { throwIfNoEntry: false })) throw coreError('invalid_input', coreMessage('cli.data_dir_missing', { dir }));
  if (context.acceptRestore && context.planningIds.length > 0) throw coreError('invalid_input', coreMessage('verify.restore_refused', { reason: 'planning' }));
  const core = openCore(context);
  const out = printer((text) => process.stdout.write(text), context.words.lang);
  const interrupted = new AbortController();
  const stop = (): void => interrupted.abort();
  try {
    const given = await expandPlanningIds(core, context.planningIds);
    const ids = given.length > 0 ? given : [undefined];
    let ok = true;
    for (const id of ids) {
      // While the check runs only (a restore's question ends on Ctrl+C as before), and once: a second one ends at once.
      process.once('SIGINT', stop);
      const report = await core.verify(id, { onProgress: progressLine(context.words), signal: interrupted.signal }).finally(() => process.off('SIGINT', stop));
      clearProgress();
      for (const problem of report.problems) out.raw(`✗ ${wordCore(problem.said, context.words.lang)}`);
      if (report.emptyPlannings && report.emptyPlannings.length > 0) out.line('verify.empty_plannings', { ids: report.emptyPlannings.join(', ') });
      printSummary(out, report, id);
      if (id === undefined || ids.length === 1) {
        printSeals(out, report.seals, report.unreadableRoots ?? [], context.words.lang);
        printAnchor(out, report, context.words.lang, !context.acceptRestore);
      }
      ok &&= context.acceptRestore ? await offerRestore(context, core, report, out) : report.ok;
    }
    return ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof AppError && error.coreMessage?.code === 'verify.cancelled')) throw error;
    clearProgress();
    context.words.note('verify.cancelled');
    return INTERRUPTED;
  } finally {
    clearProgress();
    await core.close();
  }
};
