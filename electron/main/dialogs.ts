// What only the desktop has: native dialogs, on channels of their own beside the API (as electron/fiddle does).
// The API stays the same for every transport; a dialog only supplies one of its inputs, chosen by the person.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DESKTOP_CHANNELS } from '../shared/api.js';
import { csvExportName } from '../shared/export-names.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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

  // The chart is drawn by the page; the main process writes its bytes where the person chose, nowhere else.
  ipcMain.handle(DESKTOP_CHANNELS.savePngDialog, async (event, suggested: unknown, png: unknown): Promise<string | null> => {
    if (!isTrusted(event)) return null;
    const isPng = png instanceof Uint8Array && png.length < 50_000_000 && Buffer.from(png.subarray(0, 8)).equals(PNG_SIGNATURE);
    if (!isPng || typeof suggested !== 'string' || !/^guichets-[a-z0-9-]{1,150}\.png$/.test(suggested)) return null;
    const choice = await save(event, {
      title: 'Exporter le graphique (PNG)',
      defaultPath: path.join(defaultDir(), suggested),
      filters: [{ name: 'PNG', extensions: ['png'] }],
    });
    if (choice.canceled || !choice.filePath) return null;
    await writeFile(choice.filePath, png);
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
