import { useState, type SyntheticEvent } from 'react';
import { describeError } from '../../errors';
import { useApi } from '../../api/context';
import { useTranslation } from 'react-i18next';
import { StatusNote, type ActionStatus } from '../StatusNote';

/** Imports a La Cimade-layout CSV or another association's dossier, by its path on this computer. */
export function ImportForm() {
  const api = useApi();
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [association, setAssociation] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    api
      .call('import:file', { path: file, ...(association.trim() ? { association: association.trim() } : {}) })
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
        <label>
          {t('evidence.importPath')} <input value={file} onChange={(event) => setFile(event.target.value)} required />
        </label>{' '}
        <label>
          {t('evidence.importAssociation')} <input value={association} onChange={(event) => setAssociation(event.target.value)} />
        </label>{' '}
        <button type="submit" disabled={busy || file.trim() === ''}>
          {t('evidence.importRun')}
        </button>
      </form>
      <StatusNote status={status} />
    </details>
  );
}
