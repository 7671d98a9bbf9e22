// The command line as a user runs it: a separate process, one JSON object on stdout, exit codes, no stack traces.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../electron/core/clock.js';
import { startReplicaServer, type ReplicaServer } from '../electron/replicas/index.js';
import { runCli, type CliRun } from './support/node-cli.js';

let replica: ReplicaServer;
let dataDir: string;

type Run = CliRun;

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runCli([...args, '--data-dir', dataDir], { GUICHETS_BROWSER: '/usr/bin/chromium', ...env }, 90_000);
}

function expectNoStack(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 1;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  replica = await startReplicaServer({ clock: systemClock });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-cli-'));
});

afterAll(async () => {
  await replica.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('probe --json', { timeout: 120_000 }, () => {
  it('prints exactly one JSON object with the design’s fields, the slots, and a screenshot on disk', async () => {
    const run = await cli(['probe', `${replica.origin}/booking/create/12083/0`, '--json']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(
      ['detail', 'durationMs', 'firstDate', 'firstSlot', 'log', 'outcome', 'screenshot', 'secondDate', 'secondSlot', 'startedAt', 'url'].sort(),
    );
    // The robot's steps and the browser's messages are in the log kept beside the capture, not on standard error.
    expect(run.stderr).not.toMatch(/Étape : /);
    await expect(readFile(String(result.log), 'utf8')).resolves.toMatch(/Étape : [^\n]+[\s\S]*Résultat : dates/);
    expect(result.outcome).toBe('dates');
    expect(result.firstSlot).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(result.firstDate).toBe(String(result.firstSlot).slice(0, 10));
    expect(result.secondDate).toBe(String(result.secondSlot).slice(0, 10));
    const png = await readFile(String(result.screenshot));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('chooses a guichet by its label, case and spacing aside, and reports the site’s no-slot answer', async () => {
    const run = await cli([
      'probe',
      `${replica.origin}/booking/create/9829/0`,
      '--guichet',
      '  prendre un rendez-vous pour une PREMIÈRE demande   de titre de séjour ',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result.outcome).toBe('no_date');
    expect(result.firstSlot).toBeNull();
    expect(result.secondDate).toBeNull();
  });

  it('exits 0 with the outcome when the site fails: a 502 is a site error', async () => {
    const run = await cli(['probe', `${replica.origin}/booking/create/90502/0`, '--json', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { outcome: string }).outcome).toBe('site_error');
    // What a person should read on the way (a browser without its sandbox, as root here) is in their language.
    expect(run.stderr).not.toMatch(/bac à sable|Navigateur/);
  });

  it('records an unreachable host as such', async () => {
    const run = await cli(['probe', `http://127.0.0.1:${await closedPort()}/booking/create/1/0`, '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { outcome: string }).outcome).toBe('unreachable');
  });
});

describe('bad input gets one clear line, no stack trace, a non-zero exit', { timeout: 120_000 }, () => {
  it('not a URL', async () => {
    const run = await cli(['probe', 'bobigny', '--json']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Erreur : Adresse : donnez l’adresse complète/);
    expectNoStack(run);
  });

  it('several guichets and none chosen: names them and says to pass --guichet', async () => {
    const run = await cli(['probe', `${replica.origin}/booking/create/9829/0`, '--json']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--guichet');
    expect(run.stderr).toContain('renouvellement de titre de séjour');
    expectNoStack(run);
  });

  it('no browser: says where to point Guichets', async () => {
    const run = await cli(['probe', `${replica.origin}/booking/create/12083/0`], {
      GUICHETS_BROWSER: '/nonexistent/chrome',
      PATH: '/nonexistent',
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/GUICHETS_BROWSER/);
    expectNoStack(run);
  });

  it('an unknown command or option', async () => {
    const [unknown, option] = await Promise.all([cli(['probes']), cli(['probe', '--guichett', 'x'])]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Commande inconnue/);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe('Erreur : Option inconnue : « --guichett ». Voir : npm run cli -- --help\n');
  });
});

describe('discover', { timeout: 120_000 }, () => {
  it('lists the guichets offered at a booking URL', async () => {
    const run = await cli(['discover', `${replica.origin}/booking/create/9829/0`, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { system: string; guichets: { value: string; label: string }[] };
    expect(result.system).toBe('legacy');
    expect(result.guichets.map((g) => g.value)).toEqual(['9830', '9831', '9832', '9833']);
  });
});
