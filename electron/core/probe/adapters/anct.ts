// RDV Service Public (rdv.anct.gouv.fr, SITES.md §3): motif, then lieu, then a week of slots. No captcha stands
// before the answer. The robot reads the week's slots from the links' `starts_at`, follows the "Prochaine
// disponibilité" overlay of an empty week and turns weeks for a second slot, as a person would.
import type { Locator, Page } from 'playwright-core';
import type { Guichet, LocalDateTime } from '../../../shared/domain.js';
import { classifyPage } from '../classify.js';
import { containsText, sameText } from '../text.js';
import type { Adapter, AdapterContext, AdapterResult } from '../types.js';
import { ProbeStop, startVisit, stop, type Visit } from '../visit.js';
import { datesResult, followLink, isErrorStatus, result } from './common.js';
import { parseFrenchSlot, toParisLocal } from './french-dates.js';
import { GuichetChoiceError } from './legacy.js';

const HOSTS = /(^|\.)(rdv\.anct\.gouv\.fr|rdv-solidarites\.fr|rdv-service-public\.fr|rdv\.aide-numerique\.gouv\.fr|rdv-mairie\.fr)$/;
const NO_SLOT_MESSAGE = "aucun créneau correspondant à votre recherche n'a été trouvé";
/** Pages the robot may open in one probe: motif, lieu, and a few weeks. */
const MAX_PAGES = 12;

type Stage =
  | { kind: 'no_slot' }
  | { kind: 'week' }
  | { kind: 'lieux'; choices: { guichet: Guichet; link: Locator }[] }
  | { kind: 'motifs'; choices: { guichet: Guichet; link: Locator }[] }
  | { kind: 'unknown' };

async function links(page: Page, selector: string, valueOf: (href: URL) => string | null) {
  const choices: { guichet: Guichet; link: Locator }[] = [];
  for (const link of await page.locator(selector).all()) {
    const href = await link.getAttribute('href');
    const value = href === null ? null : valueOf(new URL(href, page.url()));
    const label = (await link.innerText()).split('\n')[0]?.trim() ?? '';
    if (value !== null && !choices.some((choice) => choice.guichet.value === value)) {
      choices.push({ guichet: { value, label }, link });
    }
  }
  return choices;
}

const slotLinks = (page: Page) => page.locator('a[href*="starts_at="]');
const lieuName = (page: Page, link: Locator) =>
  link.locator('xpath=ancestor::*[contains(@class,"card")][1]//*[contains(@class,"card-title")]').first().innerText().catch(() => '');

async function stageOf(visit: Visit): Promise<Stage> {
  const { page } = visit;
  if (isErrorStatus(visit)) return { kind: 'unknown' };
  const text = await visit.text();
  if (containsText(text, NO_SLOT_MESSAGE)) return { kind: 'no_slot' };
  if ((await slotLinks(page).count()) > 0 || containsText(text, 'Pas de créneau disponible')) return { kind: 'week' };
  const lieux = await links(page, 'a[href*="lieu_id="]', (href) => href.searchParams.get('lieu_id'));
  if (lieux.length > 0 && !/lieu_id=/.test(page.url())) {
    for (const choice of lieux) choice.guichet.label = (await lieuName(page, choice.link)) || choice.guichet.label;
    return { kind: 'lieux', choices: lieux };
  }
  const motifs = await links(page, 'a[href*="motif_name_with_location_type="]', (href) =>
    href.searchParams.get('motif_name_with_location_type'),
  );
  if (motifs.length > 0 && !/motif_name_with_location_type=/.test(page.url())) return { kind: 'motifs', choices: motifs };
  return { kind: 'unknown' };
}

/** The guichet the planning names (by value or by label, accents and case aside), or the only one offered. */
function choose(choices: { guichet: Guichet; link: Locator }[], wanted: string | null, what: 'motifs' | 'lieux') {
  const found =
    wanted === null
      ? choices.length === 1
        ? choices[0]
        : undefined
      : choices.find((c) => sameText(c.guichet.value, wanted) || sameText(c.guichet.label, wanted));
  if (found) return found;
  const guichets = choices.map((c) => c.guichet);
  const list = guichets.map((g) => `« ${g.label} »`).join(', ');
  throw new GuichetChoiceError(
    wanted === null
      ? `Cette page propose plusieurs ${what} : choisissez-en un (sa valeur ou son libellé) parmi ${list}.`
      : `« ${wanted} » ne figure pas parmi les ${what} proposés : ${list}.`,
    guichets,
  );
}

