// How the tests start the command line and their child processes: Node on the JavaScript that the global setup
// transpiled into out/js (test/support/global-setup.ts), as `npm run cli` does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Node's arguments that run a source file of the project (`electron/cli/main.ts`…) from its transpiled copy. */
export function nodeArgs(source: string, ...args: string[]): string[] {
  return [path.join(ROOT, 'out', 'js', source.replace(/\.ts$/, '.js')), ...args];
}
