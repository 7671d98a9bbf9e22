// The hourly schedule as the settings shape it: rebuilt when the host spacing, the probe timeout or the
// parallelism change.
import { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import { createScheduler, parallelProbes, type Scheduler } from '../schedule/index.js';
import type { ActiveTime } from '../schedule/active-hours.js';
import type { Store } from '../store/index.js';
import type { ProbePlanning } from './record-probe.js';
import { PARIS } from '../stats/calendar.js';

/** Probes start one a second at most, so that a minute with many due plannings does not make the PC stutter. */
const PROBE_START_GAP_MS = 1_000;

export interface ScheduleRunnerDeps {
  store: Store;
  clock: Clock;
  everyMinutes: 60 | 1;
  probePlanning: ProbePlanning;
  log: (message: string) => void;
}

export interface ScheduleRunner {
  /** The scheduler for the current settings, built (or rebuilt, restarted if it ran) when they changed. */
  get(): Promise<Scheduler>;
  /** The scheduler built so far, if any: reading overviews must not build one. */
  current(): Scheduler | null;
  /** After a settings change: rebuilds only a scheduler that exists. */
  settingsChanged(): Promise<void>;
  /** Plannings were added, changed or removed: a running schedule takes them into account. */
  refresh(): Promise<void>;
  stop(): Promise<void>;
  /** The app is closing: running probes are stopped and their hours recorded as gaps. */
  shutdown(): Promise<void>;
}

export function createScheduleRunner({ store, clock, everyMinutes, probePlanning, log }: ScheduleRunnerDeps): ScheduleRunner {
  let scheduler: Scheduler | null = null;
  let schedulerKey = '';
  /** The active hours and days of the latest settings: read by the running scheduler at each due time. */
  let active: ActiveTime | undefined;

  async function get(): Promise<Scheduler> {
    const settings = await store.settings.get();
    active = { hours: settings.activeHours, days: settings.activeDays };
    const key = `${settings.hostSpacingSeconds}|${settings.probeTimeoutSeconds}|${settings.maxParallelProbes}`;
    if (scheduler && key === schedulerKey) return scheduler;
    const wasRunning = scheduler?.running ?? false;
    if (scheduler) await scheduler.stop();
    schedulerKey = key;
    scheduler = createScheduler({
      clock,
      everyMinutes,
      hostSpacingMs: settings.hostSpacingSeconds * 1000,
      // The prober ends a slow site itself (and records it); this only catches a probe that hangs on our side.
      timeoutMs: (settings.probeTimeoutSeconds + 60) * 1000,
      maxParallel: parallelProbes(settings.maxParallelProbes),
      startGapMs: PROBE_START_GAP_MS,
      listPlannings: () => store.plannings.list(),
      runProbe: (planning, trigger, signal) => probePlanning(planning, trigger, signal),
      lastProbeAt: async (planningId) => {
        const last = await store.probes.last(planningId);
        return last ? new Date(last.startedAt) : null;
      },
      lastGapEnd: async (planningId) => {
        const now = DateTime.fromJSDate(clock.now(), { zone: PARIS });
        const months = [now.minus({ months: 1 }), now].map((month) => month.toFormat('yyyy-MM'));
        const gaps = (await Promise.all(months.map((month) => store.gaps.list(planningId, month)))).flat();
        const ends = gaps.map((gap) => Date.parse(gap.to));
        return ends.length > 0 ? new Date(Math.max(...ends)) : null;
      },
      recordGap: (gap) => store.gaps.record(gap),
      activeTime: () => active,
      log,
    });
    if (wasRunning) await scheduler.start();
    return scheduler;
  }

  return {
    get,
    current: () => scheduler,
    async settingsChanged() {
      if (scheduler) await get();
    },
    async refresh() {
      if (scheduler?.running) await scheduler.refresh();
    },
    async stop() {
      await scheduler?.stop();
    },
    async shutdown() {
      await scheduler?.stop({ interrupt: true });
    },
  };
}
