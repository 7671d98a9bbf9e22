// Ctrl+C during `npm run cli -- verify`: the check stops with one line saying that nothing was concluded, and a
// code that is neither « intact » (0) nor « altered » (1); no summary, no seal, nothing that could pass for a verdict.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../electron/core/clock.js';
import { createStore } from '../electron/core/store/store.js';
import { appendSyntheticProbes, syntheticPlanning } from './support/synthetic.js';
import { nodeArgs, ROOT } from './support/node-cli.js';

let root: string;
let dataDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'guichets-verify-interrupt-'));
  dataDir = path.join(root, 'donnees');
  const store = createStore({ dir: dataDir, clock: fixedClock('2026-03-12T08:00:00Z'), log: () => undefined });
  for (const id of ['p1', 'p2']) {
    await store.plannings.put(syntheticPlanning(id));
    await appendSyntheticProbes(store, { planningId: id, count: 5, start: '2026-03-10T06:00:00Z' });
  }
  await store.close();
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('verify interrupted', () => {
  it('says in one line that nothing was concluded and ends with code 130', async () => {
    // The trusted roots named by GUICHETS_TSA_ROOTS are read as the check starts: from a pipe, the check waits there
    // until this test writes, so Ctrl+C comes while the check is under way, never before nor after it.
    const roots = path.join(root, 'racines.pem');
    execFileSync('mkfifo', [roots]);
    const child = spawn(process.execPath, nodeArgs('electron/cli/main.ts', 'verify', '--data-dir', dataDir), {
      cwd: ROOT,
      env: { ...process.env, GUICHETS_TSA_ROOTS: roots, GUICHETS_TSA_URLS: 'none', XDG_CONFIG_HOME: path.join(root, 'config'), LC_ALL: 'fr_FR.UTF-8' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));

    const pipe = await open(roots, 'w');
    child.kill('SIGINT');
    await pipe.close();
    expect(await ended).toEqual({ code: 130, signal: null });
    expect(stdout).toBe('');
    // After the line that names the data folder, the one about the stop, and nothing else.
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^Données : /), 'Vérification arrêtée avant sa fin : rien n’est conclu, ni intact ni altéré. Relancez-la pour obtenir un verdict.']);
  }, 60_000);
});
