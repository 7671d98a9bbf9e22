// The variation test bed: every adapter against the replicas served with real-world variations, through the prober
// as a user's probe runs (one shared browser, a few probes at a time). Prints the pass rate per variation; all must
// pass, each layer a variation adds must be gone from the final page, and each new variation must also be walked
// through by a person (support/perturb/person.ts): the matrix never tests an impossible page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser } from './support/probe-harness.js';
import { normalizeText } from '../electron/core/probe/text.js';
import { fixedClock } from '../electron/core/clock.js';
import { createProber, type Prober } from '../electron/core/probe/prober.js';
import type { ProbeResult } from '../electron/core/probe/types.js';
import { startReplicaServer, type ReplicaServer } from '../electron/replicas/index.js';
import { MATRIX, matrixCases, type MatrixCase } from './support/perturb/matrix.js';
import { HELD_OUT_WORDINGS } from './support/perturb/held-out.js';
import { personWalk } from './support/perturb/person.js';
import { startPerturbedServer } from './support/perturb/server.js';
import { VARIATIONS } from './support/perturb/variations.js';

const clock = fixedClock(new Date().toISOString());
const browserPath = process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium';
// Four probes at a time in the one browser (each mostly waits for its pages and the servers' delays): the matrix
// checks what is read, not how fast (see budget.test.ts).
const CONCURRENCY = 4;
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

/** The variations asked for (GUICHETS_MATRIX=name,name runs only those, to look at one while changing the robot). */
function chosenVariations(): typeof VARIATIONS {
  const only = process.env.GUICHETS_MATRIX?.split(',').map((name) => name.trim()).filter(Boolean);
  if (!only) return VARIATIONS;
  // A mistyped name runs nothing: it fails, never « 0/0 ».
  expect(only.filter((name) => !VARIATIONS.some((v) => v.name === name)), 'GUICHETS_MATRIX : variations inconnues').toEqual([]);
  return VARIATIONS.filter((v) => only.includes(v.name));
}

describe('variation test bed', () => {
  it('reads every adapter right under every variation (pass rate per variation)', { timeout: 900_000 }, async () => {
    const cases = matrixCases(clock);
    const variations = chosenVariations();
    const jobs = variations.flatMap((variation) =>
      (MATRIX[variation.name]?.cases ?? []).map((key) => ({ variation: variation.name, key, kase: cases[key] as MatrixCase })),
    );
    expect(jobs.length, 'la matrice ne lance aucun cas').toBeGreaterThan(0);
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
      // A layer the variation put over the page is gone once the robot is through (closed, not merely got around).
      const marker = VARIATIONS.find((v) => v.name === variation)?.marker;
      const closed = marker === undefined || expected === 'robot_error' || !(got.pageText ?? '').includes(marker);
      const ok =
        got.outcome === expected &&
        (expected !== 'dates' || JSON.stringify(slots) === JSON.stringify(kase.slots)) &&
        (reason === undefined || reason.test(got.detail)) &&
        (within === undefined || got.durationMs < within) &&
        closed;
      return { variation, name: kase.name, expected: closed ? expected : `${expected}, couche fermée`, got, ok };
    });
    await Promise.all([...servers.values()].map((server) => server.close()));

    const lines = variations.map((v) => {
      const mine = rows.filter((row) => row.variation === v.name);
      const passed = mine.filter((row) => row.ok).length;
      const rate = mine.length === 0 ? 0 : Math.round((100 * passed) / mine.length);
      const slowest = Math.max(...mine.map((row) => row.got.durationMs));
      return `${v.name.padEnd(22)} ${`${passed}/${mine.length}`.padStart(5)} ${String(rate).padStart(4)} %  ${v.label} (${(slowest / 1000).toFixed(1)} s au plus)`;
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
    // The probe's log is kept with its evidence; nothing of it is printed. Every detail is a code.
    expect(rows.every((row) => row.got.log.includes('Résultat :'))).toBe(true);
    expect(rows.filter((row) => row.got.outcome !== 'robot_error' || row.got.detailMessage).every((row) => row.got.detailMessage?.code.startsWith('probe.'))).toBe(true);
    expect(failures).toEqual([]);
  });

  it('shows every new variation solvable by a person', { timeout: 600_000 }, async () => {
    const cases = matrixCases(clock);
    const walks = chosenVariations().flatMap((v) => (MATRIX[v.name]?.person ?? []).map((key) => ({ variation: v.name, kase: cases[key] as MatrixCase })));
    const browser: Browser = await launchTestBrowser();
    try {
      const results = await inTurn(walks, CONCURRENCY, async ({ variation, kase }) => {
        const server = await startPerturbedServer(replicas.origin, variation);
        const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
        try {
          const page = await context.newPage();
          // A person waits for a page longer than the robot's own budgets: the walk shows the page can be passed, not how fast.
          page.setDefaultTimeout(20_000);
          const walked = await personWalk(page, server.origin + kase.path, kase.guichet);
          // The person, too, closes the layer the variation adds (as the robot must), rather than working around it.
          const marker = VARIATIONS.find((v) => v.name === variation)?.marker;
          const closed = marker === undefined || !(await page.locator('body').innerText()).includes(marker);
          const ok = closed && walked.outcome === kase.expected && (kase.expected !== 'dates' || JSON.stringify(walked.slots) === JSON.stringify(kase.slots));
          const left = closed ? '' : `, couche « ${marker} » encore affichée`;
          return ok ? null : `✗ ${variation} / ${kase.name}: une personne obtient ${walked.outcome} ${walked.slots.join(' ')}${left}, attendu ${kase.expected} ${kase.slots.join(' ')}`;
        } finally {
          await context.close();
          await server.close();
        }
      });
      expect(results.filter((line) => line !== null)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('keeps the held-out wordings out of the robot’s code', () => {
    const root = path.resolve(import.meta.dirname, '../electron/core/probe');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => {
      const source = normalizeText(readFileSync(path.join(root, file), 'utf8'));
      return HELD_OUT_WORDINGS.filter((wording) => source.includes(normalizeText(wording))).map((wording) => `${file}: ${wording}`);
    });
    expect(found).toEqual([]);
  });
});
