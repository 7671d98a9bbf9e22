import { describe, expect, it } from 'vitest';
import { coreMessage } from '../shared/messages/index.js';
import { wordCore } from './messages.js';
import { frenchSlot } from './probe/format.js';

describe('the core’s messages', () => {
  it('are worded in the reader’s language from one catalogue, outcomes in words rather than codes', () => {
    const said = coreMessage('probe.demo_synthetic', { outcome: 'no_date' });
    expect(wordCore(said)).toBe('Démonstration : enregistrement synthétique (pas de date).');
    expect(wordCore(said, 'en')).toBe('Demonstration: synthetic record (no date).');
  });
});

describe('slots inside a probe’s detail', () => {
  it('travel as local date-times and are worded in the reader’s language, French as the records always had it', () => {
    const two = coreMessage('probe.slots_two', { first: '2027-01-01T09:00', second: '2027-01-12T14:30', count: 3, windows: 1, said: 'none' });
    // The same words frenchSlot gives the captions: a record's `detail` did not change.
    expect(wordCore(two, 'fr')).toBe(
      `Première plage libre le ${frenchSlot('2027-01-01T09:00')}, deuxième le ${frenchSlot('2027-01-12T14:30')} (3 créneaux lus sur 1 page de créneaux).`,
    );
    expect(wordCore(two, 'fr')).toContain('vendredi 1er janvier 2027 à 09:00');
    expect(wordCore(two, 'en')).toBe('First free slot on Friday 1 January 2027 at 09:00, second on Tuesday 12 January 2027 at 14:30 (3 slots read on 1 page of slots).');
    const one = coreMessage('probe.slots_one', { first: '2026-12-03T09:30', windows: 2, end: 'last', days: 0, said: 'none' });
    expect(wordCore(one, 'en')).toContain('on Thursday 3 December 2026 at 09:30');
    expect(wordCore(one, 'fr')).toContain(`le ${frenchSlot('2026-12-03T09:30')}`);
  });

  it('keeps an older record’s French date as it was written', () => {
    const old = coreMessage('probe.slots_one', { first: 'jeudi 3 décembre 2026 à 09:30', windows: 1, end: 'none', days: 0, said: 'none' });
    expect(wordCore(old, 'fr')).toContain('le jeudi 3 décembre 2026 à 09:30');
  });
});
