// User-defined steps: try them once on the site, with a screenshot after each step.
import { describeStep } from '../probe/index.js';
import type { HandlerContext, Handlers } from './context.js';

export function stepsHandlers(ctx: HandlerContext): Handlers<'steps:try'> {
  return {
    'steps:try': async ({ url, steps }) => {
      const trial = await (await ctx.browsers.prober()).trySteps(url, steps);
      const [firstSlot = null, secondSlot = null] = [...trial.result.slots].sort();
      return {
        steps: trial.steps.map((step) => ({
          index: step.index,
          description: describeStep(step.step),
          ok: step.ok,
          detail: step.detail,
          screenshot: `data:image/png;base64,${step.screenshot.toString('base64')}`,
        })),
        outcome: trial.result.outcome,
        firstSlot,
        secondSlot,
        detail: trial.result.detail,
        finalUrl: trial.finalUrl,
      };
    },
  };
}
