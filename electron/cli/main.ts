import { AppError, coreError } from '../core/errors.js';
import { coreMessage, type MessageCode, type MessageParams } from '../shared/messages/index.js';
import { COMMANDS, saveBrowser, type CommandContext } from './commands/index.js';
import { parseOptions } from './options.js';
import { langOf, wordError, wordsFor } from './words.js';

/** The system's language until --lang is read. */
let words = wordsFor(langOf(undefined, process.env));

/** What the system said, as one line the user can act on; null for what is a bug. */
function systemMessage(error: unknown): string | null {
  const { code, path: file, port } = (error ?? {}) as { code?: unknown; path?: unknown; port?: unknown };
  const where: MessageParams = { file: typeof file === 'string' ? file : 'none' };
  const say = (message: MessageCode, params: MessageParams): string => words.say(message, params);
  switch (code) {
    case 'EADDRINUSE':
      return say('cli.system_port_in_use', { port: typeof port === 'number' ? port : '' });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return say('cli.system_cannot_write', where);
    case 'ENOTDIR':
    case 'EEXIST':
      return say('cli.system_not_a_folder', where);
    case 'ENOSPC':
    case 'EDQUOT':
      return say('cli.system_disk_full', where);
    default:
      return null;
  }
}

async function main(argv: string[]): Promise<number> {
  // Options are read before --lang is known: a refusal then speaks the system's language.
  const { values, positionals } = parseOptions(argv);
  words = wordsFor(langOf(values.lang, process.env));
  const [name, ...args] = positionals;
  if (values.help || !name) {
    process.stdout.write(`${words.say('cli.usage')}\n`);
    return name || values.help ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) throw coreError('invalid_input', coreMessage('cli.unknown_command', { name }));
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw coreError('invalid_input', coreMessage('cli.bad_port', { given: values.port ?? '' }));
  }
  const context: CommandContext = {
    args,
    json: values.json,
    guichet: values.guichet ?? null,
    port,
    out: values.out ?? null,
    planningIds: values.planning ?? [],
    schedule: values.schedule,
    dataDir: values['data-dir'] ?? null,
    browser: values.browser ?? null,
    from: values.from ?? null,
    to: values.to ?? null,
    association: values.association ?? null,
    newKey: values['new-key'],
    acceptRestore: values['accept-restore'],
    words,
    planning: {
      ...(values.label !== undefined ? { label: values.label } : {}),
      ...(values.departement !== undefined ? { departement: values.departement } : {}),
      ...(values.prefecture !== undefined ? { prefecture: values.prefecture } : {}),
      ...(values.procedure !== undefined ? { procedure: values.procedure } : {}),
      ...(values.url !== undefined ? { url: values.url } : {}),
      ...(values['online-mandatory'] !== undefined ? { onlineMandatory: values['online-mandatory'] } : {}),
      ...(values.stopped !== undefined ? { stopped: values.stopped } : {}),
      ...(values.steps !== undefined ? { steps: values.steps } : {}),
      paused: values.paused,
    },
  };
  await saveBrowser(context);
  const command = await load();
  return command(context);
}

// A reader that stops early (`… | head`) closes the pipe: the rest is not wanted, which is no error to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AppError) {
      process.stderr.write(`${words.say('cli.error', { message: wordError(error, words.lang) })}\n`);
      process.exitCode = 2;
    } else if (systemMessage(error)) {
      process.stderr.write(`${words.say('cli.error', { message: systemMessage(error) ?? '' })}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${words.say('cli.internal_error', { detail: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`);
      process.exitCode = 1;
    }
  },
);
