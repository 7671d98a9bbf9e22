// The legacy préfecture booking module (SITES.md §1): conditions → guichet choice → information page → either
// the site's no-slot sentence or the week calendar. Never goes past the calendar (no slot is ever chosen).
import type { Locator } from 'playwright-core';
import type { Guichet } from '../../../shared/domain.js';
import { AppError } from '../../errors.js';
import { classifyPage } from '../classify.js';
import { normalizeText, sameText } from '../text.js';
import type { Adapter, AdapterContext, AdapterResult } from '../types.js';
import { ProbeStop, startVisit, stop, type Visit } from '../visit.js';
import { readCalendar } from './legacy-calendar.js';

const BOOKING_PATH = /\/booking\/create\/(\d+)(?:\/(\d+))?/;
const NO_SLOT_SENTENCE = "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous.";
const NO_SLOT = normalizeText("Il n'existe plus de plage horaire libre");
const RADIOS = 'input[type="radio"][name="planning"]';
const NEXT = '[name="nextButton"]';
const MAX_STEPS = 8;

type Step = 'conditions' | 'choice' | 'no_slot' | 'description' | 'calendar';
const STEP_NAMES: Record<Step, string> = {
  conditions: 'conditions d’utilisation',
  choice: 'choix du guichet',
  no_slot: 'plus de plage libre',
  description: 'descriptif',
  calendar: 'calendrier',
};

/** An AppError that also carries the guichets to choose from, for the UI. */
export class GuichetChoiceError extends AppError {
  constructor(
    message: string,
    readonly guichets: Guichet[],
  ) {
    super('guichet_required', message);
  }
}

function stepNumber(url: string): number | null {
  const step = BOOKING_PATH.exec(new URL(url).pathname)?.[2];
  return step === undefined ? null : Number(step);
}

async function has(visit: Visit, selector: string): Promise<boolean> {
  return (await visit.page.locator(selector).count()) > 0;
}

async function currentStep(visit: Visit): Promise<Step | null> {
  const status = visit.status();
  if (status !== null && status >= 400) return null;
  const text = await visit.text();
  if (text.includes(NO_SLOT)) return 'no_slot';
  if (await has(visit, RADIOS)) return 'choice';
  if (await has(visit, '#condition, input[type="checkbox"][name="condition"]')) return 'conditions';
  const step = stepNumber(visit.page.url());
  if (step === 4 || (await has(visit, '#planning_Booking, th[colspan="7"]'))) return 'calendar';
  if ((step === 3 || text.includes('descriptif')) && (await has(visit, NEXT))) return 'description';
  return null;
}

async function readGuichets(visit: Visit): Promise<Guichet[]> {
  const radios = visit.page.locator(RADIOS);
  const guichets: Guichet[] = [];
  for (let i = 0, n = await radios.count(); i < n; i++) {
    const radio = radios.nth(i);
    const value = (await radio.getAttribute('value')) ?? '';
    const id = await radio.getAttribute('id');
    const label = id ? visit.page.locator(`label[for="${id}"]`) : radio.locator('xpath=ancestor::label');
    const text = (await label.count()) > 0 ? await label.first().innerText() : value;
    guichets.push({ value, label: text.replace(/\s+/g, ' ').trim() });
  }
  return guichets;
}

function listChoices(guichets: Guichet[]): string {
  return guichets.map((g) => `${g.value} « ${g.label} »`).join(' ; ');
}

async function chooseGuichet(visit: Visit, wanted: string | null): Promise<void> {
  const guichets = await readGuichets(visit);
  if (guichets.length === 0) throw stop('unrecognized', 'Page de choix du guichet sans aucun guichet.');
  let index = 0;
  if (guichets.length > 1 || wanted !== null) {
    if (wanted === null) {
      throw new GuichetChoiceError(
        `Cette adresse propose ${guichets.length} guichets : choisissez-en un avec --guichet (sa valeur ou son libellé). Guichets : ${listChoices(guichets)}.`,
        guichets,
      );
    }
    index = guichets.findIndex((g) => sameText(g.value, wanted) || sameText(g.label, wanted));
    if (index < 0) {
      throw new GuichetChoiceError(
        `Le guichet « ${wanted} » n'est pas proposé à cette adresse. Indiquez l'un de ceux-ci avec --guichet : ${listChoices(guichets)}.`,
        guichets,
      );
    }
  }
  await tick(visit.page.locator(RADIOS).nth(index));
  await visit.submit(visit.page.locator(NEXT).first());
}

/** Ticks a box or a radio; some themes hide the input behind a styled label, which then takes the click. */
async function tick(input: Locator): Promise<void> {
  if (await input.isVisible()) await input.check();
  else await input.check({ force: true });
}

async function acceptConditions(visit: Visit): Promise<void> {
  await tick(visit.page.locator('#condition, input[type="checkbox"][name="condition"]').first());
  await visit.submit(visit.page.locator(NEXT).first());
}

async function pageTitle(visit: Visit): Promise<string | null> {
  const heading = visit.page.locator('#inner_Booking h1, h1').first();
  const text = (await heading.count()) > 0 ? (await heading.innerText()).trim() : '';
  return text || (await visit.page.title()).trim() || null;
}

/**
 * Walks the steps until `until` returns a result. Each known step is answered like a person would; a page
 * that is no known step ends the walk with its classification.
 */
async function walk<T>(ctx: AdapterContext, until: (step: Step, visit: Visit) => Promise<T | null>): Promise<T> {
  const visit = startVisit(ctx);
  await visit.goto(ctx.target.url);
  const seen = new Set<Step>();
  for (let i = 0; i < MAX_STEPS; i++) {
    await visit.dismissCookieBanner();
    const step = await currentStep(visit);
    if (step === null) throw new ProbeStop(await classifyPage(visit, 'une étape du module de rendez-vous'));
    ctx.log(`Étape : ${STEP_NAMES[step]}`);
    const result = await until(step, visit);
    if (result !== null) return result;
    if (seen.has(step)) {
      const error = visit.page.locator('.error, .erreur, .alert');
      const said = (await error.count()) > 0 ? ` : « ${(await error.first().innerText()).trim()} »` : '';
      throw stop('unrecognized', `La page « ${STEP_NAMES[step]} » revient après validation${said}.`);
    }
    seen.add(step);
    if (step === 'conditions') await acceptConditions(visit);
    else if (step === 'choice') await chooseGuichet(visit, ctx.target.guichet);
    else await visit.submit(visit.page.locator(NEXT).first());
  }
  throw stop('unrecognized', 'Trop d’étapes avant la réponse du site.');
}

export const legacyAdapter: Adapter = {
  system: 'legacy',

  matches: (url) => BOOKING_PATH.test(url.pathname),

  async discover(ctx) {
    return walk(ctx, async (step, visit) => {
      if (step === 'conditions') return null;
      const title = await pageTitle(visit);
      if (step === 'choice') return { title, guichets: await readGuichets(visit) };
      // The form skipped the choice: its one guichet is the form itself.
      const formId = BOOKING_PATH.exec(new URL(ctx.target.url).pathname)?.[1] ?? '';
      return { title, guichets: [{ value: formId, label: title ?? formId }] };
    });
  },

  async probe(ctx) {
    return walk<AdapterResult>(ctx, async (step, visit) => {
      if (step === 'no_slot') {
        return { outcome: 'no_date', slots: [], detail: `Le site indique : « ${NO_SLOT_SENTENCE} »` };
      }
      if (step === 'calendar') return readCalendar(visit);
      return null;
    });
  },
};
