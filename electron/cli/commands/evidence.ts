// `dossier`, `publish` and `import` (evidence-commands.ts), each on a core that is closed after.
import type { Core } from '../../core/api/index.js';
import type { EvidenceCommandContext } from '../evidence-commands.js';
import { withCore, type Command } from './context.js';
import { expandPlanningIds } from './planning-ids.js';

export function withEvidenceCore(run: (core: Core, context: EvidenceCommandContext) => Promise<number>): Command {
  return (context) =>
    withCore(context, async (core) => {
      const planningIds = await expandPlanningIds(core, context.planningIds);
      return run(core, { ...context, planningIds, from: context.from ?? null, to: context.to ?? null, association: context.association ?? null });
    });
}
