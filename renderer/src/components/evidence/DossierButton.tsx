import { useEffect, useRef, useState } from 'react';
import type { DossierProgress, DossierResult } from '../../../../electron/shared/api';
import { describeError, wordMessage } from '../../errors';
import { useApi } from '../../api/context';
import { useTranslation } from 'react-i18next';
import { StatusNote, type ActionStatus } from '../StatusNote';
import { downloadBlob } from '../../chart/png';

/**
 * Writes a dossier de preuves (default period) into the data folder's exports, with a progress bar and Cancel; in a
 * browser, the ZIP and its PDF are then downloaded by the page, with its session.
 */
export function DossierButton({ planningIds, label }: { planningIds: string[]; label?: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const [progress, setProgress] = useState<DossierProgress | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [written, setWritten] = useState<DossierResult | null>(null);
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
    setWritten(null);
    api.call('dossier:create', { planningIds, jobId: id }).then(
      (result) => {
        setWritten(result);
        setStatus({ text: t('evidence.dossierDone', { path: result.path, pdf: result.pdfPath }), error: false });
      },
      (error: unknown) => setStatus({ text: describeError(error, t).message, error: true }),
    ).finally(() => {
      current.current = null;
      setJobId(null);
    });
  };

  const download = async (file: string) => {
    try {
      downloadBlob(await api.download(file), file.split(/[\\/]/).pop() ?? 'guichets-dossier');
    } catch (error) {
      setStatus({ text: describeError(error, t).message, error: true });
    }
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
          {progress ? wordMessage(t, progress.message) : ''}{' '}
          <button type="button" onClick={() => void api.call('dossier:cancel', { jobId })}>
            {t('evidence.cancel')}
          </button>
        </span>
      ) : null}
      <StatusNote status={status} />
      {written && !api.desktop ? (
        <span className="button-row">
          {[
            [written.path, t('evidence.dossierDownload')],
            [written.pdfPath, t('evidence.dossierDownloadPdf')],
          ].map(([file = '', label]) => (
            <button key={file} type="button" onClick={() => void download(file)}>
              {label}
            </button>
          ))}
        </span>
      ) : null}
    </>
  );
}
