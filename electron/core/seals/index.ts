// Seals: the installation's signed, chained and time-stamped statements of what the data folder holds.
export { createSeal, listSeals, parseSeal, sealFiles, sealNameOfFile, sealTime, SEAL_FORMAT, type SealContent, type SealOptions, type SealResult } from './seal.js';
/** verifySeals: every seal's format, signature, link to the previous seal and timestamp; what they sealed, by planning. */
export { loadSeals, loadSeals as verifySeals, type SealedState, type SealInfo, type SealsSummary } from './check.js';
export { currentFingerprint, formatFingerprint, loadOrCreateKey, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, SEALS_DIR } from './keys.js';
export { checkTimestamp, requestTimestamp } from './tsa.js';
export { createSealService, tsaUrlsFrom, TSA_ENV, type SealService } from './service.js';
export { sealInventory } from './inventory.js';
