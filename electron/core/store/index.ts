// The data folder, written atomically, partitioned so that no file grows with the whole history.
export { createStore, type Store, type StoreOptions } from './store.js';
export type { GapStore, NewProbe, ProbeArtefacts, ProbeStore } from './probes.js';
export { sealedRecord } from './probes.js';
export { canonicalJson, hashRecord, sha256 } from './chain.js';
export type { ChainHead } from './kinds.js';
export { ASSISTED_PROFILES_DIR, CLI_PROBES_DIR, EVIDENCE_DIR, EXPORTS_DIR, WRITER_LOCK_FILE } from './layout.js';
export { SUMMARY_FILE } from './summary.js';
export { HISTORY_DIR, historyFile, historyKind, versionAt, type PlanningVersion } from './history.js';
export { LOG_INDEX_FILE, LOG_PACK_FILE, logPackFile, readProbeLog } from './log-packs.js';
export type { LogMigration } from './log-migration.js';
