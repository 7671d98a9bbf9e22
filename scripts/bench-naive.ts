// The naive baseline of `npm run bench`: every probe in one lowdb file, rewritten whole at every append (the
// simplest store lowdb invites). Appends until one takes longer than NAIVE_LIMIT_MS, or the time budget is spent.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Probe } from '../electron/shared/domain.js';
import { addProbe, type MonthAggregates } from '../electron/core/stats/index.js';
import { sealedRecord } from '../electron/core/store/index.js';
import { syntheticProbe } from '../test/support/synthetic.js';

/** An append slower than this is "too slow" (a probe an hour per planning, 500 plannings: 7 s an hour). */
export const NAIVE_LIMIT_MS = 50;
const BUDGET_MS = 20_000;
const START = '2023-01-31T23:00:00Z';
/** Appends are timed in batches of this many, to keep the run short once the file is large. */
const STEP = 500;

export interface NaiveResult {
  /** Probes in the file when the run stopped. */
  probes: number;
  /** Time of one append at that size. */
  appendMsAtStop: number;
  fileBytes: number;
  /** Reading the whole file and counting its months, as a dashboard would. */
  dashboardColdMs: number;
  /** Probes the file held at most while appends stayed under NAIVE_LIMIT_MS. */
  probesUntilTooSlow: number | null;
}

export async function runNaive(root: string): Promise<NaiveResult> {
  const file = path.join(root, 'naive.json');
  const db = new Low<{ probes: Probe[] }>(new JSONFile(file), { probes: [] });
  await db.read();
  const started = performance.now();
  let previous: string | null = null;
  let appendMs = 0;
  let tooSlowAt: number | null = null;
  while (performance.now() - started < BUDGET_MS) {
    // Most of a batch is filled in memory; the last append of each batch is timed whole (write included).
    for (let i = 0; i < STEP; i += 1) {
      const probe = sealedRecord(syntheticProbe('naive', START, db.data.probes.length), { screenshot: null, pageText: null }, previous);
      db.data.probes.push(probe);
      previous = probe.hash;
    }
    const t0 = performance.now();
    await db.write();
    appendMs = performance.now() - t0;
    if (appendMs > NAIVE_LIMIT_MS) {
      tooSlowAt = db.data.probes.length;
      break;
    }
  }
  const t0 = performance.now();
  const reader = new Low<{ probes: Probe[] }>(new JSONFile(file), { probes: [] });
  await reader.read();
  const months: MonthAggregates = {};
  for (const probe of reader.data.probes) addProbe(months, probe);
  const dashboardColdMs = performance.now() - t0;
  return {
    probes: db.data.probes.length,
    appendMsAtStop: appendMs,
    fileBytes: (await stat(file)).size,
    dashboardColdMs,
    probesUntilTooSlow: tooSlowAt,
  };
}
