import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Planning } from '../../shared/domain.js';
import { fixedClock } from '../clock.js';
import { verify } from '../evidence/index.js';
import { sha256 } from './chain.js';
import { createStore, type Store } from './store.js';
import { readProbeLog } from './log-packs.js';
import { syntheticArtefacts, syntheticProbe } from '../../../test/support/synthetic.js';

let dir: string;
let store: Store;
const logs: string[] = [];
const open = (): Store => createStore({ dir, clock: fixedClock('2026-03-01T12:00:00Z'), log: (m) => logs.push(m) });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-store-'));
  logs.length = 0;
  store = open();
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function planning(id: string, label = 'Titre de séjour — première demande'): Planning {
  return {
    id,
    label,
    departement: '93',
    prefecture: 'Préfecture de Seine-Saint-Denis (Bobigny)',
    url: 'https://www.seine-saint-denis.gouv.fr/booking/create/9829',
    system: 'legacy',
    guichet: '1',
    guichetLabel: 'Première demande',
    procedure: 'titre de séjour',
    onlineMandatory: true,
    followed: true,
    minute: 17,
    steps: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    stoppedAt: null,
  };
}

describe('settings', () => {
  it('starts from the defaults and keeps what is changed', async () => {
    expect((await store.settings.get()).hostSpacingSeconds).toBe(30);
    const updated = await store.settings.update({ language: 'en', author: 'Cimade Île-de-France' });
    expect(updated).toMatchObject({ language: 'en', author: 'Cimade Île-de-France', hostSpacingSeconds: 30 });
    await store.close();
    store = open();
    expect((await store.settings.get()).author).toBe('Cimade Île-de-France');
  });

  it('sets a damaged settings file aside and falls back to the defaults', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{"language": "en",');
    const settings = await store.settings.get();
    expect(settings.language).toBe('fr');
    const aside = (await readdir(dir)).filter((name) => name.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dir, aside[0] ?? ''), 'utf8')).toBe('{"language": "en",');
    expect(logs.join('\n')).toContain('settings.json.corrupt-');
  });
});

