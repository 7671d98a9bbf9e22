import { useState } from 'react';
import { describeError } from '../../errors';
import { useApi } from '../../api/context';
import { useTranslation } from 'react-i18next';
import { StatusNote, type ActionStatus } from '../StatusNote';

/** Writes the static website into the data folder's « site-public » and says where. */
export function PublishButton() {
  const api = useApi();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const publish = () => {
    setBusy(true);
    setStatus(null);
    api
      .call('publish:site', {})
      .then(
        (result) => setStatus({ text: t('evidence.publishDone', { path: result.path }), error: false }),
        (error: unknown) => setStatus({ text: describeError(error, t).message, error: true }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      <button type="button" onClick={publish} disabled={busy}>
        {t('evidence.publish')}
      </button>
      <StatusNote status={status} />
    </>
  );
}
