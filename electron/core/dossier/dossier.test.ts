// The dossier as a lawyer and a court's expert receive it: a valid BagIt bag (checked by a validator written from
// RFC 8493 alone), a PDF with the period's figures and from when they are proven, and a verifier.py that reaches,
// with python3 and openssl alone, the same verdict as Guichets: exit 0 on the honest dossier, not on forged copies.
// Every command of LISEZMOI is pasted as written into a shell. Seals are made day by day among the probes and
// stamped on time by a local authority whose root the test trusts (as an expert passes --root).
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../shared/domain.js';
import { findBrowser } from '../probe/index.js';
import { checkBag, loadTrust, requestTimestamp, type TrustSet } from '../seals/index.js';
import { buildDossier, defaultPeriod, type DossierProgress, type DossierResult } from './index.js';
import { wordCore } from '../messages.js';
import { DEMO_NOW, fillDemoFolder } from '../../../test/support/evidence-folder.js';
import { startLocalTsa, type LocalTsa } from '../../../test/support/local-tsa.js';
import { rebag, sha256, validateBag, walk } from '../../../test/support/bagit.js';

const execute = promisify(execFile);
let dir: string;
let outDir: string;
let probes: Probe[];
let tsa: LocalTsa;
let rogue: LocalTsa;
let trust: TrustSet;
let result: DossierResult;
let events: DossierProgress[] = [];
/** The unzipped dossier's top folder. */
let root = '';
let info = new Map<string, string[]>();
const period = { from: '2026-09-01', to: '2026-11-30' };
const CLOSING = '20261201T090000Z';
const browserPath = findBrowser({ env: process.env, settingsPath: null }).path ?? '/usr/bin/chromium';
const inPeriod = (): Probe[] => probes.filter((p) => p.planningId === 'bobigny-titres' && p.localDate >= period.from && p.localDate <= period.to);

interface Run {
  code: number;
  stdout: string;
}

/** The shipped verifier, as the expert runs it; `--root` the local authority's root unless told otherwise. */
function verifier(bag: string, args: string[] = ['--root', tsa.caFile]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('python3', [path.join(bag, 'verifier.py'), bag, ...args], { env: { PATH: process.env.PATH ?? '' }, timeout: 240_000 }, (error, stdout) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout }),
    );
  });
}

async function bagCheck(top: string): Promise<Awaited<ReturnType<typeof checkBag>>> {
  const files = await walk(top);
  return checkBag({ list: () => files, read: (file) => readFile(path.join(top, file)).catch(() => null) }, trust);
}

/** A copy of the dossier, changed by `forge`, then re-bagged as a forger would. */
async function forged(name: string, forge: (copy: string) => Promise<void>): Promise<string> {
  const copy = path.join(outDir, 'forged', name);
  await cp(root, copy, { recursive: true });
  await forge(copy);
  await rebag(copy);
  return copy;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-dossier-data-'));
  outDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-dossier-out-'));
  [tsa, rogue] = await Promise.all([startLocalTsa(), startLocalTsa({ name: 'www.freetsa.org', organization: 'Free TSA' })]);
  trust = await loadTrust({ env: { GUICHETS_TSA_ROOTS: tsa.caFile }, userDir: null });
  const demo = await fillDemoFolder(dir, 500, { tsa, trust });
  probes = demo.probes;
  await demo.store.settings.update({ associationName: 'Association Test', associationContact: 'contact@example.org' });
  await demo.store.close();
  const { createStore } = await import('../store/store.js');
  const { fixedClock } = await import('../clock.js');
  const store = createStore({ dir, clock: fixedClock(DEMO_NOW), log: () => undefined });
  events = [];
  result = await buildDossier({
    store,
    planningIds: ['bobigny-titres'],
    period: defaultPeriod(new Date(DEMO_NOW)),
    out: path.join(outDir, 'dossier-bobigny.zip'),
    appVersion: '9.9.9',
    browserPath,
    now: new Date(DEMO_NOW),
    onProgress: (event) => events.push(event),
    trust,
  });
  await store.close();
  const extracted = path.join(outDir, 'x');
  execFileSync('unzip', ['-q', result.path, '-d', extracted]);
  ({ root, info } = await validateBag(extracted));
}, 240_000);

