// The dossier as a lawyer and an expert receive it: a valid BagIt bag (checked by a validator written here from
// RFC 8493 alone), files that `sha256sum -c` and `openssl pkeyutl -verify` accept, a PDF with the period's figures.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../shared/domain.js';
import { findBrowser } from '../probe/index.js';
import { buildDossier, defaultPeriod, type DossierProgress } from './index.js';
import { DEMO_NOW, fillDemoFolder } from '../../../test/support/evidence-folder.js';

let dir: string;
let outDir: string;
let probes: Probe[];
let builtZip = '';
const browserPath = findBrowser({ env: process.env, settingsPath: null }).path ?? '/usr/bin/chromium';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-dossier-data-'));
  outDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-dossier-out-'));
  const demo = await fillDemoFolder(dir);
  probes = demo.probes;
  await demo.store.settings.update({ associationName: 'Association Test', associationContact: 'contact@example.org' });
  await demo.store.close();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

async function walk(root: string, prefix = ''): Promise<string[]> {
  const result: string[] = [];
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) result.push(...(await walk(root, relative)));
    else result.push(relative);
  }
  return result;
}

const sha256 = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex');

/** RFC 8493 §2.1.3: manifest lines are "checksum whitespace filepath", CR, LF and % percent-encoded. */
function parseManifest(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line === '') continue;
    const match = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
    if (!match?.[1] || !match[2]) throw new Error(`ligne de manifeste illisible : ${line}`);
    const file = match[2].replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
    entries.set(file, match[1].toLowerCase());
  }
  return entries;
}

