// Shared by the schedule's tests: plannings, probes and a fake prober driven by vitest's fake timers.
import { afterEach, beforeEach, vi } from 'vitest';
import type { Gap, Outcome, Planning, Probe } from '../../electron/shared/domain.js';
import { syntheticPlanning } from './synthetic.js';
import { createScheduler } from '../../electron/core/schedule/scheduler.js';
import type { ProbeTrigger, Scheduler, SchedulerOptions } from '../../electron/core/schedule/types.js';

/** A planning on a host of its own (`<id>.example.fr`), created just before the tests' first due run. */
export function planning(id: string, fields: Partial<Planning> = {}): Planning {
  return syntheticPlanning(id, {
    prefecture: 'Bobigny',
    url: `https://${id}.example.fr/booking`,
    minute: 7,
    createdAt: '2026-03-02T09:58:00.000Z',
    updatedAt: '2026-03-02T09:58:00.000Z',
    ...fields,
  });
}

export function probeOf(target: Planning, outcome: Outcome, trigger: ProbeTrigger): Probe {
  const startedAt = new Date().toISOString();
  return {
    id: `${target.id}-${startedAt}`,
    planningId: target.id,
    startedAt,
    localDate: startedAt.slice(0, 10),
    localTime: startedAt.slice(11, 16),
    durationMs: 0,
    url: target.url,
    finalUrl: target.url,
    outcome,
    firstSlot: null,
    secondSlot: null,
    category: outcome === 'no_date' ? 'c5' : null,
    detail: '',
    httpStatus: 200,
    screenshot: null,
    pageText: null,
    environment: {
      appVersion: 'test',
      browser: 'chromium',
      browserVersion: '0',
      userAgent: 'test',
      freshProfile: true,
      timeSource: 'system',
      os: 'linux',
    },
    trigger,
    previousHash: null,
    hash: 'h',
  };
}

export interface Start {
  id: string;
  trigger: ProbeTrigger;
  /** ISO instant, second precision. */
  at: string;
  signal: AbortSignal;
}

/** How the fake site answers a probe: after `ms` with `outcome`, or never. */
export type Behaviour = { ms: number; outcome: Outcome } | 'hang';

export function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

export async function advanceTo(instant: string): Promise<void> {
  await vi.advanceTimersByTimeAsync(Date.parse(instant) - Date.now());
}

/** A scheduler over in-memory plannings and a fake prober; everything it did is kept for assertions. */
export function harness(
  plannings: Planning[],
  overrides: Partial<SchedulerOptions> = {},
  behaviour: (target: Planning) => Behaviour = () => ({ ms: 5_000, outcome: 'no_date' }),
) {
  const starts: Start[] = [];
  const gaps: Gap[] = [];
  const logs: string[] = [];
  let active = 0;
  let maxActive = 0;
  const state = { plannings, behaviour };
  const options: SchedulerOptions = {
    clock: { now: () => new Date() },
    everyMinutes: 60,
    hostSpacingMs: 30_000,
    timeoutMs: 120_000,
    listPlannings: () => Promise.resolve(state.plannings),
    runProbe: (target, trigger, signal) => {
      starts.push({ id: target.id, trigger, at: iso(Date.now()), signal });
      const answer = state.behaviour(target);
      if (answer === 'hang') return new Promise<Probe | null>(() => undefined);
      active += 1;
      maxActive = Math.max(maxActive, active);
      return new Promise((resolve) =>
        setTimeout(() => {
          active -= 1;
          resolve(probeOf(target, answer.outcome, trigger));
        }, answer.ms),
      );
    },
    lastProbeAt: () => Promise.resolve(null),
    recordGap: (gap) => {
      gaps.push(gap);
      return Promise.resolve();
    },
    log: (message) => logs.push(message),
    random: () => 0,
    ...overrides,
  };
  const scheduler: Scheduler = createScheduler(options);
  return {
    scheduler,
    starts,
    gaps,
    logs,
    state,
    maxActive: () => maxActive,
    startsOf: (id: string) => starts.filter((s) => s.id === id).map((s) => s.at),
  };
}

/**
 * Fake timers from 09:59 on 2 March 2026 for each test, and the schedulers the test started stopped after it.
 * Returns `track`, which registers a harness's scheduler for that.
 */
export function useFakeSchedule(): <T extends { scheduler: Scheduler }>(h: T) => T {
  const schedulers: Scheduler[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-02T09:59:00Z'));
  });
  afterEach(async () => {
    const stopping = Promise.all(schedulers.splice(0).map((s) => s.stop()));
    await vi.runOnlyPendingTimersAsync();
    await stopping;
    vi.useRealTimers();
  });
  return (h) => {
    schedulers.push(h.scheduler);
    return h;
  };
}
