// RDV-Préfecture (SITES.md §2). The State captcha stands before the slots, once per session: an unattended probe
// records `captcha` and stops there. In a session a person solved (assisted.ts), /creneau/ is read like any page.
import type { Page } from 'playwright-core';
import type { LocalDateTime } from '../../../shared/domain.js';
import { classifyPage } from '../classify.js';
import { containsText } from '../text.js';
import type { Adapter, AdapterContext, AdapterResult } from '../types.js';
import { ProbeStop, startVisit, stop, type Visit } from '../visit.js';
import { datesResult, followLink, isErrorStatus, result } from './common.js';
import { onElement } from '../in-page.js';
import { pageAnswer, PageNoAnswer } from '../page-answer.js';
import { findControl, passInterstitial } from './controls.js';
import { parseFrenchDate, parseFrenchSlot } from './french-dates.js';

const DEMARCHE_PATH = /^(.*?\/rdvpref\/reservation\/demarche\/(\d+))(?:\/.*)?$/;
/** Weeks the robot turns to find a second slot once past the first one. */
const MAX_EXTRA_WEEKS = 8;
/** Weeks the robot may turn to reach the first availability the page announces (`datePremiereDispo`). */
const MAX_WEEKS_TO_FIRST = 30;

export interface DemarcheUrls {
  id: string;
  landing: string;
  cgu: string;
  creneau: string;
}

/** The pages of the démarche a URL belongs to; null when the URL is not one of RDV-Préfecture's. */
export function demarcheUrls(url: string): DemarcheUrls | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const match = DEMARCHE_PATH.exec(parsed.pathname);
  if (!match?.[1] || !match[2]) return null;
  const base = `${parsed.origin}${match[1]}/`;
  return { id: match[2], landing: base, cgu: `${base}cgu/`, creneau: `${base}creneau/` };
}

type PageKind = 'captcha' | 'creneau' | 'landing' | 'unknown';

async function pageKind(visit: Visit): Promise<PageKind> {
  const { page } = visit;
  if (isErrorStatus(visit)) return 'unknown';
  const text = await visit.text();
  const captchaInputs = page.locator('#captchaFormulaireExtInput, #captchaFR_CaptchaImage, [name="captchaUsercode"]');
  if ((await captchaInputs.count()) > 0 || containsText(text, 'code de sécurité')) return 'captcha';
  if (containsText(text, 'Choisissez votre créneau') || (await cardTexts(page)).length > 0) return 'creneau';
  if ((await takeAppointment(page)) !== null) return 'landing';
  return 'unknown';
}

/** The slot cards: radios (the site's ids `trhId_…` are only a hint) with a label that holds a date. */
const slotInputs = (page: Page) => page.locator('input[type="radio"]');
const takeAppointment = (page: Page) => findControl(page, ['prendre un rendez-vous', 'prendre rendez-vous']);

function captchaResult(page: Page): AdapterResult {
  if (new URL(page.url()).searchParams.get('error') === 'errorSessionInvalide') {
    return result(
      'captcha',
      'La session a expiré : le site redemande le code de sécurité (captcha). Ouvrez la session assistée et ' +
        'saisissez le code à nouveau pour reprendre les sondages.',
    );
  }
  return result(
    'captcha',
    'Un code de sécurité (captcha) précède les créneaux : Guichets ne le résout jamais seul. Ouvrez une session ' +
      'assistée pour le saisir vous-même.',
  );
}

/** Reads where the robot stands: the captcha, the slots, or a page classified as the site's error or unknown. */
async function conclude(visit: Visit): Promise<AdapterResult> {
  const kind = await pageKind(visit);
  if (kind === 'captcha') return captchaResult(visit.page);
  if (kind === 'creneau') return readCreneaux(visit);
  return classifyPage(visit, 'la page de la démarche, du code de sécurité ou des créneaux');
}

