// The assisted session of a captcha site (RDV-Préfecture): the person opens a visible browser window, types the
// security code there, and Guichets probes in that session until the site drops it. Guichets never types it.
import { useState } from 'react';
import type { AssistedSessionStatus, PlanningOverview } from '../../../electron/shared/api';
import { errorMessage } from '../api/client';
import { useApi } from '../api/context';
import { formatInstant } from '../format';
import { useI18n, type Messages } from '../i18n';
import { href } from '../router';

/** The core's French message; in English, the state said in English. */
function statusText(status: AssistedSessionStatus, t: Messages, language: string): string {
  return language === 'fr' && status.message ? status.message : t.assistedStates[status.state];
}

export function AssistedPanel({ status, onChanged }: { status: AssistedSessionStatus; onChanged: () => void }) {
  const api = useApi();
  const { t, language } = useI18n();
  const [busy, setBusy] = useState<'open' | 'close' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const expired = status.state === 'expired';

  const act = (kind: 'open' | 'close') => {
    setProblem(null);
    setBusy(kind);
    api
      .call(kind === 'open' ? 'assisted:open' : 'assisted:close', { planningId: status.planningId })
      .then(onChanged, (error: unknown) => setProblem(errorMessage(error)))
      .finally(() => setBusy(null));
  };

  return (
    <section aria-labelledby="assisted-title" className={expired ? 'assisted expired' : `assisted ${status.state}`}>
      <h3 id="assisted-title">{t.assistedTitle}</h3>
      {expired ? (
        <p role="alert" className="assisted-status">
          <strong>{statusText(status, t, language)}</strong>
        </p>
      ) : (
        <p role="status" className="assisted-status">
          <strong>{statusText(status, t, language)}</strong>
        </p>
      )}
      {status.solvedAt ? <p className="help">{t.assistedSolvedAt(formatInstant(status.solvedAt))}</p> : null}
      <p className="help">{t.assistedExplain}</p>
      <div className="button-row">
        <button type="button" className={status.state === 'ready' ? undefined : 'primary'} onClick={() => act('open')} disabled={busy !== null}>
          {t.assistedOpen}
        </button>
        {status.state !== 'closed' ? (
          <button type="button" onClick={() => act('close')} disabled={busy !== null}>
            {t.assistedClose}
          </button>
        ) : null}
        {busy === 'open' ? <span className="progress">{t.assistedOpening}</span> : null}
      </div>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

/** On the dashboard: the plannings whose session expired, each asking the person to type the code again. */
export function ExpiredSessionsNotice({ overviews }: { overviews: readonly PlanningOverview[] }) {
  const { t } = useI18n();
  const expired = overviews.filter((overview) => overview.assisted?.state === 'expired');
  if (expired.length === 0) return null;
  return (
    <section role="alert" aria-labelledby="expired-title" className="notice warning">
      <h3 id="expired-title">{t.assistedExpiredTitle}</h3>
      <ul>
        {expired.map(({ planning }) => (
          <li key={planning.id}>
            {t.assistedExpiredNotice(planning.label)}{' '}
            <a href={href({ page: 'planning', id: planning.id })}>{t.assistedExpiredAction}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
