// « Ouvrir le dossier » after an export: the system's file manager opened on the file, for our own UI only, and
// only on a file Guichets wrote where exports go (the data folder's exports, or a place a save dialog of that
// window gave): a page cannot have the desktop reveal, let alone open, any other path.
import { ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DESKTOP_CHANNELS } from '../shared/api.js';
import type { PathGrants } from './grants.js';

const EXPORTED = /\.(zip|pdf|csv|png)$/i;

export function setupReveal(isTrusted: (event: IpcMainInvokeEvent) => boolean, exportsDir: () => string, grants: PathGrants): void {
  ipcMain.handle(DESKTOP_CHANNELS.showInFolder, async (event, file: unknown): Promise<boolean> => {
    if (!isTrusted(event) || typeof file !== 'string' || !path.isAbsolute(file) || !EXPORTED.test(file)) return false;
    const inside = path.relative(exportsDir(), path.resolve(file));
    const exported = (inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside)) || grants.has(event.sender, 'write', file);
    if (!exported) return false;
    const isFile = await stat(file).then((found) => found.isFile(), () => false);
    if (!isFile) return false;
    shell.showItemInFolder(file);
    return true;
  });
}
