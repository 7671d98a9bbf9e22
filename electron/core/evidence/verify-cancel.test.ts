// A check stopped half-way, as the person does from « Vérifier les preuves » on a large folder: it ends with its own
// answer (verify.cancelled), never a report that could be read as a verdict, checks nothing more once told, lets go
// of every planning's write section, and the next check runs whole and passes.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/api.js';
import { fixedClock } from '../clock.js';
import { AppError } from '../errors.js';
import { createStore, type Store } from '../store/store.js';
import { appendSyntheticProbes, syntheticPlanning } from '../../../test/support/synthetic.js';
import { createVerifyRuns } from './runs.js';
import { verifyDir, type VerifyReport } from './verify.js';

const PLANNINGS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const PER_PLANNING = 48;
const TOTAL = PLANNINGS.length * PER_PLANNING;

let dir: string;
let store: Store;

/** A minute passes at each reading: every planning checked is told at once, as a long check tells its advance. */
function slowClock(): { now: () => Date } {
  let at = Date.parse('2026-03-12T08:00:00Z');
  return { now: () => new Date((at += 60_000)) };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-verify-cancel-'));
  store = createStore({ dir, clock: fixedClock('2026-03-12T08:00:00Z'), log: () => undefined });
  for (const id of PLANNINGS) {
    await store.plannings.put(syntheticPlanning(id));
    await appendSyntheticProbes(store, { planningId: id, count: PER_PLANNING, start: '2026-03-10T06:00:00Z' });
  }
}, 60_000);

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('verify stopped half-way', () => {
  for (const threads of [0, 2]) {
    it(`${threads === 0 ? 'in this thread' : 'on worker threads'}: ends with verify.cancelled at once, no report, sections let go; the next check passes`, async () => {
      const stop = new AbortController();
      const told: JobProgress[] = [];
      let stoppedAt = -1;
      const outcome = await verifyDir(dir, undefined, {
        threads,
        exclusive: store.exclusive,
        clock: slowClock(),
        signal: stop.signal,
        onProgress: (progress) => {
          told.push(progress);
          // Stopped once the first planning is checked, with the others still to do.
          if (progress.done > 0 && stoppedAt < 0) {
            stoppedAt = progress.done;
            stop.abort();
          }
        },
      }).then(
        (report: VerifyReport) => report,
        (error: unknown) => error,
      );
      expect(stoppedAt).toBeGreaterThan(0);
      expect(stoppedAt).toBeLessThan(TOTAL);
      expect(outcome).toBeInstanceOf(AppError);
      expect(outcome).toMatchObject({ coreMessage: { code: 'verify.cancelled' } });
      // Nothing checked after the stop was told: no planning merged, no end said.
      expect(told.at(-1)?.done).toBe(stoppedAt);
      expect(told.some((progress) => progress.done === TOTAL)).toBe(false);
      // Every planning's write section is free again: a probe may be written.
      for (const id of PLANNINGS) expect(await store.exclusive(id, () => Promise.resolve(id))).toBe(id);

      const again = await verifyDir(dir, undefined, { threads, exclusive: store.exclusive });
      expect(again).toMatchObject({ ok: true, checkedProbes: TOTAL, problems: [] });
    }, 60_000);
  }

  it('stopped before it starts: not a probe checked, the same distinct answer', async () => {
    const stop = new AbortController();
    stop.abort();
    const told: JobProgress[] = [];
    await expect(verifyDir(dir, undefined, { threads: 0, signal: stop.signal, onProgress: (progress) => told.push(progress) })).rejects.toMatchObject({
      coreMessage: { code: 'verify.cancelled' },
    });
    expect(told).toEqual([]);
  });

  it('ended by an error: a page that only watches it is told once that nothing was concluded', async () => {
    const told: JobProgress[] = [];
    const runs = createVerifyRuns({
      store,
      clock: fixedClock('2026-03-12T08:00:00Z'),
      trust: () => Promise.reject(new Error('roots unreadable')),
      anchorsDir: path.join(dir, '..', 'anchors-none'),
      onProgress: (progress) => told.push(progress),
    });
    await expect(runs.run(undefined, 'page-a')).rejects.toThrow('roots unreadable');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ job: 'verify', ended: 'failed', message: { code: 'verify.ended_failed' } });
    expect(told[0]?.jobId).toMatch(/^verify-/);
    // The slot is free: the check's id stops nothing any more.
    expect(runs.cancel(told[0]?.jobId ?? '')).toBe(false);
  });
});
