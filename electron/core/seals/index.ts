// Seals: the installation's signed, chained and time-stamped statements of what the data folder holds.
export { createSeal, listSeals, parseSeal, sealFiles, SEAL_FORMAT, type SealContent, type SealOptions, type SealResult } from './seal.js';
export { loadSeals, type SealInfo, type SealsSummary } from './check.js';
export { currentFingerprint, formatFingerprint, loadOrCreateKey, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, SEALS_DIR } from './keys.js';
export { checkTimestamp, requestTimestamp } from './tsa.js';
export { verifyDir as verifySeals } from '../evidence/verify.js';
export { createSealService, tsaUrlsFrom, TSA_ENV } from './service.js';
