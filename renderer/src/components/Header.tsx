import type { AppInfo } from '../../../electron/shared/api';
import { useTranslation } from 'react-i18next';
import { TechnicalDetails } from './ErrorNote';
import { useSetLanguage, type Language } from '../i18n';

export function Header({ info }: { info: AppInfo | null }) {
  const { t, i18n } = useTranslation();
  const setLanguage = useSetLanguage();
  const language = i18n.language;
  return (
    <header className="header">
      <div className="header-top">
        <h1 className="app-name">{t('appName')}</h1>
        {info ? (
          <div className="header-status">
            <span>
              {t('dataFolder')}
              {t('colon')}
              <code>{info.dataDir}</code>
            </span>
            {info.browser.found ? (
              <span>{t('browserFound', { path: info.browser.path ?? '' })}</span>
            ) : (
              <div role="alert" className="warning">
                {t('browserMissing')} {info.browser.message ? <TechnicalDetails text={info.browser.message} /> : null}
              </div>
            )}
          </div>
        ) : null}
        {info?.demo ? (
          <p className="demo-banner" role="note">
            {t('demoBanner', { minutes: info.scheduleEveryMinutes })}
          </p>
        ) : null}
        <label className="language-switch">
          {t('language')}{' '}
          <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
    </header>
  );
}
