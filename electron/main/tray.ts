import { app, Menu, Notification, Tray, nativeImage } from 'electron';
import { notificationsWanted } from './alerts.js';
import path from 'node:path';
import type { Core } from '../core/api/index.js';
import { wordCore } from '../core/messages.js';
import { coreMessage, type MessageCode } from '../shared/messages/index.js';

/**
 * The hourly probes go on while the window is closed: the app stays in the tray until « Quitter ». Closing the
 * app for good leaves gaps in the record, so the menu says so.
 */
export function setupTray(core: Core, resourcesDir: string, showWindow: () => void): Tray {
  const tray = new Tray(nativeImage.createFromPath(path.join(resourcesDir, 'tray.png')));
  tray.setToolTip('Guichets — sondages en cours');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Ouvrir Guichets', click: showWindow },
      { type: 'separator' },
      { label: 'Quitter (les sondages s’arrêtent)', click: () => app.quit() },
    ]),
  );
  tray.on('click', showWindow);

  core.on('assisted:changed', (status) => {
    if (status.state !== 'expired') return;
    void notificationsWanted(core).then(async (wanted) => {
      if (!wanted) return;
      // Worded here from the state, in the language the person chose (French when the settings cannot be read).
      const lang = (await core.api['settings:get'](undefined).catch(() => null))?.language ?? 'fr';
      const say = (code: MessageCode): string => wordCore(coreMessage(code), lang);
      const notice = new Notification({ title: say('assisted.expired_title'), body: say('assisted.expired') });
      notice.on('click', showWindow);
      notice.show();
    });
  });
  return tray;
}
