// A round across several replica hosts whose first page is slow, probed by the real scheduler and a real
// Chromium: the hosts run side by side and each keeps its spacing. The round's length against the ideal is
// printed by `npm run bench` (scripts/bench-round.ts), never asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { createProber, type Prober } from '../probe/index.js';
import { LEGACY_FORMS, startReplicaServer, type ReplicaServer } from '../../replicas/index.js';
import { createScheduler } from './scheduler.js';
import { planning, probeOf } from '../../../test/support/schedule-testkit.js';

const browserPath = process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium';
const HOSTS = 3;
const PER_HOST = 2;
const SPACING_MS = 2_000;
const SLOW_MS = 2_500;

let servers: ReplicaServer[] = [];
let prober: Prober;

beforeAll(async () => {
  servers = await Promise.all(
    Array.from({ length: HOSTS }, () => startReplicaServer({ clock: systemClock, delayMs: SLOW_MS })),
  );
  prober = createProber({ browserPath, timeoutMs: 90_000, appVersion: 'test', clock: systemClock, log: () => undefined });
});
afterAll(async () => {
  await prober.close();
  await Promise.all(servers.map((server) => server.close()));
});

describe('a round of slow replica pages on several hosts', () => {
  it('probes the hosts side by side and spaces each host', async () => {
    const slowForm = LEGACY_FORMS.find((form) => form.kind === 'slow');
    if (!slowForm) throw new Error('no slow replica form');
    // Each replica server is its own host (its port differs): two plannings on each.
    const plannings = servers.flatMap((server, host) =>
      Array.from({ length: PER_HOST }, (_, n) => planning(`h${host}-${n}`, { url: server.origin + slowForm.path })),
    );
    const runs = new Map<string, { host: string; start: number; end: number; outcome: string }>();
    let active = 0;
    let maxActive = 0;
    const scheduler = createScheduler({
      clock: systemClock,
      everyMinutes: 60,
      hostSpacingMs: SPACING_MS,
      timeoutMs: 180_000,
      maxParallel: HOSTS,
      listPlannings: () => Promise.resolve([]),
      runProbe: async (target, trigger) => {
        const start = Date.now();
        active += 1;
        maxActive = Math.max(maxActive, active);
        try {
          const result = await prober.probe({ url: target.url, guichet: null }, { probeId: target.id, planningLabel: target.label });
          runs.set(target.id, { host: new URL(target.url).host, start, end: Date.now(), outcome: result.outcome });
          return probeOf(target, result.outcome, trigger);
        } finally {
          active -= 1;
        }
      },
      lastProbeAt: () => Promise.resolve(null),
      recordGap: () => Promise.resolve(),
      log: () => undefined,
    });

    const probes = await Promise.all(plannings.map((target) => scheduler.runNow(target)));
    await scheduler.stop();

    expect(probes.every((probe) => probe !== null)).toBe(true);
    expect([...runs.values()].map((run) => run.outcome)).toEqual(Array<string>(HOSTS * PER_HOST).fill('dates'));
    expect(maxActive).toBe(HOSTS);
    const byHost = new Map<string, { start: number; end: number }[]>();
    for (const run of runs.values()) byHost.set(run.host, [...(byHost.get(run.host) ?? []), run]);
    const firsts: { start: number; end: number }[] = [];
    for (const hostRuns of byHost.values()) {
      hostRuns.sort((a, b) => a.start - b.start);
      const [first, second] = hostRuns;
      if (!first || !second) throw new Error('two runs per host expected');
      // One at a time on a host, and spaced.
      expect(second.start).toBeGreaterThanOrEqual(first.end);
      expect(second.start - first.start).toBeGreaterThanOrEqual(SPACING_MS);
      firsts.push(first);
    }
    // Side by side, not one host after the other: every host had started before the first probe of any ended.
    // (How long the round takes against the ideal is a figure of `npm run bench`, not a test.)
    const firstEnd = Math.min(...firsts.map((run) => run.end));
    expect(firsts.every((run) => run.start < firstEnd)).toBe(true);
  }, 300_000);
});
