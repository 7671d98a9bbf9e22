// Import through the API: checked whole before the batch is written; the dashboard then shows the new figures.
import path from 'node:path';
import type { AppApi } from '../../shared/api.js';
import { runImport } from '../import/index.js';
import type { TrustSet } from '../seals/index.js';
import type { EvidenceHandlerContext } from './dossier-context.js';

export function importHandlers(
  ctx: EvidenceHandlerContext & {
    changed?: (ids: string[]) => Promise<void>;
    /** The roots a dossier's tokens must reach: those `verify` trusts, never the dossier's own. */
    readonly seals: { trust(): Promise<TrustSet> };
  },
): Pick<AppApi, 'import:file'> {
  return {
    'import:file': async ({ path: file, planningId, association, name }) => {
      await ctx.asWriter();
      const options = {
        ...(planningId ? { planningId } : {}),
        ...(association ? { association } : {}),
        ...(name ? { name } : {}),
        now: ctx.clock.now(),
        trust: await ctx.seals.trust(),
      };
      // In a thread of its own, its memory capped (import/run.ts).
      const result = await runImport(ctx.store, path.resolve(file), options, { onInThread: (reason) => ctx.log(`Import dans le fil principal : ${reason}.`) });
      const ids = Object.keys(result.byPlanning);
      if (ids.length > 0) {
        if (ctx.changed) await ctx.changed(ids);
        else ctx.emit('plannings:changed', { ids });
      }
      return result;
    },
  };
}