/** A validator of a serialised BagIt 1.0 bag, following RFC 8493 §3 ("Valid" and "Complete") and §4.2. */
async function validateBag(extracted: string): Promise<{ root: string; info: Map<string, string[]> }> {
  const problems: string[] = [];
  const top = await readdir(extracted);
  if (top.length !== 1) problems.push(`§4.2 : un seul dossier de tête attendu, trouvé ${top.join(', ')}`);
  const root = path.join(extracted, top[0] ?? '');
  // §2.1.1: bagit.txt, exactly these two lines.
  const declaration = await readFile(path.join(root, 'bagit.txt'), 'utf8');
  if (declaration !== 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') problems.push(`§2.1.1 bagit.txt : ${JSON.stringify(declaration)}`);
  // §2.1.2: the payload directory.
  if (!(await stat(path.join(root, 'data'))).isDirectory()) problems.push('§2.1.2 : pas de dossier data/');
  const files = await walk(root);
  const payload = files.filter((file) => file.startsWith('data/'));
  const tagFiles = files.filter((file) => !file.startsWith('data/'));
  // §2.1.3 / §3: at least one payload manifest; every payload file in every manifest, every entry present and right.
  const manifests = tagFiles.filter((file) => /^manifest-[a-z0-9]+\.txt$/.test(file));
  if (manifests.length === 0) problems.push('§2.1.3 : aucun manifeste de contenu');
  for (const manifest of manifests) {
    const algorithm = /^manifest-([a-z0-9]+)\.txt$/.exec(manifest)?.[1] ?? '';
    const entries = parseManifest(await readFile(path.join(root, manifest), 'utf8'));
    for (const file of payload) if (!entries.has(file)) problems.push(`§3 : ${file} absent de ${manifest}`);
    for (const [file, digest] of entries) {
      if (!file.startsWith('data/')) problems.push(`§2.1.3 : ${file} hors de data/ dans ${manifest}`);
      if (!existsSync(path.join(root, file))) problems.push(`§3 : ${file} listé mais absent`);
      else if (createHash(algorithm).update(await readFile(path.join(root, file))).digest('hex') !== digest) problems.push(`§3 : empreinte fausse pour ${file}`);
    }
  }
  // §2.2.1: tag manifests list tag files, whose checksums must match.
  for (const tagManifest of tagFiles.filter((file) => /^tagmanifest-[a-z0-9]+\.txt$/.test(file))) {
    const algorithm = /^tagmanifest-([a-z0-9]+)\.txt$/.exec(tagManifest)?.[1] ?? '';
    const entries = parseManifest(await readFile(path.join(root, tagManifest), 'utf8'));
    for (const [file, digest] of entries) {
      if (file.startsWith('data/')) problems.push(`§2.2.1 : ${file} de data/ dans ${tagManifest}`);
      if (createHash(algorithm).update(await readFile(path.join(root, file))).digest('hex') !== digest) problems.push(`§2.2.1 : empreinte fausse pour ${file}`);
    }
    for (const file of tagFiles) if (file !== tagManifest && !entries.has(file)) problems.push(`§2.2.1 : ${file} absent de ${tagManifest}`);
  }
  // §2.2.2: bag-info.txt, "label: value" lines (continuation lines start with whitespace); Payload-Oxum right.
  const info = new Map<string, string[]>();
  let last = '';
  for (const line of (await readFile(path.join(root, 'bag-info.txt'), 'utf8')).split('\n')) {
    if (line === '') continue;
    if (/^[ \t]/.test(line)) {
      const values = info.get(last);
      if (values) values[values.length - 1] = `${values[values.length - 1] ?? ''} ${line.trim()}`;
      continue;
    }
    const match = /^([^:\s][^:]*):\s*(.*)$/.exec(line);
    if (!match?.[1]) {
      problems.push(`§2.2.2 : ligne illisible « ${line} »`);
      continue;
    }
    last = match[1];
    info.set(last, [...(info.get(last) ?? []), match[2] ?? '']);
  }
  const oxum = info.get('Payload-Oxum')?.[0];
  let octets = 0;
  for (const file of payload) octets += (await stat(path.join(root, file))).size;
  if (oxum !== `${octets}.${payload.length}`) problems.push(`§2.2.2 Payload-Oxum ${oxum ?? '(absent)'} ≠ ${octets}.${payload.length}`);
  expect(problems).toEqual([]);
  return { root, info };
}

describe('dossier de preuves', () => {
  it('writes a valid BagIt ZIP and a PDF with the period’s figures, checkable with standard tools', async () => {
    const period = defaultPeriod(new Date(DEMO_NOW));
    expect(period).toEqual({ from: '2026-09-01', to: '2026-11-30' });
    const out = path.join(outDir, 'dossier-bobigny.zip');
    const events: DossierProgress[] = [];
    const { createStore } = await import('../store/store.js');
    const { fixedClock } = await import('../clock.js');
    const store = createStore({ dir, clock: fixedClock(DEMO_NOW), log: () => undefined });
    const result = await buildDossier({
      store,
      planningIds: ['bobigny-titres'],
      period,
      out,
      appVersion: '9.9.9',
      browserPath,
      now: new Date(DEMO_NOW),
      onProgress: (event) => events.push(event),
    });
    await store.close();
    builtZip = out;

    const inPeriod = probes.filter((p) => p.planningId === 'bobigny-titres' && p.localDate >= period.from && p.localDate <= period.to);
    expect(result.probes).toBe(inPeriod.length);
    expect(result.altered).toEqual([]);
    expect(events.at(-1)?.phase).toBe('done');
    expect(events.some((event) => event.phase === 'files' && event.done < event.total)).toBe(true);
    expect((await readdir(outDir)).sort()).toEqual(['dossier-bobigny.pdf', 'dossier-bobigny.zip']);

    const extracted = path.join(outDir, 'x');
    execFileSync('unzip', ['-q', out, '-d', extracted]);
    const { root, info } = await validateBag(extracted);
    expect(path.basename(root)).toBe('dossier-bobigny');
    expect(info.get('Source-Organization')).toEqual(['Association Test']);
    expect(info.get('Period-Start')).toEqual(['2026-09-01']);
    expect(info.get('Period-End')).toEqual(['2026-11-30']);
    expect(info.get('Probe-Count')).toEqual([String(inPeriod.length)]);
    expect(info.get('Seal')).toEqual(['20261201T090000Z']);
    expect(info.get('Bagging-Date')).toEqual(['2026-12-01']);

    // What LISEZMOI.txt tells a reader to run.
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: root }).toString()).toBe('');
    const seals = path.join(root, 'data', 'scellements');
    expect((await readdir(seals)).sort()).toEqual(['20261201T090000Z.json', '20261201T090000Z.sig', 'installation-key.pub.pem', 'tsa']);
    const verified = execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'installation-key.pub.pem', '-rawin', '-in', '20261201T090000Z.json', '-sigfile', '20261201T090000Z.sig'],
      { cwd: seals },
    ).toString();
    expect(verified).toContain('Signature Verified Successfully');
    const readme = await readFile(path.join(root, 'data', 'LISEZMOI.txt'), 'utf8');
    expect(readme).toContain('sha256sum -c manifest-sha256.txt');
    expect(readme).toContain('openssl ts -verify');

    // Every screenshot and page text of the period, byte for byte; charts for the period and each month.
    const withShot = inPeriod.filter((p) => p.screenshot);
    for (const probe of withShot) {
      const copy = path.join(root, 'data', 'captures', 'bobigny-titres', probe.localDate.slice(0, 7), `${probe.id}.png`);
      expect(await sha256(copy)).toBe(probe.screenshot?.sha256);
    }
    const charts = (await readdir(path.join(root, 'data', 'graphiques'))).sort();
    expect(charts).toEqual(['bobigny-titres-2026-09.png', 'bobigny-titres-2026-10.png', 'bobigny-titres-2026-11.png', 'bobigny-titres-periode.png']);
    const csv = await readFile(path.join(root, 'data', 'sondages.csv'), 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(inPeriod.length + 1);

    // The PDF (inside and beside) says the period's figures.
    expect(await sha256(path.join(root, 'data', 'resume.pdf'))).toBe(await sha256(result.pdfPath));
    const text = execFileSync('pdftotext', ['-layout', result.pdfPath, '-']).toString().replace(/\u00a0|\u202f/g, ' ');
    const days = new Set(inPeriod.map((p) => p.localDate)).size;
    const conclusive = inPeriod.filter((p) => p.outcome === 'dates' || p.outcome === 'no_date');
    const conclusiveDays = new Set(conclusive.map((p) => p.localDate)).size;
    expect(text).toContain(`Tentatives : ${inPeriod.length} sur ${days} jours distincts`);
    expect(text).toContain(`Sondages concluants : ${conclusive.length} sur ${conclusiveDays} jours distincts`);
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      const count = conclusive.filter((p) => p.localDate.startsWith(month)).length;
      expect(text).toMatch(new RegExp(`${month}\\s+${count}\\s`));
    }
    expect(text).toContain('3 heures sans sondage');
    const first = inPeriod[0];
    expect(text).toContain(`${first?.localDate.split('-').reverse().join('/')} ${first?.localTime.slice(0, 5)}`);
  }, 120_000);

  it('another association imports it: checked first, every probe once, a tampered copy refused whole', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'guichets-dossier-import-'));
    const { createCore } = await import('../api/create-core.js');
    const { fixedClock } = await import('../clock.js');
    const { syntheticPlanning } = await import('../../../test/support/synthetic.js');
    const { createStore } = await import('../store/store.js');
    const otherStore = createStore({ dir: other, clock: fixedClock(DEMO_NOW), log: () => undefined });
    await otherStore.plannings.put(syntheticPlanning('bobigny-titres', { label: 'Bobigny — titres de séjour', departement: '93' }));
    await otherStore.close();
    const core = createCore({ dataDir: other, appVersion: '0', clock: fixedClock(DEMO_NOW), log: () => undefined });
    try {
      // A copy with one screenshot changed after the bag was made.
      const tampered = path.join(other, 'modifie.zip');
      const work = path.join(other, 'x');
      execFileSync('unzip', ['-q', builtZip, '-d', work]);
      const shots = path.join(work, 'dossier-bobigny', 'data', 'captures', 'bobigny-titres', '2026-10');
      const { appendFile } = await import('node:fs/promises');
      await appendFile(path.join(shots, (await readdir(shots))[0] ?? ''), 'x');
      execFileSync('zip', ['-q', '-r', tampered, 'dossier-bobigny'], { cwd: work });
      const refused = await core.handle('import:file', { path: tampered });
      expect(refused.ok ? '' : refused.error.message).toMatch(/^Dossier refusé : data\/captures\/.+ a été modifié/);
      expect(existsSync(path.join(other, 'imported'))).toBe(false);

      const result = await core.api['import:file']({ path: builtZip });
      const inPeriod = probes.filter((p) => p.planningId === 'bobigny-titres' && p.localDate >= '2026-09-01' && p.localDate <= '2026-11-30');
      expect(result.added).toBe(inPeriod.length);
      const history = await core.api['probes:list']({ planningId: 'bobigny-titres', month: '2026-10' });
      expect(history[0]?.imported).toMatchObject({ kind: 'dossier', association: 'Association Test' });
      expect((await core.api['import:file']({ path: builtZip })).added).toBe(0);
    } finally {
      await core.close();
      await rm(other, { recursive: true, force: true });
    }
  }, 60_000);

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
    await expect(run).rejects.toThrow('Dossier annulé');
    await store.close();
    expect(await readdir(path.dirname(out))).toEqual([]);
  }, 120_000);
});
