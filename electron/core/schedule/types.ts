import type { Clock } from '../clock.js';
import type { Gap, Planning, Probe, ProbeTrigger as AnyTrigger } from '../../shared/domain.js';
import type { ActiveTime } from './active-hours.js';

/** The probes the schedule runs: its own, and those a person asks for now. */
export type ProbeTrigger = Extract<AnyTrigger, 'schedule' | 'manual'>;

/** Why a due run did not happen, as written in `Gap.reason`: see shared/domain.ts. */
export { GAP_REASONS, type GapReason } from '../../shared/domain.js';

export interface SchedulerOptions {
  /** Must move with the timers (the system clock, or vitest's faked Date): node-schedule reads Date too. */
  clock: Clock;
  /** 60 normally; the demo probes every minute. */
  everyMinutes: 60 | 1;
  /** Minimum spacing between two probe starts on the same host (`new URL(url).host`). */
  hostSpacingMs: number;
  /** A probe still running after this is abandoned: its signal is aborted and its slot freed. */
  timeoutMs: number;
  /** Probes running at once at most, across hosts (see parallel.ts); 2 when absent. */
  maxParallel?: number;
  /** Least time between two probe starts, whatever their hosts; 0 when absent. */
  startGapMs?: number;
  /** Only `followed` plannings without `stoppedAt` are scheduled. */
  listPlannings(): Promise<Planning[]>;
  runProbe(planning: Planning, trigger: ProbeTrigger, signal: AbortSignal): Promise<Probe | null>;
  lastProbeAt(planningId: string): Promise<Date | null>;
  /**
   * End (`to`) of the latest gap recorded for a planning. Optional: without it, a gap recorded in an earlier
   * session with no probe since (a back-off, or a restart of the schedule) may be recorded again at start-up.
   */
  lastGapEnd?(planningId: string): Promise<Date | null>;
  recordGap(gap: Gap): Promise<void>;
  log(message: string): void;
  /** The hours and days probes are due (settings); always when absent. Read at each due time. */
  activeTime?(): ActiveTime | undefined;
  /** For the jitter (0–59 s); Math.random by default. */
  random?: () => number;
}

export interface Scheduler {
  /** Schedules every followed planning and records the gaps found at start-up. */
  start(): Promise<void>;
  /**
   * Cancels the jobs and the queued runs, then waits for running probes (each bounded by timeoutMs). `interrupt`:
   * the app is closing, running probes are stopped at once and their due times recorded as gaps (`interrupted`),
   * never as an outcome of the site nor as a robot error.
   */
  stop(options?: { interrupt?: boolean }): Promise<void>;
  /** Takes plannings added, changed, removed, followed or unfollowed into account; call it on wake-up too. */
  refresh(): Promise<void>;
  /**
   * A manual probe, whether the schedule runs or not. It obeys the host spacing; if that planning is already
   * queued or running, returns that run's result instead of starting a second one. Null when the probe was
   * abandoned (timeout, stop) or failed on our side (logged).
   */
  runNow(planning: Planning): Promise<Probe | null>;
  /** When the schedule will next probe this planning (after any back-off); null when it will not. */
  nextRunAt(planningId: string): Date | null;
  /** True while a run of this planning is queued or running. */
  isRunning(planningId: string): boolean;
  /** True between start() and stop(). */
  readonly running: boolean;
}
