import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './domain.js';
import { barShares, CATEGORY_COLOURS, CATEGORY_TEXT_COLOURS, headlineShares, inconclusiveTotal, sumBars, type Bar } from './stats.js';

function bar(attempts: [number, number, number, number, number], extra: Partial<Bar> = {}): Bar {
  const [c1, c2, c3, c4, c5] = attempts;
  const count = (n: number) => ({ attempts: n, days: Math.min(n, 30) });
  return {
    from: '2026-09-01',
    to: '2026-09-30',
    conclusive: c1 + c2 + c3 + c4 + c5,
    conclusiveDays: 30,
    categories: { c1: count(c1), c2: count(c2), c3: count(c3), c4: count(c4), c5: count(c5) },
    inconclusive: { captcha: 0, site_error: 0, unreachable: 0, unrecognized: 0, robot_error: 0 },
    gapHours: 0,
    ...extra,
  };
}

describe('one rounding for every output', () => {
  it('gives 4 of 89 probes 4 %, and a bar that sums to 100 %', () => {
    // 4/89 = 4.49 %, 85/89 = 95.51 %: largest remainder gives the missing point to the larger remainder.
    const shares = barShares(bar([0, 0, 0, 4, 85]));
    expect(shares.map((share) => share.percent)).toEqual([0, 0, 0, 4, 96]);
  });

  it('reads « sous un mois » and « pas de date » as the sums of the bar’s own rounded shares', () => {
    // Three thirds: 34 + 33 + 33. « Sous un mois » is 34 + 33, never a separately rounded 66.67 → 67.
    expect(headlineShares(bar([1, 1, 0, 0, 1]))).toEqual({ underMonth: 67, noDate: 33 });
    const shares = barShares(bar([3, 5, 2, 7, 11]));
    const percent = (category: string) => shares.find((share) => share.category === category)?.percent ?? -1;
    expect(headlineShares(bar([3, 5, 2, 7, 11]))).toEqual({ underMonth: percent('c1') + percent('c2'), noDate: percent('c5') });
    expect(headlineShares(bar([0, 0, 0, 0, 0]))).toBeNull();
  });

  it('adds months into one bar, with what stays beside it', () => {
    const september = bar([1, 0, 0, 0, 9], { inconclusive: { captcha: 51, site_error: 2, unreachable: 0, unrecognized: 0, robot_error: 0 }, gapHours: 5 });
    const october = bar([0, 2, 0, 0, 8], { from: '2026-10-01', to: '2026-10-31', conclusiveDays: 31, gapHours: 1 });
    const sum = sumBars([september, october]);
    expect(sum).toMatchObject({ from: '2026-09-01', to: '2026-10-31', conclusive: 20, conclusiveDays: 61, gapHours: 6 });
    expect(sum?.categories.c5).toEqual({ attempts: 17, days: 17 });
    expect(sum && inconclusiveTotal(sum)).toBe(53);
    expect(sumBars([])).toBeNull();
  });
});

describe('the figures on the bars', () => {
  /** WCAG 2 relative luminance of a #rrggbb colour. */
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const contrast = (a: string, b: string): number => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
  };

  it('are readable on every category colour, on screen as in the charts and the dossier (WCAG AA, 4.5:1)', () => {
    for (const category of CATEGORIES) {
      expect(contrast(CATEGORY_TEXT_COLOURS[category], CATEGORY_COLOURS[category]), category).toBeGreaterThanOrEqual(4.5);
    }
  });
});