/** The slots of the week on screen, from their links' `starts_at` (their labels when it is missing). */
async function weekSlots(page: Page): Promise<LocalDateTime[] | null> {
  const reference = dateParam(page.url());
  const slots: LocalDateTime[] = [];
  for (const link of await slotLinks(page).all()) {
    const href = new URL((await link.getAttribute('href')) ?? '', page.url());
    const startsAt = href.searchParams.get('starts_at');
    const label = (await link.getAttribute('aria-label')) ?? (await link.innerText());
    const slot = (startsAt === null ? null : toParisLocal(startsAt)) ?? parseFrenchSlot(label, { reference });
    if (slot === null) return null;
    slots.push(slot);
  }
  return slots;
}

function dateParam(url: string): Date {
  const value = new URL(url).searchParams.get('date')?.slice(0, 10);
  const parsed = value === undefined ? Number.NaN : Date.parse(`${value}T12:00:00Z`);
  return Number.isNaN(parsed) ? new Date() : new Date(parsed);
}

function firstLink(page: Page, text: RegExp, label: RegExp): Locator {
  return page.locator('a').filter({ hasText: text }).or(page.getByRole('link', { name: label })).first();
}

async function readWeeks(visit: Visit, pagesLeft: number): Promise<AdapterResult> {
  const { page } = visit;
  const slots: LocalDateTime[] = [];
  for (let left = pagesLeft; ; left -= 1) {
    const read = await weekSlots(page);
    if (read === null) return result('unrecognized', 'Créneau illisible sur la semaine affichée : à vérifier.');
    slots.push(...read);
    if (slots.length >= 2 || left <= 0) break;
    const overlay = firstLink(page, /prochaine disponibilit/i, /prochaine disponibilit/i);
    const nextWeek = firstLink(page, /sem\.? prochaine/i, /semaine suivante/i);
    // An empty week shows the next availability over it; after a week with the single first slot, the next week
    // tells whether a second one follows. An empty week without that overlay: nothing later.
    const target = (await overlay.count()) > 0 ? overlay : read.length > 0 && (await nextWeek.count()) > 0 ? nextWeek : null;
    if (target === null) break;
    await followLink(visit, target);
    if ((await stageOf(visit)).kind !== 'week') {
      if (slots.length > 0) break;
      return classifyPage(visit, 'une semaine de créneaux');
    }
  }
  if (slots.length === 0) {
    return result('no_date', 'Semaine affichée sans créneau (« Pas de créneau disponible ») et aucune disponibilité ultérieure annoncée.');
  }
  return datesResult(slots, 'Créneaux lus sur RDV Service Public');
}

const EXPECTED = 'une page de recherche RDV Service Public (motifs, lieux ou créneaux)';

/** Walks motif and lieu choices until the week of slots or the no-slot message; discovery stops at the first choice. */
async function walk(visit: Visit, guichet: string | null, discoverOnly: boolean): Promise<{ stage: Stage; result: AdapterResult | null }> {
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const stage = await stageOf(visit);
    if (stage.kind === 'no_slot') {
      return { stage, result: result('no_date', 'Le site indique « Malheureusement, aucun créneau correspondant à votre recherche n’a été trouvé ».') };
    }
    if (stage.kind === 'week') return { stage, result: discoverOnly ? null : await readWeeks(visit, MAX_PAGES - pages) };
    if (stage.kind === 'unknown') throw new ProbeStop(await classifyPage(visit, EXPECTED));
    if (discoverOnly) return { stage, result: null };
    const chosen = choose(stage.choices, guichet, stage.kind);
    await followLink(visit, chosen.link);
  }
  throw stop('unrecognized', 'Trop d’étapes avant les créneaux : à vérifier.');
}

export const anctAdapter: Adapter = {
  system: 'anct',
  matches: (url) => HOSTS.test(url.hostname) || url.pathname === '/prendre_rdv' || /^\/org\/[\w-]+\/?$/.test(url.pathname),

  async discover(ctx: AdapterContext) {
    const visit = startVisit(ctx);
    await visit.goto(ctx.target.url);
    await visit.dismissCookieBanner();
    const { stage } = await walk(visit, null, true);
    const heading = await visit.page.locator('h1, h2').first().innerText().catch(() => '');
    const guichets = stage.kind === 'motifs' || stage.kind === 'lieux' ? stage.choices.map((c) => c.guichet) : [];
    return { title: heading.trim() || null, guichets };
  },

  async probe(ctx: AdapterContext) {
    const visit = startVisit(ctx);
    await visit.goto(ctx.target.url);
    await visit.dismissCookieBanner();
    const walked = await walk(visit, ctx.target.guichet, false);
    return walked.result ?? result('unrecognized', 'Aucune conclusion : à vérifier.');
  },
};
