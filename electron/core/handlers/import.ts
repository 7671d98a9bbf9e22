// Import through the API: checked whole before the batch is written; the dashboard then shows the new figures.
import path from 'node:path';
import type { AppApi } from '../../shared/api.js';
import { importFile } from '../import/index.js';
import type { EvidenceHandlerContext } from './dossier-context.js';

export function importHandlers(
  ctx: EvidenceHandlerContext & { changed?: (ids: string[]) => Promise<void> },
): Pick<AppApi, 'import:file'> {
  return {
    'import:file': async ({ path: file, planningId, association, name }) => {
      await ctx.asWriter();
      const result = await importFile(ctx.store, path.resolve(file), {
        ...(planningId ? { planningId } : {}),
        ...(association ? { association } : {}),
        ...(name ? { name } : {}),
        now: ctx.clock.now(),
      });
      const ids = Object.keys(result.byPlanning);
      if (ids.length > 0) {
        if (ctx.changed) await ctx.changed(ids);
        else ctx.emit('plannings:changed', { ids });
      }
      return result;
    },
  };
}
