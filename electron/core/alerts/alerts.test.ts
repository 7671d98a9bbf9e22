import { describe, expect, it } from 'vitest';
import type { Outcome, Probe } from '../../shared/domain.js';
import { syntheticPlanning } from '../../../test/support/synthetic.js';
import { wordCore } from '../messages.js';
import { computeAlerts, needsOlder, type AlertInput } from './alerts.js';

const planning = syntheticPlanning('bobigny', { label: 'Bobigny' });

/** Probes hourly up to `end`, oldest first in `outcomes`; returned newest first, as the store lists them. */
function history(outcomes: Outcome[], end = '2026-12-01T10:00:00Z'): Probe[] {
  return outcomes
    .map((outcome, index) => {
      const startedAt = new Date(Date.parse(end) - (outcomes.length - 1 - index) * 3_600_000).toISOString();
      return {
        id: `p${index}`,
        planningId: 'bobigny',
        startedAt,
        localDate: startedAt.slice(0, 10),
        localTime: startedAt.slice(11, 16),
        outcome,
        firstSlot: outcome === 'dates' ? '2026-12-20T09:00' : null,
        detail: outcome,
      } as Probe;
    })
    .reverse();
}

const input = (recent: Probe[], extra: Partial<AlertInput> = {}): AlertInput => ({
  now: new Date('2026-12-01T10:30:00Z'),
  plannings: [{ planning, recent }],
  disk: { freeBytes: 50 * 1024 ** 3, minFreeBytes: 1024 ** 3 },
  newestSeal: null,
  muted: {},
  ...extra,
});

const noDates = (hours: number): Outcome[] => Array.from({ length: hours }, (): Outcome => 'no_date');

describe('alerts', () => {
  it('dates after a day or more without any: one alert, with the first date', () => {
    const alerts = computeAlerts(input(history([...noDates(25), 'dates'])));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.kind).toBe('dates_back');
    // Said as a code, worded in French for older readers; its dates as the screens write them, in Paris time.
    expect(alerts[0]?.said).toEqual({ code: 'alert.dates_back', params: { planning: 'Bobigny', since: '01/12/2026 11:00', days: 1, firstSlot: '20/12/2026 09:00' } });
    expect(alerts[0]?.message).toBe('Bobigny : des dates sont proposées depuis le 01/12/2026 11:00, après 1 jour sans aucune. Première date : 20/12/2026 09:00.');
    expect(wordCore(alerts[0]?.said ?? { code: 'alert.disk' }, 'en')).toBe('Bobigny: dates are offered since 01/12/2026 11:00, after 1 day without any. First date: 20/12/2026 09:00.');
    // The same situation an hour later keeps its id: one notification, not one per probe.
    const later = computeAlerts(input(history([...noDates(25), 'dates', 'dates'], '2026-12-01T11:00:00Z')));
    expect(later[0]?.id).toBe(alerts[0]?.id);
  });

  it('no alert when dates came back after less than a day, or when they are gone again', () => {
    expect(computeAlerts(input(history([...noDates(10), 'dates'])))).toEqual([]);
    expect(computeAlerts(input(history([...noDates(30), 'dates', 'no_date'])))).toEqual([]);
    // Inconclusive probes in between neither break nor make the stretch.
    expect(computeAlerts(input(history([...noDates(30), 'site_error', 'dates'])))[0]?.kind).toBe('dates_back');
  });

  it('ends when its first date has passed, and gives the first date the newest probe saw', () => {
    const back = history([...noDates(25), 'dates', 'dates']);
    const [newest, ...older] = back;
    if (!newest) throw new Error('no probe');
    const alerts = computeAlerts(input([{ ...newest, firstSlot: '2026-12-03T08:00' }, ...older]));
    expect(alerts[0]?.params?.firstSlot).toBe('2026-12-03T08:00');
    // 3 December, 9:00 in Paris: the date offered is gone, and so is the alert.
    expect(computeAlerts(input([{ ...newest, firstSlot: '2026-12-03T08:00' }, ...older], { now: new Date('2026-12-03T08:00:00Z') }))).toEqual([]);
  });

  it('leaves out an alert marked « vu », and no other', () => {
    const alerts = computeAlerts(input(history([...noDates(25), 'dates'])));
    const id = alerts[0]?.id ?? '';
    expect(computeAlerts(input(history([...noDates(25), 'dates']), { seen: [id] }))).toEqual([]);
    expect(computeAlerts(input(history([...noDates(25), 'dates']), { seen: ['dates_back:bobigny:other'] }))).toHaveLength(1);
  });

  it('three failures in a row, not two; turned off per planning', () => {
    expect(computeAlerts(input(history(['no_date', 'site_error', 'unreachable'])))).toEqual([]);
    const three = computeAlerts(input(history(['no_date', 'site_error', 'unreachable', 'robot_error'])));
    expect(three.map((alert) => alert.kind)).toEqual(['failing']);
    expect(three[0]?.message).toContain('3 sondages de suite');
    expect(computeAlerts(input(history(['site_error', 'site_error', 'site_error']), { muted: { bobigny: ['failing'] } }))).toEqual([]);
  });

  it('the disk and the seals, each can be turned off', () => {
    const low = input([], { disk: { freeBytes: 200 * 1024 ** 2, minFreeBytes: 1024 ** 3 }, newestSeal: new Date('2026-11-28T00:00:00Z') });
    expect(computeAlerts(low).map((alert) => alert.kind)).toEqual(['disk', 'seals']);
    expect(computeAlerts({ ...low, muted: { '': ['disk', 'seals'] } })).toEqual([]);
    expect(computeAlerts(input([], { newestSeal: new Date('2026-12-01T00:00:00Z') }))).toEqual([]);
  });

  it('a week without a good backup, or a week of evidence never backed up; none within the week; can be turned off', () => {
    const backup = (lastGood: string | null, dataSince: string | null) => ({
      backup: { lastGood: lastGood === null ? null : new Date(lastGood), dataSince: dataSince === null ? null : new Date(dataSince) },
    });
    const late = computeAlerts(input([], backup('2026-11-20T23:30:00Z', '2025-01-01T00:00:00Z')));
    expect(late).toEqual([
      expect.objectContaining({ kind: 'backup', id: 'backup:late:2026-11-20T23:30:00.000Z', params: { since: '2026-11-20T23:30:00.000Z' }, said: { code: 'backup.late', params: { since: '21/11/2026' } } }),
    ]);
    expect(late[0]?.message).toMatch(/^Aucune sauvegarde vérifiée depuis le 21\/11\/2026 :/);
    expect(computeAlerts(input([], backup('2026-11-25T10:00:00Z', '2025-01-01T00:00:00Z')))).toEqual([]);
    expect(computeAlerts(input([], backup(null, '2026-11-20T00:00:00Z')))).toEqual([expect.objectContaining({ kind: 'backup', id: 'backup:never', params: { never: 1 } })]);
    expect(computeAlerts(input([], backup(null, '2026-11-28T00:00:00Z')))).toEqual([]);
    expect(computeAlerts(input([], { ...backup('2026-11-20T10:00:00Z', null), muted: { '': ['backup'] } }))).toEqual([]);
  });

  it('evidence past the disk budget of the settings: an alert saying nothing is deleted, none within it or without a budget', () => {
    const over = input([], { evidence: { bytes: 12 * 1024 ** 3, budgetBytes: 10 * 1024 ** 3 } });
    const [alert, ...others] = computeAlerts(over);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ id: 'disk:budget', kind: 'disk', planningId: null });
    expect(alert?.said).toEqual({ code: 'alert.budget', params: { evidenceGb: 12, budgetGb: 10 } });
    expect(alert?.message).toContain('12 Go, au-delà des 10 Go');
    expect(alert?.message).toContain('Rien n’est supprimé');
    expect(computeAlerts({ ...over, muted: { '': ['disk'] } })).toEqual([]);
    expect(computeAlerts(input([], { evidence: { bytes: 9 * 1024 ** 3, budgetBytes: 10 * 1024 ** 3 } }))).toEqual([]);
    expect(computeAlerts(input([], { evidence: null }))).toEqual([]);
  });

  it('a planning no longer followed raises nothing', () => {
    const stopped = { ...input(history(['site_error', 'site_error', 'site_error'])) };
    stopped.plannings = [{ planning: { ...planning, followed: false }, recent: stopped.plannings[0]?.recent ?? [] }];
    expect(computeAlerts(stopped)).toEqual([]);
  });
});

