// What the tests that run the core in a process of their own share: the child bundled as the app runs it
// (compiled, its packages from node_modules), and a seeded generator for the moments the harnesses kill it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Inside the project, so that the bundles' packages resolve from node_modules. */
const CHILD_DIR = path.join(ROOT, 'node_modules', '.cache', 'guichets-test');

/** Bundles `entry` (a path from the project's root) to `name` in the tests' cache folder; gives the bundle's path. */
export async function bundleChild(entry: string, name: string): Promise<string> {
  const outfile = path.join(CHILD_DIR, name);
  await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'silent' });
  return outfile;
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
