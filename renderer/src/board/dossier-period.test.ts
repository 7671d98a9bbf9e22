import { describe, expect, it } from 'vitest';
import { periodProblems, wholeMonths } from './dossier-period';

describe('the dossier’s period', () => {
  it('is by default the three whole months before the current one, across a year’s end', () => {
    expect(wholeMonths('2026-12-05')).toEqual({ from: '2026-09-01', to: '2026-11-30' });
    expect(wholeMonths('2027-01-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(wholeMonths('2024-03-01')).toEqual({ from: '2023-12-01', to: '2024-02-29' });
  });

  it('refuses a missing end, an end before the start and an end after today, by field', () => {
    expect(periodProblems('2026-10-01', '2026-12-05', '2026-12-05')).toEqual([]);
    expect(periodProblems('', '2026-11-01', '2026-12-05')).toEqual([{ field: 'from', problem: 'from' }]);
    expect(periodProblems('2026-11-02', '2026-11-01', '2026-12-05')).toEqual([{ field: 'to', problem: 'order' }]);
    expect(periodProblems('2026-11-02', '2026-12-06', '2026-12-05')).toEqual([{ field: 'to', problem: 'future' }]);
    expect(periodProblems('2026-11-02', '', '2026-12-05')).toEqual([{ field: 'to', problem: 'to' }]);
  });
});
