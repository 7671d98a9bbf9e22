import { Notification } from 'electron';
import type { Alert } from '../shared/api.js';
import type { Core } from '../core/api/index.js';

/** Whether the person wants desktop notifications (the « Notifications » setting); on when it cannot be read. */
export async function notificationsWanted(core: Core): Promise<boolean> {
  if (!Notification.isSupported()) return false;
  return (await core.api['settings:get'](undefined).catch(() => null))?.notifications ?? true;
}

/** A desktop notification for each new alert (the core computes them, alerts/alerts.ts); once per situation. */
export function setupAlertNotifications(core: Core, showWindow: () => void): void {
  const shown = new Set<string>();
  core.on('alerts:changed', (alerts: Alert[]) => {
    void notificationsWanted(core).then((wanted) => {
      if (wanted) notify(alerts);
    });
  });
  function notify(alerts: Alert[]): void {
    for (const alert of alerts) {
      if (shown.has(alert.id)) continue;
      shown.add(alert.id);
      const notice = new Notification({ title: 'Guichets', body: alert.message });
      notice.on('click', showWindow);
      notice.show();
    }
  }
}
