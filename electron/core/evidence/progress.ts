// A long job's advance as the person sees it (a full verify, a backup and its check): how far, and when it should
// end at the pace so far, worded from the catalogue (progress.…) by whoever shows it.
import type { JobProgress } from '../../shared/api.js';
import type { MessageCode } from '../../shared/messages/index.js';
import type { Clock } from '../clock.js';
import { frenchDate, parisDateTime } from '../stats/index.js';

/** At most this often, besides the first and the last: a terminal or a screen redrawn a few times a second. */
const EVERY_MS = 500;

export interface ProgressMeter {
  /** `done` of `total` so far; said when enough time has passed since the last time, or when it is the end. */
  advance(done: number): void;
  /** The end, said once whatever the total expected (aggregates may count probes that are gone). */
  finish(done: number): void;
}

export function progressMeter(
  job: JobProgress['job'],
  code: MessageCode,
  total: number,
  clock: Clock,
  tell: (progress: JobProgress) => void,
): ProgressMeter {
  const started = clock.now().getTime();
  let saidAt = Number.NEGATIVE_INFINITY;
  let expected = total;
  const say = (done: number, finished: boolean): void => {
    const now = clock.now().getTime();
    // A total counted low (probes added meanwhile) grows with what is done.
    expected = finished ? done : Math.max(expected, done);
    if (!finished && now - saidAt < EVERY_MS) return;
    saidAt = now;
    const elapsed = now - started;
    // Told once a tenth of a second of work says something of the pace.
    const end = done > 0 && elapsed >= 100 ? new Date(now + (elapsed * Math.max(expected - done, 0)) / done) : null;
    const percent = expected > 0 ? Math.min(100, Math.floor((done / expected) * 100)) : 100;
    const nowDay = parisDateTime(new Date(now)).date;
    const at = end && !finished ? parisDateTime(end) : null;
    // The day only when the end is not today (a first backup to a slow disk can take hours).
    const day = at && at.date !== nowDay ? frenchDate(at.date) : 'none';
    tell({
      job,
      done,
      total: expected,
      estimatedEnd: end?.toISOString() ?? null,
      message: { code, params: { done, total: expected, percent, end: at?.time ?? 'none', day } },
    });
  };
  return { advance: (done) => say(done, false), finish: (done) => say(done, true) };
}
