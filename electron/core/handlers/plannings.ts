// Plannings: the dashboard's list, one planning's page, and their creation, edition and removal.
import { DateTime } from 'luxon';
import type { PlanningDetail } from '../../shared/api.js';
import type { Planning } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import { detectSystem } from '../probe/index.js';
import { applyChanges, planningFromInput } from '../services/planning-records.js';
import { mustGetPlanning, type HandlerContext, type Handlers } from './context.js';
import { PARIS } from '../stats/calendar.js';


function systemFor(url: string, given: Planning['system'] | undefined): Planning['system'] {
  if (given) return given;
  const detected = detectSystem(url);
  if (!detected) {
    throw new AppError(
      'unsupported_site',
      'Ce site de rendez-vous n’est pas reconnu. Vérifiez l’adresse, ou décrivez ses étapes (système « étapes »).',
      { field: ['url'] },
    );
  }
  return detected;
}

export function planningHandlers(
  ctx: HandlerContext,
): Handlers<'plannings:list' | 'plannings:get' | 'plannings:create' | 'plannings:update' | 'plannings:remove' | 'plannings:discover'> {
  const { store, clock } = ctx;
  return {
    'plannings:list': async () => {
      // Each row's planning is sent as it is read, never changed here: no copy of the whole list.
      const plannings = await store.plannings.shared();
      // One after the other: the store reads its small files synchronously, so running them all at once gains
      // nothing and keeps every planning's decoded months alive together (a third slower at 500 plannings).
      const overviews = [];
      for (const planning of plannings) overviews.push(await ctx.overview(planning));
      return overviews;
    },
    'plannings:get': async ({ id }): Promise<PlanningDetail> => {
      const planning = await mustGetPlanning(ctx, id);
      const month = DateTime.fromJSDate(clock.now(), { zone: PARIS }).toFormat('yyyy-MM');
      const [base, recentProbes, gaps] = await Promise.all([
        ctx.overview(planning, 'months'),
        store.probes.list(id, { limit: 50 }),
        store.gaps.list(id, month),
      ]);
      return { ...base, recentProbes, gaps };
    },
    'plannings:create': async (input) => {
      await ctx.asWriter();
      const system = systemFor(input.url, input.system);
      if (system === 'steps' && !input.steps) {
        throw new AppError('invalid_input', 'Système « étapes » : décrivez les étapes à suivre sur le site.', {
          field: ['steps'],
          params: { rule: 'required' },
        });
      }
      const planning = planningFromInput(input, system, clock.now().toISOString(), ctx.source());
      await store.plannings.put(planning);
      await ctx.changed([planning.id]);
      return planning;
    },
    'plannings:update': async ({ id, changes }) => {
      await ctx.asWriter();
      const current = await mustGetPlanning(ctx, id);
      const next = applyChanges(current, changes, clock.now().toISOString(), ctx.source());
      if (changes.url !== undefined && changes.system === undefined) next.system = systemFor(next.url, undefined);
      await store.plannings.put(next);
      await ctx.changed([id]);
      return next;
    },
    'plannings:remove': async ({ id }) => {
      await ctx.asWriter();
      await mustGetPlanning(ctx, id);
      await store.plannings.remove(id);
      await ctx.changed([id]);
      return { removed: true };
    },
    'plannings:discover': async ({ url }) => (await ctx.browsers.prober()).discover(url),
  };
}
