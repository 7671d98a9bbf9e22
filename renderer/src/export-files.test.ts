import { describe, expect, it } from 'vitest';
import { csvPeriod, exportFileName } from './export-files';

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
