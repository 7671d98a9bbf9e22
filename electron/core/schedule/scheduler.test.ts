import { describe, expect, it, vi } from 'vitest';
import { stableMinute } from './index.js';
import { advanceTo, harness, planning, probeOf, useFakeSchedule } from '../../../test/support/schedule-testkit.js';
import type { Planning, Probe } from '../../shared/domain.js';
import type { ProbeTrigger } from './types.js';

const track = useFakeSchedule();

describe('the hourly schedule', () => {
  it('probes each followed planning once an hour at its minute and jitter second', async () => {
    const h = track(
      harness(
        [
          planning('a', { minute: 7 }),
          planning('b', { minute: 20 }),
          planning('unfollowed', { followed: false }),
          planning('stopped', { stoppedAt: '2026-02-01T00:00:00Z' }),
        ],
        { random: () => 0.5 },
      ),
    );
    await h.scheduler.start();
    expect(h.scheduler.running).toBe(true);
    expect(h.scheduler.nextRunAt('a')?.toISOString()).toBe('2026-03-02T10:07:30.000Z');
    expect(h.scheduler.nextRunAt('unfollowed')).toBeNull();

    await advanceTo('2026-03-02T12:00:00Z');

    expect(h.startsOf('a')).toEqual(['2026-03-02T10:07:30Z', '2026-03-02T11:07:30Z']);
    expect(h.startsOf('b')).toEqual(['2026-03-02T10:20:30Z', '2026-03-02T11:20:30Z']);
    expect(h.starts.every((s) => s.trigger === 'schedule')).toBe(true);
    expect(h.startsOf('unfollowed')).toEqual([]);
    expect(h.startsOf('stopped')).toEqual([]);
    expect(h.gaps).toEqual([]);
    expect(h.scheduler.nextRunAt('a')?.toISOString()).toBe('2026-03-02T12:07:30.000Z');
  });

  it('probes only within the active hours and days, and records no gap outside them', async () => {
    // Monday 2 March 2026, Paris = UTC + 1; active from 9:00 to 12:00 Paris time, weekdays.
    const activeTime = () => ({ hours: { from: 9, to: 12 }, days: [1, 2, 3, 4, 5] });
    const created = { createdAt: '2026-03-02T06:00:00Z', updatedAt: '2026-03-02T06:00:00Z' };
    const h = track(harness([planning('a', { minute: 7, ...created })], { activeTime }));
    await h.scheduler.start();
    // Missed while the app was closed: 07:07 to 10:07 Paris, of which only 9:07 and 10:07 were due.
    expect(h.gaps.map((gap) => [gap.from, gap.to, gap.hours])).toEqual([['2026-03-02T08:07:00.000Z', '2026-03-02T10:07:00.000Z', 2]]);
    await advanceTo('2026-03-02T15:00:00Z');
    // 11:07 Paris is probed; 12:07 to 15:07 Paris are outside the active hours: neither probed nor gaps.
    expect(h.startsOf('a')).toEqual(['2026-03-02T10:07:00Z']);
    expect(h.gaps).toHaveLength(1);
    expect(h.scheduler.nextRunAt('a')?.toISOString()).toBe('2026-03-03T08:07:00.000Z');
  });

  it('probes every minute at the jitter second in the demo', async () => {
    const h = track(harness([planning('a', { minute: 40 })], { everyMinutes: 1, hostSpacingMs: 1_000 }, () => ({ ms: 2_000, outcome: 'dates' })));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:02:30Z');
    expect(h.startsOf('a')).toEqual(['2026-03-02T10:00:00Z', '2026-03-02T10:01:00Z', '2026-03-02T10:02:00Z']);
  });

  it('skips a run whose previous run is still going instead of piling up', async () => {
    vi.setSystemTime(new Date('2026-03-02T09:59:30Z'));
    const h = track(
      harness([planning('a', { createdAt: '2026-03-02T09:59:10Z' })], { everyMinutes: 1, timeoutMs: 300_000 }, () => ({
        ms: 150_000,
        outcome: 'no_date',
      })),
    );
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:03:30Z');

    // 10:00 runs until 10:02:30; 10:01 and 10:02 find it still going; 10:03 runs again.
    expect(h.startsOf('a')).toEqual(['2026-03-02T10:00:00Z', '2026-03-02T10:03:00Z']);
    expect(h.logs.filter((line) => line.includes('pas fini'))).toHaveLength(2);
    // A due run that did not happen is a gap, with its reason, never an outcome.
    expect(h.gaps.map((gap) => [gap.from, gap.reason])).toEqual([
      ['2026-03-02T10:01:00.000Z', 'overrun'],
      ['2026-03-02T10:02:00.000Z', 'overrun'],
    ]);
  });

  it('stops probing a planning unfollowed after refresh, and starts one newly followed without a gap', async () => {
    const h = track(harness([planning('a'), planning('b', { minute: 9 })]));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:30:00Z');
    h.state.plannings = [
      planning('a', { followed: false }),
      planning('b', { minute: 9 }),
      planning('c', { minute: 45, createdAt: '2026-03-02T10:29:00Z', updatedAt: '2026-03-02T10:29:00Z' }),
    ];
    await h.scheduler.refresh();
    expect(h.scheduler.nextRunAt('a')).toBeNull();

    await advanceTo('2026-03-02T12:00:00Z');

    expect(h.startsOf('a')).toEqual(['2026-03-02T10:07:00Z']);
    expect(h.startsOf('b')).toEqual(['2026-03-02T10:09:00Z', '2026-03-02T11:09:00Z']);
    expect(h.startsOf('c')).toEqual(['2026-03-02T10:45:00Z', '2026-03-02T11:45:00Z']);
    expect(h.gaps).toEqual([]);
  });

  it('stops: no run after stop, and stop waits for the probe that is running', async () => {
    const h = track(harness([planning('a')], {}, () => ({ ms: 20_000, outcome: 'dates' })));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:07:05Z');
    expect(h.scheduler.isRunning('a')).toBe(true);

    let stopped = false;
    const stopping = h.scheduler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    await stopping;
    expect(h.scheduler.running).toBe(false);
    expect(h.scheduler.isRunning('a')).toBe(false);

    await advanceTo('2026-03-02T13:00:00Z');
    expect(h.startsOf('a')).toEqual(['2026-03-02T10:07:00Z']);
  });
});

