// The command line's options, read into values or refused with one French line that names the option and says
// where the list is (Node's parseArgs would say it in English, with advice about positionals).
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.js';

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
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const HELP = 'Voir : npm run cli -- --help';

export function parseOptions(argv: string[]) {
  // Not strict: each option is then checked here, to be refused in French.
  const { values, positionals, tokens } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) throw new AppError('invalid_input', `Option inconnue : « ${token.rawName} ». ${HELP}`);
    const { type } = OPTIONS[token.name as keyof typeof OPTIONS];
    if (type === 'boolean' && token.value !== undefined) {
      throw new AppError('invalid_input', `L’option ${token.rawName} ne prend pas de valeur (reçu « ${token.value} »). ${HELP}`);
    }
    // `--port --json` would read « --json » as the port: a value never starts with a dash unless written --port=….
    if (type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw new AppError('invalid_input', `L’option ${token.rawName} attend une valeur : ${token.rawName} VALEUR. ${HELP}`);
    }
  }
  // Checked above: each value has its option's type.
  return { values: values as ParsedValues, positionals };
}

type ParsedValues = {
  [K in keyof typeof OPTIONS]: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[] | undefined
    : (typeof OPTIONS)[K] extends { type: 'boolean' }
      ? boolean
      : string | undefined;
};
