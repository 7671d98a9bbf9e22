import { useState } from 'react';
import { errorMessage } from '../api/client';
import { useApi } from '../api/context';
import { csvExportUrl } from '../api/httpBridge';
import { StatusNote, type ActionStatus } from './StatusNote';
import { useI18n } from '../i18n';

/** The web host streams the CSV as an attachment; under Electron the main process asks where to save it. */
export function ExportCsv({ planningIds, label }: { planningIds?: string[]; label?: string }) {
  const api = useApi();
  const { t } = useI18n();
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const text = label ?? t.exportCsv;

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
      (result) => result && setStatus({ text: t.csvSaved(result.path, result.rows), error: false }),
      (error: unknown) => setStatus({ text: errorMessage(error), error: true }),
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
