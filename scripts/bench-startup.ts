// Started as a child process by `npm run bench` (bundled first, as the app's code is compiled): the core opens a
// data folder and answers the dashboard's first call. Prints {"readyMs","callMs","rssMb"} on stdout. Usage: <dataDir>
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/api/create-core.js';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: bench-startup <dataDir>');
const opening = performance.now();
const core = createCore({ dataDir, appVersion: 'bench', env: {}, log: () => undefined });
const list = await core.api['plannings:list'](undefined);
// The dashboard's first call in a process that has run nothing else: its code is compiled as it runs.
const callMs = performance.now() - opening;
// performance.now() counts from the process's start: Node's own start-up and the loading of the code included.
const readyMs = performance.now();
const rssMb = process.memoryUsage.rss() / 1024 ** 2;
await core.close();
process.stdout.write(`${JSON.stringify({ readyMs, callMs, rssMb, plannings: list.length })}\n`);
