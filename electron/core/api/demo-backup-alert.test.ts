import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { createStore } from '../store/index.js';
import { syntheticPlanning } from '../../../test/support/synthetic.js';
import { createCore } from './create-core.js';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** The backup alerts of a folder whose one planning was created three weeks ago and never backed up. */
async function backupAlerts(demo: boolean): Promise<string[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-demo-backup-'));
  folders.push(dataDir);
  const clock = fixedClock('2026-11-21T10:00:00Z');
  const store = createStore({ dir: dataDir, clock, log: () => undefined });
  await store.plannings.put(syntheticPlanning('evry', { createdAt: '2026-10-31T10:00:00Z' }));
  await store.close();
  const core = createCore({ dataDir, appVersion: 'test', clock, demo, log: () => undefined });
  try {
    const alerts = await core.api['alerts:list'](undefined);
    return alerts.filter((alert) => alert.kind === 'backup').map((alert) => alert.id);
  } finally {
    await core.close();
  }
}

describe('the backup alert', () => {
  it('asks for a backup of a real folder after a week without one', async () => {
    expect(await backupAlerts(false)).toEqual(['backup:never']);
  });

  it('never nags on the demo’s folder, a throwaway of made-up probes', async () => {
    expect(await backupAlerts(true)).toEqual([]);
  });
});
