// A La Cimade-layout CSV goes in; the bars and the CSV that come out say the same; a second import adds nothing;
// a broken file changes nothing.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../api/create-core.js';
import { fixedClock } from '../clock.js';
import { createStore } from '../store/store.js';
import { syntheticPlanning } from '../../../test/support/synthetic.js';

let dir: string;
let core: Core;

// 2026-12-01: the top bar covers September to November.
const NOW = '2026-12-01T10:00:00Z';

/** Rows as La Cimade publishes them: six columns, NULL when absent. */
const ROWS = [
  ['93', 'Bobigny titres de sejour', '2026-09-01', '09:00', 'NULL', 'NULL'],
  ['93', 'Bobigny titres de sejour', '2026-09-02', '10:00', '2026-09-20', '2026-09-21'], // c1
  ['93', 'Bobigny titres de sejour', '2026-09-03', '09:00', '2026-09-25', 'NULL'], // c2
  ['93', 'Bobigny titres de sejour', '2026-09-04', '09:00', '2026-10-20', 'NULL'], // c3
  ['93', 'Bobigny titres de sejour', '2026-10-01', '09:00', '2027-01-15', '2027-01-16'], // c4
  ['93', 'Bobigny titres de sejour', '2026-10-01', '10:00', 'NULL', 'NULL'],
  ['93', 'Bobigny titres de sejour', '2026-11-30', '23:00', 'NULL', 'NULL'],
];
const HEADER = 'departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date';
const csvText = (rows: string[][]): string => `\uFEFF${HEADER}\n${rows.map((row) => row.join(';')).join('\n')}\n`;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-'));
  // The same planning, as named by La Cimade (accents aside).
  const store = createStore({ dir, clock: fixedClock(NOW), log: () => undefined });
  await store.plannings.put(syntheticPlanning('bobigny', { label: 'Bobigny — titres de séjour', departement: '93' }));
  await store.close();
  core = createCore({ dataDir: dir, appVersion: '0.0.0-test', clock: fixedClock(NOW), log: () => undefined });
});

afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

async function exportedCsv(): Promise<string[][]> {
  const out = path.join(dir, 'out.csv');
  await core.api['export:csv']({ path: out });
  return (await readFile(out, 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\n').map((line) => line.split(';'));
}

describe('import', () => {
  it('La Cimade CSV in: bars, history and CSV out agree; a second import adds nothing; verify still passes', async () => {
    const file = path.join(dir, 'cimade.csv');
    await writeFile(file, csvText(ROWS));
    const first = await core.api['import:file']({ path: file, association: 'La Cimade' });
    expect(first).toEqual({ added: 7, skipped: 0, byPlanning: { bobigny: 7 }, sealed: null, unsigned: 0 });

    const detail = await core.api['plannings:get']({ id: 'bobigny' });
    const { top } = detail.stats;
    expect(detail.stats.topScope).toBe('three_months');
    expect(top.conclusive).toBe(7);
    expect([top.categories.c1.attempts, top.categories.c2.attempts, top.categories.c3.attempts, top.categories.c4.attempts, top.categories.c5.attempts]).toEqual([1, 1, 1, 1, 3]);
    expect(top.conclusiveDays).toBe(6);
    expect(detail.stats.months.map((month) => [month.month, month.conclusive])).toEqual([
      ['2026-09', 4],
      ['2026-10', 2],
      ['2026-11', 1],
    ]);

    const history = await core.api['probes:list']({ planningId: 'bobigny' });
    expect(history).toHaveLength(7);
    expect(history[0]?.imported?.association).toBe('La Cimade');
    expect(history[0]?.detail).toContain('cimade.csv');

    const [header, ...rows] = await exportedCsv();
    expect(header?.slice(0, 6).join(';')).toBe(HEADER);
    expect(header?.at(-1)).toBe('provenance');
    // The first six columns are those of the file, in time order; every row says where it came from.
    expect(rows.map((row) => row.slice(2, 6))).toEqual(ROWS.map((row) => row.slice(2, 6)));
    expect(rows.map((row) => row[7])).toEqual(['c5', 'c1', 'c2', 'c3', 'c4', 'c5', 'c5']);
    for (const row of rows) expect(row.at(-1)).toMatch(/^import CSV « cimade\.csv » ligne \d+ \(La Cimade\), non scellé, sha256 /);

    const again = await core.api['import:file']({ path: file, association: 'La Cimade' });
    expect(again).toEqual({ added: 0, skipped: 7, byPlanning: {}, sealed: null, unsigned: 0 });
    expect(await exportedCsv()).toHaveLength(8);
    expect((await core.verify()).ok).toBe(true);
  });

  it('an import made by another Guichets process on the folder shows at this one’s next refresh', async () => {
    expect((await core.api['plannings:get']({ id: 'bobigny' })).stats.top.conclusive).toBe(0);
    // The other process: the CLI importing into the same folder while the app runs (here, its batch arrives).
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-other-'));
    try {
      const store = createStore({ dir: elsewhere, clock: fixedClock(NOW), log: () => undefined });
      await store.plannings.put(syntheticPlanning('bobigny', { label: 'Bobigny — titres de séjour', departement: '93' }));
      await store.close();
      const other = createCore({ dataDir: elsewhere, appVersion: '0.0.0-test', clock: fixedClock(NOW), log: () => undefined });
      const file = path.join(elsewhere, 'cimade.csv');
      await writeFile(file, csvText(ROWS));
      await other.api['import:file']({ path: file, association: 'La Cimade' });
      await other.close();
      await cp(path.join(elsewhere, 'imported'), path.join(dir, 'imported'), { recursive: true });
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
    // Within a second or two, as for the other process's probes.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await core.api['plannings:get']({ id: 'bobigny' })).stats.top.conclusive).toBe(7);
  });

  it('a broken file is refused whole, naming its line, and changes nothing', async () => {
    const good = path.join(dir, 'bon.csv');
    await writeFile(good, csvText(ROWS.slice(0, 2)));
    await core.api['import:file']({ path: good });
    const before = await exportedCsv();
    const batches = await readdir(path.join(dir, 'imported', 'batches'));

    const broken = path.join(dir, 'casse.csv');
    await writeFile(broken, csvText([...ROWS.slice(2, 5), ['93', 'Bobigny titres de sejour', '2026-13-01', '09:00', 'NULL', 'NULL'], ...ROWS.slice(5)]));
    const outcome = await core.handle('import:file', { path: broken });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const message = outcome.ok ? '' : outcome.error.message;
    expect(message).toBe(
      'casse.csv, ligne 5, colonne date_sondage : « 2026-13-01 » n’est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA). Fichier refusé en entier : rien n’a été importé.',
    );
    // The same, as a code the screens word in their language.
    expect(outcome.ok ? null : outcome.error.coreMessage).toEqual({
      code: 'import.bad_date',
      params: { entry: 'casse.csv', line: 5, column: 'date_sondage', excerpt: '2026-13-01' },
    });

    const unknown = path.join(dir, 'inconnu.csv');
    await writeFile(unknown, csvText([['75', 'Paris naturalisation', '2026-10-01', '09:00', 'NULL', 'NULL']]));
    const refused = await core.handle('import:file', { path: unknown });
    expect(refused.ok ? '' : refused.error.message).toContain('inconnu.csv, ligne 2 : planning « Paris naturalisation » (département 75) inconnu ici');

    expect(await exportedCsv()).toEqual(before);
    expect(await readdir(path.join(dir, 'imported', 'batches'))).toEqual(batches);
  });
});
