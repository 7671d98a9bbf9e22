// Verify as the app runs it (`verify:run`): one check at a time, its advance told as job:progress; a second call for
// the same scope joins the check under way (two pages, or a page opened again). Each caller names itself (a job id)
// and may stop the check: every caller then gets verify.cancelled, and the slot is free at once. The check has an id
// of its own, told with its progress: a page that only watches it (another window, the web page) may stop it too,
// which stops a read and nothing else. The last whole-folder report is kept (never a stopped one's): acknowledging a
// restore in place rests on what it found.
import { randomUUID } from 'node:crypto';
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
  /**
   * Checks one planning or the whole folder; AppError busy while another scope is being checked. `jobId` names the
   * caller for cancel(); a stopped check rejects with verify.cancelled (verify.ts), for every caller.
   */
  run(planningId?: string, jobId?: string): Promise<VerifyReport>;
  /** Stops the check under way when `jobId` waits on it or is its own (told with its progress); false otherwise. */
  cancel(jobId: string): boolean;
  /** The last whole-folder report of this process, else a check of the whole folder now. */
  wholeReport(): Promise<VerifyReport>;
  /** The folder's standing changed (a restore acknowledged): the last report no longer says it. */
  forget(): void;
}

export function createVerifyRuns(options: VerifyRunsOptions): VerifyRuns {
  const { store, clock, anchorsDir, onProgress } = options;
  let running: { planningId: string | undefined; report: Promise<VerifyReport>; callers: Set<string>; stop: AbortController } | null = null;
  let lastWhole: VerifyReport | null = null;

  function run(planningId?: string, jobId?: string): Promise<VerifyReport> {
    if (running) {
      if (running.planningId !== planningId) throw coreError('busy', coreMessage('verify.run_busy'));
      if (jobId !== undefined) running.callers.add(jobId);
      return running.report;
    }
    const stop = new AbortController();
    const id = `verify-${randomUUID()}`;
    // Once stopped, no advance is told: a page showing the progress would show a check that no longer runs. Its end
    // without a verdict is told once instead, for the pages that only watch it.
    let last: JobProgress | null = null;
    const tell = (progress: JobProgress): void => {
      if (stop.signal.aborted) return;
      last = { ...progress, jobId: id };
      onProgress(last);
    };
    const report = (async () => {
      const trust = await options.trust();
      // verifyDir throws rather than answer once stopped: a stopped check is never kept as the folder's report.
      const checked = await verifyDir(store.dir, planningId, { exclusive: store.exclusive, trust, clock, anchorsDir, onProgress: tell, signal: stop.signal });
      if (planningId === undefined) lastWhole = checked;
      return checked;
    })()
      .catch((error: unknown) => {
        const ended = stop.signal.aborted ? 'stopped' : 'failed';
        const said = coreMessage(ended === 'stopped' ? 'verify.cancelled' : 'verify.ended_failed');
        onProgress({ job: 'verify', done: last?.done ?? 0, total: last?.total ?? 0, estimatedEnd: null, message: said, jobId: id, ended });
        throw error;
      })
      .finally(() => {
        running = null;
      });
    running = { planningId, report, callers: new Set(jobId === undefined ? [id] : [id, jobId]), stop };
    return report;
  }

  function cancel(jobId: string): boolean {
    if (!running?.callers.has(jobId)) return false;
    running.stop.abort();
    return true;
  }

  return {
    run,
    cancel,
    wholeReport: () => (lastWhole ? Promise.resolve(lastWhole) : run(undefined)),
    forget: () => {
      lastWhole = null;
    },
  };
}
