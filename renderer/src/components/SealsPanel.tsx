import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { useAppInfo, useReloadAppInfo } from '../board/app-info';
import { describeError, wordMessage } from '../errors';
import { groupedFingerprint } from '../format';
import { StatusNote, type ActionStatus } from './StatusNote';

/** The installation key's fingerprint, the sandbox when it is off, and sealing on demand. */
export function SealsPanel() {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  // The app's one copy of app:info (App.tsx): no fetch of its own.
  const info = useAppInfo();
  const reloadInfo = useReloadAppInfo();
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const seal = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const result = await api.call('seals:create');
      const stamped = result.stampedBy ? t('sealStampedBy', { tsa: result.stampedBy }) : t('sealNotStamped');
      // Why an authority gave no token (unreachable, refused…), worded here in the screen's language.
      const failures = result.stampFailures.map((failure) => wordMessage(t, failure));
      setStatus({ text: [t('sealDone', { name: result.name, probes: result.probes, stamped }), ...failures].join(' '), error: false });
      reloadInfo();
    } catch (error) {
      setStatus({ text: describeError(error, t).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  const key = info?.installationKey ?? null;
  const sandbox = info?.sandbox;
  return (
    <section aria-labelledby={`${id}-seals`} className="settings-seals">
      {sandbox && !sandbox.enabled && (
        <div role="note" className="notice warning">
          <p>{t('sandboxOff')}</p>
          {sandbox.reason ? <p>{wordMessage(t, sandbox.reason)}</p> : null}
        </div>
      )}
      <h3 id={`${id}-seals`}>{t('sealsTitle')}</h3>
      <p className="help">{t('sealsHelp')}</p>
      <p>
        {t('installationKey')} : <code>{key ? groupedFingerprint(key) : t('installationKeyNone')}</code>
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void seal()} disabled={busy}>
          {busy ? t('sealing') : t('sealNow')}
        </button>
        <StatusNote status={status} />
      </div>
    </section>
  );
}
