// A backup against a data folder altered after its last copy: the copy holds the evidence as it was, and the next
// backup must not overwrite it with the altered one (nor drop a seal the source lost). Evidence only grows.
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { createAlertService } from '../alerts/service.js';
import { wordCore } from '../messages.js';
import { coreMessage } from '../../shared/messages/index.js';
import { createSeal } from '../seals/seal.js';
import { loadTrust, type TrustSet } from '../seals/trust.js';
import { createStore, type Store } from '../store/store.js';
import { appendSyntheticProbes, syntheticPlanning } from '../../../test/support/synthetic.js';
import { runBackup } from './backup.js';
import { readBackupState } from './backup-state.js';

const START = '2026-03-10T06:00:00Z';
const DAY = 'probes/p1/2026-03/2026-03-10.json';
const GAPS = 'probes/p1/2026-03/gaps.json';
const HISTORY = 'plannings-history/p1.json';
const clock = fixedClock('2026-03-10T20:00:00Z');
let root: string;
let dir: string;
let dest: string;
let store: Store;
let trust: TrustSet;

const backup = () => runBackup({ dataDir: dir, dest, clock, trust, exclusive: store.exclusive });
const seal = () => createSeal({ store, clock, appVersion: '0.0.0-test', tsaUrls: [], trust, log: () => undefined });

