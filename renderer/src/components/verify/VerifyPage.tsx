// « Vérifier les preuves »: the check `npm run cli -- verify` makes, from the app. One button, the progress and the
// estimated end the core tells, then the verdict with its figures, or each problem in the person's language. When
// the only problems are seals this PC remembers and the folder lost (a restore in place from an older backup), the
// restore can be acknowledged, at the PC only, then the folder is checked again.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../../electron/shared/api';
import { useApi, useLoaded } from '../../api/context';
import { describeError } from '../../errors';
import { ErrorNote } from '../ErrorNote';
import { ProgressLine } from '../ProgressLine';
import { RestoreDialog } from './RestoreDialog';
import { Verdict } from './Verdict';
import { startVerify, useVerifyState } from './verify-state';

export function VerifyPage() {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [scope, setScope] = useState('');
  const { running, result, failure } = useVerifyState();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState(false);
  const plannings = useLoaded(useCallback(() => api.call('plannings:list'), [api]));
  // Also a check started elsewhere (another window, the web page): its progress shows here too.
  useEffect(() => api.on('job:progress', (event) => event.job === 'verify' && setProgress(event)), [api]);

  const run = async () => {
    setProgress(null);
    await startVerify(api, scope);
    setProgress(null);
  };

  const labels = new Map((plannings.data ?? []).map((overview) => [overview.planning.id, overview.planning.label]));
  const underWay = running || (progress !== null && progress.done < progress.total);
  return (
    <section aria-labelledby={`${id}-title`} className="verify-page">
      <h2 id={`${id}-title`}>{t('verifyPage.title')}</h2>
      <p className="help">{t('verifyPage.intro')}</p>
      <div className="inline">
        <label htmlFor={`${id}-scope`}>{t('verifyPage.scope')}</label>
        <select id={`${id}-scope`} value={scope} onChange={(event) => setScope(event.target.value)} disabled={running}>
          <option value="">{t('verifyPage.all')}</option>
          {[...labels].map(([planningId, label]) => (
            <option key={planningId} value={planningId}>
              {label}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={() => void run()} disabled={running}>
          {t('verifyPage.run')}
        </button>
      </div>
      <div className="verify-progress" role="status">
        {underWay ? (
          <ProgressLine label={t('verifyPage.progress')} progress={progress} waiting={t('verifyPage.starting')} />
        ) : null}
      </div>
      {restored ? <p className="ok">{t('verifyPage.restoreDone')}</p> : null}
      {failure !== null ? <ErrorNote error={describeError(failure, t)} /> : null}
      {result ? (
        <Verdict result={result} planningLabel={result.planningId === null ? null : (labels.get(result.planningId) ?? result.planningId)} onRestore={() => setRestoring(true)} />
      ) : null}
      {restoring ? (
        <RestoreDialog
          onRecorded={() => {
            setRestored(true);
            void run();
          }}
          onClose={() => setRestoring(false)}
        />
      ) : null}
    </section>
  );
}
