import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import type { Alert } from '../../../../electron/shared/api';
import { OUTCOMES, type Outcome } from '../../../../electron/shared/domain';
import { describeError, wordMessage } from '../../errors';
import { formatInstant, formatLocalDateTime } from '../../format';
import { useApi, useLoaded } from '../../api/context';
import { useTranslation } from 'react-i18next';

/** The alerts of the core (alerts/alerts.ts), one line each, with a way to stop one kind for one planning. */
export function AlertLines() {
  const api = useApi();
  const { t } = useTranslation();
  const load = useCallback(() => api.call('alerts:list'), [api]);
  const { data, reload } = useLoaded(load, ['plannings:changed']);
  // The newest of the two wins: the list pushed after each probe, or the one reloaded after a change (a planning
  // stopped, an alert muted).
  const [pushed, setPushed] = useState<Alert[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => api.on('alerts:changed', setPushed), [api]);
  // A reload that answered replaces what was pushed before it (React's « previous render » pattern, no effect).
  const [loaded, setLoaded] = useState(data);
  if (data !== loaded) {
    setLoaded(data);
    setPushed(null);
  }
  const alerts = pushed ?? data ?? [];

  const mute = async (alert: Alert) => {
    setProblem(null);
    try {
      const settings = await api.call('settings:get');
      const key = alert.planningId ?? '';
      const kinds = settings.alertsMuted[key] ?? [];
      await api.call('settings:update', { alertsMuted: { ...settings.alertsMuted, [key]: [...new Set([...kinds, alert.kind])] } });
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
            {alertText(alert, t)}{' '}
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

/** The alert in the UI's language, from its kind and params (the core's French `message` for older cores). */
export function alertText(alert: Alert, t: TFunction): string {
  const p = alert.params;
  if (!p) return alert.message;
  const text = (key: string) => (typeof p[key] === 'string' ? p[key] : '');
  switch (alert.kind) {
    case 'dates_back': {
      const line = t('evidence.alertDatesBack', { planning: text('planning'), since: formatInstant(text('since')), days: Number(p.days ?? 0) });
      return text('firstSlot') ? `${line} ${t('evidence.alertFirstSlot', { slot: formatLocalDateTime(text('firstSlot')) })}` : line;
    }
    case 'failing': {
      const outcome = text('outcome');
      const said = (OUTCOMES as readonly string[]).includes(outcome) ? t(`outcomes.${outcome as Outcome}`) : outcome;
      return t('evidence.alertFailing', { planning: text('planning'), count: Number(p.count ?? 0), outcome: said });
    }
    case 'disk':
      // Two disk alerts: the disk nearly full, or the evidence beyond the budget of the settings.
      if (p.budgetGb !== undefined) return t('evidence.alertBudget', { evidenceGb: Number(p.evidenceGb ?? 0), budgetGb: Number(p.budgetGb) });
      return t('evidence.alertDisk', { freeGb: Number(p.freeGb ?? 0) });
    case 'seals':
      return t('evidence.alertSeals', { since: formatInstant(text('since')).slice(0, 10) });
    case 'backup':
      return p.never ? wordMessage(t, { code: 'backup.never' }) : wordMessage(t, { code: 'backup.late', params: { since: formatInstant(text('since')).slice(0, 10) } });
  }
}