describe('plannings', () => {
  it('lists, replaces and removes plannings, keeping removed ones aside with their probes', async () => {
    await store.plannings.put(planning('p1'));
    await store.plannings.put(planning('p2', 'Naturalisation'));
    await store.plannings.put({ ...planning('p1'), label: 'Renouvellement' });
    expect((await store.plannings.list()).map((p) => [p.id, p.label])).toEqual([
      ['p1', 'Renouvellement'],
      ['p2', 'Naturalisation'],
    ]);
    await store.probes.append(syntheticProbe('p1', '2026-02-01T09:17:00Z', 0), syntheticArtefacts(0));
    await store.plannings.remove('p1');
    expect(await store.plannings.get('p1')).toBeNull();
    expect((await store.plannings.removed()).map((p) => p.id)).toEqual(['p1']);
    expect(await store.probes.list('p1')).toHaveLength(1);
    expect(await store.probes.planningIds()).toEqual(['p1']);
  });

  it('refuses a damaged plannings file, naming it, and leaves it untouched', async () => {
    await writeFile(path.join(dir, 'plannings.json'), 'not json');
    await expect(store.plannings.list()).rejects.toMatchObject({
      code: 'storage_corrupt',
      message: expect.stringContaining(path.join(dir, 'plannings.json')) as unknown,
    });
    expect(await readFile(path.join(dir, 'plannings.json'), 'utf8')).toBe('not json');
  });

  it('names a damaged file to every reader, also to one that asked while the first was reading it', async () => {
    await writeFile(path.join(dir, 'plannings.json'), 'not json');
    const both = await Promise.allSettled([store.plannings.list(), store.plannings.get('p1')]);
    for (const read of both) {
      expect(read).toMatchObject({ status: 'rejected', reason: { code: 'storage_corrupt' } });
    }
  });

  it('refuses ids that would climb out of the data folder', async () => {
    await expect(store.plannings.put(planning('../evil'))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(store.probes.list('a/b')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('probes', () => {
  it('stores a probe with its Paris time, category, artefacts and chain', async () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Paris; first slot on 1 March = exactly t + 1 month.
    const input = {
      ...syntheticProbe('p1', '2026-01-31T23:30:00Z', 0),
      outcome: 'dates' as const,
      firstSlot: '2026-03-01T10:00',
      secondSlot: '2026-03-02T10:00',
    };
    const artefacts = syntheticArtefacts(0);
    const first = await store.probes.append(input, artefacts);
    expect(first).toMatchObject({ localDate: '2026-02-01', localTime: '00:30', category: 'c2', previousHash: null });
    // Screenshot and page text are stored once by their SHA-256 (evidence/_blobs/ab/<sha256>.ext).
    const shot = sha256(artefacts.screenshot ?? '');
    expect(first.screenshot).toEqual({ path: `evidence/_blobs/${shot.slice(0, 2)}/${shot}.png`, sha256: shot, bytes: artefacts.screenshot?.length });
    expect(await readFile(path.join(dir, ...(first.pageText?.path ?? '').split('/')), 'utf8')).toBe(artefacts.pageText);
    expect(existsSync(path.join(dir, 'probes', 'p1', '2026-02', '2026-02-01.json'))).toBe(true);

    const second = await store.probes.append(syntheticProbe('p1', '2026-02-01T00:30:00Z', 0), { screenshot: null, pageText: null });
    expect(second.previousHash).toBe(first.hash);
    expect(second.screenshot).toBeNull();
    expect(second.category).toBe('c5');
  });

  it('lists newest first, by month, with a limit, and iterates oldest first across days and months', async () => {
    // Hourly from 30 April 20:00 UTC (22:00 in Paris): 10 probes over two days and two months.
    for (let n = 0; n < 10; n += 1) {
      await store.probes.append(syntheticProbe('p1', '2026-04-30T20:00:00Z', n), { screenshot: null, pageText: null });
    }
    const all = await store.probes.list('p1');
    expect(all.map((p) => p.localTime)).toEqual(['07:00', '06:00', '05:00', '04:00', '03:00', '02:00', '01:00', '00:00', '23:00', '22:00']);
    expect((await store.probes.list('p1', { limit: 3 })).map((p) => p.localTime)).toEqual(['07:00', '06:00', '05:00']);
    expect((await store.probes.list('p1', { month: '2026-04' })).map((p) => p.localDate)).toEqual(['2026-04-30', '2026-04-30']);
    expect((await store.probes.last('p1'))?.localTime).toBe('07:00');
    // The alerts' reading: the same newest probes, across the month's end, not copied.
    expect(await store.probes.recent('p1', 9)).toEqual(all.slice(0, 9));
    const iterated = [];
    for await (const probe of store.probes.iterate(['p1'])) iterated.push(probe.localTime);
    expect(iterated).toEqual([...all.map((p) => p.localTime)].reverse());
  });

  it('keeps counts per month in the aggregates, and they survive a restart', async () => {
    for (let n = 0; n < 7; n += 1) {
      await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', n), { screenshot: null, pageText: null });
    }
    await store.close();
    store = open();
    const [march] = await store.aggregates('p1');
    // The synthetic cycle: no_date ×3, dates ×2, site_error, captcha.
    expect(march?.month).toBe('2026-03');
    expect(march?.categories.c5.attempts).toBe(3);
    expect((march?.categories.c1.attempts ?? 0) + (march?.categories.c2.attempts ?? 0)).toBe(2);
    expect(march?.inconclusive.site_error).toBe(1);
    expect(march?.inconclusive.captcha).toBe(1);
    const next = await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 7), { screenshot: null, pageText: null });
    expect(next.previousHash).toBe((await store.probes.list('p1', { limit: 2 }))[1]?.hash);
  });

  it('serialises simultaneous appends of one planning into one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, n) => store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', n), syntheticArtefacts(n))),
    );
    const report = await verify(store, 'p1');
    expect(report).toEqual({ ok: true, checkedProbes: 12, problems: [] });
  });

  it('stays right when only a few files may stay open in memory', async () => {
    await store.close();
    store = createStore({ dir, clock: fixedClock('2026-03-01T12:00:00Z'), log: () => undefined, maxOpenFiles: 2 });
    await Promise.all(
      ['a', 'b', 'c', 'd'].map(async (id) => {
        for (let n = 0; n < 30; n += 1) {
          await store.probes.append(syntheticProbe(id, '2026-03-10T08:00:00Z', n), { screenshot: null, pageText: null });
        }
      }),
    );
    expect(await verify(store)).toEqual({ ok: true, checkedProbes: 120, problems: [] });
    const months = await store.aggregates('c');
    const counted = months.flatMap((m) => Object.values(m.categories).map((c) => c.attempts)).reduce((a, b) => a + b, 0);
    // The synthetic cycle has 5 conclusive probes in 7: 30 probes = 4 cycles (20) + 2 more (no_date ×2).
    expect(counted).toBe(22);
  });

  it('refuses to read a damaged day file and never discards it', async () => {
    await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 0), { screenshot: null, pageText: null });
    await store.close();
    const file = path.join(dir, 'probes', 'p1', '2026-03', '2026-03-10.json');
    await writeFile(file, '{"probes":[{"id":');
    store = open();
    await expect(store.probes.list('p1')).rejects.toMatchObject({
      code: 'storage_corrupt',
      message: expect.stringContaining(file) as unknown,
    });
    await expect(
      store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 1), { screenshot: null, pageText: null }),
    ).rejects.toMatchObject({ code: 'storage_corrupt' });
    expect(await readFile(file, 'utf8')).toBe('{"probes":[{"id":');
  });
});

