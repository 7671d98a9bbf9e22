// The CSV as people bring it: Guichets' own export, names with commas, a header written with commas; and as a
// hostile page would bring it: content it hopes to read back in an error, addresses that are not web pages, cells of
// megabytes, paths that are not files. Each refusal names where (file, line, column), never more than a short excerpt.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../api/create-core.js';
import { fixedClock } from '../clock.js';
import { AppError } from '../errors.js';
import { wordCore } from '../messages.js';
import { createStore, type Store } from '../store/index.js';
import { appendSyntheticProbes, syntheticPlanning } from '../../../test/support/synthetic.js';
import { importedProbes, importFile, IMPORT_LIMITS } from './index.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const HEADER = 'departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-csv-'));
  store = createStore({ dir, clock: fixedClock(NOW.toISOString()), log: () => undefined });
  await store.plannings.put(syntheticPlanning('bobigny', { label: 'Bobigny — titres de séjour', departement: '93' }));
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function written(name: string, text: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

/** The refusal an import ends with (an AppError), for its message and its code. */
async function refusal(file: string, options: Partial<Parameters<typeof importFile>[2]> = {}): Promise<AppError> {
  const error = await importFile(store, file, { now: NOW, ...options }).then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

/** No file in the imported area (a batch begun and abandoned leaves at most its empty folder). */
const nothingImported = async (): Promise<void> => {
  const files = await readdir(path.join(dir, 'imported'), { recursive: true, withFileTypes: true }).catch(() => []);
  expect(files.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual([]);
};

describe('the CSV reader', () => {
  it('imports Guichets’ own export of a planning whose name holds a comma, into another association’s folder', async () => {
    const source = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-source-'));
    try {
      const sourceStore = createStore({ dir: source, clock: fixedClock(NOW.toISOString()), log: () => undefined });
      await sourceStore.plannings.put(syntheticPlanning('theirs', { label: 'Créteil, accueil des étrangers', departement: '94' }));
      await appendSyntheticProbes(sourceStore, { planningId: 'theirs', count: 30, start: '2026-10-01T06:00:00Z', artefacts: false });
      await sourceStore.close();
      const core = createCore({ dataDir: source, appVersion: '0', clock: fixedClock(NOW.toISOString()), log: () => undefined });
      const exported = path.join(source, 'export.csv');
      await core.api['export:csv']({ path: exported });
      await core.close();

      await store.plannings.put(syntheticPlanning('ours', { label: 'Creteil, accueil des etrangers', departement: '94' }));
      const result = await importFile(store, exported, { now: NOW });
      expect(result).toMatchObject({ added: 30, skipped: 0, byPlanning: { ours: 30 }, sealed: null });
      const probes = await importedProbes(dir, 'ours');
      expect(probes.map((probe) => probe.outcome).slice(0, 7)).toEqual(['no_date', 'no_date', 'dates', 'no_date', 'site_error', 'dates', 'captcha']);
      expect(probes[0]?.imported).toMatchObject({ kind: 'csv', file: 'export.csv', line: 2 });
      expect(probes[0]?.imported?.sealed).toBeUndefined();
      expect(probes[0]?.detail).toBe('Importé de « export.csv », ligne 2, non scellé');
    } finally {
      await rm(source, { recursive: true, force: true });
    }
  });

  it('reads a header written with commas with commas only, so a « ; » inside a name stays in it', async () => {
    await store.plannings.put(syntheticPlanning('evry', { label: 'Évry; titres de séjour', departement: '91' }));
    const file = await written('virgules.csv', 'departement,planning,date_sondage,heure_sondage,premiere_date,deuxieme_date\n91,Évry; titres de séjour,2026-10-01,09:00,2026-10-20,NULL\n');
    expect(await importFile(store, file, { now: NOW })).toMatchObject({ added: 1, byPlanning: { evry: 1 } });
    expect((await importedProbes(dir, 'evry'))[0]?.firstSlot).toBe('2026-10-20');
  });

  it('goes by name when plannings share an address, never by the address alone', async () => {
    const url = 'https://www.example.gouv.fr/booking/create/4242';
    await store.plannings.put(syntheticPlanning('first', { label: 'Nanterre — première demande', departement: '92', url, guichet: '1' }));
    await store.plannings.put(syntheticPlanning('renewal', { label: 'Nanterre — renouvellement', departement: '92', url, guichet: '2' }));
    const file = await written('partage.csv', `${HEADER};url\n92;Nanterre — première demande;2026-10-01;09:00;NULL;NULL;${url}\n`);
    expect(await importFile(store, file, { now: NOW })).toMatchObject({ added: 1, byPlanning: { first: 1 } });
    expect(await importedProbes(dir, 'renewal')).toEqual([]);
  });

  it('refuses a row naming its file, line and column, with a short printable excerpt of the cell and no more', async () => {
    const secret = `pass\u202Eword\u0007-${'x'.repeat(200)}-TOPSECRET`;
    const file = await written('secret.csv', `${HEADER}\n93;Bobigny titres de sejour;2026-10-01;09:00;NULL;NULL\n93;Bobigny titres de sejour;${secret};09:00;NULL;NULL\n`);
    const error = await refusal(file);
    expect(error.message).toBe(
      `secret.csv, ligne 3, colonne date_sondage : « pass?word?-${'x'.repeat(29)}… » n’est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA). Fichier refusé en entier : rien n’a été importé.`,
    );
    expect(error.message).not.toContain('TOPSECRET');
    expect(error.coreMessage).toMatchObject({ code: 'import.bad_date', params: { entry: 'secret.csv', line: 3, column: 'date_sondage' } });
    await nothingImported();
  });

  it('says a malformed CSV in its own words, never the parser’s (which quotes the cell)', async () => {
    const file = await written('guillemet.csv', `${HEADER}\n93;"Bobigny TOPSECRET-NAME;2026-10-01;09:00;NULL;NULL\n`);
    const error = await refusal(file);
    expect(error.message).toBe('guillemet.csv, ligne 2 : CSV mal formé (guillemet jamais fermé). Fichier refusé en entier : rien n’a été importé.');
    const closing = await refusal(await written('apres.csv', `${HEADER}\n93;"Bobigny"TOPSECRET;2026-10-01;09:00;NULL;NULL\n`));
    expect(closing.message).toBe('apres.csv, ligne 2 : CSV mal formé (caractère inattendu après un guillemet fermant). Fichier refusé en entier : rien n’a été importé.');
    expect(closing.message).not.toMatch(/TOPSECRET|value is/);
  });

  it('says a file that is not a CSV of probes (one column a line) in good French and English', async () => {
    const error = await refusal(await written('passwd', 'root:x:0:0:root:/root:/bin/bash\n'));
    expect(error.message).toBe('passwd, ligne 1 : 1 colonne au lieu d’au moins 6. Fichier refusé en entier : rien n’a été importé.');
    expect(error.coreMessage && wordCore(error.coreMessage, 'en')).toBe('passwd, line 1: 1 column instead of at least 6. The whole file was refused: nothing was imported.');
    const two = await refusal(await written('deux.csv', `${HEADER}\n93;Bobigny\n`));
    expect(two.message).toMatch(/^deux\.csv, ligne 2 : 2 colonnes au lieu d’au moins 6\./);
    await nothingImported();
  });

  it('accepts only http(s) addresses: a javascript: address is refused, not stored', async () => {
    const file = await written('adresse.csv', `${HEADER};url\n93;Bobigny titres de sejour;2026-10-01;09:00;NULL;NULL;javascript:alert(document.cookie)\n`);
    const error = await refusal(file);
    expect(error.message).toBe(
      'adresse.csv, ligne 2, colonne url : « javascript:alert(document.cookie) » n’est pas une adresse commençant par http:// ou https://. Fichier refusé en entier : rien n’a été importé.',
    );
    await nothingImported();
  });

  it('refuses a cell over the limit, and a line too long for the parser’s buffer, naming the column', async () => {
    const long = `https://www.example.gouv.fr/${'a'.repeat(IMPORT_LIMITS.cell)}`;
    const cell = await refusal(await written('cellule.csv', `${HEADER};url\n93;Bobigny titres de sejour;2026-10-01;09:00;NULL;NULL;${long}\n`));
    expect(cell.message).toBe('cellule.csv, ligne 2, colonne url : cellule de plus de 2000 caractères. Fichier refusé en entier : rien n’a été importé.');
    const huge = `https://www.example.gouv.fr/${'a'.repeat(1024 * 1024)}`;
    const line = await refusal(await written('ligne.csv', `${HEADER};url\n93;Bobigny titres de sejour;2026-10-01;09:00;NULL;NULL;${huge}\n`));
    expect(line.message).toBe('ligne.csv, ligne 2, colonne url : la ligne dépasse 32768 caractères. Fichier refusé en entier : rien n’a été importé.');
    await nothingImported();
  });

  it('refuses more rows than its limit, and a file that is not UTF-8', async () => {
    const rows = Array.from({ length: 6 }, (_, n) => `93;Bobigny titres de sejour;2026-10-0${n + 1};09:00;NULL;NULL`).join('\n');
    const many = await refusal(await written('lignes.csv', `${HEADER}\n${rows}\n`), { limits: { ...IMPORT_LIMITS, rows: 5 } });
    expect(many.message).toBe('lignes.csv : plus de 5 lignes, la limite d’un import : découpez le fichier (par période), puis importez chaque partie. Rien n’a été importé.');
    const latin1 = Buffer.from(`${HEADER}\n93;Bobigny titres de s\u00e9jour;2026-10-01;09:00;NULL;NULL\n`, 'latin1');
    expect((await refusal(await written('excel.csv', latin1))).message).toBe(
      'excel.csv n’est pas en UTF-8 : enregistrez-le en « CSV UTF-8 », puis importez-le de nouveau. Rien n’a été importé.',
    );
    await nothingImported();
  });

  it('says the same for any path that is not a readable file, and never echoes it', async () => {
    const folder = path.join(dir, 'un-dossier');
    await mkdir(folder);
    const fifo = path.join(dir, 'tube');
    execFileSync('mkfifo', [fifo]);
    const said = 'Ce fichier ne peut pas être lu : il n’existe pas, il n’est pas lisible, ou ce n’est pas un fichier (un dossier, un périphérique). Choisissez un fichier CSV ou un dossier de preuves .zip. Rien n’a été importé.';
    for (const target of [folder, '/dev/zero', fifo, path.join(dir, 'absent.csv'), '/etc/TOPSECRET/shadow']) {
      const error = await refusal(target);
      expect(error.message).toBe(said);
      expect(error.coreMessage).toEqual({ code: 'import.unreadable' });
    }
    await nothingImported();
  });

  it('keeps the original as it read it, and the batch’s hash over its canonical content', async () => {
    const text = `${HEADER}\n93;Bobigny titres de sejour;2026-10-01;09:00;NULL;NULL\n`;
    await importFile(store, await written('bon.csv', text), { now: NOW });
    const [original] = await readdir(path.join(dir, 'imported', 'originals'));
    expect(await readFile(path.join(dir, 'imported', 'originals', original ?? ''), 'utf8')).toBe(text);
    const [batch] = await readdir(path.join(dir, 'imported', 'batches'));
    const { batchHash } = await import('../store/imported.js');
    const content = JSON.parse(await readFile(path.join(dir, 'imported', 'batches', batch ?? ''), 'utf8')) as Parameters<typeof batchHash>[0] & { hash: string };
    expect(batchHash(content)).toBe(content.hash);
  });
});
