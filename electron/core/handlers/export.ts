// Exports: the raw data CSV, written to a file (where the person chose, else the data folder's exports).
import path from 'node:path';
import { csvExportName } from '../../shared/export-names.js';
import { exportCsvFile } from '../export/index.js';
import { EXPORTS_DIR } from '../store/index.js';
import type { HandlerContext, Handlers } from './context.js';

export function exportHandlers(ctx: HandlerContext): Handlers<'export:csv'> {
  return {
    'export:csv': async ({ planningIds, path: target }) => {
      const out = target ?? path.join(ctx.app.dataDir, EXPORTS_DIR, csvExportName(ctx.clock.now()));
      const skipped: string[] = [];
      // Sealed first (once the plannings are known to exist), when this process may write: another Guichets
      // holding the folder seals it daily itself. Exporting is reading: the lock is not kept after the seal.
      const beforeRead = async (): Promise<void> => {
        await ctx.whileWriter(() => ctx.seals.beforeExport());
      };
      const rows = await exportCsvFile(ctx.store, out, planningIds, skipped, { beforeRead });
      if (skipped.length > 0) ctx.log(`Export CSV : fichiers endommagés, leurs sondages manquent : ${skipped.join(', ')}`);
      return { path: out, rows, ...(skipped.length > 0 ? { skipped } : {}) };
    },
  };
}
