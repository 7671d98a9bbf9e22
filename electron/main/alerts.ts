import { Notification } from 'electron';
import type { Alert } from '../shared/api.js';
import type { MessageLang } from '../shared/messages/index.js';
import type { Core } from '../core/api/index.js';
import { wordCore } from '../core/messages.js';

/**
 * The language of a desktop notification, from one reading of the settings; null when the person turned them off
 * (« Notifications ») or the system has none. On, and in French, when the settings cannot be read.
 */
export async function notificationLanguage(core: Core): Promise<MessageLang | null> {
  if (!Notification.isSupported()) return null;
  const settings = await core.api['settings:get'](undefined).catch(() => null);
  return (settings?.notifications ?? true) ? (settings?.language ?? 'fr') : null;
}

/** The language the person chose in the settings, read now (French when they cannot be read). */
export async function chosenLanguage(core: Core): Promise<MessageLang> {
  return (await core.api['settings:get'](undefined).catch(() => null))?.language ?? 'fr';
}

/**
 * The language of the system (Electron's `app.getLocale()`, "en-GB", "fr"), for what is said before the settings
 * can be read: English on an English system, French otherwise, as the settings' own default.
 */
export function systemLanguage(locale: string): MessageLang {
  return /^en\b/i.test(locale) ? 'en' : 'fr';
}

/** A desktop notification for each new alert (the core computes them, alerts/alerts.ts); once per situation. */
export function setupAlertNotifications(core: Core, showWindow: () => void): void {
  const shown = new Set<string>();
  core.on('alerts:changed', (alerts: Alert[]) => {
    void notificationLanguage(core).then((lang) => {
      if (lang !== null) notify(alerts, lang);
    });
  });
  function notify(alerts: Alert[], lang: MessageLang): void {
    for (const alert of alerts) {
      if (shown.has(alert.id)) continue;
      shown.add(alert.id);
      // Worded here from the alert's code, as the screens word their line, in the language the person chose.
      const notice = new Notification({ title: 'Guichets', body: wordCore(alert.said, lang) });
      notice.on('click', showWindow);
      notice.show();
    }
  }
}
