// The core as every transport uses it: unknown input in, envelopes out; a planning probed, counted, exported,
// verified; one schedule per data folder; the demo's first probes.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from '../electron/cli/demo.js';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { systemClock } from '../electron/core/clock.js';
import { startReplicaServer, type ReplicaServer } from '../electron/replicas/index.js';
import type { Alert } from '../electron/shared/api.js';
import type { Probe } from '../electron/shared/domain.js';
import { nodeArgs } from './support/node-cli.js';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, GUICHETS_BROWSER: '/usr/bin/chromium' };
let replica: ReplicaServer;
let dataDir: string;
let core: Core;

beforeAll(async () => {
  replica = await startReplicaServer({ clock: systemClock });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-core-'));
  core = createCore({ dataDir, appVersion: 'test', env, log: () => undefined });
  // Every replica is on one local host: no need to space the test's requests 30 s apart.
  await core.api['settings:update']({ hostSpacingSeconds: 0 });
});

afterAll(async () => {
  await core.close();
  await replica.close();
  await rm(dataDir, { recursive: true, force: true });
});

const nanterre = () => ({
  label: 'Nanterre — remise de titre',
  departement: '92',
  prefecture: 'Préfecture des Hauts-de-Seine (Nanterre)',
  url: `${replica.origin}/booking/create/12083/0`,
  guichet: null,
  procedure: 'Remise de titre',
  onlineMandatory: true,
});

