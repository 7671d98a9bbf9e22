// Every exported file is named in one place: what a lawyer's folder shows, and what the desktop accepts as a name.
import { describe, expect, it } from 'vitest';
import { csvExportName, dossierExportName, exportFileName, isExportFileName } from './export-names.js';

describe('the names of exported files', () => {
  it('stamps the CSV and the dossier with the Paris time, summer or winter', () => {
    expect(csvExportName(new Date('2026-12-01T13:05:00Z'))).toBe('guichets-sondages-2026-12-01_14-05.csv');
    expect(dossierExportName('Bobigny — remise de titre', { from: '2026-06-01', to: '2026-06-30' }, new Date('2026-07-01T22:30:05Z'))).toBe(
      'guichets-dossier-bobigny-remise-de-titre-2026-06-01-2026-06-30-2026-07-02_00-30-05.zip',
    );
  });

  it('names what the screens export by its planning and period, and the desktop takes only such names', () => {
    const name = exportFileName('Bobigny — titre de séjour', '2026-09-01', '2026-11-30', 'csv');
    expect(name).toBe('guichets-bobigny-titre-de-sejour-2026-09-01-2026-11-30.csv');
    expect(isExportFileName(name, 'csv')).toBe(true);
    expect(isExportFileName(name, 'png')).toBe(false);
    for (const bad of ['../guichets-x.csv', 'guichets-x.csv/..', '/etc/guichets-x.csv', 'guichets-X.csv', 42]) {
      expect(isExportFileName(bad, 'csv'), String(bad)).toBe(false);
    }
  });
});
