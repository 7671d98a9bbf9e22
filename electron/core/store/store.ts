// The data folder: settings, plannings, probes with their evidence, gaps and aggregates (see layout.ts).
import { rename } from 'node:fs/promises';
import { DEFAULT_SETTINGS, type Planning, type Settings } from '../../shared/domain.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { MonthAggregate } from '../stats/index.js';
import { historyFile, historyKind, recordVersion, type PlanningVersion } from './history.js';
import { createJsonFiles } from './json-files.js';
import { planningsKind, settingsKind } from './kinds.js';
import { absolute, assertSafeId, PLANNINGS_FILE, SETTINGS_FILE } from './layout.js';
import { migrateLogs, type LogMigration } from './log-migration.js';
import { createProbeParts, type GapStore, type ProbeStore } from './probes.js';
import { createKeyedQueue } from './queue.js';
import { importedMonths, withImportedMonths } from './imported.js';
import { createSummary, type DashboardView } from './summary.js';

export interface StoreOptions {
  dir: string;
  clock: Clock;
  /** Where to say what was repaired or set aside; stderr by default. */
  log?: (message: string) => void;
  /** How many JSON files stay open in memory. */
  maxOpenFiles?: number;
  /** How many bytes of JSON text they may total. */
  maxCacheBytes?: number;
}

/**
 * The file cache holds what an hour of probes and the dashboard touch at DESIGN.md's scale, so that neither
 * reads the disk again: 500 plannings × (aggregates, a few kB + the current day file, up to ~30 kB + a month's
 * gaps), about 20 MB of JSON text. The byte bound keeps memory in check beyond that; the count bound only
 * matters for many tiny files.
 */
const MAX_OPEN_FILES = 4096;
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

export interface Store {
  dir: string;
  settings: {
    get(): Promise<Settings>;
    update(patch: Partial<Settings>): Promise<Settings>;
  };
  plannings: {
    list(): Promise<Planning[]>;
    /**
     * The same list, shared with the store's cache rather than copied: never to be changed. For the dashboard's
     * first call, which shows 500 plannings and would otherwise spend more on the copy than on reading the file.
     */
    shared(): Promise<readonly Planning[]>;
    get(id: string): Promise<Planning | null>;
    put(planning: Planning): Promise<void>;
    remove(id: string): Promise<void>;
    /** Plannings removed from the list; their probes stay on disk and still export with their names. */
    removed(): Promise<Planning[]>;
    /** Its label, préfecture, département, URL and guichet over time, oldest first (see history.ts). */
    history(id: string): Promise<PlanningVersion[]>;
  };
  probes: ProbeStore;
  gaps: GapStore;
  /** Per-month counts, oldest first: all the dashboard reads. */
  aggregates(planningId: string): Promise<MonthAggregate[]>;
  /**
   * What the dashboard's row of a planning reads, from the folder's summary when it is current: the months its top
   * bar reads (stats/dashboard-months.ts, imported probes counted) and its newest probe. The months are enough only
   * when dashboardCovers() says so for today; aggregates() has them all.
   */
  dashboard(planningId: string): Promise<DashboardView>;
  /**
   * Runs `task` while no write of this planning is under way, its aggregates reconciled: verification
   * (evidence/verify.ts, above the store) checks a planning through it.
   */
  exclusive: <T>(planningId: string, task: () => Promise<T>) => Promise<T>;
  /**
   * Moves the logs of older records (one file per probe) into their month's pack, checked, once (log-migration.ts).
   * For the process that writes the folder only.
   */
  migrateLogs(signal?: AbortSignal): Promise<LogMigration>;
  /** Waits for the writes under way. */
  close(): Promise<void>;
}

