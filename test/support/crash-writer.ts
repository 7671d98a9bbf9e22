// The writing process of the crash harness (test/crash.test.ts): appends probes with small artefacts, one after
// the other, as fast as the store allows, and says "ack <id>" on stdout once each append has resolved; meanwhile,
// as the app does once it writes the folder, it moves the logs of an older planning into packs. It runs until it is
// killed. Usage: node crash-writer.mjs <dataDir> <planningId>
import { systemClock } from '../../electron/core/clock.js';
import { createStore } from '../../electron/core/store/index.js';
import { syntheticArtefacts, syntheticProbe } from './synthetic.js';

export const CRASH_START = '2026-01-01T00:00:00Z';

const [dir, planningId] = process.argv.slice(2);
if (!dir || !planningId) throw new Error('usage: crash-writer <dataDir> <planningId>');

const store = createStore({ dir, clock: systemClock, log: () => undefined });
// Continues after the newest probe on disk, acknowledged or not, as the app does after a restart.
const last = await store.probes.last(planningId);
let n = last ? Number(last.id.slice(-6)) + 1 : 0;
process.stdout.write('ready\n');
// Killed at any moment too: a log is always in its file or in its pack, found through the index.
void store.migrateLogs();
for (;;) {
  const probe = syntheticProbe(planningId, CRASH_START, n);
  await store.probes.append(probe, syntheticArtefacts(n));
  process.stdout.write(`ack ${probe.id}\n`);
  if (n % 5 === 2) {
    // A gap now and then, so the gaps file is written (and killed) too.
    const from = Date.parse(probe.startedAt) + 60_000;
    const gap = { from: new Date(from).toISOString(), to: new Date(from + 3_600_000).toISOString() };
    await store.gaps.record({ planningId, ...gap, hours: 1, reason: 'overrun' });
  }
  n += 1;
}
