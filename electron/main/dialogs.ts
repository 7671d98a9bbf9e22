// What only the desktop has: native dialogs, on channels of their own beside the API (as electron/fiddle does).
// The API stays the same for every transport; a dialog only supplies one of its inputs, chosen by the person.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { DESKTOP_CHANNELS } from '../shared/api.js';
import { csvExportName } from '../shared/export-names.js';

/** Paths the person chose in a save dialog, each usable once: the page cannot make the core write elsewhere. */
const granted = new Set<string>();

export function setupDialogs(isTrusted: (event: IpcMainInvokeEvent) => boolean, defaultDir: string): void {
  ipcMain.handle(DESKTOP_CHANNELS.saveCsvDialog, async (event): Promise<string | null> => {
    if (!isTrusted(event)) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      title: 'Exporter les sondages (CSV)',
      defaultPath: path.join(defaultDir, csvExportName(new Date())),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    granted.add(choice.filePath);
    return choice.filePath;
  });
}

/** True, once, for a path the person chose in a save dialog. */
export function takeGrantedPath(file: string): boolean {
  return granted.delete(file);
}
