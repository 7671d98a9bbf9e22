// The app's facts (version, data folder, browser found) and its settings.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { AppError } from '../errors.js';
import { checkBrowserProgram, createBrowserHost, SANDBOX } from '../probe/index.js';
import { prepareDest } from '../services/backup.js';
import type { HandlerContext, Handlers } from './context.js';

async function mustBeProgram(file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  const runnable = info?.isFile() && (await access(file, constants.X_OK).then(() => true, () => false));
  if (!runnable) {
    throw new AppError(
      'invalid_input',
      `Navigateur : aucun programme à l’adresse « ${file} ». Indiquez le fichier de Chrome, Edge ou Chromium (par exemple /usr/bin/chromium ou C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe).`,
      { field: ['browserPath'], params: { rule: 'program' } },
    );
  }
}

/** The published site copies the logo: an image file that exists, said by its field when not. */
async function mustBeImage(file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || !/\.(png|jpe?g|svg)$/i.test(file)) {
    throw new AppError('invalid_input', `Logo : aucune image PNG, JPEG ou SVG à l’adresse « ${file} ».`, {
      field: ['associationLogo'],
      params: { rule: 'image' },
    });
  }
}

export function settingsHandlers(ctx: HandlerContext): Handlers<'app:info' | 'settings:get' | 'settings:update' | 'settings:testBrowser'> {
  const { store, app } = ctx;
  return {
    'app:info': async () => {
      return {
        version: app.version,
        demo: app.demo,
        scheduleEveryMinutes: app.everyMinutes,
        schedulerRunning: ctx.scheduler.current()?.running ?? false,
        dataDir: app.dataDir,
        browser: await ctx.browsers.find(),
        installationKey: await ctx.seals.fingerprint(),
        sandbox: { enabled: SANDBOX.enabled, reason: SANDBOX.reason },
      };
    },
    'settings:get': () => store.settings.get(),
    'settings:update': async (patch) => {
      await ctx.asWriter();
      if (patch.browserPath) {
        await mustBeProgram(patch.browserPath);
        await checkBrowserProgram(patch.browserPath);
      }
      if (patch.associationLogo) await mustBeImage(patch.associationLogo);
      // The daily backup's folder said wrong when it is chosen, not a day later.
      if (patch.backupDir) patch = { ...patch, backupDir: await prepareDest(ctx.app.dataDir, patch.backupDir, 'backupDir') };
      const settings = await store.settings.update(patch);
      await ctx.scheduler.settingsChanged();
      return settings;
    },
    'settings:testBrowser': async ({ path }) => {
      if (path) {
        await mustBeProgram(path);
        await checkBrowserProgram(path);
      }
      // The path typed is the one tested, even where GUICHETS_BROWSER would win for the probes.
      const found = path ? { path, message: null } : await ctx.browsers.find(null);
      if (!found.path) throw new AppError('browser_not_found', found.message ?? 'Aucun navigateur trouvé.', { field: ['browserPath'] });
      // A browser of its own, closed at once: the prober's is left alone.
      const host = createBrowserHost(found.path);
      try {
        const launched = await host.get();
        return { path: found.path, name: launched.name, version: launched.version };
      } finally {
        await host.close();
      }
    },
  };
}
