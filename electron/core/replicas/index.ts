// Local replicas of the booking sites (SITES.md), for the tests and the demo.
import { LEGACY_DEMO_PLANNINGS, type DemoPlanning } from './legacy/scenarios.js';

export { REPLICA_FACTORIES, startReplicaServer, type ReplicaFactory, type ReplicaServer } from './server.js';
export type { ReplicaHandler, ReplicaOptions } from './types.js';
export * from './legacy/index.js';

/** Every system's demo plannings: paths to resolve against the replica server's origin. */
export const DEMO_PLANNINGS: readonly DemoPlanning[] = [...LEGACY_DEMO_PLANNINGS];
