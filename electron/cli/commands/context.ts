// What every verb of the command line is given, and what they share: the data folder, a core on it, the end
// of a long-running verb (Ctrl+C).
import { statSync } from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../core/api/index.js';
import { coreError, type AppError } from '../../core/errors.js';
import { defaultDataDir, findAppRoot, readAppVersion } from '../../core/paths.js';
import { coreMessage } from '../../shared/messages/index.js';
import type { Words } from '../words.js';

/** The fields of a planning given as options (`plannings add` and `plannings edit`). */
export interface PlanningOptions {
  label?: string;
  departement?: string;
  prefecture?: string;
  procedure?: string;
  /** `plannings edit --url`. */
  url?: string;
  /** --online-mandatory, --no-online-mandatory. */
  onlineMandatory?: boolean;
  /** `plannings edit --stopped`: the site stopped answering as expected (kept, not probed); --no-stopped: it answers again. */
  stopped?: boolean;
  /** `plannings add --paused`: created without being followed. */
  paused: boolean;
  /** A JSON file of user-defined steps. */
  steps?: string;
}

export interface CommandContext {
  args: string[];
  json: boolean;
  guichet: string | null;
  port: number | undefined;
  out: string | null;
  planningIds: string[];
  schedule: boolean;
  dataDir: string | null;
  /** --browser: saved in the settings (after checking it is Chrome, Chromium or Edge) before the command runs. */
  browser?: string | null;
  from?: string | null;
  to?: string | null;
  association?: string | null;
  /** `seal --new-key`: a new installation key, announced in the seal and signed by the current one. */
  newKey?: boolean;
  /** `verify --accept-restore`: the folder was restored in place from an older backup (asked, then recorded). */
  acceptRestore?: boolean;
  /** The person's language and what prints in it. */
  words: Words;
  planning: PlanningOptions;
}

export type Command = (context: CommandContext) => Promise<number>;

/** A verb's action missing or mistyped (`plannings`, `plannings lst`): what to type instead, with an example. */
export function actionRefused(command: string, action: string | undefined, actions: readonly string[]): AppError {
  const listed = actions.join(', ');
  return action === undefined
    ? coreError('invalid_input', coreMessage('cli.missing_action', { command, actions: listed, example: actions[0] ?? '' }))
    : coreError('invalid_input', coreMessage('cli.unknown_action', { command, action, actions: listed }));
}

export const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};
const appRoot = findAppRoot();
export const appVersion = readAppVersion(appRoot);
export const rendererDir = path.join(appRoot, 'dist', 'renderer');

export function dataDirOf(context: CommandContext): string {
  const dir = context.dataDir ? path.resolve(context.dataDir) : defaultDataDir();
  const info = statSync(dir, { throwIfNoEntry: false });
  if (info && !info.isDirectory()) throw coreError('invalid_input', coreMessage('cli.data_dir_is_file', { dir }));
  return dir;
}

/** A core on the data folder; `announce`: say which folder on standard error (not for one JSON object alone). */
export function openCore(context: CommandContext, announce = true): Core {
  const dataDir = dataDirOf(context);
  if (announce) context.words.note('cli.data_dir', { dir: dataDir });
  return createCore({ dataDir, appVersion, log, notice: (message) => log(context.words.core(message, '')) });
}

/** Runs `work` on a core of the data folder, closed after, whatever happens. */
export async function withCore<T>(context: CommandContext, work: (core: Core) => Promise<T>, announce = true): Promise<T> {
  const core = openCore(context, announce);
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

/**
 * Keeps the process alive until Ctrl+C (or a stop from the system), then closes cleanly, once: a second signal
 * while closing (Ctrl+C again, a service manager's SIGTERM) ends the process at once, as without Guichets.
 */
export function untilInterrupted(context: CommandContext, close: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      context.words.note('cli.stopping');
      close().then(
        () => resolve(0),
        (error: unknown) => {
          log(String(error));
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `probe --json` and the like: exactly one JSON object on standard output. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
