// What the user reads when something fails: a sentence in the UI's language, written from the error's code and
// field (never from the core's French text), and the technical text kept apart for the « Détails » toggle.
import type { TFunction } from 'i18next';
import type { Outcome } from '../../electron/shared/domain';
import { isProblem, type CoreMessage } from '../../electron/shared/messages/index';
import { wordedParams } from '../../electron/shared/messages/slots';
import { ApiClientError } from './api/client';
import type { Messages } from './i18n';

export type ProblemKey = keyof Messages['problems'];
export type FieldKey = keyof Messages['fieldErrors'];
export type FieldPath = readonly (string | number)[];

export interface ShownError {
  /** The sentence to show, in the UI's language. */
  message: string;
  /** The input at fault (ApiError.field), empty when the error is about the whole action. */
  field: FieldPath;
  /** The core's or the browser's own text, for the « Détails » toggle; null when it adds nothing. */
  detail: string | null;
}

/**
 * Known technical texts of the browser and of Node (net::ERR_… codes, Playwright's, a system error's code), most
 * specific first: for what reaches the page without the core's `problem` (a failed call of the page itself, an
 * old record's detail). The core names its own problems as codes.
 */
const PROBLEMS: [RegExp, ProblemKey][] = [
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|ENOTFOUND|EAI_AGAIN/, 'nameNotResolved'],
  [/ERR_UNSAFE_PORT/, 'unsafePort'],
  [/ERR_CONNECTION_REFUSED|ECONNREFUSED/, 'refused'],
  [/ERR_INTERNET_DISCONNECTED/, 'offline'],
  [/ERR_(CERT_|SSL_|BAD_SSL)|certificat/i, 'certificate'],
  [/ERR_INVALID_URL|invalid URL|Protocol error \(Page\.navigate\)/i, 'invalidUrl'],
  [/ERR_(CONNECTION_TIMED_OUT|TIMED_OUT)|Timeout \d+ms exceeded/, 'timeout'],
  [/ERR_(BLOCKED_BY_[A-Z]+|ACCESS_DENIED|HTTP_RESPONSE_CODE_FAILURE)/, 'blocked'],
  [/net::ERR_[A-Z_]+|ECONNRESET/, 'unreachable'],
  [/Executable doesn't exist|Failed to launch|browserType\.launch|spawn .*ENOENT/, 'browser'],
];

/** The known problem a technical text describes, or null. */
export function problemOf(text: string): ProblemKey | null {
  return PROBLEMS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

const STEP_FIELDS: Record<string, FieldKey> = {
  url: 'stepUrl',
  text: 'stepText',
  selector: 'stepSelector',
  value: 'stepValue',
  option: 'stepOption',
};

/** The index of the user-defined step a field path points into (`['steps', 'steps', 2, 'selector']` → 2). */
export function stepIndexOf(field: FieldPath): number | null {
  const at = field.findIndex((key, index) => typeof key === 'number' && field[index - 1] === 'steps');
  const index = field[at];
  return typeof index === 'number' ? index : null;
}

/** What to write about an invalid value, from where it is. */
export function fieldMessage(t: TFunction, field: FieldPath): string {
  const step = stepIndexOf(field);
  if (step !== null) {
    const key = field[field.length - 1];
    const which = typeof key === 'string' ? (STEP_FIELDS[key] ?? 'step') : 'step';
    return t(`fieldErrors.${which}`, { n: step + 1 });
  }
  const known: Record<string, string> = t('fieldErrors', { returnObjects: true });
  // The nearest name the UI knows: ['activeHours', 'from'] is about the active hours.
  const name = [...field].reverse().find((key): key is string => typeof key === 'string' && key in known);
  return t(`fieldErrors.${(name ?? 'other') as FieldKey}`);
}

/** Any failure of a call, said in the UI's language. */
export function describeError(error: unknown, t: TFunction): ShownError {
  if (!(error instanceof ApiClientError)) {
    const text = error instanceof Error ? error.message : String(error);
    const problem = problemOf(text);
    return { message: problem ? t(`problems.${problem}`) : t('errors.internal'), field: [], detail: text || null };
  }
  const { code, field, message } = error;
  // The core said it as a code of its catalogue: worded here, in the screen's language. A problem it also named
  // (the assisted window that could not open) is said in the screen's plainer words below, its reason folded.
  if (error.coreMessage && !isProblem(error.params.problem)) return { message: wordMessage(t, error.coreMessage), field, detail: null };
  const rule = error.params.rule;
  const rules: Record<string, string> = t('inputRules', { returnObjects: true });
  if (code === 'invalid_input' && typeof rule === 'string' && Object.hasOwn(rules, rule)) {
    return { message: t(`inputRules.${rule as keyof Messages['inputRules']}`), field, detail: null };
  }
  if (code === 'invalid_input' && field.length > 0) return { message: fieldMessage(t, field), field, detail: null };
  // The core named the problem (a site that refuses the connection…): worded here, its technical text folded.
  const named = error.params.problem;
  const technical = typeof error.params.technical === 'string' ? error.params.technical : message;
  if (isProblem(named) && !(code === 'unsupported_site' && named === 'notRead')) {
    return { message: t(`problems.${named}`), field, detail: technical || null };
  }
  const problem = code === 'unsupported_site' ? null : problemOf(message);
  return {
    message: problem ? t(`problems.${problem}`) : t(`errors.${code}`),
    field,
    detail: message || null,
  };
}

/**
 * A probe's `detail` (French text made by the core) as the user reads it: a known technical problem in plain
 * words, with the raw text for the toggle. Unknown texts stay as they are in French; in English they are only
 * in the toggle, since the outcome beside them already says what happened.
 */
export function probeDetail(
  outcome: Outcome,
  detail: string,
  t: TFunction,
  language: string,
  message?: CoreMessage,
): { text: string | null; raw: string | null } {
  // A record that carries its detail as a code is worded in the reader's language, from the same catalogue.
  if (message !== undefined) return { text: wordMessage(t, message), raw: null };
  if (!detail) return { text: null, raw: null };
  const problem = problemOf(detail);
  if (problem) return { text: t(`problems.${problem}`), raw: detail };
  if (outcome === 'robot_error') return { text: t('problems.robot'), raw: detail };
  return language.startsWith('fr') ? { text: detail, raw: null } : { text: null, raw: detail };
}

/** A message of the core (a code and its parameters) in the UI's language. */
export function wordMessage(t: TFunction, message: CoreMessage): string {
  // A code read from a record or an event: its parameters are checked against the catalogue by i18n.test.ts, not
  // by the type of one key.
  const word = t as unknown as (key: string, params: Record<string, string | number>) => string;
  return word(`core.${message.code}`, wordedParams(message, t('locale').startsWith('en') ? 'en' : 'fr', (nested) => wordMessage(t, nested)));
}
