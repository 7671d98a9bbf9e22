import { useEffect, useId, useState, type SubmitEvent } from 'react';
import type { Settings } from '../../../electron/shared/domain';
import { errorMessage } from '../api/client';
import { useApi } from '../api/context';
import { StatusNote, type ActionStatus } from './StatusNote';
import { useTranslation } from 'react-i18next';
import { useSetLanguage, type Language } from '../i18n';

interface Draft {
  browserPath: string;
  hostSpacingSeconds: string;
  probeTimeoutSeconds: string;
  author: string;
}

const toDraft = (settings: Settings): Draft => ({
  browserPath: settings.browserPath ?? '',
  hostSpacingSeconds: String(settings.hostSpacingSeconds),
  probeTimeoutSeconds: String(settings.probeTimeoutSeconds),
  author: settings.author,
});

export function SettingsPage() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const setLanguage = useSetLanguage();
  const language = i18n.language;
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<ActionStatus | null>(null);

  useEffect(() => {
    api.call('settings:get').then(
      (settings) => setDraft(toDraft(settings)),
      (error: unknown) => setStatus({ text: errorMessage(error), error: true }),
    );
  }, [api]);

  if (!draft) {
    return status ? (
      <p role="alert" className="error">
        {status.text}
      </p>
    ) : (
      <p role="status">{t('loading')}</p>
    );
  }
  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setStatus(null);
    try {
      const saved = await api.call('settings:update', {
        browserPath: draft.browserPath.trim() || null,
        // The core validates the numbers and says in French what it expects.
        hostSpacingSeconds: Number(draft.hostSpacingSeconds),
        probeTimeoutSeconds: Number(draft.probeTimeoutSeconds),
        author: draft.author.trim(),
      });
      setDraft(toDraft(saved));
      setStatus({ text: t('settingsSaved'), error: false });
    } catch (error) {
      setStatus({ text: errorMessage(error), error: true });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="settings">
      <h2 id={`${id}-title`}>{t('settingsTitle')}</h2>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('language')}</label>
          {/* Applied and stored at once, like the switch in the header. */}
          <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-browser`}>{t('browserPath')}</label>
          <input
            id={`${id}-browser`}
            type="text"
            value={draft.browserPath}
            onChange={(e) => set({ browserPath: e.target.value })}
            aria-describedby={`${id}-browser-help`}
          />
          <p id={`${id}-browser-help`} className="help">
            {t('browserPathHelp')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-spacing`}>{t('hostSpacing')}</label>
          <input
            id={`${id}-spacing`}
            className="short"
            type="number"
            min={0}
            value={draft.hostSpacingSeconds}
            onChange={(e) => set({ hostSpacingSeconds: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-timeout`}>{t('probeTimeout')}</label>
          <input
            id={`${id}-timeout`}
            className="short"
            type="number"
            min={1}
            value={draft.probeTimeoutSeconds}
            onChange={(e) => set({ probeTimeoutSeconds: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-author`}>{t('author')}</label>
          <input
            id={`${id}-author`}
            type="text"
            value={draft.author}
            onChange={(e) => set({ author: e.target.value })}
            aria-describedby={`${id}-author-help`}
          />
          <p id={`${id}-author-help`} className="help">
            {t('authorHelp')}
          </p>
        </div>
        <div className="button-row">
          <button type="submit" className="primary">
            {t('save')}
          </button>
          <StatusNote status={status} />
        </div>
      </form>
    </section>
  );
}