export function createStore(options: StoreOptions): Store {
  const { dir, clock } = options;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const files = createJsonFiles({
    dir,
    maxOpen: options.maxOpenFiles ?? MAX_OPEN_FILES,
    maxBytes: options.maxCacheBytes ?? MAX_CACHE_BYTES,
  });
  const planningQueue = createKeyedQueue();
  const summary = createSummary(dir);
  const parts = createProbeParts({ dir, files, planningQueue, clock, log, summary });

  /** A damaged settings file is set aside (renamed, never deleted) and the defaults apply. */
  async function readSettings(): Promise<Partial<Settings>> {
    try {
      return await files.read(SETTINGS_FILE, settingsKind);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'storage_corrupt')) throw error;
      const aside = `${SETTINGS_FILE}.corrupt-${clock.now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        await rename(absolute(dir, SETTINGS_FILE), absolute(dir, aside));
      } catch (renameError) {
        // A simultaneous call already set it aside.
        if ((renameError as NodeJS.ErrnoException).code !== 'ENOENT') throw renameError;
        return {};
      }
      files.forget(SETTINGS_FILE);
      log(`Réglages illisibles : mis de côté dans « ${aside} », réglages par défaut rétablis.`);
      return {};
    }
  }

  const withDefaults = (stored: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...stored });

  const readPlannings = async (): Promise<{ plannings: Planning[]; removed: Planning[] }> => {
    const file = await files.read(PLANNINGS_FILE, planningsKind);
    return { plannings: file.plannings, removed: file.removed ?? [] };
  };

  return {
    dir,
    settings: {
      async get() {
        return withDefaults(structuredClone(await readSettings()));
      },
      async update(patch) {
        await readSettings();
        const defined = Object.fromEntries(Object.entries(patch as Record<string, unknown>).filter(([, value]) => value !== undefined));
        return withDefaults(
          await files.update(SETTINGS_FILE, settingsKind, (draft) => {
            Object.assign(draft, defined);
          }),
        );
      },
    },
    plannings: {
      async list() {
        return structuredClone((await readPlannings()).plannings);
      },
      async shared() {
        return (await readPlannings()).plannings;
      },
      async get(id) {
        const found = (await readPlannings()).plannings.find((planning) => planning.id === id);
        return found ? structuredClone(found) : null;
      },
      async put(planning) {
        assertSafeId('planning', planning.id);
        await files.update(PLANNINGS_FILE, planningsKind, (draft) => {
          const index = draft.plannings.findIndex((kept) => kept.id === planning.id);
          if (index >= 0) draft.plannings[index] = planning;
          else draft.plannings.push(planning);
          draft.removed = (draft.removed ?? []).filter((kept) => kept.id !== planning.id);
        });
        await recordVersion(files, planning, clock.now().toISOString());
      },
      async remove(id) {
        // Only the list changes: the planning's probes, screenshots and aggregates stay on disk, because
        // evidence is never destroyed by a click. It is kept aside so that its probes still export by name.
        await files.update(PLANNINGS_FILE, planningsKind, (draft) => {
          const planning = draft.plannings.find((kept) => kept.id === id);
          if (!planning) return;
          draft.plannings = draft.plannings.filter((kept) => kept.id !== id);
          draft.removed = [...(draft.removed ?? []).filter((kept) => kept.id !== id), planning];
        });
      },
      async removed() {
        return structuredClone((await readPlannings()).removed);
      },
      async history(id) {
        assertSafeId('planning', id);
        return structuredClone((await files.read(historyFile(id), historyKind)).versions);
      },
    },
    probes: parts.probes,
    gaps: parts.gaps,
    // Imported probes (another association's, La Cimade's) count in the bars; they live apart (import/area.ts).
    aggregates: async (planningId) => withImportedMonths(await parts.aggregates(planningId), await importedMonths(dir, planningId)),
    async dashboard(planningId) {
      assertSafeId('planning', planningId);
      const kept = summary.get(planningId);
      let view: DashboardView;
      if (kept !== null && kept !== 'stale') view = kept;
      else {
        if (kept === 'stale') await parts.reread(planningId);
        const before = summary.stamps(planningId);
        const generation = summary.generation(planningId);
        const months = await parts.aggregates(planningId);
        const last = await parts.probes.last(planningId);
        summary.build(planningId, before, generation, { months, last });
        view = { months, last };
      }
      return { months: withImportedMonths(view.months, await importedMonths(dir, planningId)), last: view.last };
    },
    exclusive: parts.exclusive,
    migrateLogs: (signal) => migrateLogs({ dir, exclusive: parts.exclusive, log, ...(signal ? { signal } : {}) }),
    async close() {
      await planningQueue.idle();
      await files.idle();
      await summary.write();
    },
  };
}
