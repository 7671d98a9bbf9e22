// Evidence integrity: verification of the hash chain the store writes with each probe (store/chain.ts).
import type { Store } from '../store/index.js';
import type { TrustSet } from '../seals/trust.js';
import { verifyDir, type VerifyReport } from './verify.js';

export { canonicalJson, hashRecord, sha256 } from '../store/chain.js';
export { verifyDir, type ProblemKind, type VerifyProblem, type VerifyReport } from './verify.js';

/**
 * Verifies a store (waiting for its writes under way) or a data folder on disk; one planning or all. Tokens are
 * believed when they chain to `trust` (by default the shipped roots, the person's and GUICHETS_TSA_ROOTS's).
 */
export function verify(target: Store | string, planningId?: string, options: { trust?: TrustSet } = {}): Promise<VerifyReport> {
  const trust = options.trust ? { trust: options.trust } : {};
  return typeof target === 'string' ? verifyDir(target, planningId, trust) : verifyDir(target.dir, planningId, { exclusive: target.exclusive, ...trust });
}
