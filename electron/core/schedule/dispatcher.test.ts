// Politeness and robustness of the runs: host spacing, two probes at most, timeouts, manual runs, back-off.
import { describe, expect, it, vi } from 'vitest';
import type { Planning } from '../../shared/domain.js';
import { advanceTo, harness, planning, useFakeSchedule } from '../../../test/support/schedule-testkit.js';

const track = useFakeSchedule();

const onHost = (id: string, host: string, fields: Partial<Planning> = {}) =>
  planning(id, { url: `https://${host}/rdv/${id}`, ...fields });

describe('runs', () => {
  it('spaces two plannings of one host, runs two hosts together, and never more than two probes', async () => {
    const h = track(
      harness([onHost('a1', 'one.fr'), onHost('a2', 'one.fr'), onHost('b', 'two.fr'), onHost('c', 'three.fr')]),
    );
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:09:00Z');

    const [a1 = '', a2 = ''] = [...h.startsOf('a1'), ...h.startsOf('a2')].sort();
    expect(Date.parse(a2) - Date.parse(a1)).toBeGreaterThanOrEqual(30_000);
    // Two hosts start together at the due time; the third waits for a free slot (probes take 5 s).
    const hostOf = (id: string) => h.state.plannings.find((p) => p.id === id)?.url.split('/')[2];
    const together = h.starts.filter((s) => s.at === '2026-03-02T10:07:00Z').map((s) => hostOf(s.id));
    expect(new Set(together).size).toBe(2);
    expect(h.starts.filter((s) => s.at === '2026-03-02T10:07:05Z')).toHaveLength(1);
    expect(h.maxActive()).toBe(2);
    expect(h.starts).toHaveLength(4);
  });

  it('ends a hung probe at the timeout: its signal is aborted and its slot goes to the next run', async () => {
    const h = track(
      harness([onHost('a', 'one.fr'), onHost('b', 'two.fr'), onHost('c', 'three.fr', { minute: 8 })], { timeoutMs: 90_000 }, (p) =>
        p.id === 'c' ? { ms: 5_000, outcome: 'dates' } : 'hang',
      ),
    );
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:08:10Z');
    expect(h.starts.map((s) => s.id).sort()).toEqual(['a', 'b']);
    expect(h.starts.some((s) => s.signal.aborted)).toBe(false);
    expect(h.scheduler.isRunning('c')).toBe(true);

    await advanceTo('2026-03-02T10:09:00Z');
    expect(h.starts.filter((s) => s.id !== 'c').every((s) => s.signal.aborted)).toBe(true);
    expect(h.startsOf('c')).toEqual(['2026-03-02T10:08:30Z']);
    expect(h.scheduler.isRunning('a')).toBe(false);
    expect(h.logs.some((line) => line.includes('abandonné'))).toBe(true);
  });

  it('answers a manual run during a scheduled one with that run’s result, without a second probe', async () => {
    const h = track(harness([onHost('a', 'one.fr')], {}, () => ({ ms: 10_000, outcome: 'dates' })));
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:07:04Z');

    const manual = h.scheduler.runNow(planning('a', { url: 'https://one.fr/rdv/a' }));
    await advanceTo('2026-03-02T10:07:20Z');
    const probe = await manual;

    expect(probe?.outcome).toBe('dates');
    expect(probe?.trigger).toBe('schedule');
    expect(h.starts).toHaveLength(1);
  });

  it('runs a manual probe without the schedule, still spaced from the last start on its host', async () => {
    const h = track(harness([], {}, () => ({ ms: 2_000, outcome: 'no_date' })));
    const first = h.scheduler.runNow(onHost('a', 'one.fr'));
    const second = h.scheduler.runNow(onHost('b', 'one.fr'));
    await vi.advanceTimersByTimeAsync(40_000);

    expect((await first)?.trigger).toBe('manual');
    expect((await second)?.planningId).toBe('b');
    expect(h.startsOf('a')).toEqual(['2026-03-02T09:59:00Z']);
    expect(h.startsOf('b')).toEqual(['2026-03-02T09:59:30Z']);
  });

  it('backs off a host after three site errors (1 h, 2 h, 4 h), records skipped hours as gaps, resets on success', async () => {
    let siteDown = true;
    const h = track(
      harness([onHost('a', 'down.fr'), onHost('b', 'up.fr')], {}, (p) => ({
        ms: 5_000,
        outcome: p.id === 'a' && siteDown ? 'site_error' : 'no_date',
      })),
    );
    await h.scheduler.start();
    await advanceTo('2026-03-02T12:30:00Z');
    expect(h.scheduler.nextRunAt('a')?.toISOString()).toBe('2026-03-02T14:07:00.000Z');

    await advanceTo('2026-03-02T21:30:00Z');
    siteDown = false;
    await advanceTo('2026-03-03T00:00:00Z');

    const hourOf = (at: string) => at.slice(11, 13);
    expect(h.startsOf('a').map(hourOf)).toEqual(['10', '11', '12', '14', '17', '22', '23']);
    expect(h.startsOf('b')).toHaveLength(14);
    expect(h.gaps.map((g) => [g.planningId, hourOf(g.from), hourOf(g.to), g.hours, g.reason])).toEqual([
      ['a', '13', '14', 1, 'backoff'],
      ['a', '15', '16', 1, 'backoff'],
      ['a', '16', '17', 1, 'backoff'],
      ['a', '18', '19', 1, 'backoff'],
      ['a', '19', '20', 1, 'backoff'],
      ['a', '20', '21', 1, 'backoff'],
      ['a', '21', '22', 1, 'backoff'],
    ]);
  });

  it('drops the runs already queued for a host as soon as it is paused', async () => {
    const h = track(
      harness([onHost('p1', 'down.fr'), onHost('p2', 'down.fr'), onHost('p3', 'down.fr')], {}, () => ({
        ms: 5_000,
        outcome: 'site_error',
      })),
    );
    await h.scheduler.start();
    await advanceTo('2026-03-02T10:30:00Z');
    // Three starts spaced by 30 s, three errors: the host is paused.
    expect(h.starts.map((s) => s.at.slice(11))).toEqual(['10:07:00Z', '10:07:30Z', '10:08:00Z']);

    await advanceTo('2026-03-02T12:30:00Z');
    // 11:07: all three skipped. 12:07: the first run fails again (2 h pause), the two queued behind it are dropped.
    expect(h.starts.map((s) => s.at.slice(11))).toEqual(['10:07:00Z', '10:07:30Z', '10:08:00Z', '12:07:00Z']);
    expect(h.gaps.map((g) => `${g.from.slice(11, 16)} ${g.reason}`)).toEqual([
      '11:07 backoff',
      '11:07 backoff',
      '11:07 backoff',
      '12:07 backoff',
      '12:07 backoff',
    ]);
  });
});
