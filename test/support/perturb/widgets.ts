// Slots shown in other widgets than the replicas' own, as other sites show them: a drop-down list « Choisissez un
// créneau », buttons that say only the time (their column says the day), links that say the date in words. The
// slots are the same; only what a person sees of them changes. The system's own slot addresses are taken away.
import { DateTime } from 'luxon';
import { PARIS } from '../../../electron/shared/domain.js';

/** The legacy module's free-slot links (`…/5/<seconds>`) and RDV Service Public's (`starts_at=`). */
const LEGACY_LINK = /<a href="[^"]*\/booking\/create\/\d+\/5\/(\d{9,11})"[^>]*>[^<]*<\/a>/g;
const ANCT_LINK = /<a [^>]*href="[^"]*starts_at=([^"&]+)[^"]*"[^>]*>[^<]*<\/a>/g;

function legacyInstant(seconds: string): DateTime {
  return DateTime.fromSeconds(Number(seconds), { zone: PARIS }).setLocale('fr');
}

function anctInstant(encoded: string): DateTime {
  const raw = decodeURIComponent(encoded.replace(/&amp;/g, '&').replace(/\+/g, ' ')).trim();
  return DateTime.fromFormat(raw, 'yyyy-MM-dd HH:mm:ss ZZZ', { setZone: true }).setZone(PARIS).setLocale('fr');
}

/** « lundi 7 décembre 2026 à 9 h 30 », the 1st as « 1er ». */
function inWords(at: DateTime): string {
  const day = at.day === 1 ? '1er' : String(at.day);
  return `${at.toFormat('cccc')} ${day} ${at.toFormat('LLLL yyyy')} à ${at.hour} h ${at.toFormat('mm')}`;
}

function selectOf(instants: DateTime[]): string {
  const options = instants.map((at) => `<option value="${at.toMillis()}">${inWords(at)}</option>`).join('');
  return `<p><label for="choix-creneau">Choisissez un créneau</label>
<select id="choix-creneau" name="creneau"><option value="">Choisissez un créneau</option>${options}</select></p>`;
}

/** The legacy week table's free slots as one drop-down list under the week's heading; the table goes. */
export function legacyAsList(html: string): string {
  if (!html.includes('class="planning"')) return html;
  const instants = [...html.matchAll(LEGACY_LINK)].map((m) => legacyInstant(m[1] ?? '0'));
  const heading = /<th colspan="7">([^<]*)<\/th>/.exec(html)?.[1] ?? '';
  const list = instants.length > 0 ? selectOf(instants) : '<p>Aucun horaire proposé cette semaine.</p>';
  return html.replace(/<table class="planning">[\s\S]*?<\/table>/, `<h3>${heading}</h3>\n${list}`);
}

/** The legacy free slots as buttons that say the time only; the column header says the day. */
export function legacyAsButtons(html: string): string {
  return html.replace(LEGACY_LINK, (_m, seconds: string) => `<button type="button" class="creneau">${legacyInstant(seconds).toFormat('HH:mm')}</button>`);
}

/** The legacy free slots as links that say the date in words, without a dated address. */
export function legacyInWords(html: string): string {
  return html.replace(LEGACY_LINK, (_m, seconds: string) => `<a href="#creneau" class="creneau">${capital(inWords(legacyInstant(seconds)))}</a>`);
}

/** RDV Service Public's slots as one drop-down list before the week; the slot links go. */
export function anctAsList(html: string): string {
  const instants = [...html.matchAll(ANCT_LINK)].map((m) => anctInstant(m[1] ?? ''));
  if (instants.length === 0) return html;
  return html.replace(ANCT_LINK, '').replace(/<div class="days">/, `${selectOf(instants)}<div class="days">`);
}

export function anctAsButtons(html: string): string {
  return html.replace(ANCT_LINK, (_m, startsAt: string) => `<button type="button" class="fr-btn fr-btn--tertiary">${anctInstant(startsAt).toFormat('HH:mm')}</button>`);
}

export function anctInWords(html: string): string {
  return html.replace(ANCT_LINK, (_m, startsAt: string) => `<a class="fr-btn fr-btn--tertiary" href="#creneau">${capital(inWords(anctInstant(startsAt)))}</a>`);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
