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
import { passInterstitial } from './controls.js';
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
  const choices: Choice[] = [];
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
/** A lieu's name: the heading of the card around its link (the site's `card-title` class is only a hint). */
const lieuName = (page: Page, link: Locator) =>
  link
    .locator('xpath=ancestor::*[.//h1 or .//h2 or .//h3 or .//h4 or .//h5][1]')
    .locator('h1, h2, h3, h4, h5, [class*="card-title"]')
    .first()
    .innerText()
    .catch(() => '');

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

type Choice = { guichet: Guichet; link: Locator };

const STAGE_NAMES: Record<Stage['kind'], string> = {
  no_slot: 'aucun créneau',
  week: 'semaine de créneaux',
  lieux: 'choix du lieu',
  motifs: 'choix du motif',
  unknown: 'page inconnue',
};

/** The stage once the page has settled, with a short grace for a page that renders late. */
async function settledStage(visit: Visit): Promise<Stage> {
  const stage = await visit.read(async () => {
    const found = await stageOf(visit);
    return found.kind === 'unknown' ? null : found;
  });
  return stage ?? { kind: 'unknown' };
}

/**
 * The guichet a planning names: a motif or a lieu (value or label), or both as discover lists them, either
 * `<motif value>@<lieu id>` or `<motif> — <lieu>`.
 */
interface Wanted {
  raw: string;
  motif: string | null;
  lieu: string | null;
}

function parseWanted(raw: string | null): Wanted | null {
  if (raw === null) return null;
  const pair = /^(.+)@(\d+)$/.exec(raw.trim()) ?? /^(.+?)\s+—\s+(.+)$/.exec(raw.trim());
  return { raw, motif: pair?.[1] ?? null, lieu: pair?.[2] ?? null };
}

/** The value and label discover gives a motif × lieu pair. */
export function pairGuichet(motif: Guichet, lieu: Guichet): Guichet {
  return { value: `${motif.value}@${lieu.value}`, label: `${motif.label} — ${lieu.label}` };
}

/** What the walk chose so far: the motif (when a motif page was passed) and whether `wanted` named something. */
interface Walked {
  motif: Guichet | null;
  matched: boolean;
  levels: number;
}

/** The choice the planning names (by value or by label, accents and case aside), or the only one offered. */
function choose(choices: Choice[], wanted: Wanted | null, what: 'motifs' | 'lieux', walked: Walked): Choice {
  const part = what === 'motifs' ? wanted?.motif : wanted?.lieu;
  const names = [wanted?.raw, part].filter((name): name is string => typeof name === 'string');
  const found = choices.find((c) => names.some((name) => sameText(c.guichet.value, name) || sameText(c.guichet.label, name)));
  walked.levels += 1;
  if (found) {
    walked.matched = true;
    return found;
  }
  // A level with one choice is no choice: the name may be that of the other level (e.g. a lieu).
  const only = choices.length === 1 ? choices[0] : undefined;
  if (only) return only;
  const { motif } = walked;
  const guichets = choices.map((c) => (what === 'lieux' && motif ? pairGuichet(motif, c.guichet) : c.guichet));
  const list = guichets.map((g) => `« ${g.label} »`).join(', ');
  if (wanted === null || (what === 'lieux' && walked.matched)) {
    throw new GuichetChoiceError(
      `Cette page propose plusieurs ${what} : choisissez-en un (sa valeur ou son libellé) parmi ${list}.`,
      guichets,
    );
  }
  throw new GuichetChoiceError(`« ${wanted.raw} » ne figure pas parmi les ${what} proposés : ${list}.`, guichets);
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
    visit.step('semaine suivante');
    await followLink(visit, target);
    if ((await settledStage(visit)).kind !== 'week') {
      if (slots.length > 0) break;
      return classifyPage(visit, 'une semaine de créneaux');
    }
  }
  if (slots.length === 0) {
    // `no_date` only on the site's own words (« Prochaine disponibilité : aucune »), never on their absence: an
    // empty week, a dash or an empty value say nothing a person could quote.
    const text = await visit.text();
    const announced = /prochaine disponibilite\s*(?:le)?\s*:?\s*(aucune|aucun creneau|neant|pas de (?:date|creneau))\b/.exec(text);
    if (announced) return result('no_date', `Le site indique « Prochaine disponibilité : ${announced[1] ?? ''} » : aucun créneau annoncé.`);
    return result(
      'unrecognized',
      'Semaine affichée sans créneau (« Pas de créneau disponible ») et sans la phrase du site « aucun créneau » ni « Prochaine disponibilité » : résultat non concluant.',
    );
  }
  return datesResult(slots, 'Créneaux lus sur RDV Service Public');
}

