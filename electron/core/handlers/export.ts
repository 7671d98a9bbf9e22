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
      const rows = await exportCsvFile(ctx.store, out, planningIds);
      return { path: out, rows };
    },
  };
}
