// The end of a dossier de preuves: what was written, then its downloads (web page) or « Ouvrir le dossier » (desktop).
import { useTranslation } from 'react-i18next';
import type { DossierResult } from '../../../../electron/shared/api';
import { useApi } from '../../api/context';
import { splitPath } from '../../export-files';

export function Written({ result, onDownload }: { result: DossierResult; onDownload: (file: string) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const { file, folder } = splitPath(result.path);
  return (
    <>
      <p>{t('evidence.dossierDialog.written', { file, probes: result.probes, screenshots: result.screenshots })}</p>
      {result.altered.length > 0 ? <p className="error">{t('evidence.dossierDialog.altered', { count: result.altered.length })}</p> : null}
      {api.desktop ? (
        <p>
          {t('evidence.dossierDialog.where', { folder })}{' '}
          <button type="button" onClick={() => void api.showInFolder(result.path)}>
            {t('evidence.dossierDialog.open')}
          </button>
        </p>
      ) : (
        <>
          <p className="help">{t('evidence.dossierDialog.whereWeb')}</p>
          <p className="button-row">
            <button type="button" onClick={() => onDownload(result.path)}>
              {t('evidence.dossierDownload')}
            </button>
            <button type="button" onClick={() => onDownload(result.pdfPath)}>
              {t('evidence.dossierDownloadPdf')}
            </button>
          </p>
        </>
      )}
    </>
  );
}
