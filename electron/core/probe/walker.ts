// The robot's walk through a booking site, shared by every system: at each page it perceives what a person sees
// (perceive.ts) and does what a person does next, in this order — gets out of the way what covers the page, waits
// out a waiting room, reads the slots shown (turning to the next weeks for a second one), records « no date » only
// on the site's own words, chooses the guichet wanted where choices are offered, ticks what must be ticked and
// presses the one control that leads on. A system states its goal (Goal), never the pages it expects.
import { classifyPage, siteVerdict } from './classify.js';
import { chooseGuichet, GuichetChoiceError, offeredChoices, type Choice } from './choices.js';
import { announcedWait, asksToWait, mustBeTicked, saysLoading } from './meaning.js';
import { dismissOnce, overlaysOf } from './overlays.js';
import { locate, perceive, type Seen } from './perceive.js';
import { controlName, quoted, said } from './said.js';
import { pageReference, readSlots } from './slots.js';
import type { AdapterContext, AdapterResult } from './types.js';
import { EVIDENCE_MARGIN_MS, startVisit, stop, type Visit } from './visit.js';
import {
  datesResult,
  forwardOf,
  look,
  mainControls,
  MAX_WINDOWS,
  nextAvailabilityOf,
  nextWindowOf,
  noSlotLine,
  signature,
  stepOf,
  type Goal,
  type Walk,
  type WalkEnd,
} from './walk-state.js';
import { readWindow, turn } from './windows.js';

const DEFAULT_WAIT_MS = 40_000;
const MAX_PAGES = 16;
/** How long a page that shows nothing to act on is given to show it (late single-page apps). */
const RECOGNITION_GRACE_MS = 2_500;

export { HORIZON_DAYS, type Goal, type WalkEnd } from './walk-state.js';

/** Waits out a page that asks to wait (a queue, a page that refreshes itself), up to the probe's budget. */
async function waitOut(walk: Walk, seen: Seen): Promise<void> {
  const { visit, ctx } = walk;
  const started = Date.now();
  const limit = (ctx.deadline ?? started + DEFAULT_WAIT_MS + EVIDENCE_MARGIN_MS) - EVIDENCE_MARGIN_MS;
  const announced = announcedWait(seen.text);
  ctx.log(`File d'attente ou page d'attente${announced ? ` (le site annonce : « ${announced} »)` : ''} : le robot attend.`);
  const before = signature(seen);
  while (Date.now() < limit) {
    await visit.page.waitForTimeout(1_000).catch(() => undefined);
    // Each look bounded by the time left, so that the last one does not eat the evidence's margin.
    if (Date.now() >= limit) break;
    await visit.page.waitForLoadState('domcontentloaded', { timeout: Math.min(5_000, limit - Date.now()) }).catch(() => undefined);
    if (Date.now() >= limit) break;
    const now = await perceive(visit.page);
    if (now.text !== '' && signature(now) !== before && !isWaitingRoom(walk, now)) {
      ctx.log(`Fin de l'attente après ${Math.round((Date.now() - started) / 1000)} s.`);
      return;
    }
  }
  throw stop('site_error', 'probe.waiting_room', {
    step: visit.stepName(),
    seconds: Math.round((Date.now() - started) / 1000),
    said: announced ? quoted(announced) : 'none',
  });
}

function isWaitingRoom(walk: Walk, seen: Seen): boolean {
  if (readSlots(seen, new Date(), walk.goal.slotOfLink).slots.length > 0 || noSlotLine(seen, walk.goal) !== null) return false;
  if (forwardOf(seen) !== null || offeredChoices(seen, walk.goal.linkChoices).length > 0) return false;
  return asksToWait(seen.text) || seen.refresh !== null || (seen.busy && saysLoading(seen.text));
}

/** The walk: from the target's address to an outcome (or, when discovering, to the first choices offered). */
export async function walkSite(ctx: AdapterContext, goal: Goal, options: { discover?: boolean; from?: string } = {}): Promise<WalkEnd> {
  const visit = startVisit(ctx);
  visit.step('ouverture de la page');
  await visit.goto(options.from ?? ctx.target.url);
  const walk: Walk = {
    ctx,
    goal,
    visit,
    slots: new Set(),
    windows: 0,
    latest: null,
    first: null,
    acted: new Map(),
    choices: { wanted: options.discover ? null : ctx.target.guichet, matched: false, levels: 0, path: [] },
    daysTried: new Set(),
    tried: new Map(),
    stuckOnce: false,
    fresh: null,
    jumped: false,
    note: null,
    pages: 0,
  };
  const grace = { sig: '', until: 0 };
  let last: Seen | null = null;
  for (let round = 0; round < MAX_PAGES + MAX_WINDOWS; round++) {
    const seen = walk.fresh ?? (await look(walk));
    walk.fresh = null;
    last = seen;
    if (walk.windows === 0) visit.step(stepOf(seen));
    const ended = await actOn(walk, seen, options.discover === true);
    if (ended === 'again') continue;
    if (ended !== 'nothing') return checked(walk, ended);
    // Nothing to do on this page: it may still be rendering; after a moment, it is what the site answers.
    const sig = signature(seen);
    if (grace.sig !== sig) Object.assign(grace, { sig, until: Date.now() + RECOGNITION_GRACE_MS });
    if (Date.now() < grace.until) {
      await visit.page.waitForTimeout(250).catch(() => undefined);
      continue;
    }
    if (walk.slots.size > 0) return { kind: 'result', result: datesResult(walk, 'last'), seen };
    return { kind: 'result', result: classifyPage(visit, seen), seen };
  }
  if (walk.slots.size > 0) return { kind: 'result', result: datesResult(walk, 'horizon'), seen: last };
  throw stop('unrecognized', 'probe.too_many_pages', { step: visit.stepName(), pages: MAX_PAGES });
}

