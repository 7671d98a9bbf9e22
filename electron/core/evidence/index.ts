// Evidence integrity: verification of the hash chain the store writes with each probe (store/chain.ts).
import type { Store } from '../store/index.js';
import type { TrustSet } from '../seals/trust.js';
import { verifyDir, type VerifyOptions, type VerifyReport } from './verify.js';

export { canonicalJson, hashRecord, sha256 } from '../store/chain.js';
export { createVerifyRuns, type VerifyRuns } from './runs.js';
export { onlyRememberedSeals, reservations, verifyRunResult } from './run-result.js';
export { verifyDir, type ProblemKind, type VerifyOptions, type VerifyProblem, type VerifyReport } from './verify.js';

/**
 * Verifies a store (waiting for its writes under way) or a data folder on disk; one planning or all. Tokens are
 * believed when they chain to `trust` (by default the shipped roots, the person's and GUICHETS_TSA_ROOTS's).
 */
export function verify(
  target: Store | string,
  planningId?: string,
  options: { trust?: TrustSet } & Pick<VerifyOptions, 'onProgress' | 'clock' | 'anchorsDir' | 'signal'> = {},
): Promise<VerifyReport> {
  return typeof target === 'string' ? verifyDir(target, planningId, options) : verifyDir(target.dir, planningId, { exclusive: target.exclusive, ...options });
}
