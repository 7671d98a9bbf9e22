// Evidence integrity: verification of the hash chain the store writes with each probe (store/chain.ts).
import type { Store } from '../store/index.js';
import { verifyDir, type VerifyReport } from './verify.js';

export { canonicalJson, hashRecord, sha256 } from '../store/chain.js';
export { verifyDir, type ProblemKind, type VerifyProblem, type VerifyReport } from './verify.js';

/** Verifies a store (waiting for its writes under way) or a data folder on disk; one planning or all. */
export function verify(target: Store | string, planningId?: string): Promise<VerifyReport> {
  return typeof target === 'string' ? verifyDir(target, planningId) : verifyDir(target.dir, planningId, { exclusive: target.exclusive });
}
