// The demo's préfectures: one replica server each on 127.0.0.1, like the real sites each on its own host, so that
// the spacing between two requests to one host does not make every préfecture wait for the others.
import type { Clock } from '../clock.js';
import { DEMO_PLANNINGS, startReplicaServer } from '../replicas/index.js';

export interface DemoReplicas {
  /** Each préfecture's replica origin (http://127.0.0.1:port). */
  readonly originOf: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

export async function startDemoReplicas(clock: Clock): Promise<DemoReplicas> {
  const prefectures = [...new Set(DEMO_PLANNINGS.map((demo) => demo.prefecture))];
  const started = await Promise.allSettled(prefectures.map(() => startReplicaServer({ clock, port: 0 })));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const close = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.close()));
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  return { originOf: new Map(prefectures.map((name, index) => [name, servers[index]?.origin ?? ''])), close };
}
