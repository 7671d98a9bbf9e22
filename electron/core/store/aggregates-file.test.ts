import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Category, Gap, Outcome } from '../../shared/domain.js';
import { fixedClock } from '../clock.js';
import { verify } from '../evidence/index.js';
import { addGap, addProbe, maskOf, sortedMonths, type MonthAggregates } from '../stats/index.js';
import { decodeMonths, encodeMonths, isStoredMonths } from './aggregates-file.js';
import { aggregatesKind } from './kinds.js';
import { createStore, type Store } from './store.js';
import { syntheticArtefacts, syntheticProbe } from '../../../test/support/synthetic.js';

const CYCLE: readonly [Outcome, Category | null][] = [
  ['no_date', 'c5'],
  ['dates', 'c1'],
  ['dates', 'c2'],
  ['dates', 'c3'],
  ['dates', 'c4'],
  ['captcha', null],
  ['site_error', null],
  ['unreachable', null],
  ['unrecognized', null],
  ['robot_error', null],
  ['no_date', 'c5'],
];

/** Three years of hourly probes of one planning, every category and outcome each day, counted in memory. */
function threeYears(): MonthAggregates {
  const months: MonthAggregates = {};
  const start = Date.UTC(2023, 1, 1);
  let n = 0;
  for (let day = 0; day < 3 * 365; day += 1) {
    const localDate = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    for (let hour = 0; hour < 24; hour += 1) {
      const [outcome, category] = CYCLE[n % CYCLE.length] ?? ['no_date', 'c5'];
      addProbe(months, { localDate, outcome, category });
      n += 1;
    }
  }
  addGap(months, { planningId: 'p', from: '2024-03-31T20:00:00Z', to: '2024-04-01T02:00:00Z', hours: 6, reason: 'asleep' });
  return months;
}

describe('the aggregates file format', () => {
  it('gives back the same counts, days and bounds after JSON, in a few kB for three years', () => {
    const months = threeYears();
    const text = JSON.stringify(encodeMonths(months));
    const parsed: unknown = JSON.parse(text);
    expect(isStoredMonths(parsed)).toBe(true);
    expect(decodeMonths(parsed as ReturnType<typeof encodeMonths>)).toEqual(sortedMonths(months));
    expect(sortedMonths(months)).toHaveLength(36);
    // Every category and every outcome in every month: the largest a month gets (the earlier layout took 99 kB).
    expect(text.length).toBeLessThan(10_000);
  });

  it('keeps a month’s distinct days, its first and last day, and leaves empty counts out', () => {
    const months: MonthAggregates = {};
    addProbe(months, { localDate: '2026-03-31', outcome: 'no_date', category: 'c5' });
    addProbe(months, { localDate: '2026-03-02', outcome: 'no_date', category: 'c5' });
    addProbe(months, { localDate: '2026-03-02', outcome: 'captcha', category: null });
    const stored = encodeMonths(months);
    expect(stored).toEqual({ '2026-03': { c: { c5: [2, maskOf([2, 31])] }, i: { captcha: 1 }, f: 2, l: 31 } });
    const [march] = decodeMonths(stored);
    expect(march?.categories.c5).toEqual({ attempts: 2, days: maskOf([2, 31]) });
    expect(march?.categories.c1).toEqual({ attempts: 0, days: 0 });
    expect([march?.firstDay, march?.lastDay]).toEqual(['2026-03-02', '2026-03-31']);
  });

  it('takes any other shape for a damaged file', () => {
    const valid = aggregatesKind('p').valid;
    const file = (months: unknown) => ({ planningId: 'p', head: null, probes: 0, months });
    expect(valid(file({ '2026-03': { c: { c5: [1, 1] } } }))).toBe(true);
    // The earlier indented layout with lists of days.
    const earlier = { planningId: 'p', month: '2026-03', categories: { c5: { attempts: 1, days: [1] } }, gapHours: 0 };
    expect(valid(file({ '2026-03': earlier }))).toBe(false);
    expect(valid(file({ '2026-13': {} }))).toBe(false);
    expect(valid(file({ '2026-03': { c: { c6: [1, 1] } } }))).toBe(false);
    expect(valid(file({ '2026-03': { c: { c5: [1, 2 ** 31] } } }))).toBe(false);
    expect(valid(file({ '2026-03': { i: { dates: 1 } } }))).toBe(false);
    expect(valid(file({ '2026-03': { f: 32 } }))).toBe(false);
  });
});

