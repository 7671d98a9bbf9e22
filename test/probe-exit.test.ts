// A one-off command ends when its work does: once the core that made a probe is closed, nothing of it keeps the
// process alive (no timer, no child process, no socket), so `cli probe` exits as soon as it has printed. Checked
// in a process of its own (test/support/probe-once.ts): a test runner keeps timers of its own.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../electron/core/clock.js';
import { startReplicaServer, type ReplicaServer } from '../electron/replicas/index.js';
import { nodeArgs } from './support/node-cli.js';

const root = path.resolve(import.meta.dirname, '..');
let replica: ReplicaServer;
let dataDir: string;

beforeAll(async () => {
  replica = await startReplicaServer({ clock: systemClock });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-probe-exit-'));
});

afterAll(async () => {
  await replica.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a one-off probe', () => {
  it('leaves nothing running once its core is closed', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      nodeArgs('test/support/probe-once.ts', `${replica.origin}/booking/create/12083/0`, dataDir),
      { cwd: root, env: { ...process.env, GUICHETS_BROWSER: '/usr/bin/chromium' }, timeout: 120_000 },
    );
    expect(JSON.parse(stdout)).toEqual({ outcome: 'dates', left: [] });
  });
});
