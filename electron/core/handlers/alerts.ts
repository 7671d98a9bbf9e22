// Alerts through the API: computed from the recent probes, the disk and the seals (alerts/alerts.ts).
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import type { Alert, AlertKind, AppApi } from '../../shared/api.js';
import type { Planning } from '../../shared/domain.js';
import { coreMessage } from '../../shared/messages/index.js';
import { computeAlerts, isMuted, type AlertInput } from '../alerts/alerts.js';
import { wordCore } from '../messages.js';
import { readBackupState } from '../services/backup-state.js';
import { createEvidenceMeter, type EvidenceMeter } from '../evidence/meter.js';
import { listSeals, sealTime } from '../seals/index.js';
import { EVIDENCE_DIR } from '../store/index.js';
import type { EvidenceHandlerContext } from './dossier-context.js';

/** Below this, probes (about 100 kB each with their screenshot) will soon stop: 1 GB is a few days' margin. */
const MIN_FREE_BYTES = 1024 ** 3;
const RECENT = 200;

async function newestSeal(dataDir: string): Promise<Date | null> {
  const newest = (await listSeals(dataDir).catch(() => [])).at(-1);
  return newest ? sealTime(newest.name) : null;
}

/** How often the evidence folder is measured against the budget: it grows slowly. */
const MEASURE_EVERY_MS = 3_600_000;
/** One meter per store (a moved data folder gets a new one). */
const meters = new WeakMap<object, EvidenceMeter>();

/**
 * The evidence folder's size against the budget; null without a budget, or until the first measure (it runs in
 * the background, listing only the folders that changed: see evidence/meter.ts) is done. A measure that puts the
 * folder over the budget, or back under it, is pushed to the screens at once (alerts:changed).
 */
function evidenceUse(ctx: EvidenceHandlerContext, budgetGb: number): { bytes: number; budgetBytes: number } | null {
  if (budgetGb <= 0) return null;
  let meter = meters.get(ctx.store);
  if (!meter) {
    let over = false;
    meter = createEvidenceMeter(path.join(ctx.app.dataDir, EVIDENCE_DIR), {
      log: ctx.log,
      onMeasured: (measure) => {
        void (async () => {
          const budget = (await ctx.store.settings.get()).evidenceBudgetGb;
          const now = budget > 0 && measure.bytes > budget * 1024 ** 3;
          if (now === over) return;
          over = now;
          ctx.emit('alerts:changed', await alertsOf(ctx));
        })().catch((error: unknown) => {
          ctx.log(`Alertes : ${error instanceof Error ? error.message : String(error)}`);
        });
      },
    });
    meters.set(ctx.store, meter);
  }
  const measured = meter.latest(MEASURE_EVERY_MS);
  return measured ? { bytes: measured.bytes, budgetBytes: budgetGb * 1024 ** 3 } : null;
}

/** The last good backup, and the oldest followed planning: a week of evidence is worth a copy. */
async function backupInput(dataDir: string, followed: readonly Planning[]): Promise<NonNullable<AlertInput['backup']>> {
  const state = await readBackupState(dataDir);
  const created = followed.map((planning) => Date.parse(planning.createdAt)).filter((time) => Number.isFinite(time));
  return {
    lastGood: state.lastGood ? new Date(state.lastGood.at) : null,
    dataSince: created.length > 0 ? new Date(Math.min(...created)) : null,
    message: (since) =>
      wordCore(since ? coreMessage('backup.late', { since: since.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) }) : coreMessage('backup.never')),
  };
}

/**
 * The alerts of some plannings (all followed ones when `only` is absent), with the disk's and the seals'; those
 * marked « vu » left out unless `withSeen`.
 */
async function alertsOf(ctx: EvidenceHandlerContext, only?: string, withSeen = false): Promise<Alert[]> {
  const settings = await ctx.store.settings.get();
  const followed = (await ctx.store.plannings.list()).filter(
    (planning) => planning.followed && (only === undefined || planning.id === only),
  );
  const plannings = await Promise.all(
    followed.map(async (planning) => ({
      planning,
      recent: await ctx.store.probes.recent(planning.id, RECENT).catch(() => []),
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
    evidence: evidenceUse(ctx, settings.evidenceBudgetGb),
    newestSeal: await newestSeal(ctx.app.dataDir),
    backup: await backupInput(ctx.app.dataDir, followed),
    muted: settings.alertsMuted as Record<string, AlertKind[]>,
    seen: withSeen ? [] : settings.alertsSeen,
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
      // This planning's alerts and the folder-wide ones (disk, seals) are recomputed; the others are kept while
      // their planning is still followed and the alert not turned off since.
      const settings = await ctx.store.settings.get();
      const muted = settings.alertsMuted as Record<string, AlertKind[]>;
      const seen = new Set(settings.alertsSeen);
      const followed = new Set((await ctx.store.plannings.list()).filter((planning) => planning.followed).map((planning) => planning.id));
      const kept = current.filter(
        (alert) =>
          alert.planningId !== null &&
          alert.planningId !== planningId &&
          followed.has(alert.planningId) &&
          !isMuted(muted, alert.planningId, alert.kind) &&
          !seen.has(alert.id),
      );
      current = [...kept, ...fresh];
      return current;
    },
  };
}

export function alertHandlers(ctx: EvidenceHandlerContext): Pick<AppApi, 'alerts:list' | 'alerts:markSeen'> {
  return {
    'alerts:list': () => alertsOf(ctx),
    'alerts:markSeen': async ({ id }) => {
      await ctx.asWriter();
      const standing = await alertsOf(ctx, undefined, true);
      // Only the ids of alerts still standing are kept: the list never outgrows the alerts of the moment.
      const ids = new Set(standing.map((alert) => alert.id));
      const seen = [...(await ctx.store.settings.get()).alertsSeen.filter((one) => ids.has(one) && one !== id), id];
      await ctx.store.settings.update({ alertsSeen: seen });
      const after = standing.filter((alert) => !seen.includes(alert.id));
      ctx.emit('alerts:changed', after);
      return after;
    },
  };
}
