// Verification through the API: a check of the folder (or one planning) with its progress as events, stopped by its
// job id as a dossier is (a stopped check answers verify.cancelled, never a verdict), and a restore in place
// acknowledged in two steps: what would be given up, then, once the person confirmed, recorded on this PC.
import type { RememberedSealInfo } from '../../shared/api.js';
import { coreMessage } from '../../shared/messages/index.js';
import { coreError } from '../errors.js';
import { onlyRememberedSeals, verifyRunResult, type VerifyReport } from '../evidence/index.js';
import { sealTime } from '../seals/index.js';
import type { HandlerContext, Handlers } from './context.js';

const sealInfo = (seal: { name: string; probes: number }): RememberedSealInfo => ({
  name: seal.name,
  created: sealTime(seal.name).toISOString(),
  probes: seal.probes,
});

const refused = (reason: string) => coreError('invalid_input', coreMessage('verify.restore_refused', { reason }));

export function verifyHandlers(ctx: HandlerContext): Handlers<'verify:run' | 'verify:cancel' | 'verify:acceptRestore'> {
  let counter = 0;
  // One time per check: the callers that joined it get the same verdict, to the millisecond.
  const checkedAt = new WeakMap<VerifyReport, Date>();
  const timeOf = (report: VerifyReport): Date => {
    const at = checkedAt.get(report) ?? ctx.clock.now();
    checkedAt.set(report, at);
    return at;
  };
  return {
    'verify:run': async ({ planningId, jobId }) => {
      const report = await ctx.verifier.run(planningId, jobId ?? `verify-${(counter += 1)}`);
      return verifyRunResult(report, planningId ?? null, timeOf(report));
    },
    'verify:cancel': ({ jobId }) => Promise.resolve({ cancelled: ctx.verifier.cancel(jobId) }),
    'verify:acceptRestore': async ({ confirm }) => {
      // Nothing is acknowledged when the folder shows anything a restore does not explain.
      if (!onlyRememberedSeals(await ctx.verifier.wholeReport())) throw refused('problems');
      if (confirm) await ctx.asWriter();
      const answer = await ctx.seals.acceptRestore(confirm === true);
      if ('refused' in answer) throw refused(answer.refused);
      if (answer.recorded) ctx.verifier.forget();
      const { gaveUp, since, anchoredTo } = answer.restore;
      return { recorded: answer.recorded, gaveUp: gaveUp.map(sealInfo), since: since ? sealInfo(since) : null, anchoredTo: sealInfo(anchoredTo) };
    },
  };
}
