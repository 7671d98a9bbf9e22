// Alerts through the API: computed from the recent probes, the disk and the seals (alerts/alerts.ts).
import { statfs } from 'node:fs/promises';
import type { Alert, AlertKind, AppApi } from '../../shared/api.js';
import { computeAlerts } from '../alerts/alerts.js';
import { listSeals, sealTime } from '../seals/index.js';
import type { EvidenceHandlerContext } from './dossier-context.js';

/** Below this, probes (about 100 kB each with their screenshot) will soon stop: 1 GB is a few days' margin. */
const MIN_FREE_BYTES = 1024 ** 3;
const RECENT = 200;

async function newestSeal(dataDir: string): Promise<Date | null> {
  const newest = (await listSeals(dataDir).catch(() => [])).at(-1);
  return newest ? sealTime(newest.name) : null;
}

/** The alerts of some plannings (all followed ones when `only` is absent), with the disk's and the seals'. */
async function alertsOf(ctx: EvidenceHandlerContext, only?: string): Promise<Alert[]> {
  const settings = await ctx.store.settings.get();
  const followed = (await ctx.store.plannings.list()).filter(
    (planning) => planning.followed && (only === undefined || planning.id === only),
  );
  const plannings = await Promise.all(
    followed.map(async (planning) => ({
      planning,
      recent: await ctx.store.probes.list(planning.id, { limit: RECENT }).catch(() => []),
    })),
  );
  const disk = await statfs(ctx.app.dataDir).then(
    (info) => ({ freeBytes: info.bavail * info.bsize, minFreeBytes: MIN_FREE_BYTES }),
    () => null,
  );
  return computeAlerts({
    now: ctx.clock.now(),
    plannings,
    disk,
    newestSeal: await newestSeal(ctx.app.dataDir),
    muted: settings.alertsMuted as Record<string, AlertKind[]>,
  });
}

/**
 * The alerts as probes come in. The first call reads every followed planning; after that a probe re-reads only
 * its own planning's recent probes (500 plannings probed hourly must not re-read each other 500 times an hour).
 */
export function createAlertTracker(ctx: EvidenceHandlerContext): { afterProbe(planningId: string): Promise<Alert[]> } {
  let current: Alert[] | null = null;
  return {
    async afterProbe(planningId) {
      if (current === null) {
        current = await alertsOf(ctx);
        return current;
      }
      const fresh = await alertsOf(ctx, planningId);
      // This planning's alerts and the folder-wide ones (disk, seals) are recomputed; the others are kept.
      current = [...current.filter((alert) => alert.planningId !== null && alert.planningId !== planningId), ...fresh];
      return current;
    },
  };
}

export function alertHandlers(ctx: EvidenceHandlerContext): Pick<AppApi, 'alerts:list'> {
  return { 'alerts:list': () => alertsOf(ctx) };
}
