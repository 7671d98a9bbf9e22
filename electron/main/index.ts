// The thin desktop shell: one window on the built UI, the core in this process, the schedule running.
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Core } from '../core/api/create-core.js';
import { createSwitchableCore } from '../core/api/switchable-core.js';
import { AppError } from '../core/errors.js';
import { findAppRoot, readDataDirPointer } from '../core/paths.js';
import { registerEvidenceScheme, setupEvidenceProtocol } from './evidence-protocol.js';
import { setupIpc } from './ipc.js';
import { setupSecurity } from './security.js';
import { setupTray } from './tray.js';
import { setupAlertNotifications } from './alerts.js';

const appRoot = findAppRoot();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(appRoot, 'out', 'preload', 'index.cjs');

let core: Core | null = null;

function showWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) {
    createWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function createWindow(): void {
  const window = new BrowserWindow({
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
  });
  window.once('ready-to-show', () => window.show());
  window.loadFile(path.join(rendererDir, 'index.html')).catch((error: unknown) => console.error('loadFile', error));
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', showWindow);
  setupSecurity();
  registerEvidenceScheme();
  await app.whenReady();
  // The data folder is the app's own folder until the person moves it (Réglages): then a pointer there says where.
  const configDir = app.getPath('userData');
  const dataDir = readDataDirPointer(configDir) ?? configDir;
  if (!existsSync(dataDir)) {
    dialog.showErrorBox(
      'Guichets : dossier des données introuvable',
      `Le dossier des données « ${dataDir} » n’existe pas (disque débranché ?). Rebranchez-le puis relancez Guichets ; sinon un dossier vide sera créé à cet endroit.`,
    );
  }
  const opened = createSwitchableCore({ dataDir, appVersion: app.getVersion(), configDir });
  core = opened;
  // Read at each request: the data folder may move while the app runs.
  setupEvidenceProtocol(
    () => opened.evidenceDir,
    (planningId, localDate, probeId) => opened.captionedScreenshot(planningId, localDate, probeId),
  );
  setupIpc(opened, rendererDir, () => path.dirname(opened.evidenceDir));
  const settings = await opened.api['settings:get'](undefined);
  if (settings.schedulerEnabled) {
    try {
      await opened.startSchedule();
    } catch (error) {
      // Another Guichets (the command line, say) already probes this folder: show why, and open for reading.
      if (!(error instanceof AppError)) throw error;
      dialog.showErrorBox('Guichets : sondages non démarrés', error.message);
    }
  }
  setupTray(opened, path.join(appRoot, 'resources'), showWindow);
  setupAlertNotifications(opened, showWindow);
  // After sleep, the missed hours are recorded as gaps at once, and the schedule resumes.
  powerMonitor.on('resume', () => {
    core?.wake().catch((error: unknown) => console.error('resume', error));
  });
  createWindow();
  app.on('activate', showWindow);
}

// The schedule keeps running in the tray when the window is closed; « Quitter » in the tray ends it.
app.on('window-all-closed', () => undefined);

let closing = false;
app.on('before-quit', (event) => {
  if (closing || !core) return;
  // Let a running probe finish writing its evidence before the process ends.
  event.preventDefault();
  closing = true;
  core.close().then(
    () => app.quit(),
    (error: unknown) => {
      console.error('close', error);
      app.quit();
    },
  );
});

start().catch((error: unknown) => {
  console.error(error);
  app.quit();
});