describe('the aggregates file in the store', () => {
  let dir: string;
  let store: Store;
  const open = (options: { maxCacheBytes?: number } = {}): Store =>
    createStore({ dir, clock: fixedClock('2026-03-01T12:00:00Z'), log: () => undefined, ...options });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-aggregates-'));
    store = open();
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one compact line that reads back the same counts after a restart, across a month’s end', async () => {
    const expected: MonthAggregates = {};
    // From 21:00 UTC on 30 April (23:00 in Paris): probes on 30 April and on 1 May.
    for (let n = 0; n < 30; n += 1) {
      const probe = await store.probes.append(syntheticProbe('p1', '2026-04-30T21:00:00Z', n), { screenshot: null, pageText: null });
      addProbe(expected, probe);
    }
    const gap: Gap = { planningId: 'p1', from: '2026-04-30T20:00:00Z', to: '2026-04-30T21:00:00Z', hours: 1, reason: 'asleep' };
    await store.gaps.record(gap);
    addGap(expected, gap);
    await store.close();

    const text = await readFile(path.join(dir, 'aggregates', 'p1.json'), 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    store = open();
    const months = await store.aggregates('p1');
    expect(months.map((m) => m.month)).toEqual(['2026-04', '2026-05']);
    expect(months).toEqual(sortedMonths(expected));
    const last = await store.probes.last('p1');
    expect(JSON.parse(text)).toMatchObject({ probes: 30, head: { hash: last?.hash, probeId: last?.id } });
    expect(await verify(store, 'p1')).toMatchObject({ ok: true, checkedProbes: 30 });
  });

  it('hands out copies: changing what it returned changes nothing stored', async () => {
    await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 0), { screenshot: null, pageText: null });
    const [march] = await store.aggregates('p1');
    if (!march) throw new Error('no March');
    march.categories.c5.attempts = 99;
    expect((await store.aggregates('p1'))[0]?.categories.c5.attempts).toBe(1);
  });

  it('sets an aggregates file in another layout aside, as it is, and rebuilds it from the day files', async () => {
    await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 0), { screenshot: null, pageText: null });
    await store.close();
    const file = path.join(dir, 'aggregates', 'p1.json');
    const earlier = JSON.stringify({ planningId: 'p1', head: null, probes: 1, months: { '2026-03': { gapHours: 0 } } }, null, 2);
    await writeFile(file, earlier);
    store = open();
    expect((await store.aggregates('p1'))[0]?.categories.c5.attempts).toBe(1);
    const aside = (await readdir(path.join(dir, 'aggregates'))).find((name) => name.startsWith('p1.json.damaged-'));
    expect(await readFile(path.join(dir, 'aggregates', aside ?? ''), 'utf8')).toBe(earlier);
  });

  it('stays right when the file cache may hold only a few kB', async () => {
    await store.close();
    store = open({ maxCacheBytes: 2_000 });
    await Promise.all(
      ['a', 'b', 'c'].map(async (id) => {
        for (let n = 0; n < 30; n += 1) await store.probes.append(syntheticProbe(id, '2026-03-10T08:00:00Z', n), syntheticArtefacts(n));
      }),
    );
    expect(await verify(store)).toEqual({ ok: true, checkedProbes: 90, problems: [] });
    const counted = (await store.aggregates('b')).flatMap((m) => Object.values(m.categories)).reduce((sum, c) => sum + c.attempts, 0);
    // The synthetic cycle has 5 conclusive probes in 7: 30 probes = 4 cycles (20) + 2 more (no_date ×2).
    expect(counted).toBe(22);
  });
});
