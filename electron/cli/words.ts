// What the command line prints, in the person's language: its own lines and the core's messages from the
// catalogues (electron/shared/messages), errors from their code when the core gave no message of its own.
import { wordCore } from '../core/messages.js';
import { coreError, type AppError } from '../core/errors.js';
import type { ApiError, ErrorCode } from '../shared/api.js';
import type { CoreMessage, MessageCode, MessageLang, MessageParams } from '../shared/messages/index.js';
import { coreMessage } from '../shared/messages/index.js';

/** --lang, else the system's locale (LC_ALL, then LC_MESSAGES, then LANG: « en… » is English), else French. */
export function langOf(given: string | undefined, env: NodeJS.ProcessEnv): MessageLang {
  if (given !== undefined) {
    if (given === 'fr' || given === 'en') return given;
    throw coreError('invalid_input', coreMessage('cli.bad_lang', { given }));
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export interface Words {
  readonly lang: MessageLang;
  /** A message of the catalogues, worded. */
  say(code: MessageCode, params?: MessageParams): string;
  /** A line of the command's result, on standard output. */
  out(code: MessageCode, params?: MessageParams): void;
  /** A line beside the result (progress, where things went), on standard error. */
  note(code: MessageCode, params?: MessageParams): void;
  /** What the core said, as a code when it has one (its French text otherwise). */
  core(message: CoreMessage | undefined, french: string): string;
  /** A line of the result written as is (ids, addresses, JSON). */
  raw(line: string): void;
}

export function wordsFor(lang: MessageLang): Words {
  const say = (code: MessageCode, params?: MessageParams): string => wordCore(coreMessage(code, params), lang);
  return {
    lang,
    say,
    out: (code, params) => process.stdout.write(`${say(code, params)}\n`),
    note: (code, params) => process.stderr.write(`${say(code, params)}\n`),
    core: (message, french) => (message ? wordCore(message, lang) : french),
    raw: (line) => process.stdout.write(`${line}\n`),
  };
}

/** Each error code's line, for a message the core did not give as a code of its catalogue. */
const ERROR_LINES: Record<ErrorCode, MessageCode> = {
  invalid_input: 'cli.error_code_invalid_input',
  not_found: 'cli.error_code_not_found',
  browser_not_found: 'cli.error_code_browser_not_found',
  storage_corrupt: 'cli.error_code_storage_corrupt',
  storage_full: 'cli.error_code_storage_full',
  unsupported_site: 'cli.error_code_unsupported_site',
  guichet_required: 'cli.error_code_guichet_required',
  busy: 'cli.error_code_busy',
  internal: 'cli.error_code_internal',
  unauthorized: 'cli.error_code_unauthorized',
};

/** A refused call as the person reads it: the core's message in their language, else its French with the code's line. */
export function wordError(error: AppError | ApiError, lang: MessageLang): string {
  if (error.coreMessage) return wordCore(error.coreMessage, lang);
  if (lang === 'fr') return error.message;
  const field = error.field?.join('.');
  const rule = error.params?.rule;
  if (error.code === 'invalid_input' && field && typeof rule === 'string') {
    return `${wordCore(coreMessage('cli.invalid_field', { ...error.params, field, rule }), lang)} (${error.message})`;
  }
  // The line says it in English; the core's French, kept beside it, names the specifics (a file, a guichet).
  return `${wordCore(coreMessage(ERROR_LINES[error.code]), lang)} (${error.message})`;
}
