import { useState } from 'react';
import { describeError } from '../errors';
import { useApi } from '../api/context';
import { csvExportUrl } from '../api/http-bridge';
import { StatusNote, type ActionStatus } from './StatusNote';
import { useTranslation } from 'react-i18next';

/** The web host streams the CSV as an attachment; under Electron the main process asks where to save it. */
export function ExportCsv({ planningIds, label }: { planningIds?: string[]; label?: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const text = label ?? t('exportCsv');

  if (!api.desktop) {
    return (
      <a className="button" href={csvExportUrl(planningIds)} download>
        {text}
      </a>
    );
  }
  const save = () => {
    setStatus(null);
    api.saveCsv(planningIds).then(
      (result) => result && setStatus({ text: t('csvSaved', { path: result.path, rows: result.rows }), error: false }),
      (error: unknown) => setStatus({ text: describeError(error, t).message, error: true }),
    );
  };
  return (
    <>
      <button type="button" onClick={save}>
        {text}
      </button>
      <StatusNote status={status} />
    </>
  );
}
