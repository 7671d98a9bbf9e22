// A mistyped option gets one French line naming it and pointing at --help, never Node's English.
import { describe, expect, it } from 'vitest';
import { wordCore } from '../core/messages.js';
import { AppError } from '../core/errors.js';
import { parseOptions } from './options.js';

const refusal = (argv: string[]): string => {
  try {
    parseOptions(argv);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'accepté';
};

describe('the command line’s options', () => {
  it('reads the known ones', () => {
    const { values, positionals } = parseOptions(['dossier', '--planning', 'a', '--planning=b', '--out', 'x.zip', '--json', '-h']);
    expect(positionals).toEqual(['dossier']);
    expect(values).toMatchObject({ planning: ['a', 'b'], out: 'x.zip', json: true, help: true, schedule: false });
  });

  it('names an unknown option, long or short, in French, and points at --help', () => {
    expect(refusal(['probe', '--guichett', 'x'])).toBe('Option inconnue : « --guichett ». Voir : npm run cli -- --help');
    expect(refusal(['serve', '-p', '80'])).toBe('Option inconnue : « -p ». Voir : npm run cli -- --help');
  });

  it('says when a value is missing or not wanted', () => {
    expect(refusal(['serve', '--port'])).toBe('L’option --port attend une valeur : --port VALEUR. Voir : npm run cli -- --help');
    expect(refusal(['serve', '--port', '--schedule'])).toBe('L’option --port attend une valeur : --port VALEUR. Voir : npm run cli -- --help');
    expect(refusal(['stats', '--json=oui'])).toBe('L’option --json ne prend pas de valeur (reçu « oui »). Voir : npm run cli -- --help');
    expect(refusal(['export', 'csv', '--out=-tiret.csv'])).toBe('accepté');
  });

  it('refuses a day written the French way with the form to type, in French and in English', () => {
    expect(refusal(['dossier', '--from', '01/12/2026', '--to', '2026-12-31'])).toBe('--from : « 01/12/2026 » n’est pas un jour écrit AAAA-MM-JJ : écrivez 2026-12-01.');
    expect(refusal(['dossier', '--from', '2026-12-01', '--to', '1er décembre'])).toBe(
      '--to : « 1er décembre » n’est pas un jour écrit AAAA-MM-JJ : écrivez par exemple 2026-09-01.',
    );
    let english = '';
    try {
      parseOptions(['dossier', '--to', '5.1.2027']);
    } catch (error) {
      english = error instanceof AppError && error.coreMessage ? wordCore(error.coreMessage, 'en') : String(error);
    }
    expect(english).toBe('--to: “5.1.2027” is not a day written YYYY-MM-DD: write 2027-01-05.');
    expect(refusal(['dossier', '--from', '2026-12-01', '--to', '2026-12-31'])).toBe('accepté');
    // A day that does not exist, either way it is written, is never offered as the form to type.
    expect(refusal(['dossier', '--from', '31/02/2026'])).toBe('--from : « 31/02/2026 » n’est pas un jour écrit AAAA-MM-JJ : écrivez par exemple 2026-09-01.');
    expect(refusal(['dossier', '--to', '2026-02-31'])).toBe('--to : « 2026-02-31 » n’est pas un jour écrit AAAA-MM-JJ : écrivez par exemple 2026-09-01.');
  });
});
