// `run` (the hourly schedule, headless) and `serve` (the web UI and API on 127.0.0.1, the schedule if asked).
import type { Core } from '../../core/api/index.js';
import { probeLine } from '../format.js';
import { printAddressOnEnter, startWebHost } from '../webhost.js';
import type { Words } from '../words.js';
import { log, openCore, rendererDir, untilInterrupted, type Command } from './context.js';

/** One line on standard error per probe recorded: the schedule's, or one a person asked for from the web page. */
export function logProbes(core: Core, words: Words): void {
  core.on('probe:finished', (finished) => log(probeLine(words, finished)));
}

export const run: Command = async (context) => {
  const core = openCore(context);
  logProbes(core, context.words);
  await core.startSchedule();
  context.words.note('cli.run_started');
  return untilInterrupted(context, () => core.close());
};

export const serve: Command = async (context) => {
  const core = openCore(context);
  const host = await startWebHost({ core, port: context.port ?? 4870, staticDir: rendererDir, log });
  logProbes(core, context.words);
  if (context.schedule) await core.startSchedule();
  context.words.note('cli.serve_address', { url: host.loginUrl(), scheduled: context.schedule ? 'yes' : 'no' });
  context.words.note('cli.serve_secret');
  const stopAddresses = printAddressOnEnter(host, log, context.words);
  return untilInterrupted(context, async () => {
    stopAddresses();
    await host.close();
    await core.close();
  });
};
