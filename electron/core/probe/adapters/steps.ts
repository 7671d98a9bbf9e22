// User-defined steps (StepsSpec) for booking sites Guichets has no adapter for: the ordered steps a person
// takes, then the no-slot text (positive evidence of `no_date`) or the slot elements; anything else is
// `unrecognized`. tryStepsSpec runs them once with a screenshot per step, for the form's "try these steps now".
import type { Locator, Page } from 'playwright-core';
import type { LocalDateTime, Step, StepsSpec } from '../../../shared/domain.js';
import { AppError } from '../../errors.js';
import { classifyPage } from '../classify.js';
import { perceive } from '../perceive.js';
import { quoted, said } from '../said.js';
import { containsText, normalizeText } from '../text.js';
import type { Adapter, AdapterContext, AdapterResult } from '../types.js';
import { navigationFailure, ProbeStop, startVisit, type Visit } from '../visit.js';
import { parseFrenchSlot } from './french-dates.js';

function isErrorStatus(visit: Visit): boolean {
  const status = visit.status();
  return status !== null && status >= 400;
}

/** What the person's steps read: the slots and the first two, as every probe says them. */
function datesResult(slots: LocalDateTime[]): AdapterResult {
  const sorted = [...new Set(slots)].sort();
  const [first = '', second] = sorted;
  if (second === undefined) return said('dates', 'probe.slots_one', { first, windows: 1, end: 'none', days: 0, said: 'none' }, sorted);
  return said('dates', 'probe.slots_two', { first, second, count: sorted.length, windows: 1, said: 'none' }, sorted);
}

export { parseStepsSpec, stepsSpecSchema } from './steps-schema.js';

export interface StepOutcome {
  /** Position among the user's steps; -1 for opening the planning's address when the steps do not start there. */
  index: number;
  step: Step;
  ok: boolean;
  /** In French: what was done, or why it failed. */
  detail: string;
}

export interface RunOptions {
  /** Longest wait for an element or a text, per step; the page's default timeout when absent. */
  stepTimeoutMs?: number;
  onStep?: (outcome: StepOutcome) => Promise<void>;
}

/** How a step reads in the form and in details. */
export function describeStep(step: Step): string {
  const target = (s: { text?: string; selector?: string }) => (s.text ? `« ${s.text} »` : `l’élément ${s.selector ?? ''}`);
  switch (step.kind) {
    case 'goto':
      return `aller à ${step.url}`;
    case 'click':
      return `cliquer sur ${target(step)}`;
    case 'check':
      return `cocher ${target(step)}`;
    case 'fill':
      return `remplir ${step.selector}`;
    case 'select':
      return `choisir « ${step.option} » dans ${step.selector}`;
    case 'waitForText':
      return `attendre le texte « ${step.text} »`;
  }
}

// What a person clicks, fills or waits for is what they see: a hidden copy earlier in the page (a template, a
// closed menu's twin of the button) is passed over.
function clickable(page: Page, step: { text?: string; selector?: string }): Locator {
  if (step.selector && step.text) return page.locator(step.selector).filter({ hasText: step.text, visible: true }).first();
  if (step.selector) return page.locator(step.selector).filter({ visible: true }).first();
  const text = step.text ?? '';
  return page
    .getByRole('button', { name: text })
    .or(page.getByRole('link', { name: text }))
    .or(page.getByText(text))
    .filter({ visible: true })
    .first();
}

function checkable(page: Page, step: { text?: string; selector?: string }): Locator {
  if (step.selector) return page.locator(step.selector).first();
  const text = step.text ?? '';
  return page.getByLabel(text).or(page.getByRole('checkbox', { name: text })).first();
}

