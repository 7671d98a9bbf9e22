import { describe, expect, it } from 'vitest';
import { formatParis, frenchSlot } from './format.js';

describe('dates as people in France read them', () => {
  it('writes the first of the month « 1er », other days as numbers, in Paris time', () => {
    expect(frenchSlot('2027-01-01T09:00')).toBe('vendredi 1er janvier 2027 à 09:00');
    expect(frenchSlot('2027-01-11T14:30')).toBe('lundi 11 janvier 2027 à 14:30');
    expect(formatParis(new Date('2026-11-30T23:30:00Z'))).toBe('mardi 1er décembre 2026 à 00:30');
  });
});
