// Each followed planning is probed once per period at its own minute and jitter second. Every due time is
// accounted for: probed, or recorded as a gap (app closed, PC asleep, host backed off).
import schedule from 'node-schedule';
import type { Gap, Planning } from '../../shared/domain.js';
import { activeStretches, ALWAYS, isActiveAt } from './active-hours.js';
import { createHostBackoff } from './backoff.js';
import { createDispatcher, hostOf } from './dispatcher.js';
import { dueAtOrAfter, dueAtOrBefore, gridFor, jitterSeconds, type Grid } from './slots.js';
import type { GapReason, Scheduler, SchedulerOptions } from './types.js';

/** How often the schedule checks for runs that node-schedule did not fire (a timer late after a sleep). */
const WATCHDOG_MS = 60_000;
/** A due run later than this without its job having fired is handled by the watchdog. */
const WATCHDOG_GRACE_MS = 60_000;

interface Entry {
  planning: Planning;
  grid: Grid;
  jitterMs: number;
  job: schedule.Job;
  /** Every due time before this is accounted for (probed, gap recorded, or not due then). */
  coveredUntil: number;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { clock, everyMinutes } = options;
  const log = (message: string): void => options.log(message);
  const random = options.random ?? Math.random;
  const periodMs = everyMinutes * 60_000;
  const backoff = createHostBackoff(periodMs);
  /** Read at each due time, so that a change in the settings applies at once. */
  const activeTime = () => options.activeTime?.() ?? ALWAYS;
  const entries = new Map<string, Entry>();
  /** Gaps being written: stop() waits for them, so that closing the store loses none. */
  const writingGaps = new Set<Promise<void>>();
  let started = false;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  // start() and refresh() read the plannings and await the store: one at a time.
  let syncing: Promise<void> = Promise.resolve();

  const dispatcher = createDispatcher({
    clock,
    hostSpacingMs: options.hostSpacingMs,
    timeoutMs: options.timeoutMs,
    ...(options.maxParallel !== undefined ? { maxParallel: options.maxParallel } : {}),
    ...(options.startGapMs !== undefined ? { startGapMs: options.startGapMs } : {}),
    runProbe: (planning, trigger, signal) => options.runProbe(planning, trigger, signal),
    backoff,
    onBackoffSkip: (planning, due) => {
      log(`« ${planning.label} » non sondé : ${hostOf(planning.url)} est en pause après des erreurs répétées.`);
      recordGap(planning.id, due, due + periodMs, 'backoff');
    },
    onInterrupted: (planning, due) => {
      log(`« ${planning.label} » : sondage interrompu par l’arrêt de Guichets, heure notée comme un trou.`);
      recordGap(planning.id, due, due + periodMs, 'interrupted');
    },
    log,
  });

  /** Records the missed due times in [from, to) as gaps, leaving out the hours outside the active time. */
  function recordGap(planningId: string, from: number, to: number, reason: GapReason): void {
    for (const [start, end] of activeStretches(from, to, periodMs, activeTime())) recordOneGap(planningId, start, end, reason);
  }

  function recordOneGap(planningId: string, from: number, to: number, reason: GapReason): void {
    const gap: Gap = {
      planningId,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      // In the demo a due run is a minute, not an hour: `hours` counts the missed runs.
      hours: Math.round((to - from) / periodMs),
      reason,
    };
    const writing = options.recordGap(gap).catch((error: unknown) => log(`Trou non enregistré (${reason}) : ${String(error)}`));
    writingGaps.add(writing);
    void writing.finally(() => writingGaps.delete(writing));
  }

  /** Records one gap for the due times in [entry.coveredUntil, until), then marks them accounted for. */
  function coverUntil(entry: Entry, until: number, reason: GapReason): void {
    const firstMissed = dueAtOrAfter(entry.grid, entry.coveredUntil);
    if (firstMissed < until) {
      log(`« ${entry.planning.label} » : ${Math.round((until - firstMissed) / periodMs)} sondage(s) manqué(s) (${reason}).`);
      recordGap(entry.planning.id, firstMissed, until, reason);
    }
    entry.coveredUntil = Math.max(entry.coveredUntil, until);
  }

  /** The due time whose run fires next (its job fires at due + jitter). */
  function nextDue(entry: Entry, now: number): number {
    return dueAtOrBefore(entry.grid, now - entry.jitterMs) + entry.grid.periodMs;
  }

  function onDue(entry: Entry): void {
    if (!started || entries.get(entry.planning.id) !== entry) return;
    const now = clock.now().getTime();
    const due = dueAtOrBefore(entry.grid, now - entry.jitterMs);
    // node-schedule fires each missed occurrence in a row after a sleep: the first one handles them all.
    if (due < entry.coveredUntil) return;
    coverUntil(entry, due, 'asleep');
    entry.coveredUntil = due + periodMs;
    // Outside the active hours and days nothing is due: no probe, and no gap either.
    if (!isActiveAt(due, activeTime())) return;
    const { planning } = entry;
    if (backoff.pausedUntil(hostOf(planning.url), now) !== null) {
      log(`« ${planning.label} » non sondé : ${hostOf(planning.url)} est en pause après des erreurs répétées.`);
      recordGap(planning.id, due, due + periodMs, 'backoff');
      return;
    }
    if (dispatcher.has(planning.id)) {
      log(`« ${planning.label} » : le sondage précédent n’est pas fini, celui-ci est sauté.`);
      recordGap(planning.id, due, due + periodMs, 'overrun');
      return;
    }
    dispatcher.submit(planning, 'schedule', due).catch((error: unknown) => log(String(error)));
  }

