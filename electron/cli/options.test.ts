// A mistyped option gets one French line naming it and pointing at --help, never Node's English.
import { describe, expect, it } from 'vitest';
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
});
