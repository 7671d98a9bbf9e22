// The command line (and the children the tests start) run from JavaScript transpiled by esbuild into out/js/, one
// file per source file, so that worker threads and lazy imports find their modules beside them. Transpiling the
// whole of electron/ takes well under a second; starting Node on the result costs a third of the processor time
// that tsx's loader does on every run. Type checking stays with `npm run typecheck`.
// Run alone (`node scripts/build-js.mjs`) or imported (vitest's global setup).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const JS_DIR = path.join(ROOT, 'out', 'js');

/** Every .ts source under `dir`, tests aside. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export async function buildJs() {
  await build({
    entryPoints: [...sources(path.join(ROOT, 'electron')), ...sources(path.join(ROOT, 'test', 'support'))],
    outdir: JS_DIR,
    outbase: ROOT,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildJs();
