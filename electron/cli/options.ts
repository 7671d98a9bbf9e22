// The command line's options, read into values or refused with one line in the person's language that names the
// option and says where the list is (Node's parseArgs would say it in English, with advice about positionals).
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { coreError } from '../core/errors.js';
import { coreMessage } from '../shared/messages/index.js';

const OPTIONS = {
  json: { type: 'boolean', default: false },
  guichet: { type: 'string' },
  port: { type: 'string' },
  out: { type: 'string' },
  planning: { type: 'string', multiple: true },
  schedule: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  browser: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  association: { type: 'string' },
  lang: { type: 'string' },
  label: { type: 'string' },
  departement: { type: 'string' },
  prefecture: { type: 'string' },
  procedure: { type: 'string' },
  url: { type: 'string' },
  'online-mandatory': { type: 'boolean' },
  stopped: { type: 'boolean' },
  paused: { type: 'boolean', default: false },
  steps: { type: 'string' },
  'new-key': { type: 'boolean', default: false },
  'accept-restore': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Booleans that also take a `--no-` form (`--no-stopped`). */
const NEGATABLE = new Set(['online-mandatory', 'stopped']);

export function parseOptions(argv: string[]) {
  // Not strict: each option is then checked here, to be refused in the person's language.
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    strict: false,
    tokens: true,
    options: OPTIONS,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const negated = token.rawName.startsWith('--no-');
    if (!Object.hasOwn(OPTIONS, token.name) || (negated && !NEGATABLE.has(token.name))) {
      throw coreError('invalid_input', coreMessage('cli.unknown_option', { option: token.rawName }));
    }
    const { type } = OPTIONS[token.name as keyof typeof OPTIONS];
    if (type === 'boolean' && token.value !== undefined) {
      throw coreError('invalid_input', coreMessage('cli.option_takes_no_value', { option: token.rawName, given: token.value }));
    }
    // `--port --json` would read « --json » as the port: a value never starts with a dash unless written --port=….
    if (type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw coreError('invalid_input', coreMessage('cli.option_needs_value', { option: token.rawName }));
    }
  }
  checkDay('--from', values.from);
  checkDay('--to', values.to);
  // Checked above: each value has its option's type.
  return { values: values as ParsedValues, positionals };
}

/** A day of the calendar written AAAA-MM-JJ (not « 2026-02-31 »). */
const isDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid;

/**
 * --from and --to: a day written AAAA-MM-JJ; one written the French way (01/12/2026) is refused with the form to
 * type, a day that does not exist with an example.
 */
function checkDay(option: string, given: unknown): void {
  if (typeof given !== 'string' || isDay(given)) return;
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(given.trim());
  const typed = french ? `${french[3] ?? ''}-${(french[2] ?? '').padStart(2, '0')}-${(french[1] ?? '').padStart(2, '0')}` : '';
  const example = isDay(typed) ? typed : 'none';
  throw coreError('invalid_input', coreMessage('cli.bad_day', { option, given, example }), { field: [option.slice(2)] });
}

type ParsedValues = {
  [K in keyof typeof OPTIONS]: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[] | undefined
    : (typeof OPTIONS)[K] extends { type: 'boolean'; default: boolean }
      ? boolean
      : (typeof OPTIONS)[K] extends { type: 'boolean' }
        ? boolean | undefined
        : string | undefined;
};
