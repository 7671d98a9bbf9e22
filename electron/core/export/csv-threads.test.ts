// The CSV export on worker threads writes the very bytes of the export in this thread, and fails the same way.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { createStore, type Store } from '../store/store.js';
import { appendSyntheticProbes, syntheticPlanning } from '../../../test/support/synthetic.js';
import { csvLine, exportCsvFile, writeCsvForPlannings } from './csv.js';

let dir: string;
let store: Store;
const START = '2026-01-30T08:00:00Z';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-csv-threads-'));
  store = createStore({ dir, clock: fixedClock(START), log: () => undefined });
  // Labels a spreadsheet would run or that need quoting, across several plannings and months.
  const labels = ['=HYPERLINK("http://x";"y")', 'Première demande ; renouvellement', 'Titre "talent"', 'Naturalisation\nSecond line', '-1+1', '@Cergy'];
  for (const [index, label] of labels.entries()) {
    const id = `p${index}`;
    await store.plannings.put(syntheticPlanning(id, { label, departement: String(90 + index), prefecture: `Préfecture ${index} — Île-de-France` }));
    await appendSyntheticProbes(store, { planningId: id, count: 12 + index * 5, start: START, artefacts: index % 2 === 0 });
  }
  // A planning renamed after its first probes: the older rows keep the older name.
  await store.plannings.put(syntheticPlanning('p1', { label: '+Renommé', departement: '91', prefecture: 'Préfecture 1' }));
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function csvOf(threads: number): Promise<{ bytes: Buffer; rows: number; skipped: string[] }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const skipped: string[] = [];
  let used = -1;
  const rows = await writeCsvForPlannings(store, out, undefined, skipped, { threads, onThreads: (count) => (used = count) });
  expect(used).toBe(threads);
  return { bytes: Buffer.concat(chunks), rows, skipped };
}

describe('CSV export on worker threads', () => {
  it('writes each row as csv-stringify does, quoting and neutralising the same cells', () => {
    const cells = ['2026-03-10', 'NULL', '=1+1', '-x', '+x', '@x', '\tx', '\rx', 'a;b', 'a"b', 'a\nb', '＝x', '', 'é — ’', 'plain'];
    for (const cell of cells) {
      const row = ['93', cell, 'https://example.gouv.fr/a?b=c&d=e', cell];
      expect(csvLine(row)).toBe(stringify([row], { delimiter: ';', escape_formulas: true }));
    }
  });

  it('gives the same bytes with and without threads, damaged day file included', async () => {
    await writeFile(path.join(dir, 'probes/p3/2026-01/2026-01-31.json'), '{"probes": [');
    const alone = await csvOf(0);
    const threaded = await csvOf(2);
    expect(threaded.bytes.equals(alone.bytes)).toBe(true);
    expect(threaded.rows).toBe(alone.rows);
    expect(alone.rows).toBeGreaterThan(100);
    expect(threaded.skipped).toEqual(['probes/p3/2026-01/2026-01-31.json']);
    expect(threaded.skipped).toEqual(alone.skipped);
    const lines = alone.bytes.toString('utf8').split('\n');
    expect(lines.some((line) => line.startsWith(`91;"'+Renommé"`) || line.startsWith("91;'+Renommé;"))).toBe(true);
  });

  it('fails with the same French message on a thread, leaving the previous file as it was', async () => {
    const { batchHash, forgetImported, importedPlanningIds, importedProbes } = await import('../store/imported.js');
    const batches = path.join(dir, 'imported', 'batches');
    await mkdir(batches, { recursive: true });
    const source = { kind: 'csv' as const, file: 'x.csv', sha256: '0'.repeat(64), association: null, importedAt: START };
    const batch = { id: 'broken', importedAt: START, source, probes: [] };
    await writeFile(path.join(batches, 'broken.json'), JSON.stringify({ ...batch, hash: batchHash(batch) }));
    // This thread has read the imports while they were sound; the threads read them damaged.
    forgetImported(dir);
    await importedPlanningIds(dir);
    await writeFile(path.join(batches, 'broken.json'), 'not json');
    try {
      const target = path.join(dir, 'exports', 'sondages.csv');
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, 'the previous export');
      let used = -1;
      const onThreads: unknown = await exportCsvFile(store, target, undefined, [], { threads: 2, onThreads: (count) => (used = count) }).catch(
        (error: unknown) => error,
      );
      expect(used).toBe(2);
      forgetImported(dir);
      const inThread: unknown = await importedProbes(dir, 'p0').catch((error: unknown) => error);
      expect(inThread).toMatchObject({ code: 'storage_corrupt', message: expect.stringContaining('imported/batches/broken.json') as unknown });
      expect(onThreads).toMatchObject({ name: 'AppError', code: 'storage_corrupt', message: (inThread as Error).message });
      // The previous file is left as it was, and no temporary file remains.
      expect(await readdir(path.dirname(target))).toEqual(['sondages.csv']);
      expect(await readFile(target, 'utf8')).toBe('the previous export');
    } finally {
      await rm(path.join(dir, 'imported'), { recursive: true, force: true });
      forgetImported(dir);
    }
  });

  it('writes the same file through exportCsvFile with threads', async () => {
    const target = path.join(dir, 'exports', 'threads.csv');
    let used = -1;
    const rows = await exportCsvFile(store, target, undefined, [], { threads: 2, onThreads: (count) => (used = count) });
    expect(used).toBe(2);
    expect(rows).toBe((await csvOf(0)).rows);
    expect((await readFile(target)).equals((await csvOf(0)).bytes)).toBe(true);
  });
});
