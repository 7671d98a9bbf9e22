// The queue between due runs and the browser: one probe at a time per host, starts on a host spaced by
// hostSpacingMs, at most `maxParallel` probes overall (each is a Chromium context; see parallel.ts), and a
// timeout that abandons a hung probe. A host that is busy or waiting for its spacing never holds up the runs of
// other hosts queued behind it.
import type { Clock } from '../clock.js';
import { PARIS, type Planning, type Probe } from '../../shared/domain.js';
import type { HostBackoff } from './backoff.js';
import type { ProbeTrigger } from './types.js';

/** When the caller does not say: what a 2-core PC with little memory can take. */
export const DEFAULT_PARALLEL = 2;

interface Task {
  planning: Planning;
  trigger: ProbeTrigger;
  host: string;
  /** The due time a scheduled run answers; null for a manual one. */
  due: number | null;
  result: Promise<Probe | null>;
  resolve(probe: Probe | null): void;
}

export interface DispatcherOptions {
  clock: Clock;
  hostSpacingMs: number;
  timeoutMs: number;
  /** Probes running at once at most (DEFAULT_PARALLEL when absent). */
  maxParallel?: number;
  /**
   * Least time between two probe starts, whatever their hosts (0 when absent): browser contexts opening all at
   * once make the PC stutter, one a second does not, and an hour has 3,600 of them.
   */
  startGapMs?: number;
  runProbe: (planning: Planning, trigger: ProbeTrigger, signal: AbortSignal) => Promise<Probe | null>;
  backoff: HostBackoff;
  /** A scheduled run reached the head of the queue while its host was paused: it is dropped. */
  onBackoffSkip: (planning: Planning, due: number) => void;
  /** A scheduled run was stopped by `interrupt()` and recorded nothing: its due time is a gap. */
  onInterrupted?: (planning: Planning, due: number) => void;
  log: (message: string) => void;
}

export interface Dispatcher {
  /** Queues a run, or returns the result of this planning's run already queued or running. */
  submit(planning: Planning, trigger: ProbeTrigger, due: number | null): Promise<Probe | null>;
  has(planningId: string): boolean;
  /** Drops queued (not yet started) runs: their callers get null. */
  dropQueued(predicate: (planningId: string, trigger: ProbeTrigger) => boolean): void;
  /** Resolves when every started probe has finished or timed out. */
  idle(): Promise<void>;
  /**
   * The app is closing: every running probe is told to stop (its browser context closes, it records nothing). A
   * probe whose record was already being written ends whole; `idle()` waits for both.
   */
  interrupt(): void;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { clock, log } = options;
  const maxParallel = Math.max(1, options.maxParallel ?? DEFAULT_PARALLEL);
  const startGapMs = options.startGapMs ?? 0;
  let lastStart = -Infinity;
  const tasks = new Map<string, Task>();
  const queue: Task[] = [];
  const busyHosts = new Set<string>();
  const lastStartByHost = new Map<string, number>();
  const finishing = new Set<Promise<void>>();
  const started = new Map<Task, AbortController>();
  const interrupted = new Set<Task>();
  let wakeTimer: ReturnType<typeof setTimeout> | null = null;

  function pump(): void {
    if (wakeTimer) clearTimeout(wakeTimer);
    wakeTimer = null;
    const now = clock.now().getTime();
    let nextReadyAt = Infinity;
    for (const task of [...queue]) {
      if (finishing.size >= maxParallel) break;
      if (lastStart + startGapMs > now) {
        nextReadyAt = Math.min(nextReadyAt, lastStart + startGapMs);
        break;
      }
      if (busyHosts.has(task.host)) continue;
      if (task.due !== null && options.backoff.pausedUntil(task.host, now) !== null) {
        remove(task);
        options.onBackoffSkip(task.planning, task.due);
        task.resolve(null);
        continue;
      }
      const readyAt = (lastStartByHost.get(task.host) ?? -Infinity) + options.hostSpacingMs;
      if (readyAt > now) {
        nextReadyAt = Math.min(nextReadyAt, readyAt);
        continue;
      }
      queue.splice(queue.indexOf(task), 1);
      launch(task, now);
    }
    if (finishing.size < maxParallel && nextReadyAt !== Infinity) {
      wakeTimer = setTimeout(pump, nextReadyAt - now);
    }
  }

  function remove(task: Task): void {
    queue.splice(queue.indexOf(task), 1);
    tasks.delete(task.planning.id);
  }

  function launch(task: Task, now: number): void {
    lastStart = now;
    busyHosts.add(task.host);
    lastStartByHost.set(task.host, now);
    const controller = new AbortController();
    started.set(task, controller);
    let settled = false;
    let markFinished = (): void => undefined;
    const finished = new Promise<void>((resolve) => (markFinished = resolve));
    finishing.add(finished);

    const finish = (probe: Probe | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      started.delete(task);
      if (interrupted.delete(task) && !probe && task.due !== null) options.onInterrupted?.(task.planning, task.due);
      busyHosts.delete(task.host);
      tasks.delete(task.planning.id);
      finishing.delete(finished);
      if (probe) {
        const until = options.backoff.note(task.host, probe.outcome, clock.now().getTime());
        if (until !== null) {
          const local = new Date(until).toLocaleString('fr-FR', { timeZone: PARIS });
          log(`${task.host} répond par des erreurs : sondages suspendus jusqu’au ${local}.`);
        }
      }
      task.resolve(probe);
      markFinished();
      pump();
    };

    // A probe that ignores its signal is abandoned all the same: it must not hold a slot for ever.
    const timer = setTimeout(() => {
      log(`Sondage de « ${task.planning.label} » abandonné après ${Math.round(options.timeoutMs / 1000)} s.`);
      controller.abort(new Error('timeout'));
      finish(null);
    }, options.timeoutMs);

    let running: Promise<Probe | null>;
    try {
      running = options.runProbe(task.planning, task.trigger, controller.signal);
    } catch (error) {
      running = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    running.then(finish, (error: unknown) => {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`Sondage de « ${task.planning.label} » en échec : ${text}`);
      finish(null);
    });
  }

  return {
    submit(planning, trigger, due) {
      const existing = tasks.get(planning.id);
      if (existing) return existing.result;
      let resolve: (probe: Probe | null) => void = () => undefined;
      const result = new Promise<Probe | null>((r) => (resolve = r));
      const task: Task = { planning, trigger, host: hostOf(planning.url), due, result, resolve };
      tasks.set(planning.id, task);
      // Someone is waiting in front of the screen for a manual run: it goes before the scheduled ones.
      const firstScheduled = queue.findIndex((queued) => queued.trigger === 'schedule');
      if (trigger === 'manual' && firstScheduled >= 0) queue.splice(firstScheduled, 0, task);
      else queue.push(task);
      pump();
      return result;
    },
    has: (planningId) => tasks.has(planningId),
    dropQueued(predicate) {
      for (const task of [...queue]) {
        if (!predicate(task.planning.id, task.trigger)) continue;
        remove(task);
        task.resolve(null);
      }
      if (queue.length === 0 && wakeTimer) {
        clearTimeout(wakeTimer);
        wakeTimer = null;
      }
    },
    async idle() {
      while (finishing.size > 0) await Promise.all([...finishing]);
    },
    interrupt() {
      for (const [task, controller] of started) {
        interrupted.add(task);
        controller.abort(new Error('shutdown'));
      }
    },
  };
}
