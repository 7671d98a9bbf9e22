// Verify as the app runs it (`verify:run`): one check at a time, its advance told as job:progress; a second call for
// the same scope joins the check under way (two pages, or a page opened again). The last whole-folder report is
// kept: acknowledging a restore in place rests on what it found.
import type { JobProgress } from '../../shared/api.js';
import { coreMessage } from '../../shared/messages/index.js';
import type { Clock } from '../clock.js';
import { coreError } from '../errors.js';
import type { TrustSet } from '../seals/trust.js';
import type { Store } from '../store/index.js';
import { verifyDir, type VerifyReport } from './verify.js';

export interface VerifyRunsOptions {
  store: Store;
  clock: Clock;
  trust: () => Promise<TrustSet>;
  /** Where this PC remembers the seals it made (outside the data folder). */
  anchorsDir: string;
  onProgress: (progress: JobProgress) => void;
}

export interface VerifyRuns {
  /** Checks one planning or the whole folder; AppError busy while another scope is being checked. */
  run(planningId?: string): Promise<VerifyReport>;
  /** The last whole-folder report of this process, else a check of the whole folder now. */
  wholeReport(): Promise<VerifyReport>;
  /** The folder's standing changed (a restore acknowledged): the last report no longer says it. */
  forget(): void;
}

export function createVerifyRuns(options: VerifyRunsOptions): VerifyRuns {
  const { store, clock, anchorsDir, onProgress } = options;
  let running: { planningId: string | undefined; report: Promise<VerifyReport> } | null = null;
  let lastWhole: VerifyReport | null = null;

  function run(planningId?: string): Promise<VerifyReport> {
    if (running) {
      if (running.planningId === planningId) return running.report;
      throw coreError('busy', coreMessage('verify.run_busy'));
    }
    const report = (async () => {
      const checked = await verifyDir(store.dir, planningId, { exclusive: store.exclusive, trust: await options.trust(), clock, anchorsDir, onProgress });
      if (planningId === undefined) lastWhole = checked;
      return checked;
    })().finally(() => {
      running = null;
    });
    running = { planningId, report };
    return report;
  }

  return {
    run,
    wholeReport: () => (lastWhole ? Promise.resolve(lastWhole) : run(undefined)),
    forget: () => {
      lastWhole = null;
    },
  };
}
