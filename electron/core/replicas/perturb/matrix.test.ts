// The variation test bed: every adapter against the replicas served with real-world variations, through
// the prober as a user's probe runs (one shared browser). Prints the pass rate per variation; all must pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { createProber, type Prober } from '../../probe/prober.js';
import type { ProbeResult } from '../../probe/types.js';
import { startReplicaServer, type ReplicaServer } from '../index.js';
import { MATRIX, matrixCases, type MatrixCase } from './matrix.js';
import { startPerturbedServer } from './server.js';
import { VARIATIONS } from './variations.js';

const clock = fixedClock(new Date().toISOString());
const browserPath = process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium';
// Two probes at a time in the one browser: the matrix checks what is read, not how fast (see budget.test.ts).
const CONCURRENCY = 2;
const PROBE_TIMEOUT_MS = 120_000;

let replicas: ReplicaServer;
let prober: Prober;

beforeAll(async () => {
  replicas = await startReplicaServer({ clock, delayMs: 500 });
  prober = createProber({ browserPath, timeoutMs: PROBE_TIMEOUT_MS, appVersion: 'matrice', clock, log: () => undefined });
});
afterAll(async () => {
  await prober.close();
  await replicas.close();
});

/** What a probe that threw (bad input: the guichet not found) counts as in the matrix. */
const FAILED: ProbeResult = {
  outcome: 'robot_error',
  firstSlot: null,
  secondSlot: null,
  detail: '',
  startedAt: new Date(0),
  durationMs: 0,
  url: '',
  finalUrl: null,
  httpStatus: null,
  screenshot: null,
  pageText: null,
  environment: { appVersion: '', browser: '', browserVersion: '', userAgent: '', freshProfile: true, timeSource: '', os: '' },
  step: null,
  stepsTaken: [],
  log: '',
};

interface Row {
  variation: string;
  name: string;
  expected: string;
  got: ProbeResult;
  ok: boolean;
}

async function inTurn<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

describe('variation test bed', () => {
  it('reads every adapter right under every variation (pass rate per variation)', { timeout: 900_000 }, async () => {
    const cases = matrixCases(clock);
    // GUICHETS_MATRIX=name,name runs only those variations (to look at one while changing the robot).
    const only = process.env.GUICHETS_MATRIX?.split(',').filter(Boolean);
    const variations = only ? VARIATIONS.filter((v) => only.includes(v.name)) : VARIATIONS;
    const jobs = variations.flatMap((variation) =>
      (MATRIX[variation.name]?.cases ?? []).map((key) => ({ variation: variation.name, key, kase: cases[key] as MatrixCase })),
    );
    expect(new Set(jobs.map((job) => job.variation)).size).toBe(variations.length);
    const servers = new Map(
      await Promise.all(variations.map(async (v) => [v.name, await startPerturbedServer(replicas.origin, v.name)] as const)),
    );
    const rows = await inTurn(jobs, CONCURRENCY, async ({ variation, kase }): Promise<Row> => {
      const origin = servers.get(variation)?.origin ?? '';
      const got = await prober
        .probe(
          { url: origin + kase.path, guichet: kase.guichet, system: kase.system, steps: kase.steps ?? null },
          { probeId: `${variation}-${kase.system}`, planningLabel: kase.name },
        )
        .catch((error: unknown): ProbeResult => ({ ...FAILED, detail: error instanceof Error ? error.message : String(error) }));
      const expected = MATRIX[variation]?.outcome ?? kase.expected;
      const slots = [got.firstSlot, got.secondSlot].filter((slot): slot is string => slot !== null);
      // A variation that must end the probe must also say why, as a person would: its detail names the reason.
      const reason = MATRIX[variation]?.detail;
      const within = MATRIX[variation]?.withinMs;
      const ok =
        got.outcome === expected &&
        (expected !== 'dates' || JSON.stringify(slots) === JSON.stringify(kase.slots)) &&
        (reason === undefined || reason.test(got.detail)) &&
        (within === undefined || got.durationMs < within);
      return { variation, name: kase.name, expected, got, ok };
    });
    await Promise.all([...servers.values()].map((server) => server.close()));

    const lines = variations.map((v) => {
      const mine = rows.filter((row) => row.variation === v.name);
      const passed = mine.filter((row) => row.ok).length;
      const rate = mine.length === 0 ? 0 : Math.round((100 * passed) / mine.length);
      const slowest = Math.max(...mine.map((row) => row.got.durationMs));
      return `${v.name.padEnd(18)} ${`${passed}/${mine.length}`.padStart(5)} ${String(rate).padStart(4)} %  ${v.label} (${(slowest / 1000).toFixed(1)} s au plus)`;
    });
    const failures = rows
      .filter((row) => !row.ok)
      .map((row) => {
        const reason = MATRIX[row.variation]?.detail;
        const within = MATRIX[row.variation]?.withinMs;
        const named = (reason ? ` (détail qui nomme ${String(reason)})` : '') + (within ? ` en moins de ${within / 1000} s (${row.got.durationMs} ms)` : '');
        return `✗ ${row.variation} / ${row.name}: attendu ${row.expected}${named}, obtenu ${row.got.outcome} ${row.got.firstSlot ?? ''} ${row.got.secondSlot ?? ''} — ${row.got.detail}`;
      });
    const total = rows.filter((row) => row.ok).length;
    console.info(
      [`Matrice des variations : ${total}/${rows.length} (${Math.round((100 * total) / rows.length)} %)`, ...lines, ...failures].join('\n'),
    );
    // Every variation that must end the probe says what its detail must name.
    for (const variation of variations) {
      const entry = MATRIX[variation.name];
      if (entry?.outcome !== undefined) expect(entry.detail, variation.name).toBeInstanceOf(RegExp);
    }
    // The probe's log is kept with its evidence; nothing of it is printed.
    expect(rows.every((row) => row.got.log.includes('Résultat :'))).toBe(true);
    expect(failures).toEqual([]);
  });
});
