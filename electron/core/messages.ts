// The core's messages worded for the command line, the logs and the dossier (the renderer words them itself, with
// i18next, from the same catalogues). French is the reference: a probe's `detail` in its record is the French
// wording of its `detailMessage`.
import { IntlMessageFormat } from 'intl-messageformat';
import { coreEn } from '../shared/messages/en.js';
import { coreFr } from '../shared/messages/fr.js';
import { coreMessage, type CoreMessage, type MessageCode, type MessageLang, type MessageParams } from '../shared/messages/index.js';
import { wordedParams } from '../shared/messages/slots.js';

const CATALOGUES: Record<MessageLang, unknown> = { fr: coreFr, en: coreEn };
const compiled = new Map<string, IntlMessageFormat>();

function template(lang: MessageLang, code: string): string | null {
  let node: unknown = CATALOGUES[lang];
  for (const key of code.split('.')) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : null;
}

/** The message in `lang` (French when a code is unknown there, the code itself when unknown everywhere). */
export function wordCore(message: CoreMessage, lang: MessageLang = 'fr'): string {
  const key = `${lang}:${message.code}`;
  let format = compiled.get(key);
  if (format === undefined) {
    const text = template(lang, message.code) ?? template('fr', message.code);
    if (text === null) return message.code;
    format = new IntlMessageFormat(text, lang === 'fr' ? 'fr-FR' : 'en-GB');
    compiled.set(key, format);
  }
  const said = format.format(wordedParams(message, lang, (nested) => wordCore(nested, lang)));
  return Array.isArray(said) ? said.join('') : String(said);
}

/** A code and its French wording together, for what keeps both (a verify problem: its `said` and its `message`). */
export function saidInFrench(code: MessageCode, params?: MessageParams): { said: CoreMessage; message: string } {
  const said = coreMessage(code, params);
  return { said, message: wordCore(said, 'fr') };
}
