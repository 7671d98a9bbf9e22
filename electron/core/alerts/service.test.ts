// The alerts the dashboard gets as probes come in: an alert turned off, or of a planning no longer followed, does
// not come back with the next probe of another planning.
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { createStore, type Store } from '../store/store.js';
import { syntheticPlanning, syntheticProbe } from '../../../test/support/synthetic.js';
import { createAlertService } from './service.js';
import type { Alert } from '../../shared/api.js';

let dir: string;
let store: Store;
const clock = fixedClock('2026-12-01T12:00:00Z');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-alerts-'));
  store = createStore({ dir, clock, log: () => undefined });
  for (const id of ['evry', 'bobigny']) {
    await store.plannings.put(syntheticPlanning(id));
    for (let n = 0; n < 3; n += 1) {
      await store.probes.append({ ...syntheticProbe(id, '2026-12-01T08:00:00Z', n), outcome: 'unreachable' }, { screenshot: null, pageText: null });
    }
  }
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const service = (changed: (alerts: Alert[]) => void = () => undefined) =>
  createAlertService({ store, clock, dataDir: dir, log: () => undefined, changed });

const failingOf = (alerts: { kind: string; planningId: string | null }[]) =>
  alerts.filter((alert) => alert.kind === 'failing').map((alert) => alert.planningId).sort();

describe('alerts after each probe', () => {
  it('drops an alert turned off, and a planning no longer followed, at the next probe of any planning', async () => {
    const alerts = service();
    expect(failingOf(await alerts.afterProbe('evry'))).toEqual(['bobigny', 'evry']);
    await store.settings.update({ alertsMuted: { bobigny: ['failing'] } });
    expect(failingOf(await alerts.afterProbe('evry'))).toEqual(['evry']);
    await store.settings.update({ alertsMuted: {} });
    expect(failingOf(await alerts.afterProbe('bobigny'))).toEqual(['bobigny', 'evry']);
    await store.plannings.put({ ...syntheticPlanning('bobigny'), followed: false });
    expect(failingOf(await alerts.afterProbe('evry'))).toEqual(['evry']);
  });

  it('after probes nobody was shown, reads every planning again: an alert that arose meanwhile is not lost', async () => {
    const alerts = service();
    await store.settings.update({ alertsMuted: { bobigny: ['failing'] } });
    expect(failingOf(await alerts.afterProbe('evry'))).toEqual(['evry']);
    // Bobigny's alert comes back while no screen listens (a command's own probes): its probes went by uncounted.
    await store.settings.update({ alertsMuted: {} });
    alerts.forget();
    expect(failingOf(await alerts.afterProbe('evry'))).toEqual(['bobigny', 'evry']);
  });
});

describe('the probes the alerts read', () => {
  it('go back past the first day when a run of failures or a stretch without dates reaches it', async () => {
    // Évry: 40 failures in a row; Bobigny: two days without dates (hourly), then dates again.
    for (let n = 3; n < 40; n += 1) {
      await store.probes.append({ ...syntheticProbe('evry', '2026-12-01T08:00:00Z', n), outcome: 'robot_error' }, { screenshot: null, pageText: null });
    }
    for (let n = 3; n < 52; n += 1) {
      const outcome = n < 51 ? 'no_date' : 'dates';
      await store.probes.append({ ...syntheticProbe('bobigny', '2026-12-01T08:00:00Z', n), outcome, firstSlot: n < 51 ? null : '2026-12-20T09:00' }, { screenshot: null, pageText: null });
    }
    const alerts = await service().list();
    expect(alerts.find((alert) => alert.kind === 'failing' && alert.planningId === 'evry')?.params).toMatchObject({ count: 40 });
    expect(alerts.find((alert) => alert.kind === 'dates_back' && alert.planningId === 'bobigny')?.params).toMatchObject({ days: 2 });
  });
});

describe('the folder-wide alerts after a probe', () => {
  it('keep the backup alert of the folder’s oldest evidence, whichever planning was probed', async () => {
    // Bobigny followed since yesterday, Évry since January: the folder holds months of evidence never backed up.
    await store.plannings.put(syntheticPlanning('bobigny', { createdAt: '2026-11-30T12:00:00Z' }));
    const alerts = createAlertService({ store, clock, dataDir: dir, log: () => undefined, changed: () => undefined, lastGoodBackup: () => Promise.resolve(null) });
    const backup = (list: Alert[]) => list.filter((alert) => alert.kind === 'backup').map((alert) => alert.id);
    expect(backup(await alerts.afterProbe('evry'))).toEqual(['backup:never']);
    expect(backup(await alerts.afterProbe('bobigny'))).toEqual(['backup:never']);
  });
});

describe('an alert marked « vu »', () => {
  it('goes from the list and stays gone after other probes, while the same kind comes back for a new situation', async () => {
    const pushed: Alert[][] = [];
    const alerts = service((list) => pushed.push(list));
    const evry = (await alerts.list()).find((alert) => alert.kind === 'failing' && alert.planningId === 'evry');
    if (!evry) throw new Error('no alert for evry');
    const left = await alerts.markSeen(evry.id);
    expect(failingOf(left)).toEqual(['bobigny']);
    // The screens are told at once.
    expect(pushed.map(failingOf)).toEqual([['bobigny']]);
    expect(failingOf(await alerts.list())).toEqual(['bobigny']);
    const alertsAfterProbes = service();
    expect(failingOf(await alertsAfterProbes.afterProbe('bobigny'))).toEqual(['bobigny']);
    // The robot reads again, then fails three times more: a new situation, a new alert (not muted).
    await store.probes.append(syntheticProbe('evry', '2026-12-01T11:00:00Z', 0), { screenshot: null, pageText: null });
    for (let n = 1; n <= 3; n += 1) {
      await store.probes.append({ ...syntheticProbe('evry', '2026-12-01T11:00:00Z', n), outcome: 'unreachable' }, { screenshot: null, pageText: null });
    }
    expect(failingOf(await alertsAfterProbes.afterProbe('evry'))).toEqual(['bobigny', 'evry']);
    // Only the ids of alerts still standing are kept in the settings.
    await alerts.markSeen('failing:bobigny:none');
    expect((await store.settings.get()).alertsSeen).toEqual(['failing:bobigny:none']);
  });
});

describe('the evidence budget', () => {
  it('raises its alert once the evidence folder, measured in the background, is over the budget', async () => {
    await store.settings.update({ evidenceBudgetGb: 1 });
    // 2 GB of evidence without writing them: a sparse file counts by its size.
    const logs = path.join(dir, 'evidence', 'evry', '2026-12');
    await mkdir(logs, { recursive: true });
    await writeFile(path.join(logs, 'big.log'), '');
    await truncate(path.join(logs, 'big.log'), 2 * 1024 ** 3);
    const pushed: Alert[] = [];
    const alerts = service((list) => pushed.push(...list));
    // The first call does not wait for the measure; the screens are told once it is done, and later calls have it.
    expect((await alerts.list()).find((alert) => alert.id === 'disk:budget')).toBeUndefined();
    const alert = { id: 'disk:budget', kind: 'disk', params: { evidenceGb: 2, budgetGb: 1 } };
    await expect.poll(() => pushed.find((one) => one.id === 'disk:budget'), { timeout: 5_000 }).toMatchObject(alert);
    expect((await alerts.list()).find((one) => one.id === 'disk:budget')).toMatchObject(alert);
  });
});
