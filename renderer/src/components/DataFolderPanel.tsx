// The data folder in the settings: where it is, and (desktop only) « Déplacer… » with its contents. The web host
// never chooses a path on the PC: there the panel says where moving is done.
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataFolderMoveResult } from '../../../electron/shared/api';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { useAppInfo, useReloadAppInfo } from '../board/app-info';
import { describeError, type ShownError } from '../errors';
import type { Messages } from '../i18n';
import { ErrorNote } from './ErrorNote';

type MoveRule = keyof Messages['dataFolderMove']['errors'];

/** A refused or failed move in the person's words (from its rule), the core's sentence with the path folded. */
export function moveError(error: unknown, t: TFunction): ShownError {
  const rule = error instanceof ApiClientError ? error.params.rule : undefined;
  const known: Record<string, string> = t('dataFolderMove.errors', { returnObjects: true });
  if (!(error instanceof ApiClientError) || typeof rule !== 'string' || !(rule in known)) return { ...describeError(error, t), field: ['to'] };
  const sized = rule === 'no_space' && typeof error.params.needed === 'number';
  const key: MoveRule = sized ? 'no_space_sized' : (rule as MoveRule);
  return { message: t(`dataFolderMove.errors.${key}`, error.params), field: ['to'], detail: error.message || null };
}

export function DataFolderPanel() {
  const api = useApi();
  const { t } = useTranslation();
  const id = useId();
  const info = useAppInfo();
  const reloadInfo = useReloadAppInfo();
  const input = useRef<HTMLInputElement>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [moved, setMoved] = useState<DataFolderMoveResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  // A refused folder is said by the field, and the focus goes there.
  useEffect(() => {
    if (failure !== null) input.current?.focus();
  }, [failure]);

  const move = async () => {
    setFailure(null);
    setMoved(null);
    const to = await api.chooseFolder();
    if (!to) return;
    setMoving(to);
    try {
      setMoved(await api.call('app:moveDataFolder', { to }));
      reloadInfo();
    } catch (error) {
      setFailure(error);
    } finally {
      setMoving(null);
    }
  };

  const errorId = `${id}-error`;
  const doneText = (result: DataFolderMoveResult) =>
    [
      t('dataFolderMove.done', { to: result.to, files: result.files }),
      result.oldFolder === 'removed' ? t('dataFolderMove.oldRemoved', { from: result.from }) : t('dataFolderMove.oldKept', { from: result.from }),
      result.remembered ? '' : t('dataFolderMove.notRemembered'),
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <div className="field">
      <label htmlFor={`${id}-folder`}>{t('dataFolder')}</label>
      <div className="inline">
        <input
          ref={input}
          id={`${id}-folder`}
          type="text"
          readOnly
          value={info?.dataDir ?? ''}
          aria-invalid={failure !== null ? true : undefined}
          aria-describedby={[failure !== null ? errorId : '', `${id}-help`].filter(Boolean).join(' ')}
        />
        {api.desktop ? (
          <button type="button" onClick={() => void move()} disabled={moving !== null}>
            {t('dataFolderMove.action')}
          </button>
        ) : null}
      </div>
      {failure !== null ? <ErrorNote id={errorId} error={moveError(failure, t)} className="field-error" /> : null}
      <p role="status" className="ok">
        {moving !== null ? t('dataFolderMove.moving', { to: moving }) : moved ? doneText(moved) : null}
      </p>
      <p id={`${id}-help`} className="help">
        {t('dataFolderHelp')} {api.desktop ? t('dataFolderMove.help') : t('dataFolderMove.webOnly')}
      </p>
    </div>
  );
}