/** The `datePremiereDispo` of the page's `critere` JSON: '' when nothing is free, undefined when absent. */
async function firstAvailableDate(page: Page): Promise<string | undefined> {
  const html = await page.content();
  const match = /["']?datePremiereDispo["']?\s*:\s*(?:["']([^"']*)["']|null)/.exec(html);
  return match ? (match[1] ?? '') : undefined;
}

const CARD_TEXTS = onElement<string[]>(
  "return el.map((input) => { const label = (input.labels && input.labels[0]) || input.closest('label') || input.parentElement; return label ? label.innerText : ''; });",
);

async function cardTexts(page: Page): Promise<string[]> {
  const texts = await pageAnswer(slotInputs(page).evaluateAll(CARD_TEXTS), 'slots').catch((error: unknown) => {
    if (error instanceof PageNoAnswer) throw error;
    return [] as string[];
  });
  // Radios without any date (a choice of motif, say) are not slot cards.
  return texts.filter((text) => parseFrenchDate(text) !== null || /\d{1,2}\s*[h:]\s*\d{2}/.test(text));
}

/** The first day of the window shown (« Du lundi 7 décembre 2026 au … »), else the earliest card's day. */
function windowStart(text: string, cards: string[]): string | null {
  const line = text.split('\n').find((l) => /^\s*du\s+.*\s+au\s+/i.test(l));
  const fromLine = line ? parseFrenchDate(line)?.date : undefined;
  if (fromLine) return fromLine;
  const days = cards.map((card) => parseFrenchDate(card)?.date).filter((d): d is string => d !== undefined).sort();
  return days[0] ?? null;
}

async function nextWeek(visit: Visit): Promise<boolean> {
  const link = await findControl(visit.page, ['semaine suivante', 'semaine prochaine', 'suivante'], '[class*="next" i]');
  if (link === null) return false;
  await followLink(visit, link);
  return (await visit.read(async () => ((await pageKind(visit)) === 'creneau' ? true : null))) === true;
}

/**
 * Opens the window of the first availability the page announces, the way its own "next week" link is written
 * (its date parameter set to that day): true when the page then shows slot cards.
 */
async function jumpTo(visit: Visit, start: string, target: string): Promise<boolean> {
  const link = await findControl(visit.page, ['semaine suivante', 'semaine prochaine', 'suivante'], '[class*="next" i]');
  const href = link ? await link.getAttribute('href').catch(() => null) : null;
  if (!href) return false;
  const url = new URL(href, visit.page.url());
  const param = [...url.searchParams.entries()].find(([, value]) => /^\d{4}-\d{2}-\d{2}$/.test(value) && value > start);
  if (!param) return false;
  url.searchParams.set(param[0], target);
  visit.step('choix du créneau, première disponibilité annoncée');
  await visit.goto(url.toString());
  return (await visit.read(async () => ((await cardTexts(visit.page)).length > 0 ? true : null))) === true;
}

/** The slot page: the site's no-slot message, or the cards of one week, turning weeks for a second slot. */
export async function readCreneaux(visit: Visit): Promise<AdapterResult> {
  const { page } = visit;
  visit.step('choix du créneau');
  // The slot page is a Vue application: give its cards or its no-slot message a moment to show.
  await visit.read(async () => ((await cardTexts(page)).length > 0 || containsText(await visit.text(), 'aucun créneau') ? true : null));
  const text = await page.locator('body').innerText();
  const published = /derni[eè]re mise en ligne[^\n]*/i.exec(text)?.[0].trim();
  const suffix = published ? ` (${published})` : '';
  const firstDispo = await firstAvailableDate(page);
  let texts = await cardTexts(page);
  // The page may open on the current week: the first availability it announces says how far to walk.
  const target = firstDispo ? (parseFrenchDate(firstDispo)?.date ?? null) : null;
  // `no_date` rests on the words a person reads, never on the page's data alone; and a week that says « Aucun
  // créneau disponible » while the page announces a first availability is walked to that day.
  if (containsText(text, 'Aucun créneau disponible')) {
    if (texts.length > 0) return result('unrecognized', 'La page dit « Aucun créneau disponible » et montre des créneaux.');
    if (target === null) return result('no_date', `Le site indique « Aucun créneau disponible »${suffix}.`);
  }
  const slots: LocalDateTime[] = [];
  let start = windowStart(text, texts);
  if (texts.length === 0 && target !== null && start !== null && target > start && (await jumpTo(visit, start, target))) {
    texts = await cardTexts(page);
    start = windowStart(await page.locator('body').innerText(), texts) ?? start;
  }
  let extra = 0;
  for (let week = 0; ; week += 1) {
    const read = texts.map((card) => parseFrenchSlot(card));
    if (read.includes(null)) {
      return result('unrecognized', `Créneau illisible : « ${texts[read.indexOf(null)]?.trim() ?? ''} ».`);
    }
    slots.push(...read.filter((slot): slot is LocalDateTime => slot !== null));
    if (slots.length > 0) extra += 1;
    const before = target !== null && slots.length === 0;
    if (slots.length >= 2 || (slots.length === 0 && target === null)) break;
    if (before ? week >= MAX_WEEKS_TO_FIRST : extra > MAX_EXTRA_WEEKS) break;
    if (!(await nextWeek(visit))) break;
    const shown = await page.locator('body').innerText();
    texts = await cardTexts(page);
    const next = windowStart(shown, texts);
    // The window must move forward: a repeat or a step back would make the walk go round in circles.
    if (next !== null && start !== null && next <= start) {
      return result('unrecognized', `Créneaux : « Semaine suivante » n'a pas avancé (${next} après ${start}) : lecture arrêtée.`);
    }
    start = next ?? start;
  }
  if (slots.length === 0) {
    const announced = target ? ` alors que la page annonce une première disponibilité le ${target}` : '';
    return result('unrecognized', `Page des créneaux sans créneau lisible ni message « aucun créneau »${announced}${suffix}.`);
  }
  return datesResult(slots, `Créneaux lus sur RDV-Préfecture${suffix}`);
}

/** Opens /creneau/ in the current session (the assisted one) and reads it, or sees the captcha asked again. */
export async function probeCreneaux(ctx: AdapterContext): Promise<AdapterResult> {
  const urls = demarcheUrls(ctx.target.url);
  if (!urls) return result('unrecognized', `Adresse qui n'est pas une démarche RDV-Préfecture : ${ctx.target.url}`);
  const visit = startVisit(ctx);
  visit.step('créneaux (session assistée)');
  await visit.goto(urls.creneau);
  await visit.read(async () => ((await pageKind(visit)) !== 'unknown' ? true : null));
  return conclude(visit);
}

export const rdvprefAdapter: Adapter = {
  system: 'rdvpref',
  matches: (url) => demarcheUrls(url.toString()) !== null,

  async discover(ctx) {
    const urls = demarcheUrls(ctx.target.url);
    const visit = startVisit(ctx);
    visit.step('page de la démarche');
    await visit.goto(urls?.landing ?? ctx.target.url);
    if ((await visit.read(async () => ((await pageKind(visit)) === 'landing' ? true : null))) === null || !urls) {
      throw new ProbeStop(await classifyPage(visit, 'la page d’une démarche RDV-Préfecture'));
    }
    const title = (await visit.page.locator('h1').first().innerText()).trim();
    if (title === '') throw stop('unrecognized', 'Démarche RDV-Préfecture sans titre.');
    return { title, guichets: [{ value: urls.id, label: title }] };
  },

  async probe(ctx) {
    const urls = demarcheUrls(ctx.target.url);
    const visit = startVisit(ctx);
    visit.step('page de la démarche');
    // Always from the démarche's first page, as a person arriving from the préfecture's site.
    await visit.goto(urls?.landing ?? ctx.target.url);
    const known = async () => {
      const kind = await pageKind(visit);
      return kind === 'unknown' ? null : kind;
    };
    let kind = await visit.read(known);
    if (kind === null && (await passInterstitial(visit))) kind = await visit.read(known);
    if (kind === 'landing') {
      const take = await takeAppointment(visit.page);
      if (take) {
        visit.step('conditions et code de sécurité');
        await followLink(visit, take);
        await visit.read(known);
      }
    }
    return conclude(visit);
  },
};
