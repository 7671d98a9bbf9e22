// The alerts of a data folder as the core keeps them: computed from the recent probes, the disk, the evidence
// budget and the seals (the rules are alerts.ts), tracked as probes come in, marked « vu » on request. One per
// core; the handlers (handlers/alerts.ts) only answer the API with it, the desktop shell notifies what it pushes.
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import type { Alert, AlertKind, BackupRefusal } from '../../shared/api.js';
import type { Planning, Probe, Settings } from '../../shared/domain.js';
import type { Clock } from '../clock.js';
import { listSeals, sealTime } from '../seals/index.js';
import { EVIDENCE_DIR, type Store } from '../store/index.js';
import { computeAlerts, isMuted, needsOlder, type AlertInput } from './alerts.js';
import { createEvidenceMeter } from './meter.js';

/** Below this, probes (about 100 kB each with their screenshot) will soon stop: 1 GB is a few days' margin. */
const MIN_FREE_BYTES = 1024 ** 3;
/** The probes the alerts may look back on: eight days of hourly probes. */
const RECENT = 200;
/**
 * Read first: a day of hourly probes settles most plannings' alerts (needsOlder), so that the first list after
 * start-up reads a day file or two a planning rather than eight.
 */
const FIRST_LOOK = 24;
/** How often the evidence folder is measured against the budget: it grows slowly. */
const MEASURE_EVERY_MS = 3_600_000;

export interface AlertServiceOptions {
  store: Store;
  clock: Clock;
  /** Absolute path of the data folder. */
  dataDir: string;
  log: (message: string) => void;
  /** The alerts changed without a call asking (a measure crossed the budget, one was marked « vu »). */
  changed: (alerts: Alert[]) => void;
  /** When the last good backup was made (null: never), as the backup service keeps it outside any copy. */
  lastGoodBackup?: () => Promise<Date | null>;
  /** The last backup, when it was refused because the data folder contradicts its copy (null otherwise). */
  refusedBackup?: () => Promise<{ at: string; dest: string; refused: BackupRefusal } | null>;
}

export interface AlertService {
  /** The standing alerts of every followed planning and of the folder, those marked « vu » left out. */
  list(): Promise<Alert[]>;
  /**
   * The alerts after a probe of this planning. The first call reads every followed planning; after that a probe
   * re-reads only its own planning's recent probes (500 plannings probed hourly must not re-read each other 500
   * times an hour).
   */
  afterProbe(planningId: string): Promise<Alert[]>;
  /** Marks one alert « vu » (the caller holds the writer lock) and gives the alerts left. */
  markSeen(id: string): Promise<Alert[]>;
  /** A probe went by uncounted (nobody was listening): the next `afterProbe` reads every followed planning again. */
  forget(): void;
}

async function newestSeal(dataDir: string): Promise<Date | null> {
  const newest = (await listSeals(dataDir).catch(() => [])).at(-1);
  return newest ? sealTime(newest.name) : null;
}

/** The last good backup, and the oldest followed planning: a week of evidence is worth a copy. */
function backupInput(lastGood: Date | null, followed: readonly Planning[], refused: Awaited<ReturnType<NonNullable<AlertServiceOptions['refusedBackup']>>> = null): NonNullable<AlertInput['backup']> {
  const created = followed.map((planning) => Date.parse(planning.createdAt)).filter((time) => Number.isFinite(time));
  return {
    refused: refused && { at: new Date(refused.at), dest: refused.dest, file: refused.refused.file, why: refused.refused.why },
    lastGood,
    dataSince: created.length > 0 ? new Date(Math.min(...created)) : null,
  };
}

interface Folder {
  settings: Settings;
  followed: Planning[];
}

