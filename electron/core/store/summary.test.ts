import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanningOverview } from '../../shared/api.js';
import { createCore } from '../api/create-core.js';
import { fixedClock } from '../clock.js';
import { syntheticPlanning, syntheticProbe } from '../../../test/support/synthetic.js';
import { sealedRecord } from './probes.js';
import { createStore } from './store.js';
import { absolute, dayFile } from './layout.js';
import { SUMMARY_FILE } from './summary.js';
import { WRITER_LOCK_FILE } from './layout.js';
import { acquireWriterLock } from '../services/writer-lock.js';

/** The id of a process that has ended, as a killed writer's. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

const NOW = '2026-11-21T10:00:00Z';
const START = '2026-07-01T06:00:00Z';
const IDS = ['bobigny', 'evry', 'nanterre'];
/** A probe every 22 hours: four months and a half of history, every category and gaps of silence. */
const EVERY = 22;
const PROBES = 150;

let dataDir: string;
const quiet = () => undefined;

/** What the dashboard's first screen shows: plannings:list of a core freshly opened on the folder. */
async function dashboard(): Promise<PlanningOverview[]> {
  const core = createCore({ dataDir, appVersion: 'test', clock: fixedClock(NOW), env: {}, log: quiet });
  try {
    return await core.api['plannings:list'](undefined);
  } finally {
    await core.close();
  }
}

/** The same from the records alone: the summary deleted first. */
async function fromRecords(): Promise<PlanningOverview[]> {
  await rm(absolute(dataDir, SUMMARY_FILE), { force: true });
  return dashboard();
}

/** Opens a store, appends probes n of each planning, closes it (which writes the summary). */
async function append(from: number, to: number): Promise<void> {
  const store = createStore({ dir: dataDir, clock: fixedClock(NOW), log: quiet });
  for (const id of IDS) {
    for (let n = from; n < to; n += 1) await store.probes.append(syntheticProbe(id, START, n * EVERY), { screenshot: null, pageText: null });
  }
  await store.close();
}