  function checkOverdue(): void {
    const now = clock.now().getTime();
    for (const entry of entries.values()) {
      const due = dueAtOrBefore(entry.grid, now - entry.jitterMs);
      if (due >= entry.coveredUntil && now - (due + entry.jitterMs) >= WATCHDOG_GRACE_MS) onDue(entry);
    }
  }

  function createEntry(planning: Planning, coveredUntil: number): Entry {
    const jitter = jitterSeconds(random);
    const rule = new schedule.RecurrenceRule();
    if (everyMinutes === 60) rule.minute = planning.minute % 60;
    rule.second = jitter;
    // UTC has no daylight-saving jumps, and the minute of the hour is the same as in Paris.
    rule.tz = 'Etc/UTC';
    const entry: Entry = {
      planning,
      grid: gridFor(everyMinutes, planning.minute),
      jitterMs: jitter * 1000,
      job: schedule.scheduleJob(rule, () => onDue(entry)),
      coveredUntil,
    };
    return entry;
  }

  /** The due times before this are not owed by the app: before the planning existed, was edited or probed. */
  async function accountedUntil(planning: Planning, grid: Grid): Promise<number> {
    const [lastProbe, lastGap] = await Promise.all([
      options.lastProbeAt(planning.id),
      options.lastGapEnd ? options.lastGapEnd(planning.id) : Promise.resolve(null),
    ]);
    // Plannings are edited (and followed) in the running app, which accounted for the due times before.
    let until = Math.max(Date.parse(planning.createdAt) || 0, Date.parse(planning.updatedAt) || 0);
    if (lastProbe) until = Math.max(until, dueAtOrBefore(grid, lastProbe.getTime()) + grid.periodMs);
    if (lastGap) until = Math.max(until, lastGap.getTime());
    return until;
  }

  async function sync(atStart: boolean): Promise<void> {
    const plannings = await options.listPlannings();
    const wanted = new Map(plannings.filter((p) => p.followed && !p.stoppedAt).map((p) => [p.id, p]));
    for (const [id, entry] of entries) {
      const planning = wanted.get(id);
      if (planning && planning.minute === entry.planning.minute) {
        entry.planning = planning;
        continue;
      }
      entry.job.cancel();
      entries.delete(id);
      if (!planning) dispatcher.dropQueued((queuedId, trigger) => queuedId === id && trigger === 'schedule');
    }
    const now = clock.now().getTime();
    const added = [...wanted.values()].filter((planning) => !entries.has(planning.id));
    if (!atStart) {
      // Just followed, or its minute changed: nothing was owed before.
      for (const planning of added) {
        const entry = createEntry(planning, 0);
        entry.coveredUntil = nextDue(entry, now);
        entries.set(planning.id, entry);
      }
      return;
    }
    const owedFrom = await Promise.all(
      added.map((planning) =>
        accountedUntil(planning, gridFor(everyMinutes, planning.minute)).catch((error: unknown) => {
          log(`Historique de « ${planning.label} » illisible, pas de trou calculé : ${String(error)}`);
          return now;
        }),
      ),
    );
    if (!started) return;
    const startedAt = clock.now().getTime();
    added.forEach((planning, index) => {
      const until = owedFrom[index] ?? startedAt;
      const entry = createEntry(planning, until);
      entries.set(planning.id, entry);
      const next = nextDue(entry, startedAt);
      coverUntil(entry, next, 'app_closed');
      // The next due run must happen even if the planning was edited between its due time and its jitter
      // second; only a probe already taken in that slot (or a clock skew) keeps that slot covered.
      if (until <= startedAt) entry.coveredUntil = next;
    });
  }

  function serialized(task: () => Promise<void>): Promise<void> {
    const next = syncing.then(task);
    syncing = next.catch(() => undefined);
    return next;
  }

  return {
    get running() {
      return started;
    },
    start() {
      if (started) return Promise.resolve();
      started = true;
      watchdog = setInterval(checkOverdue, WATCHDOG_MS);
      watchdog.unref();
      return serialized(() => sync(true));
    },
    async stop(stopping = {}) {
      started = false;
      if (watchdog) clearInterval(watchdog);
      watchdog = null;
      for (const entry of entries.values()) entry.job.cancel();
      entries.clear();
      // A stop keeps the runs a person asked for; the app's closing drops them too (they would hold it open).
      dispatcher.dropQueued((_id, trigger) => stopping.interrupt === true || trigger === 'schedule');
      if (stopping.interrupt) dispatcher.interrupt();
      await dispatcher.idle();
      await Promise.all([...writingGaps]);
    },
    refresh() {
      if (!started) return Promise.resolve();
      return serialized(async () => {
        if (!started) return;
        await sync(false);
        checkOverdue();
      });
    },
    runNow: (planning) => dispatcher.submit(planning, 'manual', null),
    nextRunAt(planningId) {
      const entry = entries.get(planningId);
      if (!entry) return null;
      const now = clock.now().getTime();
      const pausedUntil = backoff.pausedUntil(hostOf(entry.planning.url), now) ?? now;
      let due = nextDue(entry, Math.max(now, pausedUntil));
      // The next due time within the active hours, looked for over a week at most.
      for (let tries = 0; tries < (7 * 24 * 3_600_000) / periodMs && !isActiveAt(due, activeTime()); tries++) due += periodMs;
      return new Date(due + entry.jitterMs);
    },
    isRunning: (planningId) => dispatcher.has(planningId),
  };
}
