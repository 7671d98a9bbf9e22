// Local replicas of the booking sites (SITES.md), for the tests and the demo.
import { ANCT_DEMO_PLANNINGS } from './anct/index.js';
import { LEGACY_DEMO_PLANNINGS, type DemoPlanning } from './legacy/scenarios.js';
import { RDVPREF_DEMO_PLANNINGS } from './rdvpref/index.js';

export { REPLICA_FACTORIES, startReplicaServer, type ReplicaFactory, type ReplicaServer } from './server.js';
export type { ReplicaHandler, ReplicaOptions } from './types.js';
export * from './legacy/index.js';
export * from './rdvpref/index.js';
export * from './anct/index.js';

/** Every system's demo plannings: paths to resolve against the replica server's origin. */
export const DEMO_PLANNINGS: readonly DemoPlanning[] = [
  ...LEGACY_DEMO_PLANNINGS,
  ...RDVPREF_DEMO_PLANNINGS,
  ...ANCT_DEMO_PLANNINGS,
];
