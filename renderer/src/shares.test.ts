import { describe, expect, it } from 'vitest';
import type { PlanningOverview } from '../../electron/shared/api';
import type { Bar } from '../../electron/shared/stats';
import { createI18n } from './i18n';
import { barAriaLabel, barShares, groupPlannings, inconclusiveCounts } from './shares';

function bar(attempts: [number, number, number, number, number], extra: Partial<Bar> = {}): Bar {
  const [c1, c2, c3, c4, c5] = attempts;
  const count = (n: number) => ({ attempts: n, days: Math.min(n, 3) });
  const conclusive = c1 + c2 + c3 + c4 + c5;
  return {
    from: '2026-08-01',
    to: '2026-10-31',
    conclusive,
    conclusiveDays: Math.min(conclusive, 9),
    categories: { c1: count(c1), c2: count(c2), c3: count(c3), c4: count(c4), c5: count(c5) },
    inconclusive: { captcha: 0, site_error: 0, unreachable: 0, unrecognized: 0, robot_error: 0 },
    gapHours: 0,
    ...extra,
  };
}

describe('the shares of a bar', () => {
  it('add up to exactly 100 % when thirds do not divide evenly', () => {
    const shares = barShares(bar([1, 1, 1, 0, 0]));
    expect(shares.map((s) => s.percent)).toEqual([34, 33, 33, 0, 0]);
    expect(shares.reduce((sum, s) => sum + s.percent, 0)).toBe(100);
  });

  it('never gives a point to a category that has no probe', () => {
    const shares = barShares(bar([0, 0, 0, 1, 6]));
    expect(shares.map((s) => s.percent)).toEqual([0, 0, 0, 14, 86]);
  });

  it('keeps attempts and days with every share', () => {
    const c5 = barShares(bar([0, 0, 0, 0, 5])).find((s) => s.category === 'c5');
    expect(c5).toMatchObject({ percent: 100, attempts: 5, days: 3, fraction: 1 });
  });

  it('is all zero without conclusive probes', () => {
    expect(barShares(bar([0, 0, 0, 0, 0])).map((s) => s.percent)).toEqual([0, 0, 0, 0, 0]);
  });

  it('lists only the inconclusive outcomes that happened, never inside c5', () => {
    const withCaptcha = bar([0, 0, 0, 0, 2], {
      inconclusive: { captcha: 3, site_error: 0, unreachable: 1, unrecognized: 0, robot_error: 0 },
    });
    expect(inconclusiveCounts(withCaptcha)).toEqual([
      { outcome: 'captcha', count: 3 },
      { outcome: 'unreachable', count: 1 },
    ]);
    expect(barShares(withCaptcha).find((s) => s.category === 'c5')?.attempts).toBe(2);
  });

  it('is read aloud with its five shares, attempts and days', () => {
    const label = barAriaLabel(bar([1, 0, 0, 0, 3]), createI18n('fr').t);
    expect(label).toBe(
      'au moins deux dates sous un mois : 25 %, une seule date possible sous un mois : 0 %, ' +
        'première date possible entre un et deux mois : 0 %, première date possible au-delà de deux mois : 0 %, ' +
        'pas de date disponible : 75 %. 4 sondages concluants sur 4 jours.',
    );
    expect(barAriaLabel(bar([0, 0, 0, 0, 1]), createI18n('en').t)).toContain('no date available: 100%. 1 conclusive probe over 1 day.');
  });
});

describe('the dashboard groups', () => {
  const overview = (departement: string, prefecture: string, label: string) =>
    ({ planning: { id: `${departement}-${label}`, departement, prefecture, label } }) as PlanningOverview;

  it('sort départements as French lists do, then préfectures, then labels', () => {
    const groups = groupPlannings([
      overview('971', 'Basse-Terre', 'A'),
      overview('93', 'Le Raincy', 'B'),
      overview('2A', 'Ajaccio', 'A'),
      overview('93', 'Bobigny', 'Renouvellement'),
      overview('21', 'Dijon', 'A'),
      overview('93', 'Bobigny', 'Première demande'),
      overview('9', 'Foix', 'A'),
    ]);
    expect(groups.map((g) => g.departement)).toEqual(['9', '2A', '21', '93', '971']);
    const seineSaintDenis = groups.find((g) => g.departement === '93');
    expect(seineSaintDenis?.prefectures.map((p) => p.prefecture)).toEqual(['Bobigny', 'Le Raincy']);
    expect(seineSaintDenis?.prefectures[0]?.plannings.map((p) => p.planning.label)).toEqual([
      'Première demande',
      'Renouvellement',
    ]);
  });
});
