import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Planning } from '../../shared/domain.js';
import { fixedClock } from '../clock.js';
import { createStore, type Store } from '../store/store.js';
import { syntheticArtefacts, syntheticPlanning, syntheticProbe } from '../../../test/support/synthetic.js';
import { exportCsvFile, writeCsvForPlannings } from './csv.js';

const HEADER =
  'departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date;resultat;categorie;' +
  'premiere_heure;deuxieme_heure;prefecture;url;id_sondage;sha256_capture;provenance';

let dir: string;
let store: Store;

function planning(id: string, departement: string, label: string, prefecture: string): Planning {
  return syntheticPlanning(id, { departement, label, prefecture, procedure: 'titre de séjour' });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-csv-'));
  store = createStore({ dir, clock: fixedClock('2026-03-01T12:00:00Z'), log: () => undefined });
  await store.plannings.put(planning('bobigny', '93', 'Première demande', 'Préfecture de Seine-Saint-Denis'));
  await store.plannings.put(planning('evry', '91', 'Admission exceptionnelle', 'Préfecture de l’Essonne'));
  const base = syntheticProbe('bobigny', '2026-03-10T08:05:00Z', 0);
  await store.probes.append(
    { ...base, id: 'b1', outcome: 'dates', firstSlot: '2026-03-20T09:15', secondSlot: '2026-05-02T14:00' },
    syntheticArtefacts(0),
  );
  await store.probes.append(
    { ...base, id: 'b2', startedAt: '2026-03-10T09:05:00Z', outcome: 'no_date', firstSlot: null, secondSlot: null },
    { screenshot: null, pageText: null },
  );
  await store.probes.append(
    { ...syntheticProbe('evry', '2026-03-10T22:30:00Z', 0), id: 'e1', outcome: 'captcha', firstSlot: null, secondSlot: null },
    syntheticArtefacts(1),
  );
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function csvOf(planningIds?: string[]): Promise<{ text: string; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const rows = await writeCsvForPlannings(store, out, planningIds);
  return { text: Buffer.concat(chunks).toString('utf8'), rows };
}

describe('CSV export', () => {
  it('writes a BOM, the exact header, and one row per probe with NULL for what is absent', async () => {
    const { text, rows } = await csvOf();
    expect(rows).toBe(3);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\n');
    expect(lines[0]).toBe(HEADER);
    const cells = lines.slice(1).map((line) => line.split(';'));
    const shot = (await store.probes.list('bobigny')).find((p) => p.id === 'b1')?.screenshot?.sha256;
    // Essonne (91) before Seine-Saint-Denis (93); 22:30 UTC is 23:30 in Paris on 10 March.
    expect(cells).toEqual([
      ['91', 'Admission exceptionnelle', '2026-03-10', '23:30', 'NULL', 'NULL', 'captcha', 'NULL', 'NULL', 'NULL',
        'Préfecture de l’Essonne', 'https://www.seine-saint-denis.gouv.fr/booking/create/evry/0', 'e1',
        expect.stringMatching(/^[0-9a-f]{64}$/) as unknown, 'NULL'],
      ['93', 'Première demande', '2026-03-10', '09:05', '2026-03-20', '2026-05-02', 'dates', 'c2', '09:15', '14:00',
        'Préfecture de Seine-Saint-Denis', 'https://www.seine-saint-denis.gouv.fr/booking/create/bobigny/0', 'b1', shot, 'NULL'],
      ['93', 'Première demande', '2026-03-10', '10:05', 'NULL', 'NULL', 'no_date', 'c5', 'NULL', 'NULL',
        'Préfecture de Seine-Saint-Denis', 'https://www.seine-saint-denis.gouv.fr/booking/create/bobigny/0', 'b2', 'NULL', 'NULL'],
    ]);
  });

  it('quotes a label holding a semicolon or a double quote', async () => {
    await store.plannings.put(planning('bobigny', '93', 'Titre « vie privée » ; renouvellement "VPF"', 'Bobigny'));
    const { text } = await csvOf(['bobigny']);
    const [, first] = text.slice(1).split('\n');
    expect(first?.startsWith('93;"Titre « vie privée » ; renouvellement ""VPF""";2026-03-10;09:05;')).toBe(true);
  });

  it('keeps the rows of a removed planning, with its name', async () => {
    await store.plannings.remove('evry');
    const { text, rows } = await csvOf();
    expect(rows).toBe(3);
    expect(text).toContain('91;Admission exceptionnelle;2026-03-10;23:30;');
  });

  it('writes a file through a temporary file, leaving only the finished CSV', async () => {
    const target = path.join(dir, 'exports', 'sondages.csv');
    expect(await exportCsvFile(store, target, ['bobigny'])).toBe(2);
    const text = await readFile(target, 'utf8');
    expect(text.slice(1).split('\n')[0]).toBe(HEADER);
    expect(text.trimEnd().split('\n')).toHaveLength(3);
    expect(await readdir(path.dirname(target))).toEqual(['sondages.csv']);
  });

  it('says the disk is full and leaves no half file when the CSV cannot be written', async () => {
    const { mkdir, symlink } = await import('node:fs/promises');
    const target = path.join(dir, 'exports', 'sondages.csv');
    await mkdir(path.dirname(target), { recursive: true });
    // Writing through a link to /dev/full fails with ENOSPC, as a full disk does.
    await symlink('/dev/full', path.join(dir, 'exports', `.sondages.csv.${process.pid}.tmp`));
    await expect(exportCsvFile(store, target)).rejects.toMatchObject({ code: 'storage_full' });
    expect(await readdir(path.dirname(target))).toEqual([]);
  });

  it('writes the header alone when there is nothing to export, and refuses an unknown planning', async () => {
    await store.plannings.put(planning('cergy', '95', 'Naturalisation', 'Préfecture du Val-d’Oise'));
    const { text, rows } = await csvOf(['cergy']);
    expect(rows).toBe(0);
    expect(text).toBe(`\uFEFF${HEADER}\n`);
    await expect(csvOf(['nobody'])).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('nobody') as unknown });
  });

  it('seals (beforeRead) once the plannings are known, never for an export it refuses', async () => {
    const target = path.join(dir, 'exports', 'sondages.csv');
    let sealed = 0;
    const beforeRead = (): Promise<void> => {
      sealed += 1;
      return Promise.resolve();
    };
    await expect(exportCsvFile(store, target, ['nobody'], [], { beforeRead })).rejects.toMatchObject({ code: 'not_found' });
    expect(sealed).toBe(0);
    expect(await exportCsvFile(store, target, ['bobigny'], [], { beforeRead })).toBe(2);
    expect(sealed).toBe(1);
  });

  it('neutralises cells a spreadsheet would run, leaving dates and times as they are', async () => {
    await store.plannings.put(planning('bobigny', '93', '=HYPERLINK("http://x","y")', '+SUM(1,1)'));
    await store.plannings.put(planning('evry', '91', '@cmd', '-2+3'));
    const { text } = await csvOf();
    const rows = text.slice(1).trimEnd().split('\n').slice(1);
    expect(rows[0]).toMatch(/^91;'@cmd;2026-03-10;23:30;NULL;NULL;captcha;/);
    expect(rows[0]).toContain(";'-2+3;");
    expect(rows[1]).toMatch(/^93;"'=HYPERLINK\(""http:\/\/x"",""y""\)";2026-03-10;09:05;2026-03-20;2026-05-02;dates;c2;09:15;14:00;'\+SUM\(1,1\);/);
  });

  it('names each probe as its planning was called when it ran, not as it is called today', async () => {
    const clock = fixedClock('2026-03-10T12:00:00Z');
    await store.close();
    store = createStore({ dir, clock, log: () => undefined });
    await store.plannings.put(planning('bobigny', '93', 'Renommé à midi', 'Préfecture renommée'));
    await store.probes.append({ ...syntheticProbe('bobigny', '2026-03-10T13:05:00Z', 0), id: 'b3' }, { screenshot: null, pageText: null });
    const { text } = await csvOf(['bobigny']);
    const rows = text.slice(1).trimEnd().split('\n').slice(1).map((line) => line.split(';'));
    expect(rows.map((cells) => [cells[1], cells[10], cells[12]])).toEqual([
      ['Première demande', 'Préfecture de Seine-Saint-Denis', 'b1'],
      ['Première demande', 'Préfecture de Seine-Saint-Denis', 'b2'],
      ['Renommé à midi', 'Préfecture renommée', 'b3'],
    ]);
  });

  it('writes every readable probe past a damaged day file, and names the file', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'probes/evry/2026-03/2026-03-10.json'), '{"probes": [');
    const target = path.join(dir, 'exports', 'sondages.csv');
    const skipped: string[] = [];
    expect(await exportCsvFile(store, target, undefined, skipped)).toBe(2);
    expect(skipped).toEqual(['probes/evry/2026-03/2026-03-10.json']);
  });
});

