// The legacy préfecture booking module (SITES.md §1): conditions → guichet choice → information page → either
// the site's no-slot sentence or the week calendar. Never goes past the calendar (no slot is ever chosen).
import type { Locator } from 'playwright-core';
import type { Guichet } from '../../../shared/domain.js';
import { AppError } from '../../errors.js';
import { classifyPage } from '../classify.js';
import { normalizeText, sameText } from '../text.js';
import type { Adapter, AdapterContext, AdapterResult } from '../types.js';
import { ProbeStop, startVisit, stop, type Visit } from '../visit.js';
import { onElement } from '../in-page.js';
import { findControl, passInterstitial } from './controls.js';
import { readCalendar } from './legacy-calendar.js';

const BOOKING_PATH = /\/booking\/create\/(\d+)(?:\/(\d+))?/;
const NO_SLOT_SENTENCE = "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous.";
const NO_SLOT = normalizeText("Il n'existe plus de plage horaire libre");
const RADIOS = 'input[type="radio"]';
const CHECKBOXES = 'input[type="checkbox"]';
/** The module's "next" submit, by what it says; its name `nextButton` is only a hint. */
const NEXT_WORDS = ['etape suivante', 'effectuer une demande de rendez-vous', 'suivant', 'continuer', 'valider'];
const NEXT_HINT = '[name="nextButton"]';
const MAX_STEPS = 10;

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
  return (await visit.page.locator(selector).count().catch(() => 0)) > 0;
}

function nextControl(visit: Visit): Promise<Locator | null> {
  return findControl(visit.page, NEXT_WORDS, NEXT_HINT);
}

async function submitNext(visit: Visit): Promise<void> {
  const next = await nextControl(visit);
  if (!next) throw stop('unrecognized', `Étape « ${visit.stepName()} » : aucun bouton « Etape suivante » ou équivalent sur la page.`);
  await visit.submit(next);
}

/** The step on screen, read from what the page says and shows; null when it is none of the module's. */
async function currentStep(visit: Visit): Promise<Step | null> {
  const status = visit.status();
  if (status !== null && status >= 400) return null;
  const text = await visit.text();
  if (text.includes(NO_SLOT)) return 'no_slot';
  const step = stepNumber(visit.page.url());
  // The week's heading (« Semaine du … au … ») says it as a person reads it; while the week loads, step 4 of the address.
  if (/semaine du .* au /.test(text)) return 'calendar';
  if ((await has(visit, RADIOS)) && (await nextControl(visit)) !== null) return 'choice';
  if ((await has(visit, CHECKBOXES)) && text.includes('condition')) return 'conditions';
  if (step === 4) return 'calendar';
  if ((step === 3 || text.includes('descriptif')) && (await nextControl(visit)) !== null) return 'description';
  return null;
}

const LABEL_TEXT = onElement<string>("const label = (el.labels && el.labels[0]) || el.closest('label'); return (label && label.textContent) || '';");

async function readGuichets(visit: Visit): Promise<Guichet[]> {
  const radios = visit.page.locator(RADIOS);
  const guichets: Guichet[] = [];
  for (let i = 0, n = await radios.count(); i < n; i++) {
    const radio = radios.nth(i);
    const value = (await radio.getAttribute('value')) ?? '';
    const text = await radio.evaluate(LABEL_TEXT);
    guichets.push({ value, label: text.replace(/\s+/g, ' ').trim() || value });
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
  await visit.check(visit.page.locator(RADIOS).nth(index), guichets[index]?.label);
  await submitNext(visit);
}

/** Ticks the box of the conditions (the one whose label speaks of them, else the only one) and goes on. */
async function acceptConditions(visit: Visit): Promise<void> {
  const named = visit.page.getByRole('checkbox', { name: /condition/i });
  const box = (await named.count()) > 0 ? named.first() : visit.page.locator(CHECKBOXES).first();
  await visit.check(box);
  await submitNext(visit);
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
  visit.step('ouverture de la page');
  await visit.goto(ctx.target.url);
  const seen = new Set<Step>();
  for (let i = 0; i < MAX_STEPS; i++) {
    const step = await visit.read(() => currentStep(visit));
    if (step === null) {
      // An information page before the module: passed once or twice, as a person would.
      if (await passInterstitial(visit)) continue;
      throw new ProbeStop(await classifyPage(visit, 'une étape du module de rendez-vous'));
    }
    visit.step(STEP_NAMES[step]);
    const result = await until(step, visit);
    if (result !== null) return result;
    if (seen.has(step)) {
      const error = visit.page.locator('.error, .erreur, .alert, [role="alert"]');
      const said = (await error.count()) > 0 ? ` : « ${(await error.first().innerText()).trim()} »` : '';
      throw stop('unrecognized', `La page « ${STEP_NAMES[step]} » revient après validation${said}.`);
    }
    seen.add(step);
    if (step === 'conditions') await acceptConditions(visit);
    else if (step === 'choice') await chooseGuichet(visit, ctx.target.guichet);
    else await submitNext(visit);
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
