// How the tests start the command line and their child processes: Node on the JavaScript that the global setup
// transpiled into out/js (test/support/global-setup.ts), as `npm run cli` does.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Node's arguments that run a source file of the project (`electron/cli/main.ts`…) from its transpiled copy. */
export function nodeArgs(source: string, ...args: string[]): string[] {
  return [path.join(ROOT, 'out', 'js', source.replace(/\.ts$/, '.js')), ...args];
}

/** What a run of the command line printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run cli -- <args>`, with `env` over this process's environment (a key set to undefined is removed); `input`,
 * when given, is what the person types (standard input, then closed).
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000, input?: string): Promise<CliRun> {
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined));
  return new Promise((resolve) => {
    const child = execFile(process.execPath, nodeArgs('electron/cli/main.ts', ...args), { cwd: ROOT, env: merged, timeout: timeoutMs }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}
