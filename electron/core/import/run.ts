// Runs an import in a thread of its own whose heap is capped (import-worker.ts): whatever a file holds, the import
// cannot take more memory than that; past it the thread ends and the person reads one line. The limits of
// limits.ts refuse every real-looking excess first, with a precise line; this is the bound behind them. Where the
// thread cannot start (a packaged app that cannot load it), the import runs here, within the same limits.
import type { ImportResult } from '../../shared/api.js';
import type { Store } from '../store/index.js';
import { forgetImported } from '../store/imported.js';
import { startPool, workerEntry } from '../workers/pool.js';
import type { ImportTask } from './import-worker.js';
import { importFile, type ImportOptions } from './import-file.js';
import { importError } from './problems.js';

/**
 * The import thread's old generation at most, in MB: a signed dossier of 61,000 records (twice three years of one
 * planning hourly, its check holding every record) needs about 100; with the young generation, code and buffers,
 * the process stays under 300 MB.
 */
export const IMPORT_HEAP_MB = 160;

export interface RunOptions {
  /** Told when the import ran in this thread instead (the thread could not start). */
  onInThread?: (reason: string) => void;
}

export async function runImport(store: Store, file: string, options: ImportOptions, run: RunOptions = {}): Promise<ImportResult> {
  const pool = await startPool(workerEntry('import-worker', import.meta.url), {
    size: 1,
    window: 1,
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_HEAP_MB, maxYoungGenerationSizeMb: 16 },
  }).catch(() => null);
  if (!pool) {
    run.onInThread?.('le fil de l’import n’a pas pu démarrer');
    return importFile(store, file, options);
  }
  const task: ImportTask = { dataDir: store.dir, file, options: { ...options, now: options.now.toISOString() } };
  const outcome: { result: ImportResult | null } = { result: null };
  try {
    await pool.run<ImportTask, never, ImportResult>({
      tasks: [task],
      onDone: (done) => {
        outcome.result = done;
      },
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw importError('import.too_much_memory', { max: IMPORT_HEAP_MB });
    throw error;
  } finally {
    await pool.close();
    // The thread wrote the batch: this thread's view of the imported area is read afresh.
    forgetImported(store.dir);
  }
  if (outcome.result === null) throw new Error('Import sans résultat.');
  return outcome.result;
}