describe('closing the app during a probe', () => {
  /** A probe that stops when told, recording nothing (as the recorder does), or ends whole if it was being written. */
  const signals: AbortSignal[] = [];
  const probing = (written: boolean) => (target: Planning, trigger: ProbeTrigger, signal: AbortSignal) =>
    new Promise<Probe | null>((resolve) => {
      signals.push(signal);
      const done = setTimeout(() => resolve(probeOf(target, 'dates', trigger)), 20_000);
      signal.addEventListener('abort', () => {
        if (written) return;
        clearTimeout(done);
        resolve(null);
      });
    });

  it('stops the probe at once and records its hour as a gap « interrupted », never as an outcome', async () => {
    const h = track(harness([planning('a')], { runProbe: probing(false) }));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:07:05Z');
    expect(h.scheduler.isRunning('a')).toBe(true);
    await h.scheduler.stop({ interrupt: true });
    expect(h.scheduler.isRunning('a')).toBe(false);
    expect(h.gaps).toEqual([{ planningId: 'a', from: '2026-03-02T10:07:00.000Z', to: '2026-03-02T11:07:00.000Z', hours: 1, reason: 'interrupted' }]);
  });

  it('lets a probe already being written end whole, and then its hour is no gap', async () => {
    const h = track(harness([planning('a')], { runProbe: probing(true) }));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:07:05Z');
    const stopping = h.scheduler.stop({ interrupt: true });
    await vi.advanceTimersByTimeAsync(20_000);
    await stopping;
    expect(h.gaps).toEqual([]);
  });

  it('drops the probes a person asked for that had not started: the closing app does not wait for them', async () => {
    const targets = [planning('a'), planning('b'), planning('c')];
    const h = track(harness(targets, { runProbe: probing(false) }));
    await h.scheduler.start();
    // One host, spaced: the first runs, the two others wait their turn.
    const asked = targets.map((target) => h.scheduler.runNow(target));
    await vi.advanceTimersByTimeAsync(1_000);
    const stopping = h.scheduler.stop({ interrupt: true });
    await vi.advanceTimersByTimeAsync(120_000);
    await stopping;
    expect(await Promise.all(asked)).toEqual([null, null, null]);
    expect(signals.filter((signal) => !signal.aborted)).toEqual([]);
  });

  it('interrupts nothing when the schedule only pauses (a setting changed, the data folder moves)', async () => {
    const h = track(harness([planning('a')], { runProbe: probing(false) }));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:07:05Z');
    const stopping = h.scheduler.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    await stopping;
    expect(signals.at(-1)?.aborted).toBe(false);
    expect(h.gaps).toEqual([]);
  });
});