describe('CSV export to a place that cannot be written', () => {
  it('refuses a folder as the target, asking for a file name', async () => {
    const error: unknown = await exportCsvFile(store, dir).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AppError', code: 'invalid_input' });
    expect((error as Error).message).toContain('donnez un nom de fichier');
    expect(await readdir(path.dirname(dir))).not.toContain(`.${path.basename(dir)}.${process.pid}.tmp`);
  });

  it('says to choose another folder when the folder is a file, and leaves nothing behind', async () => {
    const { writeFile } = await import('node:fs/promises');
    const blocker = path.join(dir, 'not-a-folder');
    await writeFile(blocker, 'x');
    for (const target of [path.join(blocker, 'x.csv'), path.join(blocker, 'deeper', 'x.csv')]) {
      const error: unknown = await exportCsvFile(store, target).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'AppError', code: 'invalid_input' });
      expect((error as Error).message).toContain('choisissez un autre dossier');
    }
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says to choose another folder when the folder is read-only', async () => {
    // Root ignores file modes, so a read-only place is /proc, which refuses new files to everyone.
    const error: unknown = await exportCsvFile(store, '/proc/guichets-sondages.csv').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AppError', code: 'invalid_input' });
    expect((error as Error).message).toContain('choisissez un autre dossier');
  });
});