describe('alerts from the newest probes only', () => {
  /** Runs of one outcome, oldest first: long stretches of each, as sites give them. */
  function runs(seed: number, total: number): Outcome[] {
    const kinds: Outcome[] = ['no_date', 'dates', 'robot_error', 'site_error', 'unreachable', 'captcha'];
    let state = seed;
    const next = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const outcomes: Outcome[] = [];
    while (outcomes.length < total) outcomes.push(...Array.from({ length: 1 + next(40) }, (): Outcome => kinds[next(kinds.length)] ?? 'no_date'));
    return outcomes.slice(0, total);
  }

  it('are those of the whole history whenever the newest say they need no older one', () => {
    let settled = 0;
    for (let seed = 1; seed <= 400; seed += 1) {
      const all = history(runs(seed, 200));
      for (const look of [3, 24, 60]) {
        const newest = all.slice(0, look);
        if (needsOlder(newest)) continue;
        settled += 1;
        expect(computeAlerts(input(newest)), `seed ${seed}, ${look} newest`).toEqual(computeAlerts(input(all)));
      }
    }
    // Most histories are settled by their newest probes: the point of reading them first.
    expect(settled).toBeGreaterThan(600);
  });

  it('ask for older probes when a run of failures, or the stretch before dates came back, reaches the oldest read', () => {
    expect(needsOlder(history(['no_date', 'robot_error', 'site_error', 'unreachable']).slice(0, 3))).toBe(true);
    expect(needsOlder(history([...noDates(40), 'dates']).slice(0, 24))).toBe(true);
    expect(needsOlder(history(['no_date', 'dates', 'dates', 'dates']).slice(0, 3))).toBe(true);
    expect(needsOlder(history(['dates', ...noDates(20), 'dates']).slice(0, 22))).toBe(false);
    expect(needsOlder(history(['dates', 'no_date', 'robot_error']))).toBe(false);
  });
});
