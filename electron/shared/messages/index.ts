// What the core says travels as a code and its parameters, never as a sentence to parse: a probe's detail, a stage
// of a long job, a notice. Each consumer words it in the person's language from one catalogue per language
// (fr.ts, the reference, and en.ts): the renderer through i18next, the command line and the dossier through
// wordCore (electron/core/messages.ts). Codes are "section.name", the path of the message in the catalogue.
import type { coreFr } from './fr.js';

export type MessageLang = 'fr' | 'en';
export const MESSAGE_LANGS: readonly MessageLang[] = ['fr', 'en'];

type Catalogue = typeof coreFr;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every code of the catalogue: `probe.page_silent`, `progress.dossier_render`… */
export type MessageCode = Leaves<Catalogue>;
export type MessageParams = Record<string, string | number>;

/** One thing the core says: worded by whoever shows it, in the person's language. */
export interface CoreMessage {
  code: MessageCode;
  params?: MessageParams;
  /** Parameters that are messages themselves (why a dossier is refused): worded in the same language first. */
  nested?: Record<string, CoreMessage>;
}

/** The shape every language's catalogue has: the same sections and codes as the French one, each an ICU message. */
export type CoreMessages = { [S in keyof Catalogue]: { [K in keyof Catalogue[S]]: string } };

export function coreMessage(code: MessageCode, params?: MessageParams): CoreMessage {
  return params === undefined ? { code } : { code, params };
}

/**
 * What went wrong when reaching a site, named for the screens: the core sets it (`params.problem` of an error)
 * from the browser's own codes, each screen words it. The renderer's `problems` catalogue has one entry each.
 */
export const PROBLEMS = [
  'nameNotResolved',
  'unsafePort',
  'refused',
  'unreachable',
  'offline',
  'timeout',
  'certificate',
  'invalidUrl',
  'blocked',
  'notRead',
  'browserWindow',
  'browser',
  'stepsTimeout',
  'robot',
] as const;
export type Problem = (typeof PROBLEMS)[number];

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'string' && (PROBLEMS as readonly string[]).includes(value);
}
