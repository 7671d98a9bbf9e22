// The strips of the latest probes, for the rows a screen shows (the dashboard's first call stays on aggregates).
import type { RecentStrip } from '../../shared/api.js';
import { recentOf } from '../services/overview.js';
import type { HandlerContext, Handlers } from './context.js';

export function recentHandlers(ctx: HandlerContext): Handlers<'probes:recent'> {
  return {
    'probes:recent': async ({ planningIds }) => {
      const known = new Set((await ctx.store.plannings.list()).map((planning) => planning.id));
      const strips: RecentStrip[] = [];
      // One after the other, as plannings:list: the store reads its small files synchronously.
      for (const planningId of new Set(planningIds)) {
        if (!known.has(planningId)) continue;
        const [aggregates, last] = await Promise.all([ctx.store.aggregates(planningId), ctx.store.probes.last(planningId)]);
        strips.push({ planningId, lastProbeId: last?.id ?? null, marks: await recentOf(ctx.store, planningId, aggregates) });
      }
      return strips;
    },
  };
}
