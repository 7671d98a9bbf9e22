// One probe of an address through a core, in a process of its own, as `cli probe` makes it; then, with the core
// closed, what keeps the process alive beyond what it had at its start (its standard output and error), as JSON.
import { createCore } from '../../electron/core/api/index.js';

/** Each kind of resource (process.getActiveResourcesInfo) by how many there are. */
function count(kinds: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

// The standard streams are opened on first use: opened now, they are part of the start.
const streams = [process.stdout, process.stderr];
const atStart = count(process.getActiveResourcesInfo());
const [url = '', dataDir = ''] = process.argv.slice(2);
const core = createCore({ dataDir, appVersion: 'test', log: () => undefined });
const result = await core.api['probes:probeUrl']({ url });
await core.close();
const left = [...count(process.getActiveResourcesInfo())].flatMap(([kind, n]) => Array<string>(Math.max(0, n - (atStart.get(kind) ?? 0))).fill(kind));
streams[0]?.write(`${JSON.stringify({ outcome: result.outcome, left })}\n`);
