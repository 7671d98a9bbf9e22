import { useState, type SyntheticEvent } from 'react';
import { describeError } from '../../errors';
import { useApi } from '../../api/context';
import { useTranslation } from 'react-i18next';
import { StatusNote, type ActionStatus } from '../StatusNote';

/**
 * Imports a La Cimade-layout CSV or another association's dossier: on the desktop the file chosen in the system's
 * dialog, in a browser the file picked in the page, sent as it is (never a path typed on this computer).
 */
export function ImportForm() {
  const api = useApi();
  const { t } = useTranslation();
  const [file, setFile] = useState<string | File | null>(null);
  const [association, setAssociation] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (file === null) return;
    setBusy(true);
    setStatus(null);
    api
      .importFile(file, association.trim() ? { association: association.trim() } : {})
      .then(
        (result) => setStatus({ text: t('evidence.importDone', { added: result.added, skipped: result.skipped }), error: false }),
        (error: unknown) => setStatus({ text: describeError(error, t).message, error: true }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <details className="import-form">
      <summary>{t('evidence.importTitle')}</summary>
      <p>{t('evidence.importHint')}</p>
      <form onSubmit={submit}>
        {api.desktop ? (
          <>
            <label>
              {t('evidence.importPath')} <input value={typeof file === 'string' ? file : ''} readOnly />
            </label>{' '}
            <button type="button" onClick={() => void api.chooseImportFile().then((chosen) => chosen && setFile(chosen))}>
              {t('evidence.importChoose')}
            </button>
          </>
        ) : (
          <label>
            {t('evidence.importPath')}{' '}
            <input type="file" accept=".csv,.zip,text/csv,application/zip" onChange={(event) => setFile(event.target.files?.[0] ?? null)} required />
          </label>
        )}{' '}
        <label>
          {t('evidence.importAssociation')} <input value={association} onChange={(event) => setAssociation(event.target.value)} />
        </label>{' '}
        <button type="submit" disabled={busy || file === null}>
          {t('evidence.importRun')}
        </button>
      </form>
      <StatusNote status={status} />
    </details>
  );
}
