import { app, Menu, Notification, Tray, nativeImage } from 'electron';
import { chosenLanguage, notificationLanguage } from './alerts.js';
import path from 'node:path';
import type { Core } from '../core/api/index.js';
import { wordCore } from '../core/messages.js';
import { coreMessage, type MessageCode, type MessageLang } from '../shared/messages/index.js';

export interface ShellTray {
  /** Words the tooltip and the menu again in the settings' language (after the person changed it). */
  reword(): Promise<void>;
}

const say = (lang: MessageLang, code: MessageCode): string => wordCore(coreMessage(code), lang);

/**
 * The hourly probes go on while the window is closed: the app stays in the tray until « Quitter ». Closing the
 * app for good leaves gaps in the record, so the menu says so. Worded in the language of the settings, read
 * before the icon shows.
 */
export async function setupTray(core: Core, resourcesDir: string, showWindow: () => void): Promise<ShellTray> {
  const lang = await chosenLanguage(core);
  const tray = new Tray(nativeImage.createFromPath(path.join(resourcesDir, 'tray.png')));
  const word = (to: MessageLang): void => {
    tray.setToolTip(say(to, 'tray.tooltip'));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: say(to, 'tray.open'), click: showWindow },
        { type: 'separator' },
        { label: say(to, 'tray.quit'), click: () => app.quit() },
      ]),
    );
  };
  word(lang);
  tray.on('click', showWindow);

  core.on('assisted:changed', (status) => {
    if (status.state !== 'expired') return;
    void notificationLanguage(core).then((lang) => {
      if (lang === null) return;
      // Worded here from the state, in the language the person chose (French when the settings cannot be read).
      const notice = new Notification({ title: say(lang, 'assisted.expired_title'), body: say(lang, 'assisted.expired') });
      notice.on('click', showWindow);
      notice.show();
    });
  });
  // The tray is held by this closure (and the caller holds it): an icon nobody references may be collected.
  return { reword: async () => word(await chosenLanguage(core)) };
}
