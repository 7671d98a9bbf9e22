// What the tests that run the core in a process of their own share: the child bundled as the app runs it
// (compiled, its packages from node_modules), and a seeded generator for the moments the harnesses kill it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { CLI_BUNDLE } from './node-cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Inside the project, so that the bundles' packages resolve from node_modules. */
const CHILD_DIR = path.join(ROOT, 'node_modules', '.cache', 'guichets-test');

/** Bundles `entry` (a path from the project's root) to `name` in the tests' cache folder; gives the bundle's path. */
export async function bundleChild(entry: string, name: string): Promise<string> {
  const outfile = path.join(CHILD_DIR, name);
  await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'silent' });
  return outfile;
}

/**
 * Each source keeps the place of its transpiled copy in out/js: the worker threads it starts (workerEntry), the
 * files it reads beside it and the project's root it looks for are found where `npm run cli` finds them.
 */
const inPlace: Plugin = {
  name: 'guichets-in-place',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      if (path.relative(ROOT, file).split(path.sep)[0] !== 'electron') return undefined;
      const source = await readFile(file, 'utf8');
      if (!source.includes('import.meta.')) return { contents: source, loader: 'ts' };
      const copy = path.join(ROOT, 'out', 'js', path.relative(ROOT, file)).replace(/\.ts$/, '.js');
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(copy).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(copy)))
        .replaceAll('import.meta.filename', JSON.stringify(copy));
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * The command line in one file, its packages inside but the browser's and the image library's (which load files
 * of their own): the tests start it dozens of times, and Node loads one file in about half the processor time it
 * takes to load out/js's hundreds of modules and the packages' own. Built by the global setup from the same
 * sources as out/js; test/core.test.ts and test/interrupt.test.ts run out/js's, as `npm run cli` does.
 */
export async function bundleCli(): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, 'electron', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['sharp', 'playwright-core', 'electron'],
    // The packages written for CommonJS call require(), which an ES module has not.
    banner: { js: "import { createRequire as guichetsRequire } from 'node:module'; const require = guichetsRequire(import.meta.url);" },
    plugins: [inPlace],
    outfile: CLI_BUNDLE,
    logLevel: 'warning',
  });
}

/** A seeded generator (mulberry32): a failing run can be replayed with its seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
