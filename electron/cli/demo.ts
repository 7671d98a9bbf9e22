import { systemClock } from '../core/clock.js';
import { createCore } from '../core/api/create-core.js';
import { stableMinute } from '../core/schedule/index.js';
import { DEMO_PLANNINGS, startReplicaServer } from '../core/replicas/index.js';
import type { Planning } from '../shared/domain.js';
import { startWebHost } from './webhost.js';

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
export async function startDemo(options: DemoOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { log } = options;
  // One replica server per préfecture: like the real sites, each is its own host, so that the spacing between
  // two requests to one host does not make every préfecture wait for the others.
  const prefectures = [...new Set(DEMO_PLANNINGS.map((demo) => demo.prefecture))];
  const servers = await Promise.all(prefectures.map(() => startReplicaServer({ clock: systemClock, port: 0 })));
  const originOf = new Map(prefectures.map((name, index) => [name, servers[index]?.origin ?? '']));
  const core = createCore({ dataDir: options.dataDir, appVersion: options.appVersion, demo: true, log });
  // Every minute instead of every hour: a short spacing and timeout keep the demo lively.
  await core.api['settings:update']({ hostSpacingSeconds: 5, probeTimeoutSeconds: 45 });

  const existing = new Map((await core.store.plannings.list()).map((planning) => [planning.id, planning]));
  const now = new Date().toISOString();
  for (const demo of DEMO_PLANNINGS) {
    const id = `demo-${demo.key}`;
    const previous = existing.get(id);
    // The replica's port changes at every start: the plannings keep their ids and history, and follow it.
    const planning: Planning = {
      id,
      label: demo.label,
      departement: demo.departement,
      prefecture: demo.prefecture,
      url: new URL(demo.path, originOf.get(demo.prefecture)).toString(),
      system: demo.system,
      guichet: demo.guichet,
      guichetLabel: demo.guichetLabel,
      procedure: demo.procedure,
      onlineMandatory: demo.onlineMandatory,
      followed: previous?.followed ?? true,
      minute: previous?.minute ?? stableMinute(id),
      steps: null,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      stoppedAt: null,
    };
    await core.store.plannings.put(planning);
  }

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
  log(`Ouvrez ${host.loginUrl()} dans votre navigateur (adresse à code unique, à ne pas partager). Ctrl+C pour arrêter.`);
  // A first round at once, so that the bars do not wait for the first minute.
  for (const planning of await core.store.plannings.list()) {
    if (!planning.followed) continue;
    core.api['probes:runNow']({ planningId: planning.id }).catch((error: unknown) => {
      log(`Premier sondage de ${planning.id} : ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  return {
    url: host.url,
    async close() {
      await host.close();
      await core.close();
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
