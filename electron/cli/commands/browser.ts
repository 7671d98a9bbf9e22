// --browser PATH: saved in the settings, after the core checked that it is Chrome, Chromium or Edge.
import path from 'node:path';
import { withCore, type CommandContext } from './context.js';

export async function saveBrowserSetting(context: CommandContext): Promise<void> {
  if (!context.browser) return;
  const browserPath = path.resolve(context.browser);
  await withCore(context, (core) => core.api['settings:update']({ browserPath }), false);
  context.words.note('cli.browser_saved', { path: browserPath });
}
