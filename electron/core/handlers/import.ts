// Import through the API: checked whole before the batch is written; the dashboard then shows the new figures.
import path from 'node:path';
import { runImport } from '../import/index.js';
import type { HandlerContext, Handlers } from './context.js';

export function importHandlers(ctx: HandlerContext): Handlers<'import:file'> {
  return {
    'import:file': async ({ path: file, planningId, association, name }) => {
      await ctx.asWriter();
      const options = {
        ...(planningId ? { planningId } : {}),
        ...(association ? { association } : {}),
        ...(name ? { name } : {}),
        now: ctx.clock.now(),
        // The roots a dossier's tokens must reach: those `verify` trusts, never the dossier's own.
        trust: await ctx.seals.trust(),
      };
      // In a thread of its own, its memory capped (import/run.ts).
      const result = await runImport(ctx.store, path.resolve(file), options, { onInThread: (reason) => ctx.log(`Import dans le fil principal : ${reason}.`) });
      const ids = Object.keys(result.byPlanning);
      if (ids.length > 0) await ctx.changed(ids);
      return result;
    },
  };
}