const EXPECTED = 'une page de recherche RDV Service Public (motifs, lieux ou créneaux)';

/** Walks motif and lieu choices until the week of slots or the no-slot message; discovery stops at the first choice. */
async function walk(visit: Visit, guichet: string | null, discoverOnly: boolean): Promise<{ stage: Stage; result: AdapterResult | null }> {
  const wanted = parseWanted(guichet);
  const walked: Walked = { motif: null, matched: false, levels: 0 };
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const stage = await settledStage(visit);
    if (stage.kind === 'unknown') {
      if (await passInterstitial(visit)) continue;
      throw new ProbeStop(await classifyPage(visit, EXPECTED));
    }
    visit.step(STAGE_NAMES[stage.kind]);
    if (stage.kind === 'motifs' || stage.kind === 'lieux') {
      if (discoverOnly) return { stage, result: null };
      const chosen = choose(stage.choices, wanted, stage.kind, walked);
      if (stage.kind === 'motifs') walked.motif = chosen.guichet;
      await followLink(visit, chosen.link);
      continue;
    }
    // Single choices were taken on the way: a name that matched none of them is a planning to correct.
    if (wanted !== null && walked.levels > 0 && !walked.matched) {
      throw new GuichetChoiceError(`« ${wanted.raw} » ne figure ni parmi les motifs ni parmi les lieux proposés.`, []);
    }
    if (stage.kind === 'no_slot') {
      return { stage, result: result('no_date', 'Le site indique « Malheureusement, aucun créneau correspondant à votre recherche n’a été trouvé ».') };
    }
    return { stage, result: discoverOnly ? null : await readWeeks(visit, MAX_PAGES - pages) };
  }
  throw stop('unrecognized', 'Trop d’étapes avant les créneaux : à vérifier.');
}

/** Motifs whose lieux discover looks at; an organisation with more lists its motifs alone past this. */
const MAX_DISCOVERED_MOTIFS = 20;

/**
 * The guichets of a page: its lieux, or its motifs, each motif offered in several lieux being replaced by one
 * motif × lieu pair per lieu (a motif alone would not say where to probe).
 */
async function discoverGuichets(visit: Visit, stage: Stage): Promise<Guichet[]> {
  if (stage.kind === 'lieux') return stage.choices.map((c) => c.guichet);
  if (stage.kind !== 'motifs') return [];
  const motifs: { guichet: Guichet; href: string | null }[] = [];
  for (const choice of stage.choices) motifs.push({ guichet: choice.guichet, href: await choice.link.getAttribute('href') });
  const base = visit.page.url();
  const guichets: Guichet[] = [];
  for (const [index, motif] of motifs.entries()) {
    if (index >= MAX_DISCOVERED_MOTIFS || motif.href === null) {
      guichets.push(motif.guichet);
      continue;
    }
    await visit.goto(new URL(motif.href, base).toString());
    const next = await stageOf(visit);
    if (next.kind === 'lieux' && next.choices.length > 1) {
      guichets.push(...next.choices.map((lieu) => pairGuichet(motif.guichet, lieu.guichet)));
    } else {
      guichets.push(motif.guichet);
    }
  }
  return guichets;
}

export const anctAdapter: Adapter = {
  system: 'anct',
  matches: (url) => HOSTS.test(url.hostname) || url.pathname === '/prendre_rdv' || /^\/org\/[\w-]+\/?$/.test(url.pathname),

  async discover(ctx: AdapterContext) {
    const visit = startVisit(ctx);
    visit.step('ouverture de la page');
    await visit.goto(ctx.target.url);
    const { stage } = await walk(visit, null, true);
    const heading = await visit.page.locator('h1, h2').first().innerText().catch(() => '');
    return { title: heading.trim() || null, guichets: await discoverGuichets(visit, stage) };
  },

  async probe(ctx: AdapterContext) {
    const visit = startVisit(ctx);
    visit.step('ouverture de la page');
    await visit.goto(ctx.target.url);
    const walked = await walk(visit, ctx.target.guichet, false);
    return walked.result ?? result('unrecognized', 'Aucune conclusion : à vérifier.');
  },
};
