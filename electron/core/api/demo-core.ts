// The demo as one entry: its replica préfectures on 127.0.0.1, its folder prepared (plannings through the API,
// then their made-up past), and a core that probes every minute and closes the replicas with itself. The command
// line adds only what any transport adds: the web host, the schedule, the log.
import { systemClock, type Clock } from '../clock.js';
import { startDemoReplicas, syncDemoPlannings, writeDemoHistory, type DemoPlanning, type DemoPrefectures } from '../demo/index.js';
import { createStore } from '../store/index.js';
import { createCore, type Core } from './create-core.js';
import type { CoreMessage } from '../../shared/messages/index.js';

export interface DemoCoreOptions {
  dataDir: string;
  appVersion: string;
  log: (message: string) => void;
  /** What a person should read, worded by the caller (see CoreOptions). */
  notice?: (message: CoreMessage) => void;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
}

/**
 * The demo folder before its core opens: the plannings first, through the API; then, with no core open on the
 * folder, their made-up past through the store's own append path (see demo/history.ts).
 */
export async function prepareDemoFolder(
  options: DemoCoreOptions & {
    plannings: readonly DemoPlanning[];
    /** Each préfecture's replica origin (http://127.0.0.1:port). */
    originOf: ReadonlyMap<string, string>;
  },
): Promise<void> {
  const { log } = options;
  const clock = options.clock ?? systemClock;
  const setup = createCore({ dataDir: options.dataDir, appVersion: options.appVersion, clock, demo: true, log });
  const overviews = await syncDemoPlannings(setup.api, options.plannings, options.originOf)
    .then(() => setup.api['plannings:list'](undefined))
    .finally(() => setup.close());
  const plannings = overviews.map((overview) => overview.planning);
  const store = createStore({ dir: options.dataDir, clock });
  const written = await writeDemoHistory(store, plannings, clock.now()).finally(() => store.close());
  if (written > 0) log(`Démonstration : ${written} sondages synthétiques écrits pour remplir les trois derniers mois.`);
}

/**
 * The whole demo below its transports: replica préfectures, their plannings and past, and a core on the demo's
 * own folder (apart from real plannings) that probes every minute. Closing it closes the replicas too.
 */
export async function createDemoCore(
  options: DemoCoreOptions & {
    /** The replica préfectures (electron/replicas), which the core does not import. */
    prefectures: DemoPrefectures;
  },
): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const replicas = await startDemoReplicas(options.prefectures, clock);
  let core: Core | null = null;
  try {
    await prepareDemoFolder({ ...options, clock, plannings: options.prefectures.plannings, originOf: replicas.originOf });
    // The replicas are on this computer: the one loopback address a page may have the robot open.
    const localOrigins = [...new Set(replicas.originOf.values())];
    core = createCore({
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      clock,
      demo: true,
      log: options.log,
      ...(options.notice ? { notice: options.notice } : {}),
      localOrigins,
      ...(options.env ? { env: options.env } : {}),
    });
    // Every minute instead of every hour: a short spacing and timeout keep the demo lively.
    // The replicas answer at once: their probes are all work for the CPU, so two at a time as on any PC.
    await core.api['settings:update']({ hostSpacingSeconds: 5, probeTimeoutSeconds: 45, maxParallelProbes: 2 });
  } catch (error) {
    await core?.close();
    await replicas.close();
    throw error;
  }
  const opened = core;
  return {
    ...opened,
    async close() {
      await opened.close();
      await replicas.close();
    },
  };
}