/** Every file of the copy and its bytes: what « unchanged » means. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(folder, path.join(entry.parentPath, entry.name)), (await readFile(path.join(entry.parentPath, entry.name))).toString('base64'));
  }
  return files;
}

beforeEach(async () => {
  clock.set('2026-03-10T20:00:00Z');
  root = await mkdtemp(path.join(os.tmpdir(), 'guichets-backup-guard-'));
  dir = path.join(root, 'data');
  dest = path.join(root, 'usb', 'Guichets');
  await mkdir(dir);
  store = createStore({ dir, clock, log: () => undefined });
  trust = await loadTrust({ env: {}, userDir: null });
  await store.plannings.put(syntheticPlanning('p1'));
  await appendSyntheticProbes(store, { planningId: 'p1', count: 5, start: START });
  await store.gaps.record({ planningId: 'p1', from: '2026-03-10T02:00:00Z', to: '2026-03-10T04:00:00Z', hours: 2, reason: 'app_closed' });
  await store.plannings.put(syntheticPlanning('p1', { label: 'Bobigny, titres de séjour' }));
  await seal();
  expect(await backup()).toMatchObject({ good: true, checkedProbes: 5 });
  clock.set('2026-03-11T08:00:00Z');
});

afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

describe('a backup of a data folder altered since its last copy', () => {
  it('refuses to overwrite a sealed day file rewritten in the source, keeps the copy as it was, and the alert names the file', async () => {
    const source = path.join(dir, DAY);
    await writeFile(source, (await readFile(source, 'utf8')).replace('"httpStatus":200', '"httpStatus":503'));
    const before = await snapshot(dest);
    const result = await backup();
    expect(result).toMatchObject({ good: false, copiedFiles: 0, refused: { file: DAY, why: 'shortened' } });
    expect(await snapshot(dest)).toEqual(before);
    const state = await readBackupState(dir);
    expect(state.lastGood?.at).toBe('2026-03-10T20:00:00.000Z');
    expect(state.lastAttempt).toMatchObject({ good: false, refused: { file: DAY, why: 'shortened' } });
    expect(wordCore(coreMessage('backup.refused', { dest: result.dest, ...result.refused }))).toBe(
      `✗ Sauvegarde dans ${dest} refusée, rien n’y a été remplacé : « ${DAY} » y est plus long ou différent que dans le dossier de données, qui ne fait pourtant que s’allonger. Les preuves du dossier de données ont pu être modifiées après coup : vérifiez-le (npm run cli -- verify) avant toute nouvelle sauvegarde.`,
    );

    // What the app shows: the backup alert at once, naming the file (not a week later as « no backup »).
    const alerts = createAlertService({
      store,
      clock,
      dataDir: dir,
      log: () => undefined,
      changed: () => undefined,
      lastGoodBackup: () => Promise.resolve(new Date('2026-03-10T20:00:00Z')),
      refusedBackup: async () => {
        const attempt = (await readBackupState(dir)).lastAttempt;
        return attempt?.refused ? { at: attempt.at, dest: attempt.dest, refused: attempt.refused } : null;
      },
    });
    const [alert] = (await alerts.list()).filter((entry) => entry.kind === 'backup');
    expect(alert).toMatchObject({ params: { refused: DAY, why: 'shortened' } });
    expect(alert?.message).toContain(`« ${DAY} »`);
  });

  it('keeps in the copy a seal deleted from the source, and says so', async () => {
    const [name] = (await readdir(path.join(dir, 'seals'))).filter((file) => file.endsWith('.json'));
    await rm(path.join(dir, 'seals', name ?? ''));
    const result = await backup();
    expect(result).toMatchObject({ good: false, refused: { file: `seals/${name ?? ''}`, why: 'removed' } });
    expect(await readdir(path.join(dest, 'seals'))).toContain(name);
  });

  it('never replaces a capture by other bytes under its name', async () => {
    const blobs = path.join(dir, 'evidence', '_blobs');
    const [folder] = await readdir(blobs);
    const [file] = await readdir(path.join(blobs, folder ?? ''));
    const relative = `evidence/_blobs/${folder ?? ''}/${file ?? ''}`;
    const kept = await readFile(path.join(dest, relative));
    await writeFile(path.join(dir, relative), Buffer.concat([kept, Buffer.from('retouchée')]));
    expect(await backup()).toMatchObject({ good: false, refused: { file: relative, why: 'changed' } });
    expect(await readFile(path.join(dest, relative))).toEqual(kept);
  });

  it('refuses a gap file whose recorded gaps were rewritten in the source, and keeps the copy as it was', async () => {
    const source = path.join(dir, GAPS);
    const forged = (await readFile(source, 'utf8')).replace('"hours":2', '"hours":0');
    expect(forged).not.toBe(await readFile(source, 'utf8'));
    await writeFile(source, forged);
    const before = await snapshot(dest);
    expect(await backup()).toMatchObject({ good: false, copiedFiles: 0, refused: { file: GAPS, why: 'shortened' } });
    expect(await snapshot(dest)).toEqual(before);
  });

  it('refuses a gap file emptied or deleted in the source', async () => {
    await writeFile(path.join(dir, GAPS), '{"gaps":[]}\n');
    const before = await snapshot(dest);
    expect(await backup()).toMatchObject({ good: false, refused: { file: GAPS, why: 'shortened' } });
    await rm(path.join(dir, GAPS));
    expect(await backup()).toMatchObject({ good: false, refused: { file: GAPS, why: 'removed' } });
    expect(await snapshot(dest)).toEqual(before);
  });

  it('refuses a planning history whose past names were rewritten in the source, and keeps the copy as it was', async () => {
    const source = path.join(dir, HISTORY);
    const forged = (await readFile(source, 'utf8')).replace('"label":"Guichet p1"', '"label":"Bobigny, titres de séjour"');
    expect(forged).not.toBe(await readFile(source, 'utf8'));
    await writeFile(source, forged);
    const before = await snapshot(dest);
    expect(await backup()).toMatchObject({ good: false, copiedFiles: 0, refused: { file: HISTORY, why: 'shortened' } });
    expect(await snapshot(dest)).toEqual(before);
    await rm(source);
    expect(await backup()).toMatchObject({ good: false, refused: { file: HISTORY, why: 'removed' } });
    expect(await snapshot(dest)).toEqual(before);
  });

  it('copies a gap file and a history that only grew', async () => {
    await store.gaps.record({ planningId: 'p1', from: '2026-03-10T14:00:00Z', to: '2026-03-10T15:00:00Z', hours: 1, reason: 'asleep' });
    await store.plannings.put(syntheticPlanning('p1', { label: 'Bobigny, AES' }));
    await seal();
    const result = await backup();
    expect(result).toMatchObject({ good: true });
    expect(result.refused).toBeUndefined();
    for (const file of [GAPS, HISTORY]) expect(await readFile(path.join(dest, file), 'utf8')).toBe(await readFile(path.join(dir, file), 'utf8'));
    expect(JSON.parse(await readFile(path.join(dest, GAPS), 'utf8'))).toMatchObject({ gaps: [{ hours: 2 }, { hours: 1 }] });
    expect(JSON.parse(await readFile(path.join(dest, HISTORY), 'utf8'))).toMatchObject({
      versions: [{ label: 'Guichet p1' }, { label: 'Bobigny, titres de séjour' }, { label: 'Bobigny, AES' }],
    });
  });

  it('copies what only grew: new records, a longer log pack, a new seal', async () => {
    const pack = 'evidence/p1/2026-03/logs.gz';
    const sizeBefore = (await stat(path.join(dest, pack))).size;
    await appendSyntheticProbes(store, { planningId: 'p1', count: 2, start: '2026-03-10T13:00:00Z' });
    await seal();
    const result = await backup();
    expect(result).toMatchObject({ good: true, checkedProbes: 7 });
    expect(result.refused).toBeUndefined();
    expect(await readFile(path.join(dest, DAY))).toEqual(await readFile(path.join(dir, DAY)));
    expect((await stat(path.join(dest, pack))).size).toBeGreaterThan(sizeBefore);
    expect((await readdir(path.join(dest, 'seals'))).filter((file) => file.endsWith('.json'))).toHaveLength(2);
  });
});
