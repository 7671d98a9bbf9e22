import { describe, expect, it } from 'vitest';
import { coreMessage } from '../shared/messages/index.js';
import { wordCore } from './messages.js';

describe('the core’s messages', () => {
  it('are worded in the reader’s language from one catalogue, outcomes in words rather than codes', () => {
    const said = coreMessage('probe.demo_synthetic', { outcome: 'no_date' });
    expect(wordCore(said)).toBe('Démonstration : enregistrement synthétique (pas de date).');
    expect(wordCore(said, 'en')).toBe('Demonstration: synthetic record (no date).');
  });
});
