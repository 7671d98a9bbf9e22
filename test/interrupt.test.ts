// Ctrl+C while a probe runs: the probe is our own shutdown, not the site's outcome nor a robot error. The process
// ends cleanly, the browser with it, and nothing half-done is recorded (the hour of a scheduled run becomes a gap:
// electron/core/schedule/scheduler.test.ts).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../electron/core/api/create-core.js';
import { BROWSER } from './ui-harness.js';
import { nodeArgs } from './support/node-cli.js';

const root = path.resolve(import.meta.dirname, '..');
let dataDir: string;
let site: Server;
const held = new Set<Socket>();
let planningId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-interrupt-'));
  // A site that takes the connection and never answers: the probe is still waiting when Ctrl+C comes.
  site = createServer((socket) => {
    held.add(socket);
    socket.on('close', () => held.delete(socket));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const port = (site.address() as { port: number }).port;
  const core = createCore({ dataDir, appVersion: '0.0.0-test', env: { GUICHETS_TSA_URLS: 'none' }, log: () => undefined });
  const planning = await core.api['plannings:create']({
    label: 'Site qui ne répond pas',
    departement: '91',
    prefecture: 'Évry',
    url: `http://127.0.0.1:${port}/booking/create/1`,
    system: 'legacy',
    guichet: null,
    procedure: '',
    onlineMandatory: true,
  });
  planningId = planning.id;
  await core.close();
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => site.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

describe('Ctrl+C during a probe', () => {
  it('ends the process cleanly and records no outcome for the probe it stopped', async () => {
    const child = spawn(process.execPath, nodeArgs('test/support/interrupt-child.ts', dataDir, planningId), {
      cwd: root,
      env: { ...process.env, GUICHETS_BROWSER: BROWSER },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve()));
    // The browser is on the page, waiting for it.
    await expect.poll(() => held.size, { timeout: 30_000 }).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await ended, stderr).toBe(0);
    const core = createCore({ dataDir, appVersion: '0.0.0-test', env: { GUICHETS_TSA_URLS: 'none' }, log: () => undefined });
    try {
      expect(await core.api['probes:list']({ planningId })).toEqual([]);
    } finally {
      await core.close();
    }
  }, 90_000);
});
