// The one window on the built UI, and what closing it means: the app stays in the tray, the schedule goes on;
// « Quitter » ends it only once a running probe has finished writing its evidence.
import { app, BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import path from 'node:path';
import type { Core } from '../core/api/index.js';

/** Electron's own checklist: an isolated, sandboxed page without Node, whose only bridge is the preload's. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 850,
    title: 'Guichets',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  };
}

export function createWindow(rendererDir: string, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadFile(path.join(rendererDir, 'index.html')).catch((error: unknown) => console.error('loadFile', error));
  return window;
}

/** Brings the window back (from the tray, a second launch, a notification), or opens it again. */
export function showWindow(create: () => void): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) {
    create();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** `core` is read when quitting: it is opened after the app is ready. */
export function setupLifecycle(core: () => Core | null): void {
  // The schedule keeps running in the tray when the window is closed; « Quitter » in the tray ends it.
  app.on('window-all-closed', () => undefined);
  let closing = false;
  app.on('before-quit', (event) => {
    const opened = core();
    if (closing || !opened) return;
    // Let a running probe finish writing its evidence before the process ends.
    event.preventDefault();
    closing = true;
    opened.close().then(
      () => app.quit(),
      (error: unknown) => {
        console.error('close', error);
        app.quit();
      },
    );
  });
}
