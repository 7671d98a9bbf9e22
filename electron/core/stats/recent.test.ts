import { describe, expect, it } from 'vitest';
import type { Gap, Probe } from '../../shared/domain.js';
import { recentMarks } from './recent.js';

const probe = (at: string, outcome: Probe['outcome'], category: Probe['category'] = null): Probe =>
  ({ id: at, startedAt: at, outcome, category }) as Probe;
const gap = (from: string, to: string, hours: number): Gap => ({ planningId: 'p', from, to, hours, reason: 'asleep' });

describe('the strip of the latest probes', () => {
  it('shows the newest probes oldest first, each gap in its place, none from before the first probe', () => {
    const newestFirst = [
      probe('2026-12-05T08:05:00Z', 'no_date', 'c5'),
      probe('2026-12-04T18:05:00Z', 'dates', 'c2'),
      probe('2026-12-04T17:05:00Z', 'captcha'),
      probe('2026-12-04T16:05:00Z', 'no_date', 'c5'),
    ];
    const gaps = [gap('2026-12-04T19:00:00Z', '2026-12-05T08:00:00Z', 13), gap('2026-12-01T00:00:00Z', '2026-12-01T05:00:00Z', 5)];
    const marks = recentMarks(newestFirst, gaps, 3);
    expect(marks).toEqual([
      { kind: 'probe', at: '2026-12-04T17:05:00Z', outcome: 'captcha', category: null },
      { kind: 'probe', at: '2026-12-04T18:05:00Z', outcome: 'dates', category: 'c2' },
      { kind: 'gap', from: '2026-12-04T19:00:00Z', to: '2026-12-05T08:00:00Z', hours: 13 },
      { kind: 'probe', at: '2026-12-05T08:05:00Z', outcome: 'no_date', category: 'c5' },
    ]);
    expect(recentMarks([], gaps, 48)).toEqual([]);
  });
});
