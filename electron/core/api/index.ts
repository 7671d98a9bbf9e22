// The core's one entry for its transports (the command line, the web host, the desktop shell): the core, the
// demo's core (given the replica préfectures, which live outside the core), and the types of what they print.
// Everything else of the core stays behind it (lint: electron/cli may import this file and the base files errors.ts,
// messages.ts and paths.ts, nothing else of the core).
export { createCore, type Core, type CoreOptions } from './create-core.js';
export { parseInput } from './schemas.js';
export { createSwitchableCore, type SwitchableCoreOptions } from './switchable-core.js';
export { createDemoCore, prepareDemoFolder, type DemoCoreOptions } from './demo-core.js';
export type { DemoPrefectures } from '../demo/index.js';
export { printStats } from '../report/stats-table.js';
export { acceptedRestoreMessage, formatFingerprint, sealTime, type AcceptedRestore, type PlanningProof, type RestoreAcceptance, type SealsSummary } from '../seals/index.js';
export { reservations } from '../evidence/index.js';
export type { VerifyReport } from '../evidence/index.js';
