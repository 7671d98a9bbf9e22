// Publication through the API: into the folder given, else the data folder's « site-public ».
import path from 'node:path';
import { PUBLISHED_SITE_DIR } from '../../shared/export-names.js';
import { publishSite } from '../publish/index.js';
import type { HandlerContext, Handlers } from './context.js';

export function publishHandlers(ctx: HandlerContext): Handlers<'publish:site'> {
  return {
    'publish:site': async ({ path: target }) =>
      publishSite({
        store: ctx.store,
        out: target ?? path.join(ctx.app.dataDir, PUBLISHED_SITE_DIR),
        browserPath: await ctx.browsers.path(' : il dessine les graphiques et le PDF'),
        now: ctx.clock.now(),
      }),
  };
}
