// Backup harness: a backup is killed (SIGKILL) at random moments, again and again into the same folder. Whatever
// the moment, the copy is never said to be good unless its check passed, and the next backup resumes it.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../electron/core/clock.js';
import { verifyDir } from '../electron/core/evidence/index.js';
import { loadTrust } from '../electron/core/seals/trust.js';
import { BACKUP_MARK_FILE } from '../electron/core/services/backup.js';
import { readBackupState } from '../electron/core/services/backup-state.js';
import { createStore } from '../electron/core/store/index.js';
import { bundleChild, seeded } from './support/child-bundle.js';
import { appendSyntheticProbes } from './support/synthetic.js';

const CYCLES = 10;
/** Kills the harness must have made, or it proved nothing: cycles go on past CYCLES (up to MAX_CYCLES) until then. */
const MIN_KILLS = 3;
const MAX_CYCLES = 30;

interface Run {
  /** The child's last line ("done good 12 40"), or null when it was killed before. */
  done: string | null;
  /** From "ready" to the end or the kill. */
  ms: number;
}

/** The child, bundled before the tests. */
let bundle = '';

/** One backup, killed `killAfterMs` after it said ready (null: left to finish). */
function backupOnce(dir: string, dest: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dir, dest], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let ready = 0;
    let done: string | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Node's readline gives the child's output line by line, a line cut between two chunks included.
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') {
        ready = performance.now();
        if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
      if (line.startsWith('done ')) done = line;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`the backup failed: ${stderr}`));
      else resolve({ done, ms: performance.now() - ready });
    });
  });
}

const markOf = async (dest: string): Promise<string | null> =>
  readFile(path.join(dest, BACKUP_MARK_FILE), 'utf8').then((text) => (JSON.parse(text) as { state: string }).state, () => null);

describe('backup harness', () => {
  let root: string;
  let dir: string;
  beforeAll(async () => {
    bundle = await bundleChild('test/support/backup-child.ts', 'backup-child.mjs');
    root = await mkdtemp(path.join(os.tmpdir(), 'guichets-backup-crash-'));
    dir = path.join(root, 'data');
    const store = createStore({ dir, clock: systemClock, log: () => undefined });
    for (const planningId of ['a', 'b', 'c']) await appendSyntheticProbes(store, { planningId, count: 60, start: '2026-01-01T00:00:00Z' });
    await store.close();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(`never presents a backup killed at any of ${CYCLES} moments as good, and resumes it`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const random = seeded(seed);
    const context = `(seed ${seed})`;
    // One whole backup elsewhere, for how long one takes here.
    const whole = await backupOnce(dir, path.join(root, 'measure'), null);
    expect(whole.done, context).toMatch(/^done good/);
    const dest = path.join(root, 'usb');
    const trust = await loadTrust({ env: {}, userDir: null });
    let lastGood = (await readBackupState(dir)).lastGood;
    let killed = 0;
    /** The probes of the copy's last good backup (none yet: the copy is new). */
    let goodProbes = -1;
    // How long a backup takes here: at first the whole one, then the last one that ran to its end (a backup after a
    // few new probes is much shorter than the first, and a loaded machine stretches both), so that a random moment
    // falls inside the backup rather than after it.
    let estimateMs = whole.ms;
    let cycles = 0;
    for (let n = 0; n < MAX_CYCLES && (n < CYCLES || killed < MIN_KILLS); n += 1) {
      cycles = n + 1;
      // New probes between two backups, as the app records them: each backup has files to copy, then to check.
      const store = createStore({ dir, clock: systemClock, log: () => undefined });
      await appendSyntheticProbes(store, { planningId: 'a', count: 3, start: new Date(Date.parse('2026-01-05T00:00:00Z') + n * 3 * 3_600_000).toISOString() });
      await store.close();
      const run = await backupOnce(dir, dest, random() * estimateMs * 0.9);
      const state = await readBackupState(dir);
      const probes = 180 + 3 * (n + 1);
      const mark = await markOf(dest);
      if (run.done === null) {
        killed += 1;
        // Killed: the data folder's last good backup is the one before, unless the copy was checked just before the
        // kill; and a copy that says it was checked holds every probe, intact.
        // A backup killed before it wrote anything (while it compared the folder with its copy) leaves the copy
        // of the last good backup as it was: checked, with that backup's probes.
        const newGood = state.lastGood !== lastGood && JSON.stringify(state.lastGood) !== JSON.stringify(lastGood);
        if (newGood) {
          expect(mark, `cycle ${n} ${context}`).toBe('checked');
          goodProbes = probes;
        }
        // Killed after the copy was checked and marked but before the data folder recorded it: the copy is good and
        // holds this backup's probes; the data folder does not say so, and its next backup checks the copy again.
        if (mark === 'checked') {
          const report = await verifyDir(dest, undefined, { trust });
          expect(report.ok, `cycle ${n} ${context}`).toBe(true);
          expect([goodProbes, probes], `cycle ${n} ${context}`).toContain(report.checkedProbes);
          goodProbes = report.checkedProbes;
        }
      } else {
        goodProbes = probes;
        estimateMs = run.ms;
        expect(run.done, `cycle ${n} ${context}`).toMatch(/^done good/);
        expect(mark).toBe('checked');
        expect(state.lastGood?.dest).toBe(dest);
      }
      lastGood = state.lastGood;
    }
    expect(killed, context).toBeGreaterThanOrEqual(MIN_KILLS);
    const last = await backupOnce(dir, dest, null);
    expect(last.done, context).toMatch(/^done good/);
    const [, , copied, unchanged] = (last.done ?? '').split(' ');
    // Resumed: what the killed backups had copied is not copied again.
    expect(Number(unchanged), `${copied ?? ''} copied ${context}`).toBeGreaterThan(0);
    expect(await markOf(dest)).toBe('checked');
    const entries = await readdir(dest, { recursive: true });
    expect(entries.filter((name) => name.endsWith('.guichets-partiel')), context).toEqual([]);
    expect(await verifyDir(dest, undefined, { trust }), context).toMatchObject({ ok: true, checkedProbes: 180 + 3 * cycles });
  }, 120_000);
});
