// The backing-up process of the backup harness (test/backup-crash.test.ts): backs <dataDir> up into <dest> once,
// as `backup` does, says "ready" before it starts and "done good|bad" once it has finished. Killed at any moment.
// Usage: node backup-child.mjs <dataDir> <dest>
import { systemClock } from '../../electron/core/clock.js';
import { loadTrust } from '../../electron/core/seals/trust.js';
import { runBackup } from '../../electron/core/services/backup.js';
import { createStore } from '../../electron/core/store/index.js';

const [dir, dest] = process.argv.slice(2);
if (!dir || !dest) throw new Error('usage: backup-child <dataDir> <dest>');

const store = createStore({ dir, clock: systemClock, log: () => undefined });
const trust = await loadTrust({ env: {}, userDir: null });
process.stdout.write('ready\n');
const result = await runBackup({ dataDir: dir, dest, clock: systemClock, trust, exclusive: store.exclusive });
process.stdout.write(`done ${result.good ? 'good' : 'bad'} ${result.copiedFiles} ${result.unchangedFiles}\n`);
await store.close();
