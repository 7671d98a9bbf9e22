import { describe, expect, it } from 'vitest';
import type { PlanningSummary } from '../../electron/shared/stats';
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
  const summary = (probedMonths: PlanningSummary['probedMonths']) => ({ probedMonths }) as PlanningSummary;

  it('offers the months that have probes as the period, today at most', () => {
    const one = summary({ from: '2026-09-01', to: '2026-12-31' });
    const other = summary({ from: '2026-10-01', to: '2026-10-31' });
    expect(statsPeriod([one, other], '2026-12-01')).toEqual({ from: '2026-09-01', to: '2026-12-01' });
    expect(statsPeriod([other, summary(null)], '2026-12-01')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(statsPeriod([summary(null)], '2026-12-01')).toBeNull();
  });

  it('names the file and the folder it went to', () => {
    expect(splitPath('/home/asso/Documents/guichets-a-2026-09-01-2026-12-01.csv')).toEqual({
      file: 'guichets-a-2026-09-01-2026-12-01.csv',
      folder: '/home/asso/Documents',
    });
    expect(splitPath('C:\\Users\\asso\\x.csv')).toEqual({ file: 'x.csv', folder: 'C:\\Users\\asso' });
  });
});
