// The demo's préfectures: one replica server each on 127.0.0.1, like the real sites each on its own host, so that
// the spacing between two requests to one host does not make every préfecture wait for the others. The replicas
// themselves live outside the core (electron/replicas): the transport that starts the demo hands them in.
import type { Planning } from '../../shared/domain.js';
import type { Clock } from '../clock.js';

/** A demo planning as the replicas offer it: a planning's fields, with a path on its préfecture's replica. */
export type DemoPlanning = Pick<
  Planning,
  'label' | 'departement' | 'prefecture' | 'system' | 'guichet' | 'guichetLabel' | 'procedure' | 'onlineMandatory'
> & {
  /** Path on the replica server: resolved against the origin of its préfecture's server. */
  readonly path: string;
};

/** What the demo needs of the replica préfectures (electron/replicas gives it: DEMO_PLANNINGS, startReplicaServer). */
export interface DemoPrefectures {
  readonly plannings: readonly DemoPlanning[];
  /** One replica server of every booking system; port 0 picks a free one. */
  startServer(options: { clock: Clock; port: number }): Promise<{ readonly origin: string; close(): Promise<void> }>;
}

export interface DemoReplicas {
  /** Each préfecture's replica origin (http://127.0.0.1:port). */
  readonly originOf: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

export async function startDemoReplicas(prefectures: DemoPrefectures, clock: Clock): Promise<DemoReplicas> {
  const names = [...new Set(prefectures.plannings.map((demo) => demo.prefecture))];
  const started = await Promise.allSettled(names.map(() => prefectures.startServer({ clock, port: 0 })));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const close = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.close()));
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  return { originOf: new Map(names.map((name, index) => [name, servers[index]?.origin ?? ''])), close };
}