/** Single choices were taken on the way: a guichet named that matched none of them is the user's to correct. */
function checked(walk: Walk, end: WalkEnd): WalkEnd {
  const { wanted, levels, matched } = walk.choices;
  const answered = end.kind === 'result' && (end.result.outcome === 'dates' || end.result.outcome === 'no_date');
  if (answered && wanted !== null && levels > 0 && !matched) {
    throw new GuichetChoiceError(`« ${wanted} » ne figure parmi aucun des choix proposés : ${walk.choices.path.map((g) => `« ${g.label} »`).join(', ')}.`, walk.choices.path);
  }
  return end;
}

/** One page: what a person does there. 'again' when the robot acted and the page must be read anew. */
async function actOn(walk: Walk, seen: Seen, discover: boolean): Promise<WalkEnd | 'again' | 'nothing'> {
  const { visit, goal, ctx } = walk;
  const result = (r: AdapterResult): WalkEnd => ({ kind: 'result', result: r, seen });

  // The site's refusal, a bot wall, a captcha before the answer.
  const verdict = siteVerdict(visit, seen);
  if (verdict) {
    if (walk.slots.size > 0) return result(datesResult(walk, 'broken'));
    return result(verdict.outcome === 'captcha' && goal.captcha ? goal.captcha(seen.url) : verdict);
  }

  // What covers the page.
  if (overlaysOf(seen).length > 0) {
    const { pressed, stuck } = await dismissOnce(visit.page, seen, walk.tried, (line) => {
      ctx.log(line);
    });
    if (pressed !== null) return 'again';
    if (stuck !== null && !walk.stuckOnce) {
      walk.stuckOnce = true;
      await visit.page.waitForTimeout(1_000).catch(() => undefined);
      return 'again';
    }
    if (stuck !== null) throw stop('robot_error', 'probe.covered', { step: visit.stepName(), control: 'none', said: quoted(stuck, 140) });
  }

  // A waiting room, a page that refreshes itself.
  if (isWaitingRoom(walk, seen)) {
    await waitOut(walk, seen);
    return 'again';
  }

  // The slots shown, in whatever widget.
  const reference = pageReference(seen, walk.latest, new Date());
  const reading = readSlots(seen, reference, goal.slotOfLink);
  const saysNone = noSlotLine(seen, goal);
  const nextWindow = nextWindowOf(seen);
  const nextAvailability = nextAvailabilityOf(seen);
  const isWindow = reading.slots.length > 0 || reading.days.length > 0 || nextWindow !== null || (walk.windows > 0 && nextAvailability !== null);
  if (reading.slots.length > 0 && saysNone !== null) {
    return result(said('unrecognized', 'probe.no_slot_and_slots', { said: saysNone, count: reading.slots.length }));
  }
  if (isWindow || saysNone !== null) {
    if (discover) return result(said('no_date', 'probe.no_slot', { said: saysNone ?? '' }));
    return readWindow(walk, seen, reading, reference, saysNone, nextWindow, nextAvailability);
  }

  // The guichet wanted, where choices are offered.
  const choices = offeredChoices(seen, goal.linkChoices);
  if (choices.length > 0) {
    if (discover) return { kind: 'choices', choices, seen };
    const choice = goal.choose ? goal.choose(choices, walk.choices) : chooseGuichet(choices, walk.choices);
    visit.step(stepOf(seen));
    remember(walk, seen, choice.label);
    await applyChoice(visit, choice);
    if (choice.kind === 'link') return 'again';
    const forward = forwardOf(seen);
    if (forward) await visit.submit(locate(visit.page, forward), forward.name);
    return 'again';
  }

  // A page with a next availability and nothing else (an empty week reached directly).
  if (nextAvailability !== null) {
    walk.windows += 1;
    return (await turn(walk, seen, nextAvailability, reference)) === 'broken' ? result(datesResult(walk, 'broken')) : 'again';
  }

  // What must be ticked, and the one control that leads on.
  const forward = forwardOf(seen);
  if (forward === null) return 'nothing';
  remember(walk, seen, forward.name);
  for (const box of mainControls(seen)) {
    if (box.role !== 'checkbox' || box.checked || box.zone === 'nav') continue;
    if (box.required || mustBeTicked(box.name)) await visit.check(locate(visit.page, box), box.name);
  }
  walk.pages += 1;
  await visit.submit(locate(visit.page, forward), forward.name);
  return 'again';
}

/** Notes that the robot acted on this page; the same page seen again after that is a loop. */
function remember(walk: Walk, seen: Seen, action: string): void {
  const sig = signature(seen);
  const before = walk.acted.get(sig);
  if (before !== undefined) {
    const alert = seen.alerts[0];
    throw stop('unrecognized', 'probe.page_returns', {
      step: walk.visit.stepName(),
      control: controlName(before),
      said: alert ? quoted(alert) : 'none',
    });
  }
  walk.acted.set(sig, action);
}

async function applyChoice(visit: Visit, choice: Choice): Promise<void> {
  const locator = locate(visit.page, choice.control);
  if (choice.kind === 'radio') await visit.check(locator, choice.label);
  else if (choice.kind === 'option') await locator.selectOption(choice.value);
  else await visit.submit(locator, choice.label);
}

/** The result of a walk that must end with an outcome (a probe). */
export async function probeWalk(ctx: AdapterContext, goal: Goal, from?: string): Promise<AdapterResult> {
  const end = await walkSite(ctx, goal, from === undefined ? {} : { from });
  if (end.kind === 'result') return end.result;
  throw new Error('walkSite returned choices outside discovery');
}
