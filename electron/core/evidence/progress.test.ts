import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/api.js';
import { wordCore } from '../messages.js';
import { fixedClock } from '../clock.js';
import { createStore } from '../store/store.js';
import { appendSyntheticProbes } from '../../../test/support/synthetic.js';
import { progressMeter } from './progress.js';
import { verifyDir } from './verify.js';

/** A clock the test moves by hand. */
function handClock(start: string): { now: () => Date; move: (ms: number) => void } {
  let at = Date.parse(start);
  return { now: () => new Date(at), move: (ms) => (at += ms) };
}

describe('progress of a long job', () => {
  it('says how far and when it should end at the pace so far, in Paris time, and the day when not today', () => {
    const clock = handClock('2026-03-10T13:00:00Z');
    const said: JobProgress[] = [];
    const meter = progressMeter('verify', 'progress.verify', 1_000, clock, (progress) => said.push(progress));
    clock.move(60_000);
    meter.advance(250);
    expect(said.at(-1)).toMatchObject({ done: 250, total: 1_000, estimatedEnd: '2026-03-10T13:04:00.000Z' });
    expect(wordCore(said.at(-1)?.message ?? { code: 'progress.verify' }, 'fr')).toBe('Vérification : 250 sur 1\u202f000 sondages (25 %), fin estimée vers 14:04');
    expect(wordCore(said.at(-1)?.message ?? { code: 'progress.verify' }, 'en')).toBe('Verifying: 250 of 1,000 probes (25%), expected to end around 14:04');
    // Said again only after half a second, whatever the count.
    clock.move(100);
    meter.advance(260);
    expect(said).toHaveLength(1);
    clock.move(9 * 3_600_000);
    meter.advance(500);
    expect(wordCore(said.at(-1)?.message ?? { code: 'progress.verify' }, 'fr')).toContain('fin estimée vers 08:02 le 11/03/2026');
    meter.finish(990);
    expect(said.at(-1)).toMatchObject({ done: 990, total: 990 });
    expect(wordCore(said.at(-1)?.message ?? { code: 'progress.verify' }, 'fr')).toBe('Vérification : 990 sur 990 sondages (100 %)');
  });

  it('counts a full verify in probes, from none to all of them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-progress-'));
    try {
      const store = createStore({ dir, clock: fixedClock('2026-03-10T20:00:00Z'), log: () => undefined });
      await appendSyntheticProbes(store, { planningId: 'p1', count: 4, start: '2026-03-10T20:00:00Z' });
      await appendSyntheticProbes(store, { planningId: 'p2', count: 3, start: '2026-03-10T20:00:00Z' });
      await store.close();
      const said: JobProgress[] = [];
      const report = await verifyDir(dir, undefined, { threads: 0, onProgress: (progress) => said.push(progress) });
      expect(report.checkedProbes).toBe(7);
      expect(said[0]).toMatchObject({ job: 'verify', done: 0, total: 7 });
      expect(said.at(-1)).toMatchObject({ job: 'verify', done: 7, total: 7, message: { code: 'progress.verify', params: { percent: 100 } } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
