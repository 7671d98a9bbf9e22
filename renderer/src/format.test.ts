import { describe, expect, it } from 'vitest';
import { colonFingerprint, fileSlug, formatInstant, groupedFingerprint, todayInParis, formatLocalDate, formatLocalDateTime, formatLongDate, formatMonth } from './format';

describe('dates as people in France read them', () => {
  it('shows an instant in Paris time, winter and summer', () => {
    expect(formatInstant('2026-11-26T13:05:00Z')).toBe('26/11/2026 14:05');
    expect(formatInstant('2026-07-14T06:30:00.000Z')).toBe('14/07/2026 08:30');
    // Just before midnight UTC is already the next day in Paris.
    expect(formatInstant('2026-12-31T23:30:00Z')).toBe('01/01/2027 00:30');
  });

  it("knows today's date in Paris, not in UTC", () => {
    expect(todayInParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInParis(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
  });

  it('shows local dates and slots without shifting them', () => {
    expect(formatLocalDate('2026-12-03')).toBe('03/12/2026');
    expect(formatLocalDateTime('2026-12-03T09:30')).toBe('03/12/2026 09:30');
  });

  it('writes long dates and months in French, and in English', () => {
    expect(formatLongDate('2026-11-26', 'fr-FR')).toBe('jeudi 26 novembre 2026');
    expect(formatMonth('2026-11', 'fr-FR')).toBe('novembre 2026');
    expect(formatMonth('2027-02', 'fr-FR')).toBe('février 2027');
    expect(formatMonth('2026-11', 'en-GB')).toBe('November 2026');
    expect(formatLongDate('2026-03-29', 'fr-FR')).toBe('dimanche 29 mars 2026');
    expect(formatLongDate('2027-01-01', 'fr-FR')).toBe('vendredi 1er janvier 2027');
    expect(formatLongDate('2027-01-01', 'en-GB')).toBe('Friday, 1 January 2027');
  });

  it('makes file names without accents or spaces', () => {
    expect(fileSlug('Bobigny — titre de séjour, première demande')).toBe('bobigny-titre-de-sejour-premiere-demande');
    expect(fileSlug('— ')).toBe('planning');
  });

  it('writes fingerprints as they are compared: the key by fours, a root as openssl prints it', () => {
    expect(groupedFingerprint('0a1b2c3d4e5f60718293')).toBe('0a1b 2c3d 4e5f 6071 8293');
    expect(colonFingerprint('0a1b2c3d')).toBe('0A:1B:2C:3D');
  });
});
