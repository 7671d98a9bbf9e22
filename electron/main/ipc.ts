import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Core } from '../core/api/create-core.js';
import { toApiError } from '../core/errors.js';
import { EXPORTS_DIR } from '../core/store/index.js';
import { API_EVENTS, writePathOf, type Envelope } from '../shared/api.js';
import { setupDialogs, takeGrantedPath } from './dialogs.js';

/** Only our own UI, loaded from our own files, may call the core. */
function isTrustedSender(event: IpcMainInvokeEvent, rendererDir: string): boolean {
  const frameUrl = event.senderFrame?.url ?? '';
  return frameUrl.startsWith(`${pathToFileURL(rendererDir).toString()}/`);
}

/**
 * A path the page gives the core (where to write an export, where to move the data folder, a logo to read) must
 * be one the person chose in a dialog; a logo already in the settings may be sent again unchanged.
 */
async function usesUnchosenPath(core: Core, method: string, input: unknown): Promise<boolean> {
  const asked = writePathOf(method, input);
  if (asked.given) return typeof asked.path !== 'string' || !takeGrantedPath(asked.path);
  if (method === 'app:moveDataFolder') return true;
  if (method === 'settings:update' && typeof input === 'object' && input !== null && 'associationLogo' in input && typeof input.associationLogo === 'string') {
    const current = await core.api['settings:get'](undefined).catch(() => null);
    return current?.associationLogo !== input.associationLogo && !takeGrantedPath(input.associationLogo);
  }
  return false;
}

export function setupIpc(core: Core, rendererDir: string, dataDir: () => string): void {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, rendererDir);
  setupDialogs(trusted, () => path.join(dataDir(), EXPORTS_DIR));
  ipcMain.handle('api:call', async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!trusted(event)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Appel refusé : origine inconnue.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: toApiError(new Error('méthode invalide')) };
    if (await usesUnchosenPath(core, method, input)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Choisissez le fichier ou le dossier dans la fenêtre de choix.' } };
    }
    return core.handle(method, input);
  });
  for (const name of API_EVENTS) {
    core.on(name, (payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(`api:event:${name}`, payload);
    });
  }
}
