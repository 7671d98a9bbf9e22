import { createContext, useContext } from 'react';
import { fr } from './fr';
import { en } from './en';

export type Language = 'fr' | 'en';
export type Messages = typeof fr;

export const dictionaries: Record<Language, Messages> = { fr, en };

export interface I18n {
  language: Language;
  t: Messages;
  setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n>({ language: 'fr', t: fr, setLanguage: () => undefined });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
