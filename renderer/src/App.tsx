import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from './api/client';
import { errorMessage } from './api/client';
import { ApiContext } from './api/context';
import type { AppInfo } from '../../electron/shared/api';
import { I18nContext, dictionaries, useI18n, type I18n, type Language } from './i18n';
import { href, useRoute, type Route } from './router';
import { Header } from './components/Header';
import { Dashboard } from './components/Dashboard';
import { PlanningPage } from './components/PlanningPage';
import { PlanningForm } from './components/PlanningForm';
import { SettingsPage } from './components/SettingsPage';

export function App({ client }: { client: ApiClient }) {
  const [language, setLanguageState] = useState<Language>('fr');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const route = useRoute();

  useEffect(() => {
    Promise.all([client.call('app:info'), client.call('settings:get')]).then(
      ([appInfo, settings]) => {
        setInfo(appInfo);
        setLanguageState(settings.language);
      },
      (error: unknown) => setProblem(errorMessage(error)),
    );
  }, [client]);

  const setLanguage = useCallback(
    (next: Language) => {
      setLanguageState(next);
      client.call('settings:update', { language: next }).catch((error: unknown) => setProblem(errorMessage(error)));
    },
    [client],
  );

  const i18n = useMemo<I18n>(() => ({ language, t: dictionaries[language], setLanguage }), [language, setLanguage]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <ApiContext value={client}>
      <I18nContext value={i18n}>
        <a className="skip-link" href="#main">
          {i18n.t.skipToContent}
        </a>
        <Header info={info} />
        <Nav route={route} />
        <main id="main" tabIndex={-1}>
          {problem ? (
            <p role="alert" className="error">
              {problem}
            </p>
          ) : null}
          <Page route={route} />
        </main>
      </I18nContext>
    </ApiContext>
  );
}

function Nav({ route }: { route: Route }) {
  const { t } = useI18n();
  const links: [Route, string][] = [
    [{ page: 'dashboard' }, t.navDashboard],
    [{ page: 'new' }, t.navAdd],
    [{ page: 'settings' }, t.navSettings],
  ];
  return (
    <nav className="nav" aria-label={t.navLabel}>
      {links.map(([target, text]) => (
        <a key={target.page} href={href(target)} aria-current={route.page === target.page ? 'page' : undefined}>
          {text}
        </a>
      ))}
    </nav>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'planning':
      return <PlanningPage key={route.id} id={route.id} />;
    case 'new':
      return <PlanningForm key="new" id={null} />;
    case 'edit':
      return <PlanningForm key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <Dashboard />;
  }
}
