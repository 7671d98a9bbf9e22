// What only the desktop has: native dialogs, on channels of their own beside the API (as electron/fiddle does).
// The API stays the same for every transport; a dialog only supplies one of its inputs, chosen by the person.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import { DESKTOP_CHANNELS } from '../shared/api.js';
import { csvExportName } from '../shared/export-names.js';

/** Paths the person chose in a dialog, each usable once: the page cannot make the core write or read elsewhere. */
const granted = new Set<string>();

/** A file name the page suggests, kept only when it is the plain name the UI makes (`guichets-<slug>-<from>-<to>.csv`). */
function safeCsvName(suggested: unknown): string | null {
  return typeof suggested === 'string' && /^guichets-[a-z0-9-]{1,150}\.csv$/.test(suggested) ? suggested : null;
}

/** `defaultDir` is read at each dialog: the data folder (and its exports) may have moved. */
export function setupDialogs(isTrusted: (event: IpcMainInvokeEvent) => boolean, defaultDir: () => string): void {
  const windowOf = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender);
  const save = (event: IpcMainInvokeEvent, options: SaveDialogOptions) => {
    const window = windowOf(event);
    return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
  };
  const open = (event: IpcMainInvokeEvent, options: OpenDialogOptions) => {
    const window = windowOf(event);
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };

  ipcMain.handle(DESKTOP_CHANNELS.saveCsvDialog, async (event, suggested: unknown): Promise<string | null> => {
    if (!isTrusted(event)) return null;
    // The same name as the web host's download: guichets-<planning>-<from>-<to>.csv.
    const choice = await save(event, {
      title: 'Exporter les sondages (CSV)',
      defaultPath: path.join(defaultDir(), safeCsvName(suggested) ?? csvExportName(new Date())),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (choice.canceled || !choice.filePath) return null;
    granted.add(choice.filePath);
    return choice.filePath;
  });

  ipcMain.handle(DESKTOP_CHANNELS.chooseFolderDialog, async (event): Promise<string | null> => {
    if (!isTrusted(event)) return null;
    const choice = await open(event, {
      title: 'Nouveau dossier des données (vide ou nouveau)',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    });
    const [folder] = choice.filePaths;
    if (choice.canceled || !folder) return null;
    granted.add(folder);
    return folder;
  });

  ipcMain.handle(DESKTOP_CHANNELS.chooseLogoDialog, async (event): Promise<string | null> => {
    if (!isTrusted(event)) return null;
    const choice = await open(event, {
      title: 'Logo de l’association',
      properties: ['openFile'],
      filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'svg'] }],
    });
    const [file] = choice.filePaths;
    if (choice.canceled || !file) return null;
    granted.add(file);
    return file;
  });
}

/** True, once, for a path the person chose in a dialog. */
export function takeGrantedPath(file: string): boolean {
  return granted.delete(file);
}
