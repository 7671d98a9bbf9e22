// `demo`: the demo's core (the replica préfectures of electron/replicas, their plannings and past:
// api/demo-core.ts) behind the web host, its schedule probing every minute in a real headless browser, and a first
// round at once.
import { createDemoCore, type Core } from '../core/api/index.js';
import { DEMO_PLANNINGS, startReplicaServer } from '../replicas/index.js';
import { probeLine } from './format.js';
import { printAddressOnEnter, startWebHost } from './webhost.js';
import { AppError } from '../core/errors.js';
import type { CoreMessage } from '../shared/messages/index.js';
import { wordError, wordsFor, type Words } from './words.js';

export interface DemoOptions {
  dataDir: string;
  port: number;
  appVersion: string;
  staticDir: string;
  log: (message: string) => void;
  /** How it speaks on standard error (French by default). */
  words?: Words;
}

export async function startDemo(
  options: DemoOptions,
): Promise<{ url: string; loginUrl(): string; close(): Promise<void>; verify: Core['verify'] }> {
  const { log } = options;
  const words = options.words ?? wordsFor('fr');
  const prefectures = { plannings: DEMO_PLANNINGS, startServer: startReplicaServer };
  const notice = (message: CoreMessage): void => log(words.core(message, ''));
  const core = await createDemoCore({ dataDir: options.dataDir, appVersion: options.appVersion, log, notice, prefectures });
  // Worded as `run` words it: the outcome in the person's language, the slot as people in France write it.
  core.on('probe:finished', (probe) => log(probeLine(words, probe)));
  const host = await startWebHost({ core, port: options.port, staticDir: options.staticDir, log }).catch(() =>
    // The usual port is taken (another demo?): any free one will do, the address is printed below.
    startWebHost({ core, port: 0, staticDir: options.staticDir, log }),
  );
  await core.startSchedule();
  const plannings = await core.api['plannings:list'](undefined);
  log(words.say('cli.demo_started', { count: plannings.length }));
  log(words.say('cli.demo_folder', { dir: options.dataDir }));
  log(words.say('cli.demo_open', { url: host.loginUrl() }));
  const stopAddresses = printAddressOnEnter(host, log, words);
  // A first round at once, so that the bars do not wait for the first minute.
  let closing = false;
  for (const { planning } of plannings) {
    if (!planning.followed) continue;
    core.api['probes:runNow']({ planningId: planning.id }).catch((error: unknown) => {
      // A probe the closing demo stopped (Ctrl+C) did not fail: nothing to say.
      if (closing) return;
      const message = error instanceof AppError ? wordError(error, words.lang) : String(error);
      log(words.say('cli.demo_first_probe_failed', { planning: planning.id, message }));
    });
  }
  return {
    url: host.url,
    loginUrl: () => host.loginUrl(),
    verify: (planningId) => core.verify(planningId),
    async close() {
      closing = true;
      stopAddresses();
      await host.close();
      await core.close();
    },
  };
}
