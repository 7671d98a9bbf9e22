import type { TFunction } from 'i18next';
import { useCallback, useEffect, useId, useState } from 'react';
import { ALERT_KINDS, type Alert } from '../../../../electron/shared/api';
import { describeError, wordMessage } from '../../errors';
import { useApi, useLoaded } from '../../api/context';
import { useTranslation } from 'react-i18next';
import { href } from '../../router';

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** The same order at every reload: by kind, then planning, then id. */
function ordered(alerts: readonly Alert[]): Alert[] {
  const label = (alert: Alert) => (typeof alert.params?.planning === 'string' ? alert.params.planning : '');
  return [...alerts].sort(
    (a, b) =>
      ALERT_KINDS.indexOf(a.kind) - ALERT_KINDS.indexOf(b.kind) ||
      collator.compare(label(a), label(b)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** « 12 plannings ont de nouveau des dates · 2 plannings sans réponse utilisable »: one clause per kind. */
export function alertsSummary(alerts: readonly Alert[], t: TFunction): string {
  return ALERT_KINDS.flatMap((kind) => {
    const count = alerts.filter((alert) => alert.kind === kind).length;
    return count > 0 ? [t(`evidence.alertsSummary.${kind}`, { count })] : [];
  }).join(' · ');
}

/**
 * The alerts of the core (alerts/alerts.ts) folded into one line above the table, which opens their list: each
 * alert with its planning, « Vu » (gone until its situation ends) and « Ne plus signaler » (that kind, for good).
 */
export function AlertLines() {
  const api = useApi();
  const { t } = useTranslation();
  const load = useCallback(() => api.call('alerts:list'), [api]);
  const { data, reload } = useLoaded(load, ['plannings:changed']);
  // The newest of the two wins: the list pushed after each probe, or the one reloaded after a change (a planning
  // stopped, an alert muted).
  const [pushed, setPushed] = useState<Alert[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const listId = useId();
  useEffect(() => api.on('alerts:changed', setPushed), [api]);
  // A reload that answered replaces what was pushed before it (React's « previous render » pattern, no effect).
  const [loaded, setLoaded] = useState(data);
  if (data !== loaded) {
    setLoaded(data);
    setPushed(null);
  }
  const alerts = ordered(pushed ?? data ?? []);

  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      reload();
    } catch (error) {
      setProblem(describeError(error, t).message);
    }
  };
  const mute = (alert: Alert) =>
    act(async () => {
      const settings = await api.call('settings:get');
      const key = alert.planningId ?? '';
      const kinds = settings.alertsMuted[key] ?? [];
      await api.call('settings:update', { alertsMuted: { ...settings.alertsMuted, [key]: [...new Set([...kinds, alert.kind])] } });
    });
  const seen = (alert: Alert) => act(() => api.call('alerts:markSeen', { id: alert.id }));

  if (alerts.length === 0 && !problem) return null;
  return (
    <section aria-label={t('evidence.alertsTitle')} className={open ? 'alerts open' : 'alerts'}>
      {alerts.length > 0 ? (
        <p className="alerts-line">
          <span aria-hidden="true">⚠ </span>
          {alertsSummary(alerts, t)}
          {' — '}
          <button type="button" className="link-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
            {open ? t('evidence.alertsHide') : t('evidence.alertsShow')}
          </button>
        </p>
      ) : null}
      {open && alerts.length > 0 ? (
        <ul id={listId} className="alerts-list">
          {alerts.map((alert) => (
            <li key={alert.id}>
              <span>{alertText(alert, t)}</span>{' '}
              {alert.planningId ? <a href={href({ page: 'planning', id: alert.planningId })}>{t('evidence.alertOpen')}</a> : null}{' '}
              <button type="button" onClick={() => void seen(alert)}>
                {t('evidence.alertSeen')}
              </button>{' '}
              <button type="button" onClick={() => void mute(alert)}>
                {t('evidence.alertMute')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? <p role="alert" className="error">{problem}</p> : null}
    </section>
  );
}

/** The alert in the UI's language, from the core's code (the same words as the desktop's notification). */
export function alertText(alert: Alert, t: TFunction): string {
  return wordMessage(t, alert.said);
}