async function perform(visit: Visit, step: Step, timeout: number | undefined): Promise<void> {
  const { page } = visit;
  switch (step.kind) {
    case 'goto':
      await visit.goto(new URL(step.url, page.url() === 'about:blank' ? undefined : page.url()).toString());
      await visit.settle();
      await visit.dismissCookieBanner();
      return;
    case 'click':
      // Banners and pop-ups in the way are closed, as a person would; the page is read once it has settled.
      await visit.dismissCookieBanner();
      await visit.click(clickable(page, step), step.text ?? step.selector, timeout);
      await page.waitForLoadState('load', { timeout });
      await visit.settle();
      return;
    case 'check':
      await visit.dismissCookieBanner();
      await visit.check(checkable(page, step), step.text ?? step.selector, timeout);
      return;
    case 'fill':
      await page.locator(step.selector).filter({ visible: true }).first().fill(step.value, { timeout });
      return;
    case 'select':
      await page.locator(step.selector).filter({ visible: true }).first().selectOption(step.option, { timeout });
      return;
    case 'waitForText':
      await page.getByText(step.text).filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
      await visit.settle();
      return;
  }
}

/** Why a step could not be done: the site's failure when the page says so, else the step named. */
async function stepFailure(visit: Visit, index: number, step: Step, error: unknown): Promise<AdapterResult> {
  const failed = (reason: string) => said('unrecognized', 'probe.steps_failed', { index: index + 1, action: describeStep(step), reason: quoted(reason, 200) });
  if (error instanceof ProbeStop) {
    if (error.result.outcome !== 'unrecognized') return error.result;
    // A user-defined step is named as the person wrote it, not as the visit names its own steps.
    return failed(error.result.detail.replace(/^Étape « .*? » : /, ''));
  }
  const timedOut = error instanceof Error && error.name === 'TimeoutError';
  const failure = timedOut ? null : navigationFailure(error, visit.where());
  if (failure) return failure;
  const classified = classifyPage(visit, await perceive(visit.page));
  if (classified.outcome !== 'unrecognized') return classified;
  return failed(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
}

/**
 * Runs the steps in order; returns the outcome when a step ended the probe (the site did not answer or answered
 * an error page, or a step could not be done), null when every step was done.
 */
export async function runSteps(visit: Visit, spec: StepsSpec, startUrl: string, options: RunOptions = {}): Promise<AdapterResult | null> {
  const steps: Step[] = spec.steps[0]?.kind === 'goto' ? spec.steps : [{ kind: 'goto', url: startUrl }, ...spec.steps];
  const offset = steps.length - spec.steps.length;
  for (const [position, step] of steps.entries()) {
    const index = position - offset;
    const name = index >= 0 ? `Étape ${index + 1} (${describeStep(step)})` : `Ouverture de ${startUrl}`;
    visit.step(index >= 0 ? `étape ${index + 1} : ${describeStep(step)}` : 'ouverture de la page');
    let ended: AdapterResult | null = null;
    try {
      await perform(visit, step, options.stepTimeoutMs);
      if (isErrorStatus(visit)) ended = classifyPage(visit, await perceive(visit.page));
    } catch (error) {
      ended = index >= 0 ? await stepFailure(visit, index, step, error) : (navigationFailure(error, visit.where()) ?? classifyPage(visit, await perceive(visit.page)));
    }
    await options.onStep?.({ index, step, ok: ended === null, detail: ended?.detail ?? `${name} : fait.` });
    if (ended) return ended;
  }
  return null;
}

/** Reads one slot from an element's text, with the user's pattern when there is one. */
export function readSlot(text: string, datePattern?: string): LocalDateTime | null {
  if (!datePattern) return parseFrenchSlot(text);
  const match = new RegExp(datePattern, 'i').exec(text);
  if (!match) return null;
  const groups = match.groups ?? {};
  if (groups.day && groups.month && groups.year) {
    const time = groups.hour ? ` ${groups.hour}:${groups.minute ?? '00'}` : '';
    return parseFrenchSlot(`${groups.day} ${groups.month} ${groups.year}${time}`.replace(/^(\d+) (\d+) /, '$1/$2/'));
  }
  return parseFrenchSlot(match[1] ?? match[0]);
}

/** After the steps: the no-slot text, the slot elements, or the page classified (error, captcha, unknown). */
export async function concludeSteps(visit: Visit, spec: StepsSpec): Promise<AdapterResult> {
  const { page } = visit;
  // What covers the answer is closed first, as at every step.
  await visit.dismissCookieBanner();
  // What a person sees (perceive.ts): a sentence or a slot kept hidden in the page (a template, a transparent
  // message) is not the site's answer. A slot element counts when its words are on the page as shown.
  const seen = await perceive(page);
  const shown = normalizeText(seen.text).replaceAll(' ', '');
  const slotTexts = (await page.locator(spec.slotSelector).allInnerTexts().catch(() => [] as string[])).filter((slotText) => {
    const words = normalizeText(slotText).replaceAll(' ', '');
    return words !== '' && shown.includes(words);
  });
  const slots = slotTexts.map((slotText) => readSlot(slotText, spec.datePattern));
  const read = slots.filter((slot): slot is LocalDateTime => slot !== null);
  if (containsText(seen.text, spec.noSlotText)) {
    // The site's own line, as it wrote it (the person's text when the sentence runs over several lines).
    const line = quoted(seen.text.split('\n').find((l) => containsText(l, spec.noSlotText)) ?? spec.noSlotText);
    if (read.length > 0) return said('unrecognized', 'probe.steps_both', { said: line });
    return said('no_date', 'probe.steps_no_slot', { said: line });
  }
  if (read.length > 0) return datesResult(read);
  if (slotTexts.length > 0) {
    return said('unrecognized', 'probe.steps_unreadable', { selector: spec.slotSelector, said: quoted(slotTexts[0] ?? '', 80) });
  }
  return classifyPage(visit, seen);
}

function specOf(ctx: AdapterContext): StepsSpec {
  const spec = ctx.target.steps;
  if (!spec) throw new AppError('invalid_input', 'Ce planning n’a pas d’étapes définies : ajoutez-les dans sa fiche.');
  return spec;
}

export const stepsAdapter: Adapter = {
  system: 'steps',
  // Never detected from a URL: the user chooses user-defined steps.
  matches: () => false,

  async discover(ctx) {
    const visit = startVisit(ctx);
    await visit.goto(ctx.target.url);
    if (isErrorStatus(visit)) throw new ProbeStop(classifyPage(visit, await perceive(visit.page)));
    return { title: (await ctx.page.title()) || null, guichets: [] };
  },

  async probe(ctx) {
    const spec = specOf(ctx);
    const visit = startVisit(ctx);
    return (await runSteps(visit, spec, ctx.target.url)) ?? concludeSteps(visit, spec);
  },
};

export interface StepTrial extends StepOutcome {
  /** PNG of the page after the step. */
  screenshot: Buffer;
}

export interface StepsTrial {
  steps: StepTrial[];
  result: AdapterResult;
  finalUrl: string;
}

/** Runs the steps once on a page, keeping a screenshot and the status of each, and what a probe would record. */
export async function tryStepsSpec(
  page: Page,
  spec: StepsSpec,
  options: { url: string; stepTimeoutMs?: number; log?: (message: string) => void },
): Promise<StepsTrial> {
  const trials: StepTrial[] = [];
  const ctx: AdapterContext = {
    page,
    target: { url: options.url, guichet: null, system: 'steps', steps: spec },
    log: options.log ?? (() => undefined),
    noteResponse: () => undefined,
  };
  const visit = startVisit(ctx);
  const ended = await runSteps(visit, spec, options.url, {
    ...(options.stepTimeoutMs === undefined ? {} : { stepTimeoutMs: options.stepTimeoutMs }),
    onStep: async (outcome) => {
      trials.push({ ...outcome, screenshot: await page.screenshot({ type: 'png' }) });
    },
  });
  return { steps: trials, result: ended ?? (await concludeSteps(visit, spec)), finalUrl: page.url() };
}
