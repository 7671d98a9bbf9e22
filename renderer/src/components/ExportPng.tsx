import type { PlanningDetail } from '../../../electron/shared/api';
import { useTranslation } from 'react-i18next';
import { downloadBlob, splitPath } from '../export-files';
import { href } from '../router';
import { describeError } from '../errors';
import { useApi } from '../api/context';
import type { ActionStatus } from './StatusNote';

/**
 * The chart as the dossier and the published site carry it, drawn by the core in the page's language: on the
 * desktop written into the data folder's exports (then « Ouvrir le dossier »), in a browser downloaded. The
 * association's name is written on it: without one, the page says where to give it.
 */
export function ExportPng({ detail, onStatus }: { detail: PlanningDetail; onStatus: (status: ActionStatus | null) => void }) {
  const api = useApi();
  const { t } = useTranslation();

  const exportPng = async () => {
    onStatus(null);
    try {
      const settings = await api.call('settings:get');
      if (!settings.associationName.trim()) {
        onStatus({ text: t('associationRequired'), error: true, link: { href: href({ page: 'settings' }), text: t('goToSettings') } });
        return;
      }
      const lang = t('locale').startsWith('en') ? 'en' : 'fr';
      const written = await api.call('export:chartPng', { planningId: detail.planning.id, lang });
      const { file } = splitPath(written.path);
      if (api.desktop) {
        onStatus({
          text: t('pngSaved', splitPath(written.path)),
          error: false,
          action: { text: t('evidence.dossierDialog.open'), run: () => void api.showInFolder(written.path) },
        });
        return;
      }
      // Written by the host into the data folder's exports, then fetched with the session: never a bare link.
      downloadBlob(await api.download(written.path), file);
      onStatus({ text: t('pngDownloaded', { file }), error: false });
    } catch (error) {
      onStatus({ text: describeError(error, t).message, error: true });
    }
  };

  return (
    <button type="button" onClick={() => void exportPng()}>
      {t('exportPng')}
    </button>
  );
}
