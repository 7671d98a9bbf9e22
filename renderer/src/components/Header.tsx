import type { AppInfo } from '../../../electron/shared/api';
import { useI18n, type Language } from '../i18n';

export function Header({ info }: { info: AppInfo | null }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <header className="header">
      <div className="header-top">
        <h1 className="app-name">{t.appName}</h1>
        <label className="language-switch">
          {t.language}{' '}
          <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      {info ? (
        <div className="header-status">
          <span>
            {t.dataFolder}
            {t.colon}
            <code>{info.dataDir}</code>
          </span>
          {info.browser.found ? (
            <span>{t.browserFound(info.browser.path ?? '')}</span>
          ) : (
            <span role="alert" className="warning">
              {t.browserMissing} {info.browser.message}
            </span>
          )}
        </div>
      ) : null}
      {info?.demo ? (
        <p className="demo-banner" role="note">
          {t.demoBanner(info.scheduleEveryMinutes)}
        </p>
      ) : null}
    </header>
  );
}
