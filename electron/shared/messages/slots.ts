// Slots inside the core's messages travel as local date-times (`2027-01-01T09:00`, Paris wall time) and are worded
// in the reader's language here, by every consumer (wordCore, the renderer's wordMessage): the French wording is
// the one the records' `detail` has always had (« vendredi 1er janvier 2027 à 09:00 »).
import type { CoreMessage, MessageCode, MessageLang, MessageParams } from './index.js';

/** The parameters of a code that hold a slot. */
const SLOT_PARAMS: Partial<Record<MessageCode, readonly string[]>> = {
  'probe.slots_two': ['first', 'second'],
  'probe.slots_one': ['first'],
};

const LOCAL_SLOT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const FORMATS: Record<MessageLang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', month: 'long', year: 'numeric' }),
};

/**
 * « vendredi 1er janvier 2027 à 09:00 », « Friday 1 January 2027 at 09:00 »; a value that is not a local
 * date-time (an older record's French words) is kept as it is.
 */
function slotWords(slot: string, lang: MessageLang): string {
  const match = LOCAL_SLOT.exec(slot);
  if (!match) return slot;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  // The wall time as such: formatted in UTC, no zone moves it.
  const parts = FORMATS[lang].formatToParts(new Date(Date.UTC(year, month - 1, day)));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (lang === 'fr') return `${part('weekday')} ${day === 1 ? '1er' : day} ${part('month')} ${part('year')} à ${time}`;
  return `${part('weekday')} ${day} ${part('month')} ${part('year')} at ${time}`;
}

/**
 * A message's parameters ready for its catalogue in `lang`: its slots worded, its nested messages worded by `word`
 * (the caller's own wording, in the same language).
 */
export function wordedParams(message: CoreMessage, lang: MessageLang, word: (nested: CoreMessage) => string): MessageParams {
  const params = message.params ?? {};
  const slots = SLOT_PARAMS[message.code];
  if (!slots && !message.nested) return params;
  const worded = { ...params };
  for (const name of slots ?? []) {
    const value = worded[name];
    if (typeof value === 'string') worded[name] = slotWords(value, lang);
  }
  for (const [name, nested] of Object.entries(message.nested ?? {})) worded[name] = word(nested);
  return worded;
}
