// Crash harness: a writing process is killed (SIGKILL) at random moments, again and again on the same folder.
// Whatever the moment, every file must still parse, every probe acknowledged must be on disk, and verify pass.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../electron/core/clock.js';
import { verify } from '../electron/core/evidence/index.js';
import { createStore, readProbeLog } from '../electron/core/store/index.js';
import { bundleChild, seeded } from './support/child-bundle.js';
import { oldLog, writeOldLayout } from './support/old-layout.js';
import { syntheticArtefacts } from './support/synthetic.js';

const CYCLES = 120;
const PLANNING = 'crash';
/** A planning written by an older version (one log file per probe), migrated by the writer while it is killed. */
const OLDER = 'older';
const OLDER_PROBES = 1500;

interface KillMoment {
  /** Kill this long after the start, whatever the writer is doing (reading, recovering); null: see below. */
  afterStartMs: number | null;
  /** Otherwise, once it acknowledged this many probes, kill this long after (in the middle of the next append). */
  acks: number;
  delayMs: number;
}

/** The child, bundled before the tests. */
let bundle = '';

/**
 * Runs the writer and SIGKILLs it at `moment`; returns the ids it acknowledged. The moment is counted in
 * acknowledgements, not only in time, so that the harness kills mid-append on a fast machine as on a loaded one.
 */
function cycle(dir: string, moment: KillMoment): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dir, PLANNING], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let stderr = '';
    let timer: ReturnType<typeof setTimeout> | null = null;
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    if (moment.afterStartMs !== null) timer = setTimeout(kill, moment.afterStartMs);
    // Node's readline gives the child's output line by line, a line cut between two chunks included.
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('ack ')) acked.push(line.slice(4));
      const reached = line === 'ready' ? moment.acks === 0 : acked.length === moment.acks;
      if (reached && timer === null) timer = setTimeout(kill, moment.delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself: ${stderr}`));
      else resolve(acked);
    });
  });
}

async function jsonFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('crash harness', () => {
  let dir: string;
  beforeAll(async () => {
    bundle = await bundleChild('test/support/crash-writer.ts', 'crash-writer.mjs');
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-crash-'));
    await writeOldLayout(dir, OLDER, OLDER_PROBES, '2025-10-01T00:00:00Z');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`loses no acknowledged probe and leaves every file whole across ${CYCLES} SIGKILLs`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const random = seeded(seed);
    const acked: string[] = [];
    for (let n = 0; n < CYCLES; n += 1) {
      // One kill in ten lands while the writer starts (reading, recovering), one in ten later, at any moment of
      // the older planning's migration; the others while it appends.
      const kind = random();
      const afterStartMs = kind < 0.1 ? random() * 300 : kind < 0.2 ? 300 + random() * 900 : null;
      const moment = { afterStartMs, acks: Math.floor(random() * 4), delayMs: random() * 25 };
      acked.push(...(await cycle(dir, moment)));
    }
    const context = `(seed ${seed}, ${acked.length} probes acknowledged)`;
    expect(acked.length, context).toBeGreaterThan(CYCLES);

    for (const file of await jsonFilesUnder(dir)) {
      const text = await readFile(file, 'utf8');
      expect(() => JSON.parse(text) as unknown, `${file} ${context}`).not.toThrow();
    }

    // The app restarted on that folder: everything acknowledged is there, counted, and verifies.
    const store = createStore({ dir, clock: systemClock, log: () => undefined });
    const onDisk = new Set<string>();
    for await (const probe of store.probes.iterate([PLANNING])) onDisk.add(probe.id);
    const lost = acked.filter((id) => !onDisk.has(id));
    expect(lost, context).toEqual([]);
    // Each synthetic probe falls in a category or is inconclusive: the bars count every probe on disk once.
    const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
    const counted = sum(
      (await store.aggregates(PLANNING)).map(
        (month) =>
          sum(Object.values(month.categories).map((category) => category.attempts)) +
          sum(Object.values(month.inconclusive)),
      ),
    );
    expect(counted, context).toBe(onDisk.size);
    // Every log reads back, whichever moment the packs were written or the migration killed.
    for await (const probe of store.probes.iterate([PLANNING])) {
      expect((await readProbeLog(dir, probe))?.toString('utf8'), `${probe.id} ${context}`).toBe(syntheticArtefacts(Number(probe.id.slice(-6))).log);
    }
    const older: string[] = [];
    for await (const probe of store.probes.iterate([OLDER])) older.push((await readProbeLog(dir, probe))?.toString('utf8') ?? '');
    expect(older).toEqual(Array.from({ length: OLDER_PROBES }, (_, n) => oldLog(n)));
    const report = await verify(store);
    expect(report.problems.map((problem) => problem.message), context).toEqual([]);
    expect(report.checkedProbes).toBe(onDisk.size + OLDER_PROBES);
    // The migration, finished now, left no log file of its own behind.
    await store.migrateLogs();
    const left = (await readdir(path.join(dir, 'evidence', OLDER), { recursive: true })).filter((name) => name.endsWith('.log'));
    expect(left, context).toEqual([]);
    expect((await verify(store)).ok).toBe(true);
    await store.close();
  }, 240_000);
});