export function createAlertService(options: AlertServiceOptions): AlertService {
  const { store, clock, dataDir, log } = options;
  let over = false;
  // Measured in the background, listing only the folders that changed (meter.ts); a measure that puts the folder
  // over the budget, or back under it, is pushed to the screens at once.
  const meter = createEvidenceMeter(path.join(dataDir, EVIDENCE_DIR), {
    log,
    onMeasured: (measure) => {
      void (async () => {
        const budget = (await store.settings.get()).evidenceBudgetGb;
        const now = budget > 0 && measure.bytes > budget * 1024 ** 3;
        if (now === over) return;
        over = now;
        options.changed(await alertsOf(await readFolder()));
      })().catch((error: unknown) => {
        log(`Alertes : ${error instanceof Error ? error.message : String(error)}`);
      });
    },
  });

  /** The evidence folder's size against the budget; null without a budget, or until the first measure is done. */
  function evidenceUse(budgetGb: number): { bytes: number; budgetBytes: number } | null {
    if (budgetGb <= 0) return null;
    const measured = meter.latest(MEASURE_EVERY_MS);
    return measured ? { bytes: measured.bytes, budgetBytes: budgetGb * 1024 ** 3 } : null;
  }

  async function recentOf(planningId: string): Promise<readonly Readonly<Probe>[]> {
    const first = await store.probes.recent(planningId, FIRST_LOOK);
    return first.length === FIRST_LOOK && needsOlder(first) ? store.probes.recent(planningId, RECENT) : first;
  }

  /** The settings and the followed plannings, read once per call. */
  async function readFolder(): Promise<Folder> {
    const [settings, plannings] = await Promise.all([store.settings.get(), store.plannings.list()]);
    return { settings, followed: plannings.filter((planning) => planning.followed) };
  }

  /** The alerts of some plannings (all followed ones when `only` is absent), with the disk's and the seals'. */
  async function alertsOf(folder: Folder, only?: string, withSeen = false): Promise<Alert[]> {
    const { settings, followed } = folder;
    const plannings = await Promise.all(
      followed
        .filter((planning) => only === undefined || planning.id === only)
        .map(async (planning) => ({ planning, recent: await recentOf(planning.id).catch(() => []) })),
    );
    const disk = await statfs(dataDir).then(
      (info) => ({ freeBytes: info.bavail * info.bsize, minFreeBytes: MIN_FREE_BYTES }),
      () => null,
    );
    return computeAlerts({
      now: clock.now(),
      plannings,
      disk,
      evidence: evidenceUse(settings.evidenceBudgetGb),
      newestSeal: await newestSeal(dataDir),
      ...(options.lastGoodBackup ? { backup: backupInput(await options.lastGoodBackup(), followed, (await options.refusedBackup?.()) ?? null) } : {}),
      muted: settings.alertsMuted as Record<string, AlertKind[]>,
      seen: withSeen ? [] : settings.alertsSeen,
    });
  }

  let current: Alert[] | null = null;
  return {
    list: async () => alertsOf(await readFolder()),
    async afterProbe(planningId) {
      const folder = await readFolder();
      if (current === null) {
        current = await alertsOf(folder);
        return current;
      }
      const fresh = await alertsOf(folder, planningId);
      // This planning's alerts and the folder-wide ones (disk, seals) are recomputed; the others are kept while
      // their planning is still followed and the alert not turned off since.
      const muted = folder.settings.alertsMuted as Record<string, AlertKind[]>;
      const seen = new Set(folder.settings.alertsSeen);
      const followed = new Set(folder.followed.map((planning) => planning.id));
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
    async markSeen(id) {
      const folder = await readFolder();
      const standing = await alertsOf(folder, undefined, true);
      // Only the ids of alerts still standing are kept: the list never outgrows the alerts of the moment.
      const ids = new Set(standing.map((alert) => alert.id));
      const seen = [...folder.settings.alertsSeen.filter((one) => ids.has(one) && one !== id), id];
      await store.settings.update({ alertsSeen: seen });
      const after = standing.filter((alert) => !seen.includes(alert.id));
      options.changed(after);
      return after;
    },
    forget() {
      current = null;
    },
  };
}
