// Probes: one now, at the user's request, and a planning's probes month by month.
import { AppError } from '../errors.js';
import { importedProbes, withImportedProbes } from '../import/index.js';
import { mustGetPlanning, type HandlerContext, type Handlers } from './context.js';

/** Three years of a planning are 26 000 probes: without a month, the newest ones only. */
const RECENT_PROBES = 500;

export function probeHandlers(ctx: HandlerContext): Handlers<'probes:runNow' | 'probes:list'> {
  return {
    'probes:runNow': async ({ planningId }) => {
      await ctx.asWriter();
      const planning = await mustGetPlanning(ctx, planningId);
      const probe = await (await ctx.scheduler.get()).runNow(planning);
      if (!probe) throw new AppError('busy', 'Le sondage n’a pas pu aboutir à temps. Réessayez dans un instant.');
      return probe;
    },
    'probes:list': async ({ planningId, month }) => {
      await mustGetPlanning(ctx, planningId);
      const own = await ctx.store.probes.list(planningId, month ? { month } : { limit: RECENT_PROBES });
      // Imported probes (import/area.ts) show in the history too, marked by their provenance.
      return withImportedProbes(own, await importedProbes(ctx.app.dataDir, planningId, month), month ? undefined : RECENT_PROBES);
    },
  };
}
