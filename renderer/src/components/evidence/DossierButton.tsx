import { useEffect, useRef, useState } from 'react';
import type { DossierProgress } from '../../../../electron/shared/api';
import { describeError } from '../../errors';
import { useApi } from '../../api/context';
import { useTranslation } from 'react-i18next';
import { StatusNote, type ActionStatus } from '../StatusNote';

/** Writes a dossier de preuves (default period) into the data folder's exports, with a progress bar and Cancel. */
export function DossierButton({ planningIds, label }: { planningIds: string[]; label?: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const [progress, setProgress] = useState<DossierProgress | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('dossier:progress', (event) => {
        if (event.jobId === current.current) setProgress(event);
      }),
    [api],
  );

  const start = () => {
    const id = `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    current.current = id;
    setJobId(id);
    setStatus(null);
    setProgress(null);
    api.call('dossier:create', { planningIds, jobId: id }).then(
      (result) => setStatus({ text: t('evidence.dossierDone', { path: result.path, pdf: result.pdfPath }), error: false }),
      (error: unknown) => setStatus({ text: describeError(error, t).message, error: true }),
    ).finally(() => {
      current.current = null;
      setJobId(null);
    });
  };

  return (
    <>
      <button type="button" onClick={start} disabled={jobId !== null} title={t('evidence.dossierHint')}>
        {label ?? t('evidence.dossier')}
      </button>
      {jobId ? (
        <span className="dossier-progress">
          <progress
            aria-label={t('evidence.dossierProgress')}
            max={progress && progress.total > 0 ? progress.total : undefined}
            value={progress && progress.total > 0 ? progress.done : undefined}
          />{' '}
          {progress?.message ?? ''}{' '}
          <button type="button" onClick={() => void api.call('dossier:cancel', { jobId })}>
            {t('evidence.cancel')}
          </button>
        </span>
      ) : null}
      <StatusNote status={status} />
    </>
  );
}
