// Before any test: the JavaScript the command line and the tests' child processes run (out/js), transpiled from
// the sources as they are now, so that no test runs yesterday's build; and the command line bundled from them.
import { buildJs } from '../../scripts/build-js.mjs';
import { bundleCli } from './child-bundle.js';

export default async function setup(): Promise<void> {
  await Promise.all([buildJs(), bundleCli()]);
}
