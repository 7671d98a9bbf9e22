// The import's thread (run.ts): one import, with a heap of its own whose size is capped, so that no file, however
// it was made, takes the process beyond its bound. It reads the data folder through a store of its own.
import type { ImportResult } from '../../shared/api.js';
import { fixedClock } from '../clock.js';
import type { TrustSet } from '../seals/index.js';
import { createStore } from '../store/index.js';
import { serveTasks } from '../workers/protocol.js';
import { importFile, type ImportOptions } from './import-file.js';

/** What crosses to the thread: the options, with the time as text and the roots' certificates as bytes. */
export interface ImportTask {
  dataDir: string;
  file: string;
  options: Omit<ImportOptions, 'now'> & { now: string };
}

/** The roots as structured clone hands them over (a Buffer arrives as a plain Uint8Array). */
const revived = (trust: TrustSet | undefined): TrustSet | undefined =>
  trust && { ...trust, roots: trust.roots.map((root) => ({ ...root, der: Buffer.from(root.der) })) };

serveTasks<never>(async (task: ImportTask): Promise<ImportResult> => {
  const { now, trust, ...options } = task.options;
  const store = createStore({ dir: task.dataDir, clock: fixedClock(now), log: () => undefined });
  try {
    const roots = revived(trust);
    return await importFile(store, task.file, { ...options, now: new Date(now), ...(roots ? { trust: roots } : {}) });
  } finally {
    await store.close();
  }
});
