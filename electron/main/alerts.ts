import { Notification } from 'electron';
import type { Alert } from '../shared/api.js';
import type { Core } from '../core/api/create-core.js';

/** A desktop notification for each new alert (the core computes them, alerts/alerts.ts); once per situation. */
export function setupAlertNotifications(core: Core, showWindow: () => void): void {
  const shown = new Set<string>();
  core.on('alerts:changed', (alerts: Alert[]) => {
    if (!Notification.isSupported()) return;
    for (const alert of alerts) {
      if (shown.has(alert.id)) continue;
      shown.add(alert.id);
      const notice = new Notification({ title: 'Guichets', body: alert.message });
      notice.on('click', showWindow);
      notice.show();
    }
  });
}