afterAll(async () => {
  await Promise.all([tsa.close(), rogue.close()]);
  await rm(dir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

describe('dossier de preuves', () => {
  it('writes a valid BagIt ZIP and a PDF with the period’s figures and from when they are proven', async () => {
    expect(defaultPeriod(new Date(DEMO_NOW))).toEqual(period);
    expect(result.probes).toBe(inPeriod().length);
    expect(result.altered).toEqual([]);
    expect(events.at(-1)?.phase).toBe('done');
    expect(events.some((event) => event.phase === 'files' && event.done < event.total)).toBe(true);
    expect((await readdir(outDir)).filter((name) => name.startsWith('dossier')).sort()).toEqual(['dossier-bobigny.pdf', 'dossier-bobigny.zip']);
    expect(path.basename(root)).toBe('dossier-bobigny');
    expect(info.get('Source-Organization')).toEqual(['Association Test']);
    expect(info.get('Period-Start')).toEqual(['2026-09-01']);
    expect(info.get('Period-End')).toEqual(['2026-11-30']);
    expect(info.get('Probe-Count')).toEqual([String(inPeriod().length)]);
    expect(info.get('Seal')).toEqual([CLOSING]);
    expect(info.get('Bagging-Date')).toEqual(['2026-12-01']);

    // The closing seal, the first one (it pins the key) and the daily ones that prove the period day by day.
    const seals = (await readdir(path.join(root, 'data', 'scellements'))).filter((name) => name.endsWith('.json')).sort();
    expect(seals[0]).toBe('20260820T200000Z.json');
    expect(seals.at(-1)).toBe(`${CLOSING}.json`);
    expect(seals.length).toBeGreaterThan(40);
    expect(await readdir(path.join(root, 'data', 'scellements', 'racines'))).toHaveLength(1);
    // The records link the period to the seal: the day before it and the day of the seal's head, as chaînage.
    expect(await readdir(path.join(root, 'data', 'chainage', 'bobigny-titres'))).toEqual(expect.arrayContaining(['2026-08', '2026-12']));
    const logs = await walk(path.join(root, 'data', 'journaux'));
    expect(logs).toHaveLength(inPeriod().length);

    // Every screenshot of the period, byte for byte; charts for the period and each month.
    for (const probe of inPeriod().filter((p) => p.screenshot)) {
      const copy = path.join(root, 'data', 'captures', 'bobigny-titres', probe.localDate.slice(0, 7), `${probe.id}.png`);
      expect(await sha256(copy)).toBe(probe.screenshot?.sha256);
    }
    const charts = (await readdir(path.join(root, 'data', 'graphiques'))).sort();
    expect(charts).toEqual(['bobigny-titres-2026-09.png', 'bobigny-titres-2026-10.png', 'bobigny-titres-2026-11.png', 'bobigny-titres-periode.png']);
    const csv = await readFile(path.join(root, 'data', 'sondages.csv'), 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(inPeriod().length + 1);

    // The PDF (inside and beside) says the period's figures, and from when they are proven.
    expect(await sha256(path.join(root, 'data', 'resume.pdf'))).toBe(await sha256(result.pdfPath));
    const text = execFileSync('pdftotext', ['-layout', result.pdfPath, '-']).toString().replace(/\u00a0|\u202f/g, ' ').replace(/\s+/g, ' ');
    const all = inPeriod();
    const days = new Set(all.map((p) => p.localDate)).size;
    const conclusive = all.filter((p) => p.outcome === 'dates' || p.outcome === 'no_date');
    const conclusiveDays = new Set(conclusive.map((p) => p.localDate)).size;
    expect(text).toContain(`Tentatives : ${all.length} sur ${days} jours distincts`);
    expect(text).toContain(`Sondages concluants : ${conclusive.length} sur ${conclusiveDays} jours distincts`);
    // Each month named in words (its year may wrap under it), then its conclusive probes.
    for (const [month, name] of [['2026-09', 'septembre'], ['2026-10', 'octobre'], ['2026-11', 'novembre']] as const) {
      const count = conclusive.filter((p) => p.localDate.startsWith(month)).length;
      expect(text).toMatch(new RegExp(`${name}( 2026)?\\s+${count}\\s`));
    }
    expect(text).toContain('3 heures sans sondage');
    expect(text).toContain(`${all.length} sondages prouvés au plus 48 h après avoir été fait`);
    expect(text).toContain(`Sceau de clôture ${CLOSING}`);
    expect(text).toContain('Horodaté par « Horodatage de test »');
  });

  it('is checked alone by its verifier.py, as by Guichets; every command of LISEZMOI works pasted as written', { timeout: 240_000 }, async () => {
    const honest = await verifier(root);
    expect(honest.stdout).toContain('RÉSULTAT : tout tient');
    expect(honest.stdout).toContain(`Planning bobigny-titres : ${inPeriod().length} sondages de la période.`);
    expect(honest.stdout).toContain(`${inPeriod().length} prouvés au plus 48 h après avoir été faits`);
    expect(honest.code).toBe(0);
    const check = await bagCheck(root);
    expect(check.problems).toEqual([]);
    expect(check.closing).toMatchObject({ name: CLOSING, association: 'Association Test' });
    expect(check.plannings[0]?.records).toHaveLength(inPeriod().length);
    expect(check.plannings[0]?.identity).toMatchObject({ label: 'Bobigny — titres de séjour' });
    expect(check.plannings[0]?.proof.inTime?.count).toBe(inPeriod().length);

    const readme = await readFile(path.join(root, 'data', 'LISEZMOI.txt'), 'utf8');
    expect(readme).not.toMatch(/[‹<][a-zé]+[>›]/);
    const commands = readme.split('\n').filter((line) => line.startsWith('  $ ')).map((line) => line.slice(4));
    expect(commands.length).toBeGreaterThanOrEqual(9);
    const outputs: string[] = [];
    for (const command of commands) {
      const { stdout } = await execute('sh', ['-c', command], { cwd: root, env: { PATH: process.env.PATH ?? '' }, timeout: 240_000 });
      outputs.push(stdout);
    }
    const said = outputs.join('\n');
    expect(said).toContain('Signature Verified Successfully');
    expect(said).toContain('Verification: OK');
    expect(said).toContain('RÉSULTAT : tout tient');
    const firstRecord = JSON.parse(await readFile(path.join(root, 'data', 'enregistrements', 'bobigny-titres', '2026-09', '2026-09-01.json'), 'utf8')) as { probes: Probe[] };
    expect(said).toContain(firstRecord.probes[0]?.hash);
    const [rootFile = ''] = await readdir(path.join(root, 'data', 'scellements', 'racines'));
    expect(said).toContain(rootFile.replace('.pem', '').toUpperCase().replace(/(..)(?=.)/g, '$1:'));
  });

  it('refuses a record edited, a CSV edited and re-bagged, a seal swapped, and a token of an untrusted root', { timeout: 240_000 }, async () => {
    const withDates = inPeriod().find((probe) => probe.outcome === 'dates');
    const day = path.join('data', 'enregistrements', 'bobigny-titres', withDates?.localDate.slice(0, 7) ?? '', `${withDates?.localDate ?? ''}.json`);
    const edited = await forged('record', async (copy) => {
      const file = path.join(copy, day);
      const text = await readFile(file, 'utf8');
      expect(text).toContain('"outcome":"dates"');
      await writeFile(file, text.replace('"outcome":"dates"', '"outcome":"no_date"'));
    });
    const csvEdited = await forged('csv', async (copy) => {
      const file = path.join(copy, 'data', 'sondages.csv');
      await writeFile(file, (await readFile(file, 'utf8')).replace(';dates;c1;', ';no_date;c5;'));
    });
    const swapped = await forged('seal', async (copy) => {
      const seals = path.join(copy, 'data', 'scellements');
      for (const ext of ['json', 'sig']) await cp(path.join(seals, `20261017T200000Z.${ext}`), path.join(seals, `${CLOSING}.${ext}`));
    });
    const untrusted = await forged('token', async (copy) => {
      const seals = path.join(copy, 'data', 'scellements');
      for (const token of (await readdir(seals)).filter((name) => name.startsWith(`${CLOSING}.`) && name.endsWith('.tsr'))) await rm(path.join(seals, token));
      rogue.fakeTime = '2026-12-01 09:00:02';
      const answer = await requestTimestamp(rogue.url, await readFile(path.join(seals, `${CLOSING}.json`)));
      if ('error' in answer) throw new Error(wordCore(answer.error));
      await writeFile(path.join(seals, `${CLOSING}.freetsa.org.tsr`), answer.tsr);
      await cp(rogue.caFile, path.join(seals, 'racines', 'freetsa.pem'));
    });
    const runs = await Promise.all([edited, csvEdited, swapped, untrusted].map((copy) => verifier(copy)));
    const [record, csv, seal, token] = runs;
    expect(record?.stdout).toContain(`${withDates?.localDate ?? ''}.json : l’enregistrement du sondage ${withDates?.id ?? ''} a été modifié`);
    expect(csv?.stdout).toMatch(/data\/sondages\.csv : ligne du sondage \S+, colonne resultat : « no_date » au lieu de « dates »/);
    // An older seal under the closing one's name: its token no longer fits, and the period's later records are outside its chain.
    expect(seal?.stdout).toContain(`Sceau ${CLOSING} : le jeton`);
    expect(seal?.stdout).toContain('n’est pas dans la chaîne scellée');
    expect(token?.stdout).toContain(`le jeton ${CLOSING}.freetsa.org.tsr (au nom de « www.freetsa.org ») ne se vérifie avec aucune racine de confiance`);
    for (const run of runs) {
      expect(run.stdout).toContain('RÉSULTAT : ');
      expect(run.stdout).not.toContain('RÉSULTAT : tout tient');
      expect(run.code).toBe(1);
    }
    // Guichets' own check of a bag (the importer's) refuses them all the same.
    for (const copy of [edited, csvEdited, swapped, untrusted]) expect((await bagCheck(copy)).ok).toBe(false);
    // Trusting the roots the dossier carries, the home-made root passes, but its fingerprint is printed for the
    // comparison LISEZMOI asks for: it is not FreeTSA's.
    const carried = await verifier(untrusted, []);
    const rogueRoot = createHash('sha256').update(execFileSync('openssl', ['x509', '-in', rogue.caFile, '-outform', 'DER'])).digest('hex');
    expect(carried.stdout).toContain('Comparez chaque empreinte avec celle que publie l’autorité');
    expect(carried.stdout).toContain(`SHA-256 ${rogueRoot}`);
  });

  it('cancelled: leaves no file behind and says so in French', async () => {
    const { createStore } = await import('../store/store.js');
    const { fixedClock } = await import('../clock.js');
    const store = createStore({ dir, clock: fixedClock(DEMO_NOW), log: () => undefined });
    const controller = new AbortController();
    const out = path.join(outDir, 'annule', 'dossier.zip');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.dirname(out));
    const run = buildDossier({
      store,
      planningIds: ['lyon-naturalisation'],
      period: { from: '2026-10-01', to: '2026-10-31' },
      out,
      appVersion: '9.9.9',
      browserPath,
      now: new Date(DEMO_NOW),
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'files') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ message: 'Dossier annulé : aucun fichier n’a été écrit.', coreMessage: { code: 'progress.dossier_cancelled' } });
    await store.close();
    expect(await readdir(path.dirname(out))).toEqual([]);
  }, 120_000);
});
