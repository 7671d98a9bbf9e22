// The command line (and the children the tests start) run from JavaScript transpiled by esbuild into out/js/, one
// file per source file, so that worker threads and lazy imports find their modules beside them. Transpiling the
// whole of electron/ takes about a second; starting Node on the result costs a third of the processor time
// that tsx's loader does on every run. Type checking stays with `npm run typecheck`.
// Run alone (`node scripts/build-js.mjs`, `--if-changed` before each `npm run cli`) or imported (vitest's global
// setup, which always transpiles).
import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const JS_DIR = path.join(ROOT, 'out', 'js');
/** The sources of the last build, one a line; its modification time is when that build started. */
const STAMP = path.join(JS_DIR, 'sources.txt');

/** Every .ts source under `dir`, tests aside. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Whether out/js holds the sources as they are: the same files as at the last build, none changed since it started
 * (git writes every file it changes anew), nor this script. Then a running `npm run cli -- run` or `serve` does not
 * see its modules rewritten under it by another command.
 */
function upToDate(entryPoints) {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  if (!built || readFileSync(STAMP, 'utf8') !== entryPoints.join('\n')) return false;
  return [...entryPoints, fileURLToPath(import.meta.url)].every((file) => statSync(file).mtimeMs < built.mtimeMs);
}

export async function buildJs({ ifChanged = false } = {}) {
  const entryPoints = [...sources(path.join(ROOT, 'electron')), ...sources(path.join(ROOT, 'test', 'support'))].sort();
  const started = new Date();
  if (ifChanged && upToDate(entryPoints)) return;
  // Loaded only to build: it is most of the time a check that finds nothing to do takes.
  const { build } = await import('esbuild');
  await build({
    entryPoints,
    outdir: JS_DIR,
    outbase: ROOT,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  writeFileSync(STAMP, entryPoints.join('\n'));
  utimesSync(STAMP, started, started);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildJs({ ifChanged: process.argv.includes('--if-changed') });