describe('gaps', () => {
  it('records at start-up the due hours that passed with no probe, never before creation', async () => {
    vi.setSystemTime(new Date('2026-03-02T10:30:00Z'));
    const lastProbe: Record<string, string> = {
      a: '2026-03-02T06:07:40Z',
      c: '2026-03-02T10:09:30Z',
      d: '2026-03-02T05:10:00Z',
    };
    const h = track(
      harness(
        [
          planning('a', { createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z' }),
          planning('b', { minute: 8, createdAt: '2026-03-02T08:50:00Z', updatedAt: '2026-03-02T08:50:00Z' }),
          planning('c', { minute: 9, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z' }),
          planning('d', { minute: 10, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z' }),
        ],
        {
          lastProbeAt: (id) => Promise.resolve(lastProbe[id] ? new Date(lastProbe[id]) : null),
          lastGapEnd: (id) => Promise.resolve(id === 'd' ? new Date('2026-03-02T09:10:00Z') : null),
        },
      ),
    );
    await h.scheduler.start();

    // The 10:07 run was missed too: the next one is at 11:07.
    expect(h.gaps).toEqual([
      { planningId: 'a', from: '2026-03-02T07:07:00.000Z', to: '2026-03-02T11:07:00.000Z', hours: 4, reason: 'app_closed' },
      { planningId: 'b', from: '2026-03-02T09:08:00.000Z', to: '2026-03-02T11:08:00.000Z', hours: 2, reason: 'app_closed' },
      { planningId: 'd', from: '2026-03-02T09:10:00.000Z', to: '2026-03-02T11:10:00.000Z', hours: 2, reason: 'app_closed' },
    ]);
    await advanceTo('2026-03-02T11:30:00Z');
    expect(h.startsOf('a')).toEqual(['2026-03-02T11:07:00Z']);
    expect(h.startsOf('c')).toEqual(['2026-03-02T11:09:00Z']);
    expect(h.gaps).toHaveLength(3);
  });

  it('records one gap for the hours missed while the PC slept five hours', async () => {
    const h = track(harness([planning('a')]));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:30:00Z');

    // Asleep: the wall clock jumps, the timers do not run (as on a suspended PC).
    vi.setSystemTime(new Date('2026-03-02T15:30:00Z'));
    await vi.advanceTimersByTimeAsync(60 * 60_000);

    expect(h.gaps).toEqual([
      { planningId: 'a', from: '2026-03-02T11:07:00.000Z', to: '2026-03-02T15:07:00.000Z', hours: 4, reason: 'asleep' },
    ]);
    // The 15:07 slot is probed on wake-up, then the schedule goes on without a burst of catch-up runs.
    const starts = h.startsOf('a');
    expect(starts).toHaveLength(3);
    expect(starts[0]).toBe('2026-03-02T10:07:00Z');
    const wakeRun = starts[1] ?? '';
    expect(wakeRun >= '2026-03-02T15:30:00Z' && wakeRun < '2026-03-02T16:07:00Z').toBe(true);
    expect(starts[2]).toBe('2026-03-02T16:07:00Z');
  });
});

describe('stableMinute', () => {
  it('gives each id the same minute every time, and spreads ids over the hour', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `planning-${i}`);
    const minutes = ids.map(stableMinute);
    expect(ids.map(stableMinute)).toEqual(minutes);
    expect(minutes.every((m) => Number.isInteger(m) && m >= 0 && m <= 59)).toBe(true);
    expect(new Set(minutes).size).toBeGreaterThan(45);
  });
});
