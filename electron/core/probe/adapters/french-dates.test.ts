import { describe, expect, it } from 'vitest';
import { parseFrenchDate, parseFrenchSlot, toParisLocal } from './french-dates.js';

const reference = new Date('2026-11-26T10:00:00Z');

describe('parseFrenchSlot', () => {
  it.each([
    ['lundi 7 décembre 2026 à 09h30', '2026-12-07T09:30'],
    ['Lundi 7 Décembre 2026 à 9h30', '2026-12-07T09:30'],
    ['le 1er février 2027 à 14h', '2027-02-01T14:00'],
    ['mardi 8 decembre 2026 - 10:15', '2026-12-08T10:15'],
    ['07/12/2026 09:30', '2026-12-07T09:30'],
    ['07/12/2026 à 9h', '2026-12-07T09:00'],
    ['Créneau du 7/1/27 8:05', '2027-01-07T08:05'],
    ['2026-12-07T09:30', '2026-12-07T09:30'],
    ['le 2026-12-09 à 11:45', '2026-12-09T11:45'],
    ['jeudi 17 sept. 2026, 16 h 45', '2026-09-17T16:45'],
    ['samedi 15 août 2026 à 11h00', '2026-08-15T11:00'],
    ['Créneau disponible :\n mercredi\u00a09\u00a0décembre\u00a02026\n 14:00', '2026-12-09T14:00'],
  ])('reads %j', (text, expected) => {
    expect(parseFrenchSlot(text, { reference })).toBe(expected);
  });

  it('completes a date written without its year with the next such day', () => {
    expect(parseFrenchSlot('lundi 7 déc. à 09:30', { reference })).toBe('2026-12-07T09:30');
    expect(parseFrenchSlot('4 janv. 10:00', { reference })).toBe('2027-01-04T10:00');
  });

  it('puts a slot written without a time at midnight, and says so in the parsed date', () => {
    expect(parseFrenchDate('7 décembre 2026', { reference })).toEqual({ date: '2026-12-07', time: null });
    expect(parseFrenchSlot('7 décembre 2026', { reference })).toBe('2026-12-07T00:00');
  });

  it('finds no date where there is none, or an impossible one', () => {
    expect(parseFrenchSlot('Aucun créneau disponible', { reference })).toBeNull();
    expect(parseFrenchSlot('31 février 2027 à 10h00', { reference })).toBeNull();
    expect(parseFrenchSlot('32/12/2026', { reference })).toBeNull();
    expect(parseFrenchSlot('7 décembre 2026 à 25h00', { reference })).toBeNull();
    expect(parseFrenchSlot('Guichet 12 places', { reference })).toBeNull();
  });
});

describe('toParisLocal', () => {
  it('reads instants with their offset as Paris local times', () => {
    expect(toParisLocal('2026-12-07T09:30:00+01:00')).toBe('2026-12-07T09:30');
    expect(toParisLocal('2026-12-07T08:30:00Z')).toBe('2026-12-07T09:30');
    expect(toParisLocal('2026-07-07 09:30:00 +0200')).toBe('2026-07-07T09:30');
    expect(toParisLocal('2026-12-07T09:30')).toBe('2026-12-07T09:30');
    expect(toParisLocal('demain')).toBeNull();
  });
});
