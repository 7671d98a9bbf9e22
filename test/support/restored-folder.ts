// A data folder restored in place from an older backup, as a person lives it: probes sealed on this PC (its memory
// of the seal kept in the config folder of `env`, outside the data folder), a backup copied, a day of probes and its
// seal, then the folder replaced by the backup. Verify then finds the newer seal this PC remembers gone.
import { cp, rm } from 'node:fs/promises';
import { fixedClock } from '../../electron/core/clock.js';
import { createSealService } from '../../electron/core/seals/service.js';
import { createStore, type Store } from '../../electron/core/store/store.js';
import { appendSyntheticProbes, syntheticPlanning } from './synthetic.js';

/** Seals as the app does on this PC, at `at`; the seal's name. */
async function sealAt(store: Store, env: NodeJS.ProcessEnv, at: string): Promise<string> {
  const seals = createSealService({ store, clock: fixedClock(at), env, appVersion: '0.0.0-test', log: () => undefined, trustDir: null });
  const { name } = await seals.create();
  await seals.stop();
  return name;
}

/** Probes of `planningIds` (with their captures), sealed on 10 March 2026 at 12:00 UTC; the seal's name. */
export async function sealedFolder(dir: string, env: NodeJS.ProcessEnv, planningIds: readonly string[], probes = 5): Promise<string> {
  const store = createStore({ dir, clock: fixedClock('2026-03-10T12:00:00Z'), log: () => undefined });
  for (const id of planningIds) {
    await store.plannings.put(syntheticPlanning(id));
    await appendSyntheticProbes(store, { planningId: id, count: probes, start: '2026-03-10T06:00:00Z' });
  }
  const name = await sealAt(store, env, '2026-03-10T12:00:00Z');
  await store.close();
  return name;
}

/**
 * The folder `dir` (sealed by sealedFolder) backed up into `backup`, given three more probes of `planningId` and
 * their seal on 11 March at 18:00 UTC, then replaced by the backup; the lost seal's name.
 */
export async function restoreInPlace(dir: string, backup: string, env: NodeJS.ProcessEnv, planningId: string): Promise<string> {
  await cp(dir, backup, { recursive: true });
  const later = createStore({ dir, clock: fixedClock('2026-03-11T18:00:00Z'), log: () => undefined });
  await appendSyntheticProbes(later, { planningId, count: 3, start: '2026-03-11T14:00:00Z' });
  const lost = await sealAt(later, env, '2026-03-11T18:00:00Z');
  await later.close();
  await rm(dir, { recursive: true });
  await cp(backup, dir, { recursive: true });
  return lost;
}
