// A restore in place acknowledged on this PC, as every verify says it (the command line and the app alike): when,
// how many seals were given up, after which seal, and the newest of them. Dates as the reader's language writes them.
import { PARIS } from '../../shared/domain.js';
import { coreMessage, type CoreMessage, type MessageLang } from '../../shared/messages/index.js';
import type { AcceptedRestore } from './anchor.js';
import { sealTime } from './format.js';

const locale = (lang: MessageLang): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** A seal's own date and time, as "11/03/2026 19:00" (Europe/Paris). */
export const sealCreatedText = (name: string, lang: MessageLang = 'fr'): string =>
  new Intl.DateTimeFormat(locale(lang), { timeZone: PARIS, dateStyle: 'short', timeStyle: 'short' }).format(sealTime(name));

export function acceptedRestoreMessage(restore: AcceptedRestore, lang: MessageLang = 'fr'): CoreMessage {
  const day = new Intl.DateTimeFormat(locale(lang), { timeZone: PARIS, dateStyle: 'short' }).format(new Date(restore.at));
  const newest = restore.gaveUp.at(-1);
  return coreMessage('verify.anchor_restored', {
    date: day,
    count: restore.gaveUp.length,
    after: restore.since ? sealCreatedText(restore.since.name, lang) : 'none',
    first: sealCreatedText(restore.gaveUp[0]?.name ?? '', lang),
    last: sealCreatedText(newest?.name ?? '', lang),
    probes: newest?.probes ?? 0,
  });
}
