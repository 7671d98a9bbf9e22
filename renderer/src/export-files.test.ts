import { describe, expect, it } from 'vitest';
import type { MonthBar, PlanningStats } from '../../electron/shared/stats';
import { csvPeriod, exportFileName, splitPath, statsPeriod } from './export-files';

describe('exported file names', () => {
  it('name the planning and the period of the data inside', () => {
    const csv = '\uFEFFdepartement;planning;date_sondage;heure_sondage\r\n93;Bobigny;2026-11-03;10:07\r\n93;Bobigny;2026-09-01;09:07\r\n';
    expect(csvPeriod(csv)).toEqual({ from: '2026-09-01', to: '2026-11-03' });
    expect(exportFileName('Bobigny — remise de titre', '2026-09-01', '2026-11-03', 'csv')).toBe(
      'guichets-bobigny-remise-de-titre-2026-09-01-2026-11-03.csv',
    );
    expect(csvPeriod('departement;planning;date_sondage\r\n')).toBeNull();
  });
});

describe('the desktop save dialog', () => {
  const bar = (month: string, to: string, conclusive: number): MonthBar =>
    ({ month, from: `${month}-01`, to, conclusive, inconclusive: { captcha: 0, site_error: 0 } }) as unknown as MonthBar;
  const stats = (months: MonthBar[]) => ({ months }) as unknown as PlanningStats;

  it('offers the months that have probes as the period, today at most', () => {
    const one = stats([bar('2026-08', '2026-08-31', 0), bar('2026-09', '2026-09-30', 4), bar('2026-12', '2026-12-31', 2)]);
    const other = stats([bar('2026-10', '2026-10-31', 1)]);
    expect(statsPeriod([one, other], '2026-12-01')).toEqual({ from: '2026-09-01', to: '2026-12-01' });
    expect(statsPeriod([stats([bar('2026-08', '2026-08-31', 0)])], '2026-12-01')).toBeNull();
  });

  it('names the file and the folder it went to', () => {
    expect(splitPath('/home/asso/Documents/guichets-a-2026-09-01-2026-12-01.csv')).toEqual({
      file: 'guichets-a-2026-09-01-2026-12-01.csv',
      folder: '/home/asso/Documents',
    });
    expect(splitPath('C:\\Users\\asso\\x.csv')).toEqual({ file: 'x.csv', folder: 'C:\\Users\\asso' });
  });
});
