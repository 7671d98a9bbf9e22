// The command line alone, as a newcomer uses it: from an empty folder to a followed planning, its probe and its
// seal, then the planning paused, changed and removed; each verb a separate process with its exit code, one JSON
// object with --json, one line on bad input (French, or English with --lang en or an English locale), no stack.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../electron/core/clock.js';
import { startReplicaServer, type ReplicaServer } from '../electron/replicas/index.js';
import type { Planning, Probe } from '../electron/shared/domain.js';
import { CLI_BUNDLE, ROOT, runCli, type CliRun } from './support/node-cli.js';
import { pngTexts } from '../electron/core/report/png-text.js';

let replica: ReplicaServer;
let dataDir: string;

type Run = CliRun;

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const locale = { LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '', GUICHETS_BROWSER: '/usr/bin/chromium', GUICHETS_TSA_URLS: 'none' };
  return runCli([...args, '--data-dir', dataDir], { ...locale, ...env });
}

/** The one JSON object a verb printed with --json. */
function json(run: Run): unknown {
  expect(run.code, run.stderr).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '');
}

/** Refused input: exit 2, nothing on standard output, one line on standard error, no stack trace. */
function refused(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

beforeAll(async () => {
  replica = await startReplicaServer({ clock: systemClock });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-cli-verbs-'));
});

afterAll(async () => {
  await replica.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('from an empty folder to a probed, sealed planning', () => {
  it('plannings add → plannings list → probe --planning → seal → seals list, then pause, edit and remove', { timeout: 300_000 }, async () => {
    const url = `${replica.origin}/booking/create/9829/0`;
    const empty = json(await cli(['plannings', 'list', '--json'])) as { plannings: Planning[] };
    expect(empty.plannings).toEqual([]);

    // The site offers four guichets: the one named by its label (case and spacing aside) is kept, by its value.
    const added = json(
      await cli(['plannings', 'add', url, '--departement', '93', '--guichet', ' prendre un rendez-vous pour un RENOUVELLEMENT de titre de séjour', '--json']),
    ) as Planning;
    expect(added).toMatchObject({ url, system: 'legacy', guichet: '9831', departement: '93', prefecture: 'Seine-Saint-Denis', followed: true });
    expect(added.label).toBe('Prendre un rendez-vous pour un renouvellement de titre de séjour');

    const first = await cli(['plannings', 'list']);
    expect(first.stdout).toBe(
      `${added.id}  suivi  93 Seine-Saint-Denis — ${added.label}\n    ${url} — guichet « ${added.label} »\n    aucun sondage encore\n`,
    );

    // Named by the start of its id, as `plannings list` prints it.
    const probe = json(await cli(['probe', '--planning', added.id.slice(0, 8), '--json'])) as Probe;
    expect(probe).toMatchObject({ planningId: added.id, outcome: 'dates', trigger: 'manual' });

    const sealed = await cli(['seal']);
    expect(sealed.code).toBe(0);
    const seals = json(await cli(['seals', 'list', '--json'])) as { seals: { probes: number; plannings: number; stamped: boolean; readable: boolean }[] };
    expect(seals.seals).toEqual([expect.objectContaining({ probes: 1, plannings: 1, stamped: false, readable: true })]);

    // Its chart, as the app exports it: refused without the association's name it carries, then in English.
    const nameless = await cli(['export', 'png', '--planning', added.id]);
    expect(nameless.code).toBe(2);
    expect(nameless.stdout).toBe('');
    expect(nameless.stderr).not.toMatch(/\n\s+at /);
    expect(nameless.stderr).toMatch(/^Erreur : Avant le premier export, indiquez le nom de l’association dans les réglages : il est écrit sur chaque graphique\.$/m);
    expect((await cli(['settings', 'set', 'associationName', 'Association Test'])).code).toBe(0);
    const chart = await cli(['export', 'png', '--planning', added.id, '--lang', 'en']);
    expect(chart.code, chart.stderr).toBe(0);
    const written = /Chart written to (.+\.png)$/m.exec(chart.stdout + chart.stderr)?.[1] ?? '';
    expect(path.dirname(written)).toBe(path.join(dataDir, 'exports'));
    const png = await readFile(written);
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(pngTexts(png).Description?.split('\n')).toEqual(
      expect.arrayContaining(['1 conclusive probe over 1 day', expect.stringMatching(/^Source: hourly Guichets probes \(Association Test\) of the booking page/)]),
    );

    const [paused, english] = await Promise.all([cli(['plannings', 'pause', added.id]), cli(['seals', 'list', '--lang', 'en'])]);
    expect(paused.stdout).toMatch(/en pause/);
    expect(english.stdout).toMatch(/1 probe\(s\) of 1 planning\(s\), key [0-9a-f ]+, not time-stamped/);
    const edited = json(await cli(['plannings', 'edit', added.id, '--label', 'Bobigny — renouvellement', '--online-mandatory', '--json'])) as Planning;
    expect(edited).toMatchObject({ label: 'Bobigny — renouvellement', onlineMandatory: true, followed: false, guichet: '9831' });
    const listed = await cli(['plannings', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${added.id}  en pause  93 Seine-Saint-Denis — Bobigny — renouvellement\n`));
    expect(listed.stdout).toMatch(/dernier sondage : \d\d\/\d\d\/\d{4} \d\d:\d\d → dates proposées \(\d\d\/\d\d\/\d{4} à \d\d:\d\d\)/);

    expect((await cli(['plannings', 'remove', added.id])).code).toBe(0);
    expect((json(await cli(['plannings', 'list', '--json'])) as { plannings: Planning[] }).plannings).toEqual([]);
  });
});

describe('settings', () => {
  it('reads and writes a setting, each value read after its kind', async () => {
    const [hours, all] = await Promise.all([cli(['settings', 'set', 'activeHours', '8-20', '--json']), cli(['settings', 'get', 'hostSpacingSeconds'])]);
    expect(json(hours)).toEqual({ activeHours: { from: 8, to: 20 } });
    expect(all.stdout).toBe('hostSpacingSeconds = 30\n');
    expect(json(await cli(['settings', 'get', 'activeHours', '--json']))).toEqual({ activeHours: { from: 8, to: 20 } });
  });

  it('takes the hours as written in France, and says what the days are when given by name', async () => {
    // One after the other: two processes changing the settings at once would meet the writer's lock.
    const hours = await cli(['settings', 'set', 'activeHours', '8 h à 19 h', '--json']);
    const days = await cli(['settings', 'set', 'activeDays', 'lundi,mardi']);
    const english = await cli(['settings', 'set', 'activeDays', 'monday', '--lang', 'en']);
    expect(json(hours)).toEqual({ activeHours: { from: 8, to: 19 } });
    refused(days, /^Erreur : activeDays : « lundi,mardi » ne convient pas, les numéros des jours sont attendus, de 1 \(lundi\) à 7 \(dimanche\), séparés par des virgules, par exemple 1,2,3,4,5\.\n$/);
    refused(english, /^Error: activeDays: “monday” does not fit, the days’ numbers are expected, 1 \(Monday\) to 7 \(Sunday\)/);
    await cli(['settings', 'set', 'activeHours', '0-24']);
  });
});

describe('bad input: one line in the person’s language, exit 2', () => {
  it('in French by default, in English with --lang en or an English locale', async () => {
    const runs = await Promise.all([
      cli(['plannings', 'add', `${replica.origin}/booking/create/9829/0`, '--json']),
      cli(['settings', 'set', 'hostSpacingSeconds', 'abc', '--lang', 'en']),
      cli(['settings', 'set', 'probeTimeoutSeconds', '5', '--json']),
      cli(['plannings', 'edit', 'nope', '--label', 'x'], { LANG: 'en_GB.UTF-8' }),
      cli(['plannings', 'frobnicate']),
      cli(['settings', 'set', 'colour', 'blue']),
      cli(['plannings', 'list', '--lang', 'de']),
      cli(['probe', `${replica.origin}/rendez-vous`, '--lang', 'en']),
    ]);
    const [noDepartement, notANumber, tooShort, unknownPlanning, unknownAction, unknownSetting, badLang, unknownSite] = runs;
    refused(noDepartement, /^Erreur : Indiquez le département : --departement 93/);
    refused(notANumber, /^Error: hostSpacingSeconds: “abc” does not fit, a whole number is expected\./);
    refused(tooShort, /^Erreur : « probeTimeoutSeconds » : au moins 20\./);
    refused(unknownPlanning, /^Error: No planning “nope” here\. See: npm run cli -- plannings list/);
    refused(unknownAction, /^Erreur : plannings : action inconnue « frobnicate »/);
    refused(unknownSetting, /^Erreur : Réglage inconnu « colour »\. Réglages : language, browserPath/);
    refused(badLang, /^Erreur : --lang : fr ou en \(reçu « de »\)/);
    // An address Guichets cannot read: what to do instead, in the person's language (`probe` takes no --steps: the
    // verb that does is named).
    refused(unknownSite, /^Error: Guichets does not recognise the booking module of http:\/\/127\.0\.0\.1:\d+\/rendez-vous .*on the command line: npm run cli -- plannings add ADDRESS --steps STEPS\.json\)\.\n$/);
  });

  it('a planning add with a mistyped département is refused before the site is read', async () => {
    const run = await cli(['plannings', 'add', `${replica.origin}/booking/create/9829/0`, '--departement', '999', '--guichet', '9831']);
    refused(run, /^Erreur : Département : un code comme « 93 », « 2A » ou « 971 »\.\n$/);
  });

  it('a planning add whose long address (more than a label holds) is read, not refused as a label too long', async () => {
    const run = await cli(['plannings', 'add', `${replica.origin}/booking/create/9829/0?${'origine=lien-du-site-de-la-prefecture&'.repeat(9)}`, '--departement', '93']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/choisissez-en un avec --guichet/);
  });

  it('a planning add that needs a guichet names those offered', async () => {
    const run = await cli(['plannings', 'add', `${replica.origin}/booking/create/9829/0`, '--departement', '93']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/choisissez-en un avec --guichet.*9830 « Prendre un rendez-vous pour une première demande de titre de séjour »/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a reader that stops early', () => {
  it('`settings get | head -1`: the closed pipe ends the command quietly, no stack trace', async () => {
    const child = spawn(process.execPath, [CLI_BUNDLE, 'settings', 'get', '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the command prints anything, as `head` does once it has its line.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