function verifyCli(): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      nodeArgs('electron/cli/main.ts', 'verify', '--data-dir', dataDir),
      { cwd: root, env },
      (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

describe('input from outside is validated where it enters', () => {
  it('answers a bad planning with a French message naming the field, as an envelope', async () => {
    const reply = await core.handle('plannings:create', { ...nanterre(), departement: '100', url: 'bobigny' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid_input');
      expect(reply.error.message).toMatch(/Département|Adresse/);
    }
  });

  it('refuses an unknown method and a site it cannot recognise', async () => {
    const unknown = await core.handle('plannings:drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const site = await core.handle('plannings:create', { ...nanterre(), url: 'https://example.org/rendez-vous' });
    expect(site).toMatchObject({ ok: false, error: { code: 'unsupported_site' } });
  });

  it('names the user-defined step to fix', async () => {
    const reply = await core.handle('steps:try', {
      url: `${replica.origin}/`,
      steps: { steps: [{ kind: 'goto', url: `${replica.origin}/` }, { kind: 'click' }], noSlotText: 'Aucun', slotSelector: 'li' },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/Étape 2/);
  });
});

describe('a planning, from creation to verified evidence', () => {
  let probe: Probe;
  let planningId: string;

  it('probes a planning now and keeps its captioned screenshot and page text', async () => {
    const planning = await core.api['plannings:create'](nanterre());
    planningId = planning.id;
    expect(planning.system).toBe('legacy');
    probe = await core.api['probes:runNow']({ planningId });
    expect(probe.outcome).toBe('dates');
    expect(probe.category).toBe('c1');
    // The page as captured, stored once by its hash (WebP lossless); the caption is the record's, drawn on demand.
    expect(probe.screenshot?.path).toMatch(/^evidence\/_blobs\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp$/);
    const capture = await readFile(path.join(dataDir, probe.screenshot?.path ?? ''));
    expect(capture.subarray(8, 12).toString()).toBe('WEBP');
    expect(probe.caption?.planningLabel).toContain('Nanterre');
    const png = await core.captionedScreenshot(planningId, probe.localDate, probe.id);
    expect(png?.subarray(1, 4).toString()).toBe('PNG');
    // The caption band above the page: the drawn image is taller than the capture.
    expect(png?.readUInt32BE(20)).toBeGreaterThan(((await sharp(capture).metadata()).height) + 100);
    const text = await readFile(path.join(dataDir, probe.pageText?.path ?? ''), 'utf8');
    expect(text).toContain('plage libre');
  });

  it('counts it in the planning’s bar, with attempts and days', async () => {
    const [overview] = await core.api['plannings:list'](undefined);
    expect(overview?.stats.top.conclusive).toBe(1);
    expect(overview?.stats.top.categories.c1).toEqual({ attempts: 1, days: 1 });
    expect(overview?.lastProbe?.id).toBe(probe.id);
    expect(overview?.assisted).toBeNull();
    // Its page shows it in the strip of the latest probes.
    const detail = await core.api['plannings:get']({ id: planningId });
    expect(detail.recent).toEqual([{ kind: 'probe', at: probe.startedAt, outcome: 'dates', category: 'c1' }]);
  });

  it('exports it in the CSV', async () => {
    const target = path.join(dataDir, 'out.csv');
    const result = await core.api['export:csv']({ path: target });
    expect(result.rows).toBe(1);
    const lines = (await readFile(target, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[1]?.split(';').slice(0, 3)).toEqual(['92', 'Nanterre — remise de titre', probe.localDate]);
  });

  it('has no assisted session: the site asks no code', async () => {
    const reply = await core.handle('assisted:open', { planningId });
    // Said as a code, which the screen words in the person's language; its French as it was.
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', coreMessage: { code: 'assisted.not_captcha' }, message: 'Ce site ne demande pas de code de sécurité : la session assistée est inutile.' },
    });
  });

  it('lets `verify` pass, then report an altered screenshot and exit non-zero', async () => {
    const clean = await verifyCli();
    expect(clean.code, clean.stdout).toBe(0);
    // No authority in the tests: intact, and said not time-stamped.
    expect(clean.stdout).toContain('✓ 1 sondage vérifié : captures, empreintes et chaîne intactes, avec réserve : 1 non horodaté');
    const file = path.join(dataDir, probe.screenshot?.path ?? '');
    const png = await readFile(file);
    png[png.length - 20] = (png[png.length - 20] ?? 0) ^ 0xff;
    await writeFile(file, png);
    const tampered = await verifyCli();
    expect(tampered.code).not.toBe(0);
    expect(tampered.stdout).toContain(probe.id);
  });
});

describe('a planning the robot cannot follow as set up', () => {
  it('records the hour as a robot error that says what to fix, instead of a silent gap', async () => {
    const planning = await core.api['plannings:create']({
      ...nanterre(),
      label: 'Bobigny — guichet disparu',
      url: `${replica.origin}/booking/create/9829/0`,
      guichet: 'Prendre un rendez-vous pour un guichet fermé depuis',
    });
    // A screen listening for alerts (the desktop, a web page) is told them after the probe.
    const told: Alert[][] = [];
    const stopListening = core.on('alerts:changed', (alerts) => told.push(alerts));
    const probe = await core.api['probes:runNow']({ planningId: planning.id });
    expect(probe.outcome).toBe('robot_error');
    expect(probe.detail).toMatch(/Planning à corriger/);
    expect(probe.detail).toContain('renouvellement de titre de séjour');
    await expect.poll(() => told.length).toBe(1);
    stopListening();
    await core.api['plannings:remove']({ id: planning.id });
  });
});

describe('a damaged file', () => {
  it('hides only its own planning’s figures, naming the file, while the dashboard shows the others', async () => {
    const damaged = await core.api['plannings:create']({ ...nanterre(), label: 'Nanterre — fichier abîmé' });
    await core.api['probes:runNow']({ planningId: damaged.id });
    const restart = createCore({ dataDir, appVersion: 'test', env, log: () => undefined });
    try {
      // A damaged day file (an aggregates file would be rebuilt from the day files: see store/heal.test.ts).
      const days = path.join(dataDir, 'probes', damaged.id);
      const [month = ''] = await readdir(days);
      const [day = ''] = await readdir(path.join(days, month));
      await writeFile(path.join(days, month, day), '{"probes": [tronqué');
      const list = await restart.api['plannings:list'](undefined);
      const broken = list.find((overview) => overview.planning.id === damaged.id);
      const healthy = list.filter((overview) => overview.planning.id !== damaged.id);
      expect(broken?.problem).toContain(day);
      expect(healthy.length).toBeGreaterThan(0);
      expect(healthy.every((overview) => overview.problem === null)).toBe(true);
      expect(healthy.some((overview) => overview.stats.top.conclusive > 0)).toBe(true);
    } finally {
      await restart.close();
    }
  });
});

describe('one writer per data folder', () => {
  it('refuses a second schedule or any write from another core on the same folder, but lets it read', async () => {
    await core.startSchedule();
    const other = createCore({ dataDir, appVersion: 'test', env, log: () => undefined });
    try {
      await expect(other.startSchedule()).rejects.toThrow(/écrit déjà dans ce dossier/);
      const write = await other.handle('plannings:create', nanterre());
      expect(write).toMatchObject({ ok: false, error: { code: 'busy' } });
      const read = await other.api['plannings:list'](undefined);
      expect(read.length).toBeGreaterThan(0);
    } finally {
      await other.close();
      await core.stopSchedule();
    }
  });
});

describe('npm run demo', () => {
  it('serves the UI and fills the bars from real probes of the replica préfectures', async () => {
    const demoDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-demo-'));
    const staticDir = path.join(root, 'dist', 'renderer');
    const previous = process.env.GUICHETS_BROWSER;
    process.env.GUICHETS_BROWSER = '/usr/bin/chromium';
    const said: string[] = [];
    const demo = await startDemo({ dataDir: demoDir, port: 0, appVersion: 'test', staticDir, log: (line) => said.push(line) });
    try {
      // As the page opened at the printed address does: its one-time code traded for the session's secret.
      const token = new URL(demo.loginUrl()).searchParams.get('token');
      const session = await fetch(`${demo.url}api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
      const { value } = (await session.json()) as { value: { secret: string } };
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${value.secret}` };
      const info = (await (
        await fetch(`${demo.url}api/app%3Ainfo`, { method: 'POST', headers })
      ).json()) as { ok: boolean; value: { demo: boolean; scheduleEveryMinutes: number } };
      expect(info.value).toMatchObject({ demo: true, scheduleEveryMinutes: 1 });
      // The synthetic past fills the three-month bars at once; the first live round starts at once too: wait for
      // a few plannings to have a conclusive probe of their own (not a synthetic « demo » record).
      type Listed = { value: { stats: { topScope: string; top: { conclusive: number } }; lastProbe: { trigger: string; outcome: string } | null }[] };
      const list = async () =>
        ((await (
          await fetch(`${demo.url}api/plannings%3Alist`, { method: 'POST', headers })
        ).json()) as Listed).value;
      const first = await list();
      expect(first.every((overview) => overview.stats.topScope === 'three_months' && overview.stats.top.conclusive > 0)).toBe(true);
      let live = 0;
      // Real probes of replica pages, two at a time, while other test files share the machine: up to 3 minutes.
      for (let attempt = 0; attempt < 180 && live < 2; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        live = (await list()).filter(
          ({ lastProbe }) => lastProbe !== null && lastProbe.trigger !== 'demo' && ['dates', 'no_date'].includes(lastProbe.outcome),
        ).length;
      }
      expect(live).toBeGreaterThanOrEqual(2);
      // Each probe said in words on the terminal, never as its code and ISO slot (« → dates 2026-12-07T09:30 »).
      const probeLines = said.filter((line) => line.includes(' → '));
      // Once each: not again as the robot's own line of codes (« <planning> : dates (…) »).
      expect(said.filter((line) => / : (dates|no_date|captcha|site_error|unreachable|unrecognized|robot_error) \(/.test(line))).toEqual([]);
      expect(probeLines.length).toBeGreaterThanOrEqual(2);
      for (const line of probeLines) {
        expect(line).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d \S+ → (dates proposées \d\d\/\d\d\/\d{4} à \d\d:\d\d|pas de date|captcha|erreur du site|site injoignable|page non reconnue|erreur du robot) ?$/);
      }
      expect((await demo.verify()).problems).toEqual([]);
    } finally {
      await demo.close();
      if (previous === undefined) delete process.env.GUICHETS_BROWSER;
      else process.env.GUICHETS_BROWSER = previous;
      await rm(demoDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('says nothing of the first round’s probes that a stop (Ctrl+C) ended', async () => {
    const demoDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-demo-stop-'));
    const said: string[] = [];
    const demo = await startDemo({ dataDir: demoDir, port: 0, appVersion: 'test', staticDir: path.join(root, 'dist', 'renderer'), log: (line) => said.push(line) });
    try {
      await demo.close();
      // The first round's calls end once the schedule has stopped them: whatever they would say is said by now.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(said.filter((line) => line.startsWith('Premier sondage'))).toEqual([]);
    } finally {
      await rm(demoDir, { recursive: true, force: true });
    }
  }, 120_000);
});