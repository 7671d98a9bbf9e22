import { useCallback, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ApiClient } from './api/client';
import { ApiContext } from './api/context';
import type { AppInfo } from '../../electron/shared/api';
import { describeError, type ShownError } from './errors';
import { createI18n, SetLanguageContext, type Language } from './i18n';
import { ErrorNote } from './components/ErrorNote';
import { href, useRoute, type Route } from './router';
import { Header } from './components/Header';
import { Dashboard } from './components/Dashboard';
import { PlanningPage } from './components/PlanningPage';
import { PlanningForm } from './components/PlanningForm';
import { SettingsPage } from './components/SettingsPage';
import { AppInfoContext, ReloadAppInfoContext } from './board/app-info';
import { MethodPage } from './components/MethodPage';
import { VerifyPage } from './components/verify/VerifyPage';
import { useFocusOnPageChange } from './board/page-focus';

export function App({ client }: { client: ApiClient }) {
  const [i18n] = useState(() => createI18n('fr'));
  const [language, setLanguageState] = useState<Language>('fr');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [problem, setProblem] = useState<ShownError | null>(null);
  const route = useRoute();
  useFocusOnPageChange(route);

  useEffect(() => {
    Promise.all([client.call('app:info'), client.call('settings:get')]).then(
      ([appInfo, settings]) => {
        setInfo(appInfo);
        setLanguageState(settings.language);
      },
      (error: unknown) => setProblem(describeError(error, i18n.t)),
    );
  }, [client, i18n]);
  // Fetched once for every screen (the settings and the seals panel read it too); again only when it changed.
  const reloadInfo = useCallback(() => {
    client.call('app:info').then(setInfo, (error: unknown) => setProblem(describeError(error, i18n.t)));
  }, [client, i18n]);

  const setLanguage = useCallback(
    (next: Language) => {
      setLanguageState(next);
      client.call('settings:update', { language: next }).catch((error: unknown) => setProblem(describeError(error, i18n.t)));
    },
    [client, i18n],
  );

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  return (
    <ApiContext value={client}>
      <I18nextProvider i18n={i18n}>
        <SetLanguageContext value={setLanguage}>
          <AppInfoContext value={info}>
          <ReloadAppInfoContext value={reloadInfo}>
          <SkipLink />
          <Header info={info} />
          <Nav route={route} />
          <main id="main" tabIndex={-1}>
            {problem ? <ErrorNote error={problem} /> : null}
            <Page route={route} />
          </main>
          </ReloadAppInfoContext>
          </AppInfoContext>
        </SetLanguageContext>
      </I18nextProvider>
    </ApiContext>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('skipToContent')}
    </a>
  );
}

function Nav({ route }: { route: Route }) {
  const { t } = useTranslation();
  const links: [Route, string][] = [
    [{ page: 'dashboard' }, t('navDashboard')],
    [{ page: 'new' }, t('navAdd')],
    [{ page: 'verify' }, t('navVerify')],
    [{ page: 'settings' }, t('navSettings')],
    [{ page: 'method' }, t('navMethod')],
  ];
  return (
    <nav className="nav" aria-label={t('navLabel')}>
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
      return <PlanningPage key={route.id} id={route.id} day={route.day ?? null} />;
    case 'new':
      return <PlanningForm key="new" id={null} />;
    case 'edit':
      return <PlanningForm key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsPage />;
    case 'verify':
      return <VerifyPage />;
    case 'method':
      return <MethodPage section={route.section} />;
    default:
      return <Dashboard />;
  }
}
