import { systemClock } from '../core/clock.js';
import { createCore, type Core } from '../core/api/create-core.js';
import { DEMO_PLANNINGS, startReplicaServer } from '../core/replicas/index.js';
import { createStore } from '../core/store/index.js';
import { writeDemoHistory } from './demo-history.js';
import type { Planning } from '../shared/domain.js';
import { printAddressOnEnter, startWebHost } from './webhost.js';

export interface DemoOptions {
  dataDir: string;
  port: number;
  appVersion: string;
  staticDir: string;
  log: (message: string) => void;
}

/**
 * The whole job on built-in replica préfectures: the replicas on 127.0.0.1, the schedule probing them every
 * minute in a real headless browser, and the web UI. Its data folder is its own, apart from real plannings.
 */
export async function startDemo(
  options: DemoOptions,
): Promise<{ url: string; loginUrl(): string; close(): Promise<void>; verify: Core['verify'] }> {
  const { log } = options;
  // One replica server per préfecture: like the real sites, each is its own host, so that the spacing between
  // two requests to one host does not make every préfecture wait for the others.
  const prefectures = [...new Set(DEMO_PLANNINGS.map((demo) => demo.prefecture))];
  const servers = await Promise.all(prefectures.map(() => startReplicaServer({ clock: systemClock, port: 0 })));
  const originOf = new Map(prefectures.map((name, index) => [name, servers[index]?.origin ?? '']));
  await prepareDemoFolder({ ...options, originOf });
  // The replicas are on this computer: the one loopback address a page may have the robot open.
  const localOrigins = servers.map((server) => server.origin);
  const core = createCore({ dataDir: options.dataDir, appVersion: options.appVersion, demo: true, log, localOrigins });
  // Every minute instead of every hour: a short spacing and timeout keep the demo lively.
  // The replicas answer at once: their probes are all work for the CPU, so two at a time as on any PC.
  await core.api['settings:update']({ hostSpacingSeconds: 5, probeTimeoutSeconds: 45, maxParallelProbes: 2 });

  core.on('probe:finished', (probe) => {
    log(`${probe.localTime} ${probe.planningId} → ${probe.outcome}${probe.firstSlot ? ` ${probe.firstSlot}` : ''}`);
  });
  const host = await startWebHost({ core, port: options.port, staticDir: options.staticDir, log }).catch(() =>
    // The usual port is taken (another demo?): any free one will do, the address is printed below.
    startWebHost({ core, port: 0, staticDir: options.staticDir, log }),
  );
  await core.startSchedule();
  log(`Démonstration : ${DEMO_PLANNINGS.length} plannings fictifs, sondés chaque minute (au lieu de chaque heure).`);
  log(`Données de démonstration : ${options.dataDir}`);
  log(`Ouvrez ${host.loginUrl()} dans votre navigateur (adresse à code unique, à ne pas partager ; Entrée en affiche une nouvelle). Ctrl+C pour arrêter.`);
  const stopAddresses = printAddressOnEnter(host, log);
  // A first round at once, so that the bars do not wait for the first minute.
  for (const { planning } of await core.api['plannings:list'](undefined)) {
    if (!planning.followed) continue;
    core.api['probes:runNow']({ planningId: planning.id }).catch((error: unknown) => {
      log(`Premier sondage de ${planning.id} : ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  return {
    url: host.url,
    loginUrl: () => host.loginUrl(),
    verify: (planningId) => core.verify(planningId),
    async close() {
      stopAddresses();
      await host.close();
      await core.close();
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/**
 * The demo folder before its core opens: the plannings first, through the API; then, with no core open on the
 * folder, their made-up past through the store's own append path (see demo-history.ts).
 */
export async function prepareDemoFolder(options: {
  dataDir: string;
  appVersion: string;
  log: (message: string) => void;
  /** Each préfecture's replica origin (http://127.0.0.1:port). */
  originOf: ReadonlyMap<string, string>;
}): Promise<void> {
  const { log } = options;
  const setup = createCore({ dataDir: options.dataDir, appVersion: options.appVersion, demo: true, log });
  await syncDemoPlannings(setup, options.originOf);
  const plannings = (await setup.api['plannings:list'](undefined)).map((overview) => overview.planning);
  await setup.close();
  const store = createStore({ dir: options.dataDir, clock: systemClock });
  const written = await writeDemoHistory(store, plannings, systemClock.now()).finally(() => store.close());
  if (written > 0) log(`Démonstration : ${written} sondages synthétiques écrits pour remplir les trois derniers mois.`);
}

/** A demo planning is known by where it points on its replica (the port changes at every start) and its guichet. */
const demoKey = (url: string, guichet: string | null): string => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}|${guichet ?? ''}`;
};

/**
 * The demo's plannings, written through the API like any other (writer lock, `plannings:changed`): created the
 * first time, then pointed at this run's replica ports, keeping their ids and history.
 */
async function syncDemoPlannings(core: Core, originOf: ReadonlyMap<string, string>): Promise<void> {
  const existing = new Map<string, Planning>();
  for (const { planning } of await core.api['plannings:list'](undefined)) {
    existing.set(demoKey(planning.url, planning.guichet), planning);
  }
  for (const demo of DEMO_PLANNINGS) {
    const url = new URL(demo.path, originOf.get(demo.prefecture)).toString();
    const fields = {
      // « démonstration » in the name: it is then on every screen, chart and CSV row of these plannings.
      label: `${demo.label} (démonstration)`,
      departement: demo.departement,
      prefecture: demo.prefecture,
      url,
      system: demo.system,
      guichet: demo.guichet,
      guichetLabel: demo.guichetLabel,
      procedure: demo.procedure,
      onlineMandatory: demo.onlineMandatory,
    };
    const previous = existing.get(demoKey(url, demo.guichet));
    if (previous) await core.api['plannings:update']({ id: previous.id, changes: { ...fields, stopped: false } });
    else await core.api['plannings:create'](fields);
  }
}
