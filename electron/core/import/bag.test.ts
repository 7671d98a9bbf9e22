// A dossier's bag checked whole before anything is kept: a file changed, added, missing or lying about its size,
// a ZIP that is not a bag. Each refused with one line naming the entry, nothing written.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { AppError } from '../errors.js';
import { createStore, type Store } from '../store/index.js';
import { syntheticPlanning } from '../../../test/support/synthetic.js';
import { bagZip, zipBytes } from '../../../test/support/zip-writer.js';
import { importFile } from './index.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const ROW = '93;Bobigny titres de sejour;2026-10-01;09:00;NULL;NULL\n';
const CSV = `departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date\n${ROW}`;

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-bag-'));
  store = createStore({ dir, clock: fixedClock(NOW.toISOString()), log: () => undefined });
  await store.plannings.put(syntheticPlanning('bobigny', { label: 'Bobigny — titres de séjour', departement: '93' }));
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function refusal(bytes: Buffer): Promise<string> {
  const file = path.join(dir, 'dossier.zip');
  await writeFile(file, bytes);
  const error = await importFile(store, file, { now: NOW }).catch((failure: unknown) => failure);
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  const files = await readdir(path.join(dir, 'imported'), { recursive: true }).catch(() => []);
  expect(files).toEqual([]);
  return error.message;
}

describe('a dossier’s bag', () => {
  it('is imported when every file matches its manifest (a dossier without records: « non scellé »)', async () => {
    const file = path.join(dir, 'bon.zip');
    await writeFile(file, bagZip('dossier', { 'data/sondages.csv': CSV }));
    expect(await importFile(store, file, { now: NOW })).toMatchObject({ added: 1, sealed: null });
  });

  it('is refused when a file was changed, added, or is missing, naming it', async () => {
    expect(await refusal(bagZip('dossier', { 'data/sondages.csv': CSV }, { listed: { 'data/sondages.csv': 'a'.repeat(64) } }))).toBe(
      'Dossier refusé : data/sondages.csv a été modifié (son empreinte SHA-256 ne correspond pas au manifeste). Rien n’a été importé.',
    );
    expect(await refusal(bagZip('dossier', { 'data/sondages.csv': CSV }, { extra: [{ name: 'dossier/data/ajout.csv', data: CSV }] }))).toBe(
      'Dossier refusé : data/ajout.csv n’est pas dans le manifeste. Rien n’a été importé.',
    );
    expect(await refusal(bagZip('dossier', { 'data/sondages.csv': CSV }, { listed: { 'data/captures/x.png': 'b'.repeat(64) } }))).toBe(
      'Dossier refusé : data/captures/x.png est listé dans le manifeste mais absent. Rien n’a été importé.',
    );
  });

  it('is refused when an entry unpacks to more than it declares, or when the ZIP is not a bag', async () => {
    const rows = CSV + ROW.repeat(20_000);
    const lying = bagZip('dossier', {}, { listed: { 'data/sondages.csv': 'c'.repeat(64) }, extra: [{ name: 'dossier/data/sondages.csv', data: rows, declaredSize: 1_000 }] });
    expect(await refusal(lying)).toBe(
      'Dossier refusé : ce fichier ZIP est illisible, endommagé, ou nomme un fichier hors de son dossier (chemin absolu, « .. », nom en double). Rien n’a été importé.',
    );
    expect(await refusal(zipBytes([{ name: 'dossier/data/sondages.csv', data: CSV }]))).toBe(
      'Dossier refusé : ce n’est pas un dossier de preuves (pas de bagit.txt). Rien n’a été importé.',
    );
  });
});
