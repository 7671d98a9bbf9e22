// « Vérifier les preuves »: the check `npm run cli -- verify` makes, from the app. One button, the progress and the
// estimated end the core tells with « Arrêter la vérification » beside them (a check started in another window or
// the web page too, stopped by the id its progress tells), then the verdict with its figures, or
// each problem in the person's language; a check stopped says that nothing was concluded and offers to start again. When
// the only problems are seals this PC remembers and the folder lost (a restore in place from an older backup), the
// restore can be acknowledged, at the PC only, then the folder is checked again.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../../electron/shared/api';
import type { CoreMessage } from '../../../../electron/shared/messages';
import { useApi, useLoaded } from '../../api/context';
import { describeError, wordMessage } from '../../errors';
import { ErrorNote } from '../ErrorNote';
import { ProgressLine } from '../ProgressLine';
import { RestoreDialog } from './RestoreDialog';
import { Verdict } from './Verdict';
import { startVerify, stopVerify, stopWatched, useVerifyState, verifyRunning, watchedStopped } from './verify-state';

export function VerifyPage() {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [scope, setScope] = useState('');
  const { running, stopping, result, stopped, failure } = useVerifyState();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState(false);
  const plannings = useLoaded(useCallback(() => api.call('plannings:list'), [api]));
  // The id of a check started elsewhere (another window, the web page), told by its progress, which shows here too:
  // « Arrêter » stops it by that id. Null for the check this page waits on, whose last progress stays once it ended.
  const [watchedId, setWatchedId] = useState<string | null>(null);
  /** A check this page only watched ended on an error elsewhere: why nothing was concluded. */
  const [endedElsewhere, setEndedElsewhere] = useState<CoreMessage | null>(null);
  useEffect(
    () =>
      api.on('job:progress', (event) => {
        if (event.job !== 'verify') return;
        // A check that ended without a verdict: no progress left to show; a watching page says why.
        if (event.ended !== undefined) {
          setProgress(null);
          setWatchedId(null);
          if (event.ended === 'stopped') watchedStopped();
          else if (!verifyRunning()) setEndedElsewhere(event.message);
          return;
        }
        setEndedElsewhere(null);
        setWatchedId(verifyRunning() ? null : (event.jobId ?? null));
        setProgress(event);
      }),
    [api],
  );

  const run = async () => {
    setProgress(null);
    setEndedElsewhere(null);
    await startVerify(api, scope);
    setProgress(null);
  };

  const labels = new Map((plannings.data ?? []).map((overview) => [overview.planning.id, overview.planning.label]));
  const underWay = running || (progress !== null && progress.done < progress.total);
  const watched = !running && underWay ? watchedId : null;
  const stoppable = running || watched !== null;
  const restartable = !stoppable && stopped;
  // The stop button goes with the check: the keyboard lands on « Relancer » rather than on nothing.
  const stopPressed = useRef(false);
  const restart = useRef<HTMLButtonElement>(null);
  const stop = async () => {
    stopPressed.current = true;
    if (watched === null) return stopVerify(api);
    await stopWatched(api, watched);
    setProgress(null);
  };
  useEffect(() => {
    if (restartable && stopPressed.current) restart.current?.focus();
    if (restartable) stopPressed.current = false;
  }, [restartable]);
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
      <div className="verify-progress">
        <div role="status">
          {underWay ? (
            <ProgressLine label={t('verifyPage.progress')} progress={progress} waiting={t('verifyPage.starting')} />
          ) : stopped ? (
            <p className="verify-stopped">{wordMessage(t, { code: 'verify.cancelled' })}</p>
          ) : endedElsewhere !== null ? (
            <p className="verify-stopped">{wordMessage(t, endedElsewhere)}</p>
          ) : null}
        </div>
        {stoppable ? (
          <button type="button" disabled={stopping} onClick={() => void stop()}>
            {t('verifyPage.stop')}
          </button>
        ) : stopped ? (
          <button type="button" ref={restart} onClick={() => void run()}>
            {t('verifyPage.restart')}
          </button>
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
