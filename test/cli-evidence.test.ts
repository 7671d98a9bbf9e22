// The command line on evidence and bad input, as a user (and a forger) runs it: exit codes 0 intact, 1 altered
// or failed, 2 bad input; one French line on stderr, never a stack trace.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../electron/core/clock.js';
import { createStore } from '../electron/core/store/index.js';
import type { Probe } from '../electron/shared/domain.js';
import { appendSyntheticProbes, syntheticPlanning } from './support/synthetic.js';

const root = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);
let tmp: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args],
      { cwd: root, env: { ...process.env, GUICHETS_TSA_URLS: 'none' }, timeout: 280_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

function expectOneFrenchLine(result: Run, code: number, pattern: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).toMatch(pattern);
}

async function filled(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  const store = createStore({ dir, clock: systemClock, log: () => undefined });
  for (const id of ['p1', 'p2']) {
    await store.plannings.put(syntheticPlanning(id));
    await appendSyntheticProbes(store, { planningId: id, count: 4, start: '2026-03-10T08:00:00Z', artefacts: false });
  }
  await store.close();
  return dir;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'guichets-cli-evidence-'));
});

afterAll(async () => {
  await run('chattr', ['-i', path.join(tmp, 'read-only')]).catch(() => undefined);
  await rm(tmp, { recursive: true, force: true });
});

describe('bad input: exit 2, one line', () => {
  it('a missing folder, an unknown planning, a folder that is a file, a read-only folder, a port in use', { timeout: 420_000 }, async () => {
    const dir = await filled('bad-input');
    const file = path.join(tmp, 'a-file');
    await writeFile(file, 'x');
    const readOnly = path.join(tmp, 'read-only');
    await mkdir(readOnly);
    // Root ignores file modes; an immutable folder refuses even root.
    await run('chattr', ['+i', readOnly]);
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = String((busy.address() as { port: number }).port);
    try {
      const [missing, unknown, isFile, cannotWrite, portInUse] = await Promise.all([
        cli(['verify', '--data-dir', path.join(tmp, 'nowhere')]),
        cli(['export', 'csv', '--out', path.join(tmp, 'x.csv'), '--planning', 'nope', '--data-dir', dir]),
        cli(['stats', '--data-dir', file]),
        cli(['seal', '--data-dir', readOnly]),
        cli(['serve', '--port', port, '--data-dir', path.join(tmp, 'serve')]),
      ]);
      expectOneFrenchLine(missing, 2, /^Erreur : Dossier de données introuvable/m);
      expect(missing.stdout).not.toContain('intactes');
      expectOneFrenchLine(unknown, 2, /Planning inconnu : nope\. Plannings existants : p1, p2/);
      expectOneFrenchLine(isFile, 2, /est un fichier, pas un dossier/);
      expectOneFrenchLine(cannotWrite, 2, /lecture seule ou accès refusé/);
      expectOneFrenchLine(portInUse, 2, new RegExp(`Le port ${port} est déjà utilisé`));
    } finally {
      busy.close();
      await run('chattr', ['-i', readOnly]);
    }
  });
});

describe('seal and verify', () => {
  it('seals, verifies intact (0), then names a forger’s deletion behind the seal (1)', { timeout: 420_000 }, async () => {
    const dir = await filled('sealed');
    const sealed = await cli(['seal', '--data-dir', dir]);
    expect(sealed.code).toBe(0);
    expect(sealed.stdout).toMatch(/^Sceau \d{8}T\d{6}Z écrit .* 8 sondage\(s\) de 2 planning\(s\), non horodaté/);
    const intact = await cli(['verify', '--data-dir', dir]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Clé de l’installation : ([0-9a-f]{4} ){15}[0-9a-f]{4}/);
    expect(intact.stdout).toContain('Sceaux non horodatés');

    const day = path.join(dir, 'probes/p1/2026-03/2026-03-10.json');
    const probes = (JSON.parse(await readFile(day, 'utf8')) as { probes: Probe[] }).probes;
    const kept = probes.slice(0, 2);
    await writeFile(day, JSON.stringify({ probes: kept }));
    const aggregates = path.join(dir, 'aggregates/p1.json');
    const head = kept[1];
    const counts = JSON.parse(await readFile(aggregates, 'utf8')) as Record<string, unknown>;
    await writeFile(aggregates, JSON.stringify({ ...counts, probes: 2, head: { hash: head?.hash, probeId: head?.id, startedAt: head?.startedAt } }));
    const altered = await cli(['verify', '--data-dir', dir]);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`le sondage ${probes[3]?.id ?? '?'}, dernier des 4 sondages scellés`);
  });
});

describe('a damaged day file', () => {
  it('is marked by stats, and the CSV export writes every other probe then names it (exit 1)', { timeout: 420_000 }, async () => {
    const dir = await filled('damaged');
    await writeFile(path.join(dir, 'probes/p2/2026-03/2026-03-10.json'), '{"probes": [');
    const out = path.join(tmp, 'damaged.csv');
    const [stats, exported] = await Promise.all([
      cli(['stats', '--data-dir', dir]),
      cli(['export', 'csv', '--out', out, '--data-dir', dir]),
    ]);
    expect(stats.code).toBe(1);
    expect(stats.stdout).toMatch(/✗ chiffres illisibles : .*p2/);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('probes/p2/2026-03/2026-03-10.json');
    expect(exported.stderr).not.toMatch(/\n\s+at /);
    expect((await readFile(out, 'utf8')).trimEnd().split('\n')).toHaveLength(5);
  });
});