describe('a full disk', () => {
  // Writing through a link to /dev/full fails with ENOSPC, as a full disk does.
  const fullAt = async (relativeTemp: string): Promise<void> => {
    const { symlink, mkdir } = await import('node:fs/promises');
    await mkdir(path.dirname(path.join(dir, relativeTemp)), { recursive: true });
    await symlink('/dev/full', path.join(dir, relativeTemp));
  };

  it('says storage_full and writes nothing of a probe whose day file cannot be written', async () => {
    const kept = await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 0), syntheticArtefacts(0));
    await fullAt('probes/p1/2026-03/.2026-03-10.json.tmp');
    const failing = syntheticProbe('p1', '2026-03-10T08:00:00Z', 1);
    await expect(store.probes.append(failing, syntheticArtefacts(1))).rejects.toMatchObject({ code: 'storage_full' });
    // Its log's member stays in the month's pack, pointed at by no record; the kept probe's log reads back whole.
    expect((await readProbeLog(dir, kept))?.toString('utf8')).toBe(syntheticArtefacts(0).log);
    expect((await store.probes.list('p1')).map((p) => p.id)).toEqual([kept.id]);
    // Space is back (the link was removed with the failed write): the chain goes on from the kept probe.
    const next = await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 2), syntheticArtefacts(2));
    expect(next.previousHash).toBe(kept.hash);
    expect((await verify(store, 'p1')).ok).toBe(true);
  });

  it('takes the probe back out of its day file when the aggregates cannot be written', async () => {
    const kept = await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 0), syntheticArtefacts(0));
    await fullAt('aggregates/.p1.json.tmp');
    await expect(
      store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 1), syntheticArtefacts(1)),
    ).rejects.toMatchObject({ code: 'storage_full' });
    await store.close();
    store = open();
    expect((await store.probes.list('p1')).map((p) => p.id)).toEqual([kept.id]);
    expect((await store.aggregates('p1'))[0]?.categories.c5.attempts).toBe(1);
    expect(await verify(store, 'p1')).toMatchObject({ ok: true, checkedProbes: 1 });
  });

  // A gap written to its file is never taken back (a backup or a synced copy may hold it already): the aggregates,
  // derived, are what a failed record undoes.
  const gap = { planningId: 'p1', from: '2026-03-10T02:00:00Z', to: '2026-03-10T04:00:00Z', hours: 2, reason: 'app_closed' } as const;
  const gapHours = async (): Promise<number | undefined> => (await store.aggregates('p1')).find((month) => month.month === '2026-03')?.gapHours;

  it('never writes a gap to its file when the aggregates cannot count it', async () => {
    await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 0), syntheticArtefacts(0));
    await fullAt('aggregates/.p1.json.tmp');
    await expect(store.gaps.record(gap)).rejects.toMatchObject({ code: 'storage_full' });
    expect(existsSync(path.join(dir, 'probes/p1/2026-03/gaps.json'))).toBe(false);
    await store.close();
    store = open();
    expect(await store.gaps.list('p1')).toEqual([]);
    expect(await gapHours()).toBe(0);
  });

  it('takes the gap back out of the aggregates when its file cannot be written', async () => {
    await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 0), syntheticArtefacts(0));
    await fullAt('probes/p1/2026-03/.gaps.json.tmp');
    await expect(store.gaps.record(gap)).rejects.toMatchObject({ code: 'storage_full' });
    await store.close();
    store = open();
    expect(await store.gaps.list('p1')).toEqual([]);
    expect(await gapHours()).toBe(0);
    await rm(path.join(dir, 'probes/p1/2026-03/.gaps.json.tmp'), { force: true });
    await store.gaps.record(gap);
    expect(await gapHours()).toBe(2);
  });
});

describe('after a crash between the day file and the aggregates', () => {
  it('counts the probe written whole and keeps the chain unbroken', async () => {
    await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 0), syntheticArtefacts(0));
    await store.close();
    const aggregates = path.join(dir, 'aggregates', 'p1.json');
    await copyFile(aggregates, `${aggregates}.before`);
    store = open();
    const lost = await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 1), syntheticArtefacts(1));
    await store.close();
    await copyFile(`${aggregates}.before`, aggregates);
    await rm(`${aggregates}.before`);

    store = open();
    expect((await store.aggregates('p1'))[0]?.categories.c5.attempts).toBe(2);
    const next = await store.probes.append(syntheticProbe('p1', '2026-03-10T08:00:00Z', 2), syntheticArtefacts(2));
    expect(next.previousHash).toBe(lost.hash);
    expect(await verify(store, 'p1')).toMatchObject({ ok: true, checkedProbes: 3 });
    expect(logs.join('\n')).toContain('1 sondage(s)');
  });
});

describe('gaps', () => {
  it('records gaps, lists them by month and counts their hours', async () => {
    await store.gaps.record({ planningId: 'p1', from: '2026-03-10T08:17:00Z', to: '2026-03-10T11:17:00Z', hours: 3, reason: 'asleep' });
    await store.gaps.record({ planningId: 'p1', from: '2026-04-02T08:17:00Z', to: '2026-04-02T09:17:00Z', hours: 1, reason: 'app_closed' });
    expect((await store.gaps.list('p1')).map((g) => g.reason)).toEqual(['app_closed', 'asleep']);
    expect((await store.gaps.list('p1', '2026-03')).map((g) => g.hours)).toEqual([3]);
    expect((await store.aggregates('p1')).map((m) => [m.month, m.gapHours])).toEqual([
      ['2026-03', 3],
      ['2026-04', 1],
    ]);
  });
});
