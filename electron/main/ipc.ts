// The desktop's transport: the renderer's calls reach the core only from our own UI, and only with paths the
// person chose in a dialog of that window (TRANSPORT_POLICY in shared/api.ts).
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import type { Core } from '../core/api/index.js';
import { toApiError } from '../core/errors.js';
import { API_EVENTS, givenInputs, PATH_USES, type ApiError, type Envelope, type PathUse } from '../shared/api.js';
import type { Settings } from '../shared/domain.js';
import { setupDialogs } from './dialogs.js';
import { createPathGrants, type PathGrants } from './grants.js';
import { setupReveal } from './reveal.js';

/** Only our own UI, loaded from our own files, in the window's main frame, may call the core. */
export function isTrustedSender(event: IpcMainInvokeEvent, rendererDir: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return frame.url.startsWith(`${pathToFileURL(rendererDir).toString()}/`);
}

/** The path a setting holds now (the logo, the browser): sending it again unchanged chooses nothing. */
function currentValue(settings: Settings | null, place: string, use: PathUse): unknown {
  if (!settings) return undefined;
  if (use === 'program') return settings.browserPath;
  return Object.hasOwn(settings, place) ? (settings as unknown as Record<string, unknown>)[place] : undefined;
}

/**
 * Why a call is refused before it reaches the core, or null: each path it gives (where to write an export, where
 * to move the data folder, a file to import or a logo to read, a browser to launch) must be one a dialog of this
 * window returned for that use, or the setting's current value. Null is no path.
 */
export async function refusedOnDesktop(
  method: string,
  input: unknown,
  sender: WebContents,
  grants: PathGrants,
  settings: () => Promise<Settings | null>,
): Promise<ApiError | null> {
  for (const { place, use, value } of givenInputs(method, input)) {
    if (!PATH_USES.includes(use) || value === null) continue;
    const pathUse = use as PathUse;
    if (typeof value === 'string' && (grants.has(sender, pathUse, value) || currentValue(await settings(), place, pathUse) === value)) continue;
    return {
      code: 'invalid_input',
      message: 'Choisissez le fichier ou le dossier dans la fenêtre de choix.',
      field: place.split('.'),
      params: { rule: 'dialog_only' },
    };
  }
  return null;
}

/** Calls after which the settings may read differently (the new data folder has its own): the shell words itself again. */
const CHANGES_SETTINGS = new Set(['settings:update', 'app:moveDataFolder']);

export function setupIpc(core: Core, rendererDir: string, settingsChanged: () => void = () => undefined): void {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, rendererDir);
  const grants = createPathGrants();
  setupDialogs(trusted, () => core.exportsDir, grants);
  setupReveal(trusted, () => core.exportsDir, grants);
  const settings = () => core.api['settings:get'](undefined).catch(() => null);
  ipcMain.handle('api:call', async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!trusted(event)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Appel refusé : origine inconnue.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: toApiError(new Error('méthode invalide')) };
    const refused = await refusedOnDesktop(method, input, event.sender, grants, settings);
    if (refused) return { ok: false, error: refused };
    const answer = await core.handle(method, input);
    if (answer.ok && CHANGES_SETTINGS.has(method)) settingsChanged();
    return answer;
  });
  for (const name of API_EVENTS) {
    core.on(name, (payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(`api:event:${name}`, payload);
    });
  }
}
