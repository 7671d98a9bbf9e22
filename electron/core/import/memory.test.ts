// Hostile files, each imported as the app does (in the import's thread, its heap capped) in a process of its own
// whose peak memory (maxRSS) is read at its end: a ZIP of a few MB whose CSV unpacks to 1.5 GB (declaring it, or
// lying about it), a 150 MB cell, hundreds of thousands of rows. Each is refused with one French line, under 300 MB.
// And the largest import accepted, at the row limit, stays under it too.
import { spawn } from 'node:child_process';
import { open, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { createStore } from '../store/index.js';
import { bundleChild } from '../../../test/support/child-bundle.js';
import { syntheticPlanning } from '../../../test/support/synthetic.js';
import { bagZip, repeatedDeflate, zipBytes } from '../../../test/support/zip-writer.js';
import { IMPORT_LIMITS } from './limits.js';

const MB = 1024 * 1024;
const PEAK_MB = 300;

const HEADER = 'departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date;url\n';
const ROW = '93;Bobigny titres de sejour;2026-10-01;09:00;2026-10-20;NULL;https://www.example.gouv.fr/booking/create/1\n';

let dir: string;
let dataDir: string;
/** The child, bundled before the tests. */
let childBundle = '';

interface ChildOutcome {
  ok: boolean;
  /** The import ran in the app's thread: its thread with a capped heap could not start. */
  inThread: boolean;
  code?: string;
  message?: string;
  added?: number;
  maxRssMb: number;
}

function importInChild(file: string): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, dataDir, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`import-child ended with ${code}: ${err}`));
      const outcome = JSON.parse(out) as ChildOutcome;
      expect(outcome.inThread).toBe(false);
      resolve(outcome);
    });
  });
}

/** Imports `file` in a child; it must be refused with `code`, the child's peak under PEAK_MB. */
async function expectRefused(file: string, code: string): Promise<void> {
  const outcome = await importInChild(file);
  expect({ file: path.basename(file), code: outcome.code }).toEqual({ file: path.basename(file), code });
  expect(outcome.maxRssMb).toBeLessThan(PEAK_MB);
  console.log(`${path.basename(file)}: ${outcome.message ?? ''} — pic ${outcome.maxRssMb} Mo`);
}

/** `count` rows of ROW, the first line the header: about `count` × 94 bytes. */
async function csvFile(name: string, count: number, head = HEADER): Promise<string> {
  const file = path.join(dir, name);
  const handle = await open(file, 'w');
  const block = ROW.repeat(10_000);
  await handle.write(head);
  for (let written = 0; written < count; written += 10_000) await handle.write(written + 10_000 <= count ? block : ROW.repeat(count - written));
  await handle.close();
  return file;
}

/** A dossier whose data/sondages.csv is a bomb: `mb` MB of rows, deflated to a few MB, its size declared or not. */
async function bombZip(name: string, mb: number, declared?: number, chunk = Buffer.from(ROW.repeat(Math.floor(MB / ROW.length))), head = Buffer.from(HEADER)): Promise<string> {
  const file = path.join(dir, name);
  const deflated = repeatedDeflate(chunk, mb, head);
  await writeFile(
    file,
    bagZip('dossier', { 'data/LISEZMOI.txt': 'Dossier.\n' }, {
      listed: { 'data/sondages.csv': '0'.repeat(64) },
      extra: [{ name: 'dossier/data/sondages.csv', deflated, ...(declared === undefined ? {} : { declaredSize: declared }) }],
    }),
  );
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-memory-'));
  dataDir = path.join(dir, 'data');
  const store = createStore({ dir: dataDir, clock: fixedClock('2026-12-01T10:00:00Z'), log: () => undefined });
  await store.plannings.put(syntheticPlanning('bobigny', { label: 'Bobigny — titres de séjour', departement: '93' }));
  await store.close();
  // As the app runs it: compiled, the import's thread from its own file beside (workerEntry).
  [childBundle] = await Promise.all([bundleChild('test/support/import-child.ts', 'import-child.mjs'), bundleChild('electron/core/import/import-worker.ts', 'import-worker.js')]);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bounded import', () => {
  it('refuses a 2 MB ZIP whose CSV unpacks to 1.5 GB, declared or lied about, under 300 MB', async () => {
    const declared = await bombZip('bombe.zip', 1500);
    const lying = await bombZip('bombe-menteuse.zip', 1500, 40 * MB);
    // A lie with a CSV of one long line: no row ever ends.
    const line = await bombZip('bombe-ligne.zip', 1500, 40 * MB, Buffer.from('a'.repeat(MB)), Buffer.alloc(0));
    await expectRefused(declared, 'import.unpacked_too_large');
    await expectRefused(lying, 'import.too_many_rows');
    await expectRefused(line, 'import.header_too_long');
  }, 60_000);

  it('refuses a 150 MB cell in the url column, alone or in a dossier, under 300 MB', async () => {
    const cell = async (name: string, mb: number): Promise<string> => {
      const file = path.join(dir, name);
      const handle = await open(file, 'w');
      await handle.write(`${HEADER}93;Bobigny titres de sejour;2026-10-01;09:00;NULL;NULL;https://www.example.gouv.fr/`);
      const block = Buffer.alloc(MB, 'a');
      for (let n = 0; n < mb; n += 1) await handle.write(block);
      await handle.write('\n');
      await handle.close();
      return file;
    };
    const alone = await cell('cellule-150.csv', 150);
    const under = await cell('cellule-60.csv', 60);
    const zipped = await bombZip('cellule.zip', 150, 40 * MB, Buffer.alloc(MB, 'a'), Buffer.from(`${HEADER}93;Bobigny titres de sejour;2026-10-01;09:00;NULL;NULL;https://x/`));
    await expectRefused(alone, 'import.too_large');
    await expectRefused(under, 'import.line_too_long');
    await expectRefused(zipped, 'import.line_too_long');
  }, 60_000);

  it('refuses 600,000 rows (and the bomb above, 16 million), and imports the most it accepts, under 300 MB', async () => {
    await expectRefused(await csvFile('lignes.csv', 600_000), 'import.too_many_rows');

    // At the limit, one row a minute from 1 September: every row its own probe.
    const file = path.join(dir, 'limite.csv');
    const handle = await open(file, 'w');
    await handle.write(HEADER);
    const start = Date.parse('2026-09-01T00:00:00Z');
    for (let n = 0; n < IMPORT_LIMITS.rows; n += 5_000) {
      let block = '';
      for (let i = n; i < n + 5_000; i += 1) {
        const at = new Date(start + i * 60_000).toISOString();
        block += `93;Bobigny titres de sejour;${at.slice(0, 10)};${at.slice(11, 16)};NULL;NULL;https://www.example.gouv.fr/booking/create/1\n`;
      }
      await handle.write(block);
    }
    await handle.close();
    const accepted = await importInChild(file);
    expect(accepted).toMatchObject({ ok: true });
    expect(accepted.maxRssMb).toBeLessThan(PEAK_MB);
    console.log(`limite.csv: ${String(accepted.added)} sondages importés — pic ${accepted.maxRssMb} Mo`);
  }, 120_000);

  it('refuses a symbolic link in a dossier', async () => {
    const file = path.join(dir, 'lien.zip');
    await writeFile(file, zipBytes([{ name: 'dossier/bagit.txt', data: 'BagIt-Version: 1.0\n' }, { name: 'dossier/data/sondages.csv', data: '/etc/passwd', symlink: true }]));
    expect((await importInChild(file)).code).toBe('import.zip_link');
  }, 30_000);
});
