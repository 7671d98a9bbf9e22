// « Accepter la restauration ? »: which seals this PC gives up (their date and probes) and which one it relies on
// from then on, in plain words, asked of the core before anything is recorded; recorded only by the button.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreAcceptanceInfo } from '../../../../electron/shared/api';
import { useApi } from '../../api/context';
import { describeError } from '../../errors';
import { formatInstant } from '../../format';
import { ErrorNote } from '../ErrorNote';
import { useModalDialog } from '../use-modal-dialog';

export function RestoreDialog({ onRecorded, onClose }: { onRecorded: () => void; onClose: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const dialog = useModalDialog(onClose);
  const [preview, setPreview] = useState<RestoreAcceptanceInfo | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('verify:acceptRestore', {}).then(
      (answer) => live && setPreview(answer),
      (error: unknown) => live && setFailure(error),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const confirm = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await api.call('verify:acceptRestore', { confirm: true });
      onRecorded();
      dialog.current?.close();
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };

  const seal = (info: { created: string; probes: number }) => ({ created: formatInstant(info.created), probes: info.probes });
  return (
    <dialog ref={dialog} role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={preview ? `${id}-explain` : undefined} className="confirm restore-dialog">
      <h2 id={`${id}-title`}>{t('verifyPage.restoreTitle')}</h2>
      {preview ? (
        <>
          <p>{t('verifyPage.restoreGaveUp', { count: preview.gaveUp.length })}</p>
          <ul>
            {preview.gaveUp.map((given) => (
              <li key={given.name}>{t('verifyPage.restoreSeal', seal(given))}</li>
            ))}
          </ul>
          <p>{t('verifyPage.restoreRelied', seal(preview.anchoredTo))}</p>
          <p id={`${id}-explain`}>{t('verifyPage.restoreExplain')}</p>
        </>
      ) : failure === null ? (
        <p role="status">{t('verifyPage.restoreLoading')}</p>
      ) : null}
      {failure !== null ? <ErrorNote error={describeError(failure, t)} /> : null}
      <div className="button-row">
        <button type="button" className="danger" disabled={!preview || saving} onClick={() => void confirm()}>
          {t('verifyPage.restoreConfirm')}
        </button>
        <button type="button" onClick={() => dialog.current?.close()} autoFocus>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
