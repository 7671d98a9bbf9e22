import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Core } from '../core/api/create-core.js';
import { toApiError } from '../core/errors.js';
import { API_EVENTS, type Envelope } from '../shared/api.js';


/** Only our own UI, loaded from our own files, may call the core. */
function isTrustedSender(event: IpcMainInvokeEvent, rendererDir: string): boolean {
  const frameUrl = event.senderFrame?.url ?? '';
  return frameUrl.startsWith(`${pathToFileURL(rendererDir).toString()}/`);
}

export function setupIpc(core: Core, rendererDir: string): void {
  ipcMain.handle('api:call', async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event, rendererDir)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Appel refusé : origine inconnue.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: toApiError(new Error('méthode invalide')) };
    if (method === 'export:csv') return exportCsvWithDialog(event, core, input);
    return core.handle(method, input);
  });
  for (const name of API_EVENTS) {
    core.on(name, (payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(`api:event:${name}`, payload);
    });
  }
}

/** The desktop asks where to save the CSV; the path never comes from the page. */
async function exportCsvWithDialog(event: IpcMainInvokeEvent, core: Core, input: unknown): Promise<Envelope<unknown>> {
  const window = BrowserWindow.fromWebContents(event.sender);
  const options = {
    title: 'Exporter les sondages (CSV)',
    defaultPath: path.join(core.dataDir, 'exports', `guichets-sondages-${new Date().toISOString().slice(0, 10)}.csv`),
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) {
    return { ok: false, error: { code: 'invalid_input', message: 'Export annulé.' } };
  }
  const planningIds =
    typeof input === 'object' && input !== null && 'planningIds' in input ? input.planningIds : undefined;
  return core.handle('export:csv', { planningIds, path: choice.filePath });
}
