import { useCallback, useEffect, useState } from 'react';
import type { Alert } from '../../../../electron/shared/api';
import { describeError } from '../../errors';
import { useApi, useLoaded } from '../../api/context';
import { useTranslation } from 'react-i18next';

/** The alerts of the core (alerts/alerts.ts), one line each, with a way to stop one kind for one planning. */
export function AlertLines() {
  const api = useApi();
  const { t } = useTranslation();
  const load = useCallback(() => api.call('alerts:list'), [api]);
  const { data, reload } = useLoaded(load, ['plannings:changed']);
  // After each probe the core pushes the alerts afresh; until then, those loaded.
  const [pushed, setPushed] = useState<Alert[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => api.on('alerts:changed', setPushed), [api]);
  const alerts = pushed ?? data ?? [];

  const mute = async (alert: Alert) => {
    setProblem(null);
    try {
      const settings = await api.call('settings:get');
      const key = alert.planningId ?? '';
      const kinds = settings.alertsMuted[key] ?? [];
      await api.call('settings:update', { alertsMuted: { ...settings.alertsMuted, [key]: [...new Set([...kinds, alert.kind])] } });
      setPushed(null);
      reload();
    } catch (error) {
      setProblem(describeError(error, t).message);
    }
  };

  if (alerts.length === 0 && !problem) return null;
  return (
    <section aria-label={t('evidence.alertsTitle')} className="alerts">
      <ul>
        {alerts.map((alert) => (
          <li key={alert.id} role="status">
            {alert.message}{' '}
            <button type="button" onClick={() => void mute(alert)}>
              {t('evidence.alertMute')}
            </button>
          </li>
        ))}
      </ul>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
    </section>
  );
}
