// Alerts through the API: the core's alert service (alerts/service.ts) answers; marking one « vu » writes.
import type { Handlers, HandlerContext } from './context.js';

export function alertHandlers(ctx: HandlerContext): Handlers<'alerts:list' | 'alerts:markSeen'> {
  return {
    'alerts:list': () => ctx.alerts.list(),
    'alerts:markSeen': async ({ id }) => {
      await ctx.asWriter();
      return ctx.alerts.markSeen(id);
    },
  };
}
