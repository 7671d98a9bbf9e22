// i18next with react-i18next and ICU messages (plurals, numbers): components call `useTranslation()` and
// `t('key', { args })`; keys are checked against fr.ts by the type declaration below.
import i18next, { type i18n as I18nInstance, type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import { createContext, useContext } from 'react';
import { initReactI18next } from 'react-i18next';
import { coreEn } from '../../../electron/shared/messages/en';
import { coreFr } from '../../../electron/shared/messages/fr';
import { en } from './en';
import { fr } from './fr';

export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];
export type { Messages } from './resources';
export type T = TFunction;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr & { core: typeof coreFr } };
  }
}

// The core's messages (probe details, stages, notices: electron/shared/messages) are worded under `core.<code>`.
export const resources = {
  fr: { translation: { ...fr, core: coreFr } },
  en: { translation: { ...en, core: coreEn } },
} as const;

/** A ready instance (initialised synchronously: resources are bundled). */
export function createI18n(language: Language = 'fr'): I18nInstance {
  const instance = i18next.createInstance();
  void instance
    .use(ICU)
    .use(initReactI18next)
    .init({
      resources,
      lng: language,
      fallbackLng: 'fr',
      initAsync: false,
      // React escapes what it renders; ICU arguments are plain text.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return instance;
}

/** Switches the language and stores the choice in the settings (App provides it). */
export const SetLanguageContext = createContext<(language: Language) => void>(() => undefined);
export const useSetLanguage = () => useContext(SetLanguageContext);
