// One import in a process of its own, for the memory test: `node import-child.mjs DATA_DIR FILE` imports FILE into
// the data folder as the app does (runImport: in a thread whose heap is capped) and prints one JSON line: what the
// import said, whether it ran in its thread, and the process's peak resident memory (maxRSS, read at the end).
import { fixedClock } from '../../electron/core/clock.js';
import { AppError } from '../../electron/core/errors.js';
import { runImport } from '../../electron/core/import/index.js';
import { createStore } from '../../electron/core/store/index.js';

const [dataDir, file] = process.argv.slice(2);
if (!dataDir || !file) throw new Error('usage: import-child DATA_DIR FILE');
const now = '2026-12-01T10:00:00Z';
const store = createStore({ dir: dataDir, clock: fixedClock(now), log: () => undefined });
let inThread = false;
let outcome: Record<string, unknown>;
try {
  const result = await runImport(store, file, { now: new Date(now) }, { onInThread: () => (inThread = true) });
  outcome = { ok: true, added: result.added };
} catch (error) {
  outcome = error instanceof AppError ? { ok: false, code: error.coreMessage?.code ?? error.code, message: error.message } : { ok: false, crash: String(error) };
}
await store.close();
// maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ ...outcome, inThread, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