/** Writes the summary afresh, its files older than it, so that its entries are trusted at the next start. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 250));
  await rm(absolute(dataDir, SUMMARY_FILE), { force: true });
  await dashboard();
}

const summaryEntries = async (): Promise<string[]> =>
  Object.keys((JSON.parse(await readFile(absolute(dataDir, SUMMARY_FILE), 'utf8')) as { plannings: Record<string, unknown> }).plannings).sort();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-summary-'));
  const store = createStore({ dir: dataDir, clock: fixedClock(NOW), log: quiet });
  for (const id of IDS) await store.plannings.put(syntheticPlanning(id, { createdAt: START }));
  await store.close();
  await append(0, PROBES);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the dashboard’s summary of the data folder', () => {
  it('is written for every planning and gives the very dashboard the records give', async () => {
    const expected = await fromRecords();
    expect(expected.map((row) => row.stats.topScope)).toEqual(['three_months', 'three_months', 'three_months']);
    await settle();
    expect(await summaryEntries()).toEqual(IDS);
    expect(await dashboard()).toEqual(expected);
  });

  it('deleted or damaged, is read from the records again, silently, with the same figures', async () => {
    const expected = await fromRecords();
    for (const damage of ['', '{"version":2,"plannings":', 'null', '{"version":2,"environments":[],"plannings":{"evry":{"stamps":3}}}', '\u0000\u0001 garbage']) {
      await writeFile(absolute(dataDir, SUMMARY_FILE), damage);
      expect(await dashboard()).toEqual(expected);
    }
    // Whole, its stamps current, but one planning's month out of bounds and another's environment missing.
    await settle();
    const file = absolute(dataDir, SUMMARY_FILE);
    const { atime, mtime } = await stat(file);
    const summary = JSON.parse(await readFile(file, 'utf8')) as { plannings: Record<string, { months: Record<string, number[]>; last: { environment: number } }> };
    const { bobigny, evry } = summary.plannings;
    if (!bobigny || !evry) throw new Error('no entry for bobigny or evry');
    for (const flat of Object.values(evry.months)) flat[1] = 2 ** 40;
    bobigny.last.environment = 7;
    await writeFile(file, JSON.stringify(summary));
    await utimes(file, atime, mtime);
    expect(await dashboard()).toEqual(expected);
    await rm(absolute(dataDir, SUMMARY_FILE), { force: true });
    expect(await dashboard()).toEqual(expected);
    expect(await summaryEntries()).toEqual(IDS);
  });

  it('older than its data (new probes, or a probe a crash left uncounted), gives way to the records', async () => {
    await settle();
    const older = path.join(dataDir, 'summary-before.json');
    await copyFile(absolute(dataDir, SUMMARY_FILE), older);
    await append(PROBES, PROBES + 3);
    await copyFile(older, absolute(dataDir, SUMMARY_FILE));
    const expected = await fromRecords();
    await copyFile(older, absolute(dataDir, SUMMARY_FILE));
    const seen = await dashboard();
    expect(seen).toEqual(expected);
    expect(seen[0]?.lastProbe?.startedAt).toBe(syntheticProbe('bobigny', START, (PROBES + 2) * EVERY).startedAt);

    // The record is on disk, the aggregates never counted it, and the killed writer's lock is left behind: the
    // dashboard counts it, as without a summary, even when the record begins a new day file.
    await settle();
    await copyFile(absolute(dataDir, SUMMARY_FILE), older);
    const last = seen[0]?.lastProbe ?? null;
    const next = sealedRecord(syntheticProbe('bobigny', START, (PROBES + 3) * EVERY), { screenshot: null, pageText: null }, last?.hash ?? null);
    const file = absolute(dataDir, dayFile('bobigny', next.localDate));
    const text = await readFile(file, 'utf8').catch(() => null);
    const day = text === null ? `{"probes":[\n${JSON.stringify(next)}\n]}\n` : text.replace(/\n\]\}\n$/, `,\n${JSON.stringify(next)}\n]}\n`);
    await writeFile(file, day);
    await writeFile(absolute(dataDir, WRITER_LOCK_FILE), JSON.stringify({ pid: deadPid(), since: NOW }));
    await copyFile(older, absolute(dataDir, SUMMARY_FILE));
    const afterCrash = await dashboard();
    expect(afterCrash[0]?.lastProbe?.id).toBe(next.id);
    // The next writer takes the lock over, and the summary written before the crash goes with it.
    await copyFile(older, absolute(dataDir, SUMMARY_FILE));
    const release = await acquireWriterLock(dataDir);
    await release();
    await expect(stat(absolute(dataDir, SUMMARY_FILE))).rejects.toThrow();
    expect((await dashboard())[0]?.lastProbe?.id).toBe(next.id);
    expect(afterCrash[0]?.stats.top).toEqual((await fromRecords())[0]?.stats.top);
  });
  it('written as the store closes right after a probe, is trusted whole at the next start', async () => {
    await append(PROBES + 4, PROBES + 5);
    // A mark only the summary carries, its time kept: a row that shows it was read from the summary.
    const file = absolute(dataDir, SUMMARY_FILE);
    const { atime, mtime } = await stat(file);
    const summary = JSON.parse(await readFile(file, 'utf8')) as { plannings: Record<string, { months: Record<string, number[]> }> };
    for (const entry of Object.values(summary.plannings)) for (const flat of Object.values(entry.months)) flat[0] = (flat[0] ?? 0) + 1000;
    await writeFile(file, JSON.stringify(summary));
    await utimes(file, atime, mtime);
    const seen = await dashboard();
    const records = await fromRecords();
    // Every planning's row, the last one probed before closing included.
    for (const [index, row] of seen.entries()) expect(row.stats.top.categories.c1.attempts).toBeGreaterThanOrEqual((records[index]?.stats.top.categories.c1.attempts ?? 0) + 1000);
  });
  it('says a newest day file damaged in place, as the records do', async () => {
    await settle();
    const older = path.join(dataDir, 'summary-before.json');
    await copyFile(absolute(dataDir, SUMMARY_FILE), older);
    const last = (await dashboard())[1]?.lastProbe;
    if (!last) throw new Error('no probe of evry');
    await writeFile(absolute(dataDir, dayFile('evry', last.localDate)), '{"probes": [tronqué');
    await copyFile(older, absolute(dataDir, SUMMARY_FILE));
    const seen = await dashboard();
    expect(seen[1]?.problem).toContain(last.localDate);
    expect(seen).toEqual(await fromRecords());
  });

});
