// A process that only reads sees the writer's new probes, and a lost or damaged aggregates file is rebuilt from
// the day files without ever letting a deletion pass verification.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../clock.js';
import { createStore, type Store } from './store.js';
import { appendSyntheticProbes, syntheticArtefacts, syntheticProbe } from '../../../test/support/synthetic.js';
import { verify } from '../evidence/index.js';

let dir: string;
const logs: string[] = [];
const stores: Store[] = [];
const open = (): Store => {
  const store = createStore({ dir, clock: fixedClock('2026-03-11T12:00:00Z'), log: (m) => logs.push(m) });
  stores.push(store);
  return store;
};
const START = '2026-03-10T20:00:00Z';
const attempts = async (store: Store): Promise<number> =>
  (await store.aggregates('p1')).reduce(
    (sum, month) =>
      sum +
      Object.values(month.categories).reduce((total, category) => total + category.attempts, 0) +
      Object.values(month.inconclusive).reduce((total, count) => total + count, 0),
    0,
  );
const aggregatesPath = (): string => path.join(dir, 'aggregates', 'p1.json');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-heal-'));
  logs.length = 0;
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('a process that only reads', () => {
  it('sees the probes another process appended, within a few seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-11T12:00:00Z') });
    const writer = open();
    await appendSyntheticProbes(writer, { planningId: 'p1', count: 3, start: START });
    const reader = open();
    expect(await attempts(reader)).toBe(3);
    expect((await reader.probes.last('p1'))?.id).toBe(syntheticProbe('p1', START, 2).id);

    const added = await writer.probes.append(syntheticProbe('p1', START, 3), syntheticArtefacts(3));
    vi.setSystemTime(Date.now() + 2_000);
    expect(await attempts(reader)).toBe(4);
    expect((await reader.probes.last('p1'))?.id).toBe(added.id);
    expect((await reader.probes.list('p1', { limit: 1 }))[0]?.hash).toBe(added.hash);
  });
});

describe('a damaged aggregates file', () => {
  it('is set aside and rebuilt from the day files, logged; the chain goes on and verify passes', async () => {
    const writer = open();
    await appendSyntheticProbes(writer, { planningId: 'p1', count: 6, start: START });
    await writer.gaps.record({ planningId: 'p1', from: '2026-03-11T03:00:00Z', to: '2026-03-11T05:00:00Z', hours: 2, reason: 'asleep' });
    const before = await writer.aggregates('p1');
    const head = (await writer.probes.last('p1'))?.hash ?? '';
    await writer.close();
    // Cut in the middle, as a disk that lost the end of the file would leave it: the head is still legible.
    const text = await readFile(aggregatesPath(), 'utf8');
    await writeFile(aggregatesPath(), text.slice(0, text.indexOf('"months"') + 12));

    const store = open();
    expect(await store.aggregates('p1')).toEqual(before);
    expect(logs.join('\n')).toMatch(/endommagé, mis de côté .* reconstruit à partir de 6 sondage/);
    expect((await readdir(path.join(dir, 'aggregates'))).filter((name) => name.includes('.damaged-'))).toHaveLength(1);
    const next = await store.probes.append(syntheticProbe('p1', START, 6), syntheticArtefacts(6));
    expect(next.previousHash).toBe(head);
    expect(await verify(store, 'p1')).toMatchObject({ ok: true, checkedProbes: 7 });
  });

  it('does not hide the deletion of the newest probe before the damage', async () => {
    const writer = open();
    await appendSyntheticProbes(writer, { planningId: 'p1', count: 6, start: START });
    await writer.close();
    const text = await readFile(aggregatesPath(), 'utf8');
    await writeFile(aggregatesPath(), text.slice(0, text.indexOf('"months"') + 12));
    // The newest probe (11 March, 01:00 in Paris) taken out of its day file.
    const day = path.join(dir, 'probes', 'p1', '2026-03', '2026-03-11.json');
    const kept = JSON.parse(await readFile(day, 'utf8')) as { probes: unknown[] };
    await writeFile(day, JSON.stringify({ probes: kept.probes.slice(0, -1) }));

    const report = await verify(open(), 'p1');
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => problem.kind)).toEqual(['head_mismatch']);
    expect(report.problems[0]?.message).toContain('reconstruit');
  });
});

describe('a missing aggregates file', () => {
  it('is rebuilt so the figures show, and verify says the newest probes cannot be vouched for', async () => {
    const writer = open();
    await appendSyntheticProbes(writer, { planningId: 'p1', count: 6, start: START });
    const before = await writer.aggregates('p1');
    await writer.close();
    await rm(aggregatesPath());

    const store = open();
    expect(await store.aggregates('p1')).toEqual(before);
    expect(logs.join('\n')).toContain('absent ; reconstruit à partir de 6 sondage');
    expect(existsSync(aggregatesPath())).toBe(true);
    const report = await verify(store, 'p1');
    expect(report.problems.map((problem) => problem.kind)).toEqual(['aggregates_rebuilt']);
    expect(report.problems[0]?.message).toContain('scellement');
  });
});
