// The assisted session of a captcha site (RDV-Préfecture): the person opens a visible browser window, types the
// security code there, and Guichets probes in that session until the site drops it. Guichets never types it.
import { useState } from 'react';
import type { AssistedSessionStatus, PlanningOverview } from '../../../electron/shared/api';
import { describeError, type ShownError } from '../errors';
import { ErrorNote } from './ErrorNote';
import { useApi } from '../api/context';
import { formatInstant } from '../format';
import { useTranslation } from 'react-i18next';
import { href } from '../router';


export function AssistedPanel({ status, onChanged }: { status: AssistedSessionStatus; onChanged: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'open' | 'close' | null>(null);
  const [problem, setProblem] = useState<ShownError | null>(null);
  const expired = status.state === 'expired';

  const act = (kind: 'open' | 'close') => {
    setProblem(null);
    setBusy(kind);
    api
      .call(kind === 'open' ? 'assisted:open' : 'assisted:close', { planningId: status.planningId })
      .then(onChanged, (error: unknown) => setProblem(describeError(error, t)))
      .finally(() => setBusy(null));
  };

  return (
    <section aria-labelledby="assisted-title" className={expired ? 'assisted expired' : `assisted ${status.state}`}>
      <h3 id="assisted-title">{t('assistedTitle')}</h3>
      {expired ? (
        <p role="alert" className="assisted-status">
          <strong>{t(`assistedStates.${status.state}`)}</strong>
        </p>
      ) : (
        <p role="status" className="assisted-status">
          <strong>{t(`assistedStates.${status.state}`)}</strong>
        </p>
      )}
      {status.solvedAt ? <p className="help">{t('assistedSolvedAt', { when: formatInstant(status.solvedAt) })}</p> : null}
      <p className="help">{t('assistedExplain')}</p>
      <div className="button-row">
        <button type="button" className={status.state === 'ready' ? undefined : 'primary'} onClick={() => act('open')} disabled={busy !== null}>
          {t('assistedOpen')}
        </button>
        {status.state !== 'closed' ? (
          <button type="button" onClick={() => act('close')} disabled={busy !== null}>
            {t('assistedClose')}
          </button>
        ) : null}
        {busy === 'open' ? <span className="progress">{t('assistedOpening')}</span> : null}
      </div>
      {problem ? <ErrorNote error={problem} /> : null}
    </section>
  );
}

/** On the dashboard: the plannings whose session expired, each asking the person to type the code again. */
export function ExpiredSessionsNotice({ overviews }: { overviews: readonly PlanningOverview[] }) {
  const { t } = useTranslation();
  const expired = overviews.filter((overview) => overview.assisted?.state === 'expired');
  if (expired.length === 0) return null;
  return (
    <section role="alert" aria-labelledby="expired-title" className="notice warning">
      <h3 id="expired-title">{t('assistedExpiredTitle')}</h3>
      <ul>
        {expired.map(({ planning }) => (
          <li key={planning.id}>
            {t('assistedExpiredNotice', { label: planning.label })}{' '}
            <a href={href({ page: 'planning', id: planning.id })}>{t('assistedExpiredAction')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
