// « Le robot ne sait plus lire ce site »: three robot errors or unrecognised pages in a row, with the step that
// failed and the steps taken, for the planning's page and the steps editor.
import { describe, expect, it } from 'vitest';
import type { Outcome, Probe } from '../../shared/domain.js';
import { robotTrouble } from './robot-trouble.js';

function probe(id: string, outcome: Outcome, startedAt: string): Probe {
  return {
    id,
    planningId: 'p1',
    startedAt,
    localDate: startedAt.slice(0, 10),
    localTime: startedAt.slice(11, 16),
    durationMs: 1000,
    url: 'https://www.example.gouv.fr/booking/create/1/0',
    finalUrl: null,
    outcome,
    firstSlot: null,
    secondSlot: null,
    category: null,
    detail: `détail ${id}`,
    httpStatus: 200,
    screenshot: null,
    pageText: null,
    ...(outcome === 'robot_error' || outcome === 'unrecognized'
      ? {
          robot: {
            step: 'conditions d’utilisation',
            stepsTaken: [
              { kind: 'goto' as const, url: 'https://www.example.gouv.fr/booking/create/1/0' },
              { kind: 'check' as const, text: 'accepter les conditions' },
            ],
          },
        }
      : {}),
    environment: { appVersion: '', browser: '', browserVersion: '', userAgent: '', freshProfile: true, timeSource: '', os: '' },
    trigger: 'schedule',
    previousHash: null,
    hash: id,
  };
}

describe('robot trouble', () => {
  it('is null until three failures of the robot in a row', () => {
    const two = [probe('c', 'robot_error', '2026-11-26T12:00:00Z'), probe('b', 'unrecognized', '2026-11-26T11:00:00Z'), probe('a', 'dates', '2026-11-26T10:00:00Z')];
    expect(robotTrouble(two)).toBeNull();
    expect(robotTrouble([probe('d', 'no_date', '2026-11-26T13:00:00Z'), ...two])).toBeNull();
    expect(robotTrouble([])).toBeNull();
  });

  it('names the streak, the failing step and the steps taken by the last probe', () => {
    const probes = [
      probe('d', 'unrecognized', '2026-11-26T13:00:00Z'),
      probe('c', 'robot_error', '2026-11-26T12:00:00Z'),
      probe('b', 'unrecognized', '2026-11-26T11:00:00Z'),
      probe('a', 'site_error', '2026-11-26T10:00:00Z'),
    ];
    expect(robotTrouble(probes)).toEqual({
      since: '2026-11-26T11:00:00Z',
      count: 3,
      lastProbeId: 'd',
      step: 'conditions d’utilisation',
      detail: 'détail d',
      stepsTaken: [
        { kind: 'goto', url: 'https://www.example.gouv.fr/booking/create/1/0' },
        { kind: 'check', text: 'accepter les conditions' },
      ],
    });
  });
});
