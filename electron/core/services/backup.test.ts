import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/api.js';
import { fixedClock } from '../clock.js';
import { verifyDir } from '../evidence/index.js';
import { loadTrust, type TrustSet } from '../seals/trust.js';
import { createStore, type Store } from '../store/store.js';
import { appendSyntheticProbes } from '../../../test/support/synthetic.js';
import { BACKUP_MARK_FILE, runBackup } from './backup.js';
import { readBackupState } from './backup-state.js';

const START = '2026-03-10T20:00:00Z';
let root: string;
let dir: string;
let dest: string;
let store: Store;
let trust: TrustSet;

const backup = (extra: { onProgress?: (progress: JobProgress) => void; to?: string } = {}) =>
  runBackup({
    dataDir: dir,
    dest: extra.to ?? dest,
    clock: fixedClock('2026-03-11T08:00:00Z'),
    trust,
    exclusive: store.exclusive,
    ...(extra.onProgress ? { onProgress: extra.onProgress } : {}),
  });
const mark = async (): Promise<unknown> => JSON.parse(await readFile(path.join(dest, BACKUP_MARK_FILE), 'utf8'));

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'guichets-backup-'));
  dir = path.join(root, 'data');
  dest = path.join(root, 'usb', 'Guichets');
  await mkdir(dir);
  store = createStore({ dir, clock: fixedClock(START), log: () => undefined });
  await appendSyntheticProbes(store, { planningId: 'p1', count: 5, start: START });
  await appendSyntheticProbes(store, { planningId: 'p2', count: 3, start: START });
  trust = await loadTrust({ env: {}, userDir: null });
});

afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

describe('backup', () => {
  it('copies the data folder, checks the copy, and records the date in the data folder only', async () => {
    const said: JobProgress[] = [];
    const result = await backup({ onProgress: (progress) => said.push(progress) });
    expect(result).toMatchObject({ good: true, checkedProbes: 8, problems: 0, unchangedFiles: 0 });
    expect(result.copiedFiles).toBeGreaterThan(8);
    expect(await mark()).toMatchObject({ kind: 'guichets-backup', state: 'checked' });
    expect((await readBackupState(dir)).lastGood).toEqual({ at: '2026-03-11T08:00:00.000Z', dest, probes: 8 });
    // The copy holds no date of its own backups: only the data folder vouches for a copy.
    expect(await readdir(dest)).not.toContain('backup-state.json');
    expect(await verifyDir(dest, undefined, { trust })).toMatchObject({ ok: true, checkedProbes: 8 });
    expect(said.map((progress) => progress.message.code)).toEqual(expect.arrayContaining(['progress.backup_copy', 'progress.backup_check']));
    expect(said.at(-1)).toMatchObject({ job: 'backup', done: 8, total: 8 });
  });

  it('copies only what is new the next time', async () => {
    const first = await backup();
    await appendSyntheticProbes(store, { planningId: 'p1', count: 1, start: '2026-03-11T07:00:00Z' });
    const second = await backup();
    expect(second.good).toBe(true);
    expect(second.checkedProbes).toBe(9);
    // The day file, the aggregates, the log pack and its index (or so): not the whole folder again.
    expect(second.copiedFiles).toBeLessThan(first.copiedFiles / 2);
    expect(second.copiedFiles + second.unchangedFiles).toBeGreaterThanOrEqual(first.copiedFiles);
  });

  it('never counts a copy found damaged as good, and the next backup repairs it', async () => {
    await backup();
    const good = await readBackupState(dir);
    const day = path.join(dest, 'probes', 'p1', '2026-03', '2026-03-10.json');
    // A disk that returns other bytes than were written, same size and time: only the check can see it.
    const text = await readFile(day, 'utf8');
    await writeFile(day, text.replace('"httpStatus":200', '"httpStatus":500'));
    const { utimes, stat } = await import('node:fs/promises');
    const original = await stat(path.join(dir, 'probes', 'p1', '2026-03', '2026-03-10.json'));
    await utimes(day, original.atimeMs / 1000, original.mtimeMs / 1000);
    const damaged = await backup();
    expect(damaged).toMatchObject({ good: false, problems: 1 });
    expect(await mark()).toMatchObject({ state: 'copying' });
    expect((await readBackupState(dir)).lastGood).toEqual(good.lastGood);
    expect((await readBackupState(dir)).lastAttempt).toMatchObject({ good: false, problems: 1 });
    const repaired = await backup();
    expect(repaired).toMatchObject({ good: true, problems: 0 });
    expect(await mark()).toMatchObject({ state: 'checked' });
  });

  it('refuses a folder inside the data folder, or one that holds something else, in one French line', async () => {
    await expect(backup({ to: path.join(dir, 'copie') })).rejects.toThrow(/est dans le dossier de données ou le contient/);
    const other = path.join(root, 'photos');
    await mkdir(other);
    await writeFile(path.join(other, 'vacances.jpg'), 'x');
    await expect(backup({ to: other })).rejects.toThrow(/contient déjà autre chose qu’une sauvegarde de Guichets/);
    await expect(backup({ to: 'relatif' })).rejects.toThrow(/indiquez un chemin complet/);
    expect(await readdir(other)).toEqual(['vacances.jpg']);
  });
});
