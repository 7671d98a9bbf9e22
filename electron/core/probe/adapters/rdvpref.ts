// RDV-Préfecture (SITES.md §2). The State captcha stands before the slots, once per session: an unattended probe
// records `captcha` and stops there. In a session a person solved (assisted.ts), /creneau/ is read like any page.
import type { Page } from 'playwright-core';
import type { LocalDateTime } from '../../../shared/domain.js';
import { classifyPage } from '../classify.js';
import { containsText } from '../text.js';
import type { Adapter, AdapterContext, AdapterResult } from '../types.js';
import { ProbeStop, startVisit, stop, type Visit } from '../visit.js';
import { datesResult, followLink, isErrorStatus, result } from './common.js';
import { parseFrenchSlot } from './french-dates.js';

const DEMARCHE_PATH = /^(.*?\/rdvpref\/reservation\/demarche\/(\d+))(?:\/.*)?$/;
/** Weeks the robot turns to find a second slot, or the first one announced by `critere`. */
const MAX_EXTRA_WEEKS = 8;

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
  if (containsText(text, 'Choisissez votre créneau') || (await slotInputs(page).count()) > 0) return 'creneau';
  if ((await takeAppointment(page).count()) > 0) return 'landing';
  return 'unknown';
}

const slotInputs = (page: Page) => page.locator('input[type="radio"][id^="trhId_"]');
const takeAppointment = (page: Page) =>
  page.getByRole('link', { name: /prendre un rendez-vous/i }).or(page.getByRole('button', { name: /prendre un rendez-vous/i }));

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

async function cardTexts(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const input of await slotInputs(page).all()) {
    const id = (await input.getAttribute('id')) ?? '';
    const wrapping = input.locator('xpath=ancestor::label[1]');
    const label = (await wrapping.count()) > 0 ? wrapping : page.locator(`label[for="${id}"]`);
    const holder = (await label.count()) > 0 ? label.first() : input.locator('xpath=..');
    texts.push(await holder.innerText());
  }
  return texts;
}

async function nextWeek(visit: Visit): Promise<boolean> {
  const { page } = visit;
  const link = page.getByRole('link', { name: /semaine suivante/i }).or(page.getByRole('button', { name: /semaine suivante/i }));
  if ((await link.count()) === 0) return false;
  await followLink(visit, link.first());
  return (await pageKind(visit)) === 'creneau';
}

/** The slot page: the site's no-slot message, or the cards of one week, turning weeks for a second slot. */
export async function readCreneaux(visit: Visit): Promise<AdapterResult> {
  const { page } = visit;
  // The slot page is a Vue application: give its cards or its no-slot message a moment to show.
  await slotInputs(page)
    .or(page.getByText(/aucun créneau disponible/i))
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  const text = await page.locator('body').innerText();
  const published = /derni[eè]re mise en ligne[^\n]*/i.exec(text)?.[0].trim();
  const suffix = published ? ` (${published})` : '';
  const firstDispo = await firstAvailableDate(page);
  let texts = await cardTexts(page);
  if (containsText(text, 'Aucun créneau disponible')) {
    if (texts.length > 0) return result('unrecognized', 'La page dit « Aucun créneau disponible » et montre des créneaux.');
    return result('no_date', `Le site indique « Aucun créneau disponible »${suffix}.`);
  }
  if (texts.length === 0 && firstDispo === '') {
    return result('no_date', `Aucun créneau dans la liste et aucune première disponibilité annoncée${suffix}.`);
  }
  const slots: LocalDateTime[] = [];
  for (let week = 0; ; week += 1) {
    const read = texts.map((card) => parseFrenchSlot(card));
    if (read.includes(null)) {
      return result('unrecognized', `Créneau illisible : « ${texts[read.indexOf(null)]?.trim() ?? ''} ».`);
    }
    slots.push(...read.filter((slot): slot is LocalDateTime => slot !== null));
    const enough = slots.length >= 2 || (slots.length === 0 && firstDispo === undefined);
    if (enough || week >= MAX_EXTRA_WEEKS || !(await nextWeek(visit))) break;
    texts = await cardTexts(page);
  }
  if (slots.length === 0) {
    return result('unrecognized', `Page des créneaux sans créneau lisible ni message « aucun créneau »${suffix}.`);
  }
  return datesResult(slots, `Créneaux lus sur RDV-Préfecture${suffix}`);
}

/** Opens /creneau/ in the current session (the assisted one) and reads it, or sees the captcha asked again. */
export async function probeCreneaux(ctx: AdapterContext): Promise<AdapterResult> {
  const urls = demarcheUrls(ctx.target.url);
  if (!urls) return result('unrecognized', `Adresse qui n'est pas une démarche RDV-Préfecture : ${ctx.target.url}`);
  const visit = startVisit(ctx);
  await visit.goto(urls.creneau);
  return conclude(visit);
}

export const rdvprefAdapter: Adapter = {
  system: 'rdvpref',
  matches: (url) => demarcheUrls(url.toString()) !== null,

  async discover(ctx) {
    const urls = demarcheUrls(ctx.target.url);
    const visit = startVisit(ctx);
    await visit.goto(urls?.landing ?? ctx.target.url);
    if ((await pageKind(visit)) !== 'landing' || !urls) {
      throw new ProbeStop(await classifyPage(visit, 'la page d’une démarche RDV-Préfecture'));
    }
    const title = (await visit.page.locator('h1').first().innerText()).trim();
    if (title === '') throw stop('unrecognized', 'Démarche RDV-Préfecture sans titre.');
    return { title, guichets: [{ value: urls.id, label: title }] };
  },

  async probe(ctx) {
    const urls = demarcheUrls(ctx.target.url);
    const visit = startVisit(ctx);
    // Always from the démarche's first page, as a person arriving from the préfecture's site.
    await visit.goto(urls?.landing ?? ctx.target.url);
    await visit.dismissCookieBanner();
    if ((await pageKind(visit)) === 'landing') {
      ctx.log('RDV-Préfecture : « Prendre un rendez-vous »');
      await followLink(visit, takeAppointment(visit.page).first());
    }
    return conclude(visit);
  },
};
