// Seals on demand (the settings page's button, `npm run cli -- seal`); daily and before exports they are made
// by the core itself (create-core.ts, handlers/export.ts).
import { sealInventory } from '../seals/index.js';
import type { HandlerContext, Handlers } from './context.js';

export function sealHandlers(ctx: HandlerContext): Handlers<'seals:create' | 'seals:list'> {
  return {
    'seals:list': () => sealInventory(ctx.app.dataDir),
    'seals:create': async () => {
      await ctx.asWriter();
      const { name, plannings, probes, stampedBy, restamped } = await ctx.seals.create();
      return { name, plannings, probes, stampedBy, restamped };
    },
  };
}
