import { useTranslation } from 'react-i18next';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { csvExportUrl } from '../api/http-bridge';
import type { Envelope } from '../../../electron/shared/api';
import { describeError } from '../errors';
import { csvPeriod, exportFileName } from '../export-files';
import { downloadBlob } from '../chart/png';
import { todayInParis } from '../format';
import type { ActionStatus } from './StatusNote';

interface ExportCsvProps {
  planningIds?: string[];
  /** The planning's label for the file name; « plannings » when several are exported. */
  subject?: string;
  label?: string;
  /** The page shows the outcome on a line of its own, under the buttons, so that they do not move. */
  onStatus: (status: ActionStatus | null) => void;
}

/**
 * In the desktop app a save dialog asks where the CSV goes; in a browser it is downloaded under a name that
 * says the planning and the period. Either way the page then says which file it is and where it went.
 */
export function ExportCsv({ planningIds, subject = 'plannings', label, onStatus }: ExportCsvProps) {
  const api = useApi();
  const { t } = useTranslation();

  const save = async () => {
    onStatus(null);
    try {
      if (api.desktop) {
        const result = await api.saveCsv(planningIds);
        onStatus({ text: result ? t('csvSaved', { path: result.path, rows: result.rows }) : t('exportCancelled'), error: false });
        return;
      }
      const response = await fetch(csvExportUrl(planningIds));
      if (!response.ok) {
        const { error } = (await response.json()) as Extract<Envelope<never>, { ok: false }>;
        throw new ApiClientError(error.code, error.message, error.field, error.params);
      }
      const bytes = await response.arrayBuffer();
      const today = todayInParis();
      const period = csvPeriod(new TextDecoder().decode(bytes)) ?? { from: today, to: today };
      const file = exportFileName(subject, period.from, period.to, 'csv');
      downloadBlob(new Blob([bytes], { type: 'text/csv;charset=utf-8' }), file);
      onStatus({ text: t('csvDownloaded', { file }), error: false });
    } catch (error) {
      onStatus({ text: describeError(error, t).message, error: true });
    }
  };

  return (
    <button type="button" onClick={() => void save()}>
      {label ?? t('exportCsv')}
    </button>
  );
}
