// Assisted sessions: a visible window where a person solves a captcha, then the probes read slots through it.
import { coreMessage } from '../../shared/messages/index.js';
import { AppError, coreError } from '../errors.js';
import { isCaptchaSystem } from '../services/browsers.js';
import { mustGetPlanning, type HandlerContext, type Handlers } from './context.js';

export function assistedHandlers(ctx: HandlerContext): Handlers<'assisted:open' | 'assisted:close'> {
  const { browsers, log } = ctx;
  return {
    'assisted:open': async ({ planningId }) => {
      await ctx.asWriter();
      const planning = await mustGetPlanning(ctx, planningId);
      if (!isCaptchaSystem(planning.system)) {
        throw coreError('invalid_input', coreMessage('assisted.not_captcha'));
      }
      const sessions = await browsers.assisted();
      try {
        // The window of a planning kept to public addresses is too, for as long as it stays open.
        return await browsers.asKept(planning, () => sessions.open({ id: planning.id, url: planning.url }));
      } catch (error) {
        if (error instanceof AppError) throw error;
        log(error instanceof Error ? (error.stack ?? error.message) : String(error));
        throw coreError('internal', coreMessage('assisted.window_failed'));
      }
    },
    'assisted:close': async ({ planningId }) => {
      const planning = await mustGetPlanning(ctx, planningId);
      await browsers.assistedIfOpen()?.close(planningId);
      return browsers.assistedStatus(planning) ?? { planningId, state: 'closed', solvedAt: null };
    },
  };
}
