// `demo [--port P]`: built-in replica préfectures, probed every minute, and the web UI; a data folder of its own.
import path from 'node:path';
import { defaultDataDir } from '../../core/paths.js';
import { startDemo } from '../demo.js';
import { appVersion, log, rendererDir, untilInterrupted, type Command } from './context.js';

export const demo: Command = async (context) => {
  const dataDir = context.dataDir ? path.resolve(context.dataDir) : path.join(defaultDataDir(), 'demo');
  const session = await startDemo({ dataDir, port: context.port ?? 4870, appVersion, staticDir: rendererDir, log, words: context.words });
  return untilInterrupted(context, () => session.close());
};
