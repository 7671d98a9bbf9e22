import { describe, expect, it } from 'vitest';
import { AppError, coreError } from '../core/errors.js';
import { coreMessage } from '../shared/messages/index.js';
import { langOf, wordError } from './words.js';

describe('the command line’s language', () => {
  it('is --lang, else the locale (LC_ALL, then LC_MESSAGES, then LANG), else French', () => {
    expect(langOf('en', { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(langOf(undefined, { LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(langOf(undefined, { LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(langOf(undefined, { LC_MESSAGES: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(langOf(undefined, { LANG: 'C.UTF-8' })).toBe('fr');
    expect(() => langOf('de', {})).toThrow(/--lang : fr ou en \(reçu « de »\)/);
  });
});

describe('a refusal as the person reads it', () => {
  it('words the core’s code in the person’s language, else its French with the English line of its code', () => {
    const coded = coreError('not_found', coreMessage('cli.plannings_unknown', { id: 'x' }));
    expect(wordError(coded, 'en')).toBe('No planning “x” here. See: npm run cli -- plannings list');
    expect(wordError(coded, 'fr')).toBe('Aucun planning « x » ici. Voir : npm run cli -- plannings list');
    const field = new AppError('invalid_input', '« probeTimeoutSeconds » : au moins 20.', { field: ['probeTimeoutSeconds'], params: { rule: 'too_small', min: 20 } });
    expect(wordError(field, 'fr')).toBe('« probeTimeoutSeconds » : au moins 20.');
    expect(wordError(field, 'en')).toBe('probeTimeoutSeconds: at least 20. (« probeTimeoutSeconds » : au moins 20.)');
    const plain = new AppError('browser_not_found', 'Le navigateur indiqué par GUICHETS_BROWSER est introuvable : /x.');
    expect(wordError(plain, 'en')).toMatch(/^No usable browser: .* \(Le navigateur indiqué par GUICHETS_BROWSER est introuvable : \/x\.\)$/);
  });
});
