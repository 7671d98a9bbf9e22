// « Sauvegarde quotidienne » in the settings: the folder the data folder is copied to and checked once a day, the
// date of the last good backup (as the data folder recorded it, never as a copy says), and (desktop only) choosing
// the folder and backing up now, with the progress and the estimated end the core tells.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupResult, BackupState, JobProgress } from '../../../electron/shared/api';
import { useApi, useLoaded } from '../api/context';
import { describeError, wordMessage } from '../errors';
import { formatInstant } from '../format';
import { ErrorNote } from './ErrorNote';

export function BackupPanel() {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setFolder] = useState<string | null | undefined>(undefined);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<BackupResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const loaded = useLoaded(
    useCallback(async () => {
      const [settings, status] = await Promise.all([api.call('settings:get', undefined), api.call('backup:status', undefined)]);
      return { folder: settings.backupDir, status };
    }, [api]),
  );
  const folder = chosen === undefined ? (loaded.data?.folder ?? null) : chosen;
  const state: BackupState | null = loaded.data?.status ?? null;
  useEffect(() => api.on('job:progress', (event) => event.job === 'backup' && setProgress(event)), [api]);

  const choose = async () => {
    setFailure(null);
    const chosen = await api.chooseFolder();
    if (!chosen) return;
    try {
      setFolder((await api.call('settings:update', { backupDir: chosen })).backupDir);
    } catch (error) {
      setFailure(error);
    }
  };
  const stopDaily = async () => {
    setFailure(null);
    try {
      setFolder((await api.call('settings:update', { backupDir: null })).backupDir);
    } catch (error) {
      setFailure(error);
    }
  };
  const backupNow = async () => {
    setFailure(null);
    setResult(null);
    setRunning(true);
    try {
      setResult(await api.call('backup:run', {}));
      loaded.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  const last = state?.lastGood;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={`${id}-folder`}>{t('backup.label')}</label>
      <div className="inline">
        <input id={`${id}-folder`} type="text" readOnly value={folder ?? ''} placeholder={t('backup.none')} aria-describedby={`${id}-help`} />
        {api.desktop ? (
          <>
            <button type="button" onClick={() => void choose()} disabled={running}>
              {t('backup.choose')}
            </button>
            {folder ? (
              <>
                <button type="button" onClick={() => void backupNow()} disabled={running}>
                  {t('backup.now')}
                </button>
                <button type="button" onClick={() => void stopDaily()} disabled={running}>
                  {t('backup.stop')}
                </button>
              </>
            ) : null}
          </>
        ) : null}
      </div>
      {failure !== null || loaded.error !== null ? <ErrorNote id={errorId} error={describeError(failure ?? loaded.error, t)} className="field-error" /> : null}
      <p role="status" className={result && !result.good ? 'error' : 'ok'}>
        {running && progress
          ? wordMessage(t, progress.message)
          : running
            ? t('backup.running')
            : result
              ? wordMessage(
                  t,
                  result.refused
                    ? { code: 'backup.refused', params: { dest: result.dest, file: result.refused.file, why: result.refused.why } }
                    : result.good
                      ? { code: 'backup.done', params: { dest: result.dest, files: result.copiedFiles, probes: result.checkedProbes } }
                      : { code: 'backup.not_good', params: { dest: result.dest, problems: result.problems } },
                )
              : null}
      </p>
      <p>{last ? t('backup.lastGood', { at: formatInstant(last.at), dest: last.dest, probes: last.probes }) : t('backup.never')}</p>
      <p id={`${id}-help`} className="help">
        {t('backup.help')} {api.desktop ? null : t('backup.webOnly')}
      </p>
    </div>
  );
}
