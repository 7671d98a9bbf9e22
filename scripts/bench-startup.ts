// Started as a child process by `npm run bench` (bundled first, as the app's code is compiled): the core opens a
// data folder and answers the dashboard's first call. Prints {"readyMs","rssMb"} on stdout. Usage: <dataDir>
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/api/create-core.js';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: bench-startup <dataDir>');
const core = createCore({ dataDir, appVersion: 'bench', env: {}, log: () => undefined });
const list = await core.api['plannings:list'](undefined);
// performance.now() counts from the process's start: Node's own start-up and the loading of the code included.
const readyMs = performance.now();
const rssMb = process.memoryUsage.rss() / 1024 ** 2;
await core.close();
process.stdout.write(`${JSON.stringify({ readyMs, rssMb, plannings: list.length })}\n`);
