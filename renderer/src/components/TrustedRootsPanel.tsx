import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedRootInfo } from '../../../electron/shared/api';
import { useApi } from '../api/context';
import { describeError } from '../errors';
import { colonFingerprint } from '../format';
import { StatusNote, type ActionStatus } from './StatusNote';

/**
 * The time-stamping authorities' roots this PC trusts: the ones Guichets ships, the ones added here, the ones of
 * GUICHETS_TSA_ROOTS. A root is added from a PEM file on the desktop only (a web page never chooses what is
 * trusted); the person is told to compare its fingerprint with the authority's published one.
 */
export function TrustedRootsPanel() {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const [roots, setRoots] = useState<TrustedRootInfo[] | null>(null);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () =>
      api.call('seals:roots').then(setRoots, (error: unknown) => {
        setStatus({ text: describeError(error, t).message, error: true });
      }),
    [api, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setStatus(null);
    try {
      const added = await api.call('seals:addRoot', { pem: await file.text() });
      setStatus({ text: t('rootAdded', { name: added.name, sha256: colonFingerprint(added.sha256) }), error: false });
      await load();
    } catch (error) {
      setStatus({ text: describeError(error, t).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (sha256: string) => {
    setBusy(true);
    setStatus(null);
    try {
      await api.call('seals:removeRoot', { sha256 });
      setRemoving(null);
      setStatus({ text: t('rootRemoved'), error: false });
      await load();
    } catch (error) {
      setStatus({ text: describeError(error, t).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-roots`} className="settings-roots">
      <h3 id={`${id}-roots`}>{t('rootsTitle')}</h3>
      <p className="help">{t('rootsHelp')}</p>
      {roots === null ? null : (
        <table className="roots-table">
          <caption className="visually-hidden">{t('rootsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rootName')}</th>
              <th scope="col">{t('rootFingerprint')}</th>
              <th scope="col">{t('rootSource')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rootActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {roots.map((root) => (
              <tr key={`${root.source}-${root.sha256}`}>
                <td>{root.name}</td>
                <td>
                  <code className="fingerprint">{colonFingerprint(root.sha256)}</code>
                </td>
                <td>{t(`rootSources.${root.source}`)}</td>
                <td>
                  {root.source !== 'user' || !api.desktop ? null : removing === root.sha256 ? (
                    <span className="button-row">
                      <button type="button" className="danger" disabled={busy} onClick={() => void remove(root.sha256)}>
                        {t('rootRemoveConfirm')}
                      </button>
                      <button type="button" disabled={busy} onClick={() => setRemoving(null)}>
                        {t('cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => setRemoving(root.sha256)} aria-label={t('rootRemoveNamed', { name: root.name })}>
                      {t('rootRemove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {api.desktop ? (
        <div className="button-row">
          <label htmlFor={`${id}-file`}>{t('rootAdd')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".pem,.crt,.cer,application/x-pem-file"
            disabled={busy}
            onChange={(event) => void add(event)}
          />
          <StatusNote status={status} />
        </div>
      ) : (
        <>
          <p className="help">{t('rootsDesktopOnly')}</p>
          <StatusNote status={status} />
        </>
      )}
    </section>
  );
}
