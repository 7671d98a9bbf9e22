// Seals: the installation's signed, chained and time-stamped statements of what the data folder holds, the trusted
// roots their tokens must reach, and the checks of a data folder's seals and of a dossier's (see dossier/README.md).
export { createSeal, type SealOptions, type SealResult } from './seal.js';
export {
  embeddedKey,
  gapsDigest,
  listSeals,
  listTokens,
  parseSeal,
  prefixDigest,
  SEAL_FORMAT,
  SEAL_FORMAT_V1,
  sealFiles,
  sealName,
  sealNameOfFile,
  sealNameOfToken,
  sealTime,
  type SealContent,
  type SealedChain,
  type SealedGaps,
  type SealV1,
  type SealV2,
} from './format.js';
/** verifySeals: every seal's format, signature, key, link to the previous seal and tokens; what they sealed, by planning. */
export {
  loadSeals,
  loadSeals as verifySeals,
  type PlanningProof,
  type ProofSpan,
  type Sealed,
  type SealedState,
  type SealInfo,
  type SealsSummary,
  type TokenInfo,
} from './check.js';
export { checkOneSeal, LATE_STAMP_MS, pinKeys, type KeyVerdict, type SealCheck } from './one-seal.js';
export { planningProof, PROVEN_IN_TIME_MS } from './proof.js';
export { currentFingerprint, fingerprintOf, formatFingerprint, loadOrCreateKey, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, SEALS_DIR } from './keys.js';
export { checkTimestamp, requestTimestamp } from './tsa.js';
export {
  addUserRoot,
  certificateSha256,
  loadTrust,
  removeUserRoot,
  shippedRoots,
  shippedTrust,
  TSA_ROOTS_ENV,
  userRootsDir,
  type TrustedRoot,
  type TrustSet,
} from './trust.js';
export { createSealService, tsaUrlsFrom, TSA_ENV, type SealService } from './service.js';
export type { AcceptedRestore, RestoreAcceptance, RestoreRefusal } from './anchor.js';
export { acceptedRestoreMessage, sealCreatedText } from './restore-words.js';
export { sealInventory } from './inventory.js';
export { BAG_DIRS, checkBag, parseManifest, periodProof, type BagCheck, type BagFiles, type BagPlanning } from './bag-check.js';
