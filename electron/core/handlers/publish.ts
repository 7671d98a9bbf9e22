// Publication through the API: into the folder given, else the data folder's « site-public ».
import path from 'node:path';
import type { AppApi } from '../../shared/api.js';
import { publishSite } from '../publish/index.js';
import { drawingBrowser, type EvidenceHandlerContext } from './dossier-context.js';

export function publishHandlers(ctx: EvidenceHandlerContext): Pick<AppApi, 'publish:site'> {
  return {
    'publish:site': async ({ path: target }) =>
      publishSite({
        store: ctx.store,
        out: target ?? path.join(ctx.app.dataDir, 'site-public'),
        browserPath: await drawingBrowser(ctx),
        now: ctx.clock.now(),
      }),
  };
}
