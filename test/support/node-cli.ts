// How the tests start the command line and their child processes: Node on the JavaScript that the global setup
// transpiled into out/js (test/support/global-setup.ts), as `npm run cli` does, or on the command line bundled in
// one file from the same sources (bundleCli in child-bundle.ts).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The command line in one file, built by the global setup. */
export const CLI_BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'guichets-test', 'cli.mjs');

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
 * `npm run cli -- <args>` (from its bundle: the same sources, started in half the time), with `env` over this process's environment (a key set to undefined is removed); `input`,
 * when given, is what the person types (standard input, then closed).
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000, input?: string): Promise<CliRun> {
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined));
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI_BUNDLE, ...args], { cwd: ROOT, env: merged, timeout: timeoutMs }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}
