// The thin desktop shell: one window on the built UI, the core in this process, the schedule running.
import { app, dialog, powerMonitor } from 'electron';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { createSwitchableCore, type Core } from '../core/api/index.js';
import { AppError } from '../core/errors.js';
import { wordCore } from '../core/messages.js';
import { coreMessage } from '../shared/messages/index.js';
import { findAppRoot, readDataDirPointer } from '../core/paths.js';
import { registerEvidenceScheme, setupEvidenceProtocol } from './evidence-protocol.js';
import { setupIpc } from './ipc.js';
import { setupSecurity } from './security.js';
import { setupTray, type ShellTray } from './tray.js';
import { setupAlertNotifications, systemLanguage } from './alerts.js';
import { createWindow, setupLifecycle, showWindow } from './window.js';

const appRoot = findAppRoot();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(appRoot, 'out', 'preload', 'index.cjs');

let core: Core | null = null;
let tray: ShellTray | null = null;

const openWindow = (): void => void createWindow(rendererDir, preloadPath);
const bringBack = (): void => showWindow(openWindow);

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', bringBack);
  setupSecurity();
  registerEvidenceScheme();
  await app.whenReady();
  // The data folder is the app's own folder until the person moves it (Réglages): then a pointer there says where.
  const configDir = app.getPath('userData');
  const dataDir = readDataDirPointer(configDir) ?? configDir;
  if (!existsSync(dataDir)) {
    // The settings (and their language) are in the missing folder: the system's language says which words to use.
    const lang = systemLanguage(app.getLocale());
    dialog.showErrorBox(wordCore(coreMessage('shell.data_missing_title'), lang), wordCore(coreMessage('shell.data_missing', { dir: dataDir }), lang));
  }
  const opened = createSwitchableCore({ dataDir, appVersion: app.getVersion(), configDir });
  core = opened;
  // Read at each request: the data folder may move while the app runs.
  setupEvidenceProtocol(
    () => opened.evidenceDir,
    (planningId, localDate, probeId) => opened.captionedScreenshot(planningId, localDate, probeId),
  );
  // The tray is worded in the settings' language: again when the person changes them in the window.
  setupIpc(opened, rendererDir, () => void tray?.reword());
  const settings = await opened.api['settings:get'](undefined);
  if (settings.schedulerEnabled) {
    try {
      await opened.startSchedule();
    } catch (error) {
      // Another Guichets (the command line, say) already probes this folder: show why, and open for reading.
      if (!(error instanceof AppError)) throw error;
      const lang = settings.language;
      dialog.showErrorBox(wordCore(coreMessage('shell.schedule_title'), lang), error.coreMessage ? wordCore(error.coreMessage, lang) : error.message);
    }
  }
  tray = await setupTray(opened, path.join(appRoot, 'resources'), bringBack);
  setupAlertNotifications(opened, bringBack);
  // After sleep, the missed hours are recorded as gaps at once, and the schedule resumes.
  powerMonitor.on('resume', () => {
    core?.wake().catch((error: unknown) => console.error('resume', error));
  });
  openWindow();
  app.on('activate', bringBack);
}

setupLifecycle(() => core);

start().catch((error: unknown) => {
  console.error(error);
  app.quit();
});
