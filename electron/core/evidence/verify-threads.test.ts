// Verification of a whole folder on worker threads finds what it finds in this thread, in the same order.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../shared/domain.js';
import { fixedClock } from '../clock.js';
import { createStore, type Store } from '../store/store.js';
import { appendSyntheticProbes, syntheticPlanning } from '../../../test/support/synthetic.js';
import { verifyDir, type VerifyOptions } from './verify.js';

let dir: string;
let store: Store;
const START = '2026-03-10T20:00:00Z';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-verify-threads-'));
  store = createStore({ dir, clock: fixedClock(START), log: () => undefined });
  for (const id of ['p1', 'p2', 'p3', 'p4']) {
    await store.plannings.put(syntheticPlanning(id));
    await appendSyntheticProbes(store, { planningId: id, count: 12, start: START });
  }
  await store.plannings.put(syntheticPlanning('never-probed'));
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function report(threads: number, options: VerifyOptions = {}): Promise<Awaited<ReturnType<typeof verifyDir>>> {
  let used = -1;
  const result = await verifyDir(dir, undefined, { ...options, threads, onThreads: (count) => (used = count) });
  expect(used).toBe(threads);
  return result;
}

describe('verify on worker threads', () => {
  it('reports a clean folder the same way', async () => {
    const threaded = await report(2);
    expect(threaded).toEqual(await report(0));
    expect(threaded).toMatchObject({ ok: true, checkedProbes: 48, problems: [], emptyPlannings: ['never-probed'] });
  });

  it('finds a deleted probe and a damaged artefact, as in this thread, also under the store’s write sections', async () => {
    // A probe deleted from the middle of p2's first day, and a screenshot of p4 altered.
    const day = 'probes/p2/2026-03/2026-03-10.json';
    const probes = (JSON.parse(await readFile(path.join(dir, day), 'utf8')) as { probes: Probe[] }).probes;
    const deleted = probes[1];
    await writeFile(path.join(dir, day), JSON.stringify({ probes: probes.filter((probe) => probe !== deleted) }));
    const shot = (await store.probes.list('p4')).at(-1)?.screenshot?.path ?? '';
    await writeFile(path.join(dir, ...shot.split('/')), 'not the capture');

    const alone = await report(0);
    const threaded = await report(2, { exclusive: store.exclusive });
    expect(threaded).toEqual(alone);
    expect(threaded.ok).toBe(false);
    expect(threaded.checkedProbes).toBe(47);
    const kinds = threaded.problems.map((problem) => [problem.planningId, problem.kind]);
    expect(kinds).toContainEqual(['p2', 'chain_broken']);
    expect(kinds).toContainEqual(['p2', 'count_mismatch']);
    expect(kinds).toContainEqual(['p4', 'artefact_altered']);
    expect(threaded.problems.find((problem) => problem.kind === 'artefact_altered')?.message).toContain(shot);
  });
});
