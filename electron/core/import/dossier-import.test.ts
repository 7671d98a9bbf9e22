// Another association's dossier, imported as a forger would hope and as an honest one should: its signed records
// only, checked against its seal and the trusted roots, to the planning of the same address and guichet; the
// association the seal names. A CSV edited and re-bagged, a seal removed, a root not trusted here: refused whole.
// A dossier without records: its CSV, « non scellé ».
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Probe } from '../../shared/domain.js';
import { fixedClock } from '../clock.js';
import { buildDossier, defaultPeriod } from '../dossier/index.js';
import { AppError } from '../errors.js';
import { wordCore } from '../messages.js';
import { findBrowser } from '../probe/index.js';
import { loadTrust, shippedTrust, type TrustSet } from '../seals/index.js';
import { createStore, type Store } from '../store/index.js';
import { rebag } from '../../../test/support/bagit.js';
import { DEMO_NOW, fillDemoFolder } from '../../../test/support/evidence-folder.js';
import { startLocalTsa, type LocalTsa } from '../../../test/support/local-tsa.js';
import { syntheticPlanning } from '../../../test/support/synthetic.js';
import { importedProbes, importFile } from './index.js';

const browserPath = findBrowser({ env: process.env, settingsPath: null }).path ?? '/usr/bin/chromium';
const NOW = new Date(DEMO_NOW);
/** The dossier's planning as the demo folder has it (synthetic.ts): its booking address, no guichet to choose. */
const URL_ = 'https://www.example.gouv.fr/booking/create/bobigny-titres';

let source: string;
let work: string;
let tsa: LocalTsa;
let trust: TrustSet;
let probes: Probe[];
let dossier: string;
/** The unzipped dossier's top folder, for the forgeries. */
let unzipped: string;

let dir: string;
let store: Store;

const inPeriod = (): Probe[] => probes.filter((p) => p.planningId === 'bobigny-titres' && p.localDate >= '2026-09-01' && p.localDate <= '2026-11-30');

beforeAll(async () => {
  source = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-source-'));
  work = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-work-'));
  tsa = await startLocalTsa();
  trust = await loadTrust({ env: { GUICHETS_TSA_ROOTS: tsa.caFile }, userDir: null });
  const demo = await fillDemoFolder(source, 200, { tsa, trust });
  probes = demo.probes;
  await demo.store.close();
  const sourceStore = createStore({ dir: source, clock: fixedClock(DEMO_NOW), log: () => undefined });
  const built = await buildDossier({
    store: sourceStore,
    planningIds: ['bobigny-titres'],
    period: defaultPeriod(NOW),
    out: path.join(work, 'dossier-bobigny.zip'),
    appVersion: '9.9.9',
    browserPath,
    now: NOW,
    trust,
  });
  await sourceStore.close();
  dossier = built.path;
  execFileSync('unzip', ['-q', dossier, '-d', path.join(work, 'x')]);
  unzipped = path.join(work, 'x', 'dossier-bobigny');
}, 300_000);

