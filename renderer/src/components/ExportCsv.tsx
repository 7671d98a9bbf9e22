import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { describeError } from '../errors';
import { csvPeriod, downloadBlob, exportFileName, splitPath } from '../export-files';
import { todayInParis } from '../format';
import type { ActionStatus } from './StatusNote';

interface ExportCsvProps {
  planningIds?: string[];
  /** The planning's label for the file name; « plannings » when several are exported. */
  subject?: string;
  label?: string;
  /** The period of the data as the month bars know it: the desktop's save dialog offers the web host's name. */
  period?: { from: string; to: string } | null;
  /** The page shows the outcome on a line of its own, under the buttons, so that they do not move. */
  onStatus: (status: ActionStatus | null) => void;
}

/**
 * In the desktop app a save dialog asks where the CSV goes; in a browser it is downloaded under a name that
 * says the planning and the period. Either way the page then says which file it is and where it went.
 */
export function ExportCsv({ planningIds, subject = 'plannings', label, period, onStatus }: ExportCsvProps) {
  const api = useApi();
  const { t } = useTranslation();

  const save = async () => {
    onStatus(null);
    try {
      if (api.desktop) {
        const today = todayInParis();
        const named = period ?? { from: today, to: today };
        const result = await api.saveCsv(planningIds, exportFileName(subject, named.from, named.to, 'csv'));
        onStatus({ text: result ? t('csvSaved', { ...splitPath(result.path), rows: result.rows }) : t('exportCancelled'), error: false });
        return;
      }
      // Written by the host into the data folder's exports, then fetched with the session: never a bare link.
      const written = await api.call('export:csv', planningIds ? { planningIds } : {});
      const bytes = await (await api.download(written.path)).arrayBuffer();
      const today = todayInParis();
      const inside = csvPeriod(new TextDecoder().decode(bytes)) ?? { from: today, to: today };
      const file = exportFileName(subject, inside.from, inside.to, 'csv');
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
