// The hourly round of `npm run bench`, simulated: the real scheduler and dispatcher, a fake clock
// (@sinonjs/fake-timers), sites that answer a probe in a set time. An hour of the schedule takes a second.
import FakeTimers from '@sinonjs/fake-timers';
import type { Planning, Probe } from '../electron/shared/domain.js';
import { createScheduler } from '../electron/core/schedule/index.js';
import { sealedRecord } from '../electron/core/store/index.js';
import { syntheticPlanning, syntheticProbe } from '../test/support/synthetic.js';

export interface RoundSpec {
  plannings: number;
  hosts: number;
  /** How long a site takes to answer a whole probe. */
  probeMs: number;
  hostSpacingMs: number;
  maxParallel: number;
  startGapMs: number;
  /** All due at the same minute (the worst case) or each at its own minute (as the app assigns them). */
  due: 'together' | 'spread';
}

export interface RoundResult {
  /** From the first due time to the last probe's end, when all are due together. */
  minutes: number;
  /** The least any schedule could take with this parallelism, spacing and start gap. */
  idealMinutes: number;
  /** Most probes running at the same moment. */
  peakParallel: number;
  probes: number;
}

const DUE = Date.parse('2026-03-02T10:00:00Z');

export async function simulateRound(spec: RoundSpec): Promise<RoundResult> {
  const clock = FakeTimers.install({
    now: DUE - 60_000,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  try {
    const plannings: Planning[] = Array.from({ length: spec.plannings }, (_, i) =>
      syntheticPlanning(`r${i}`, {
        url: `https://h${i % spec.hosts}.example.gouv.fr/booking/create/${i}/0`,
        minute: spec.due === 'together' ? 0 : i % 60,
        createdAt: '2026-03-01T00:00:00Z',
        updatedAt: '2026-03-01T00:00:00Z',
      }),
    );
    let active = 0;
    let peak = 0;
    let done = 0;
    let lastEnd = 0;
    let seed = 1;
    const scheduler = createScheduler({
      clock: { now: () => new Date() },
      everyMinutes: 60,
      hostSpacingMs: spec.hostSpacingMs,
      timeoutMs: 10 * spec.probeMs,
      maxParallel: spec.maxParallel,
      startGapMs: spec.startGapMs,
      listPlannings: () => Promise.resolve(plannings),
      runProbe: (planning, trigger) => {
        active += 1;
        peak = Math.max(peak, active);
        return new Promise<Probe | null>((resolve) =>
          setTimeout(() => {
            active -= 1;
            done += 1;
            lastEnd = Date.now();
            const answer = syntheticProbe(planning.id, new Date().toISOString(), 0);
            resolve(sealedRecord({ ...answer, outcome: 'no_date', trigger }, { screenshot: null, pageText: null }, null));
          }, spec.probeMs),
        );
      },
      lastProbeAt: () => Promise.resolve(null),
      recordGap: () => Promise.resolve(),
      log: () => undefined,
      // The jitter second of each planning, reproducible from run to run.
      random: () => {
        seed = (seed * 16_807) % 2_147_483_647;
        return seed / 2_147_483_647;
      },
    });
    await scheduler.start();
    const limit = DUE + 3_600_000;
    while (done < spec.plannings && Date.now() < limit) await clock.nextAsync();
    await scheduler.stop();
    const perHost = Math.ceil(spec.plannings / spec.hosts);
    const idealMs = Math.max(
      (spec.plannings * spec.probeMs) / spec.maxParallel,
      (perHost - 1) * spec.hostSpacingMs + spec.probeMs,
      (spec.plannings - 1) * spec.startGapMs + spec.probeMs,
    );
    return { minutes: (lastEnd - DUE) / 60_000, idealMinutes: idealMs / 60_000, peakParallel: peak, probes: done };
  } finally {
    clock.uninstall();
  }
}
