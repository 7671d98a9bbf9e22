// Seals on demand (the settings page's button, `npm run cli -- seal`); daily and before exports they are made
// by the core itself (create-core.ts, handlers/export.ts). The trusted roots of time-stamps: listed, and added or
// removed by the person at this PC (desktop and command line only, never over HTTP).
import type { SealSummary, TrustedRootInfo } from '../../shared/api.js';
import { addUserRoot, removeUserRoot, sealInventory, type TrustedRoot } from '../seals/index.js';
import { coreMessage } from '../../shared/messages/index.js';
import { coreError } from '../errors.js';
import type { HandlerContext, Handlers } from './context.js';

const info = (root: TrustedRoot): TrustedRootInfo => ({
  name: root.name,
  sha256: root.sha256,
  source: root.source,
  ...(root.published ? { published: root.published } : {}),
});

function userFolder(ctx: HandlerContext): string {
  const folder = ctx.seals.trustDir;
  if (folder === null) throw coreError('invalid_input', coreMessage('seal.no_roots_folder'));
  return folder;
}

async function sealNow(ctx: HandlerContext, newKey: boolean): Promise<SealSummary> {
  await ctx.asWriter();
  const { name, plannings, probes, stampedBy, stampFailures, restamped, newKey: key } = await ctx.seals.create({ newKey });
  return { name, plannings, probes, stampedBy: stampedBy.length > 0 ? stampedBy.join(', ') : null, stampFailures, restamped, newKey: key };
}

export function sealHandlers(ctx: HandlerContext): Handlers<'seals:create' | 'seals:list' | 'seals:rotateKey' | 'seals:roots' | 'seals:addRoot' | 'seals:removeRoot'> {
  return {
    'seals:list': () => sealInventory(ctx.app.dataDir),
    'seals:create': () => sealNow(ctx, false),
    'seals:rotateKey': () => sealNow(ctx, true),
    'seals:roots': async () => (await ctx.seals.trust()).roots.map(info),
    'seals:addRoot': async ({ pem }) => info(await addUserRoot(userFolder(ctx), pem)),
    'seals:removeRoot': async ({ sha256 }) => {
      const shipped = (await ctx.seals.trust()).roots.find((root) => root.source === 'shipped' && root.sha256 === sha256.replace(/[\s:]/g, '').toLowerCase());
      if (shipped) throw coreError('invalid_input', coreMessage('seal.root_shipped', { name: shipped.name }), { field: ['sha256'] });
      return { removed: await removeUserRoot(userFolder(ctx), sha256) };
    },
  };
}
