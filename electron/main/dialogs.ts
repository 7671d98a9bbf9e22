// What only the desktop has: native dialogs, on channels of their own beside the API (as electron/fiddle does).
// The API stays the same for every transport; a dialog only supplies one of its inputs, chosen by the person, and
// the window that asked may then give that path for that use (grants.ts).
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import { DESKTOP_CHANNELS, type PathUse } from '../shared/api.js';
import { csvExportName, isExportFileName } from '../shared/export-names.js';
import type { PathGrants } from './grants.js';

/** `defaultDir` is read at each dialog: the data folder (and its exports) may have moved. */
export function setupDialogs(isTrusted: (event: IpcMainInvokeEvent) => boolean, defaultDir: () => string, grants: PathGrants): void {
  const windowOf = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender);
  const save = (event: IpcMainInvokeEvent, options: SaveDialogOptions) => {
    const window = windowOf(event);
    return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
  };
  const open = (event: IpcMainInvokeEvent, options: OpenDialogOptions) => {
    const window = windowOf(event);
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  /** The one path the person chose, granted to the asking window for `use`; null when they cancelled. */
  async function choose(event: IpcMainInvokeEvent, use: PathUse, options: OpenDialogOptions): Promise<string | null> {
    const choice = await open(event, options);
    const [chosen] = choice.filePaths;
    if (choice.canceled || !chosen) return null;
    grants.grant(event.sender, use, chosen);
    return chosen;
  }

  ipcMain.handle(DESKTOP_CHANNELS.saveCsvDialog, async (event, suggested: unknown): Promise<string | null> => {
    if (!isTrusted(event)) return null;
    // The same name as the web host's download: guichets-<planning>-<from>-<to>.csv.
    const choice = await save(event, {
      title: 'Exporter les sondages (CSV)',
      defaultPath: path.join(defaultDir(), isExportFileName(suggested, 'csv') ? suggested : csvExportName(new Date())),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (choice.canceled || !choice.filePath) return null;
    grants.grant(event.sender, 'write', choice.filePath);
    return choice.filePath;
  });

  const opens: [string, PathUse, OpenDialogOptions][] = [
    [
      DESKTOP_CHANNELS.chooseFolderDialog,
      'folder',
      { title: 'Nouveau dossier des données (vide ou nouveau)', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] },
    ],
    [
      DESKTOP_CHANNELS.chooseLogoDialog,
      'read',
      { title: 'Logo de l’association', properties: ['openFile'], filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'svg'] }] },
    ],
    [
      DESKTOP_CHANNELS.chooseImportFileDialog,
      'read',
      {
        title: 'Importer des sondages (CSV ou dossier de preuves)',
        properties: ['openFile'],
        filters: [{ name: 'CSV ou ZIP', extensions: ['csv', 'zip'] }],
      },
    ],
    [DESKTOP_CHANNELS.chooseBrowserDialog, 'program', { title: 'Navigateur (Chrome, Edge ou Chromium)', properties: ['openFile'] }],
  ];
  for (const [channel, use, options] of opens) {
    ipcMain.handle(channel, (event): Promise<string | null> | null => (isTrusted(event) ? choose(event, use, options) : null));
  }
}