afterAll(async () => {
  await tsa.close();
  await rm(source, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-target-'));
  store = createStore({ dir, clock: fixedClock(DEMO_NOW), log: () => undefined });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** A copy of the dossier changed by `forge`, its manifests recomputed and zipped again, as a forger would. */
async function forged(name: string, forge: (top: string) => Promise<void>): Promise<string> {
  const top = path.join(work, name, 'dossier-bobigny');
  await cp(unzipped, top, { recursive: true });
  await forge(top);
  await rebag(top);
  const zip = path.join(work, `${name}.zip`);
  execFileSync('zip', ['-q', '-r', zip, 'dossier-bobigny'], { cwd: path.join(work, name) });
  return zip;
}

async function refusal(file: string, options: Partial<Parameters<typeof importFile>[2]> = {}): Promise<AppError> {
  const error = await importFile(store, file, { now: NOW, trust, ...options }).then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

const nothingImported = async (): Promise<void> => {
  const files = await readdir(path.join(dir, 'imported'), { recursive: true, withFileTypes: true }).catch(() => []);
  expect(files.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual([]);
};

describe('importing a dossier', () => {
  it('keeps its signed records, with the association its seal names and the key’s fingerprint, never bag-info’s', async () => {
    // Our planning of the same guichet: another id, another name.
    await store.plannings.put(syntheticPlanning('notre-bobigny', { label: 'Préfecture de Bobigny (titres)', url: URL_ }));
    const lying = await forged('bag-info', async (top) => {
      const info = path.join(top, 'bag-info.txt');
      await writeFile(info, (await readFile(info, 'utf8')).replace('Source-Organization: Association Test', 'Source-Organization: Association Faussaire'));
    });
    const result = await importFile(store, lying, { now: NOW, trust, association: 'Dit par la personne' });
    expect(result).toMatchObject({ added: inPeriod().length, byPlanning: { 'notre-bobigny': inPeriod().length }, sealed: { seal: '20261201T090000Z', association: 'Association Test' } });
    expect(result.sealed?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(result.sealed?.provenFrom).not.toBeNull();
    const imported = await importedProbes(dir, 'notre-bobigny');
    expect(imported.map((probe) => [probe.startedAt, probe.outcome, probe.firstSlot])).toEqual(inPeriod().map((probe) => [probe.startedAt, probe.outcome, probe.firstSlot]));
    const first = imported[0];
    expect(first?.imported).toMatchObject({ kind: 'dossier', association: 'Association Test', sealed: { seal: '20261201T090000Z', key: result.sealed?.key, record: inPeriod()[0]?.hash } });
    expect(first?.detail).toMatch(/^Importé de « bag-info\.zip », ligne \d+ \(Association Test\), scellé$/);
    expect((await importFile(store, lying, { now: NOW, trust })).added).toBe(0);
  });

  it('through the API as the app runs it (its own thread, the roots verify trusts), and not with roots it does not', async () => {
    await store.plannings.put(syntheticPlanning('bobigny-titres', { label: 'Bobigny — titres de séjour', url: URL_ }));
    await store.close();
    const { createCore } = await import('../api/create-core.js');
    const open = (env: NodeJS.ProcessEnv) => createCore({ dataDir: dir, appVersion: '0', clock: fixedClock(DEMO_NOW), env, trustDir: null, log: () => undefined });
    const untrusting = open({});
    const refused = await untrusting.handle('import:file', { path: dossier });
    await untrusting.close();
    // Why, as a code of its own inside the refusal, across the import's thread.
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', coreMessage: { code: 'import.dossier_refused', nested: { problem: { code: 'verify.problem_token_untrusted' } } } } });
    const core = open({ GUICHETS_TSA_ROOTS: tsa.caFile });
    try {
      const result = await core.api['import:file']({ path: dossier, name: 'dossier-bobigny.zip' });
      expect(result).toMatchObject({ added: inPeriod().length, sealed: { association: 'Association Test' } });
      expect((await core.api['plannings:get']({ id: 'bobigny-titres' })).stats.months.some((month) => month.conclusive > 0)).toBe(true);
    } finally {
      await core.close();
      store = createStore({ dir, clock: fixedClock(DEMO_NOW), log: () => undefined });
    }
  });

  it('goes to the planning with the same address and guichet, not to another guichet at the same address', async () => {
    // The other guichet is written last, and has the dossier's planning id: neither the address nor the id decides.
    await store.plannings.put(syntheticPlanning('autre', { label: 'Bobigny — titres de séjour', url: URL_, guichet: null }));
    await store.plannings.put(syntheticPlanning('bobigny-titres', { label: 'Bobigny — renouvellements', url: URL_, guichet: '2', guichetLabel: 'Renouvellement' }));
    const result = await importFile(store, dossier, { now: NOW, trust });
    expect(result.byPlanning).toEqual({ autre: inPeriod().length });
    expect(await importedProbes(dir, 'bobigny-titres')).toEqual([]);

    const alone = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-alone-'));
    const other = createStore({ dir: alone, clock: fixedClock(DEMO_NOW), log: () => undefined });
    try {
      await other.plannings.put(syntheticPlanning('bobigny-titres', { label: 'Bobigny — titres de séjour', url: URL_, guichet: '2' }));
      const error = await importFile(other, dossier, { now: NOW, trust }).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe(
        `Le dossier porte sur le planning « Bobigny — titres de séjour » (${URL_}, guichet —), qui n’est pas suivi ici : créez un planning avec la même adresse et le même guichet, ou choisissez celui où importer (--planning ID). Rien n’a été importé.`,
      );
    } finally {
      await other.close();
      await rm(alone, { recursive: true, force: true });
    }
  });

  it('refuses whole a dossier whose CSV was edited and re-bagged, naming the first difference', async () => {
    await store.plannings.put(syntheticPlanning('bobigny-titres', { label: 'Bobigny — titres de séjour', url: URL_ }));
    const edited = await forged('csv-edited', async (top) => {
      const csv = path.join(top, 'data', 'sondages.csv');
      const lines = (await readFile(csv, 'utf8')).split('\n');
      const at = lines.findIndex((line) => line.includes(';no_date;'));
      lines[at] = (lines[at] ?? '').replace(';NULL;NULL;no_date;c5;', ';2026-12-24;NULL;dates;c4;');
      await writeFile(csv, lines.join('\n'));
    });
    const error = await refusal(edited);
    expect(error.message).toMatch(/^Dossier refusé : data\/sondages\.csv : ligne du sondage \S+, colonne premiere_date : « 2026-12-24 » au lieu de « NULL » .*Rien n’a été importé\.$/);
    expect(error.coreMessage?.code).toBe('import.dossier_refused');
    // Read in English, the refusal and its reason are English, with no French left in.
    const english = error.coreMessage ? wordCore(error.coreMessage, 'en') : '';
    expect(english).toMatch(/^Evidence file refused: data\/sondages\.csv: row of probe \S+, column premiere_date: “2026-12-24” instead of “NULL” \(the sealed record\)\. Nothing was imported\.$/);
    expect(english).not.toMatch(/[«»]|refusé| sondage |au lieu|scellé|importé/);
    await nothingImported();
  });

  it('refuses a dossier whose seal was removed, and one whose tokens reach no root trusted here', async () => {
    await store.plannings.put(syntheticPlanning('bobigny-titres', { label: 'Bobigny — titres de séjour', url: URL_ }));
    const unsealed = await forged('no-seal', async (top) => {
      const folder = path.join(top, 'data', 'scellements');
      for (const name of await readdir(folder)) if (name.endsWith('.json') || name.endsWith('.sig')) await rm(path.join(folder, name));
    });
    expect((await refusal(unsealed)).message).toMatch(/^Dossier refusé : .+Rien n’a été importé\.$/);
    // The same genuine dossier, with only the roots shipped with Guichets: its test authority proves nothing here.
    const untrusted = await refusal(dossier, { trust: shippedTrust() });
    expect(untrusted.message).toMatch(/^Dossier refusé : Sceau \S+ : le jeton .+ne mène à aucune racine de confiance|^Dossier refusé : .*racine/);
    expect(untrusted.coreMessage ? wordCore(untrusted.coreMessage, 'en') : '').toMatch(/^Evidence file refused: Seal \S+: the token .+leads to no trusted root.+Nothing was imported\.$/);
    await nothingImported();
  });

  it('imports a dossier without records from its CSV, « non scellé », whatever bag-info says', async () => {
    await store.plannings.put(syntheticPlanning('bobigny-titres', { label: 'Bobigny — titres de séjour', url: URL_ }));
    const stripped = await forged('no-records', async (top) => {
      for (const folder of ['enregistrements', 'chainage', 'historique']) await rm(path.join(top, 'data', folder), { recursive: true, force: true });
    });
    const result = await importFile(store, stripped, { now: NOW, trust });
    expect(result).toMatchObject({ added: inPeriod().length, sealed: null });
    const [first] = await importedProbes(dir, 'bobigny-titres');
    expect(first?.imported).toMatchObject({ kind: 'dossier', association: null });
    expect(first?.imported?.sealed).toBeUndefined();
    expect(first?.detail).toMatch(/, non scellé$/);
  });
});
