// The robot's walk through a booking site, shared by every system: at each page it perceives what a person sees
// (perceive.ts) and does what a person does next, in this order — gets out of the way what covers the page, waits
// out a waiting room, reads the slots shown (turning to the next weeks for a second one), records « no date » only
// on the site's own words, chooses the guichet wanted where choices are offered, ticks what must be ticked and
// presses the one control that leads on. A system states its goal (Goal), never the pages it expects.
import type { LocalDate, LocalDateTime } from '../../shared/domain.js';
import { classifyPage, siteVerdict } from './classify.js';
import { parseTime } from './adapters/french-dates.js';
import { frenchSlot } from './format.js';
import { announcedWait, asksToWait, forwardRank, isNextAvailability, isNextWindow, mustBeTicked, saysLoading } from './meaning.js';
import { dismissOnce, overlaysOf } from './overlays.js';
import { locate, perceive, type Control, type Seen } from './perceive.js';
import { controlName, quoted, said } from './said.js';
import { latestDate, pageReference, readSlots, type SlotOfLink } from './slots.js';
import { normalizeText } from './text.js';
import type { AdapterContext, AdapterResult } from './types.js';
import { ProbeStop, startVisit, stop, type Visit } from './visit.js';
import { chooseGuichet, GuichetChoiceError, offeredChoices, type Choice, type ChoiceState, type Chooser } from './choices.js';

/** What a system is known to say and serve; never the sequence of its pages. */
export interface Goal {
  /** The system's sentences that say nothing is free (compared normalised), or patterns of them. */
  noSlot: readonly (string | RegExp)[];
  /** A slot a control carries in its address (legacy's `/5/<seconds>`, RDV Service Public's `starts_at`). */
  slotOfLink?: SlotOfLink;
  /** Choices offered as links (a motif's or a lieu's card), besides radio groups and lists. */
  linkChoices?: (seen: Seen) => Choice[];
  /** How the system's choices match the guichet wanted (default: by value or label, one level). */
  choose?: Chooser;
  /** The system's own message for a captcha (RDV-Préfecture's expired session). */
  captcha?: (url: string) => AdapterResult;
  /** The first availability the system's data announces: a day (LocalDate), '' for none, null when it says nothing. */
  firstAvailable?: (visit: Visit) => Promise<string | null>;
  /** Opens the window of `day` the way the system's own links do; true when it did. */
  openWindow?: (visit: Visit, seen: Seen, day: LocalDate) => Promise<boolean>;
  /** A line of the slot page worth keeping with the slots (« Dernière mise en ligne … »). */
  note?: (seen: Seen) => string | null;
}

export type WalkEnd = { kind: 'result'; result: AdapterResult; seen: Seen | null } | { kind: 'choices'; choices: Choice[]; seen: Seen };

/** Look this far ahead for a second slot (then give up with one). */
export const HORIZON_DAYS = 120;
const MAX_WINDOWS = Math.ceil(HORIZON_DAYS / 7) + 2;
const MAX_PAGES = 16;
/** How long a page that shows nothing to act on is given to show it (late single-page apps). */
const RECOGNITION_GRACE_MS = 2_500;
/** Margin kept, when a waiting room is waited out, for the evidence of the probe. */
const WAIT_MARGIN_MS = 6_000;
const DEFAULT_WAIT_MS = 40_000;

interface Walk {
  ctx: AdapterContext;
  goal: Goal;
  visit: Visit;
  slots: Set<LocalDateTime>;
  windows: number;
  latest: LocalDate | null;
  /** The latest date of the first window: the horizon counts from it. */
  first: LocalDate | null;
  /** Pages acted on, by their visible content and address: one seen again after acting is a loop. */
  acted: Map<string, string>;
  choices: ChoiceState;
  daysTried: Set<string>;
  /** Controls of layers already pressed, and how often. */
  tried: Map<string, number>;
  /** A layer nothing closed was seen once: it is given a moment to go before it ends the probe. */
  stuckOnce: boolean;
  /** The page as read last by a step that moved it (read again only when the robot acted since). */
  fresh: Seen | null;
  jumped: boolean;
  note: string | null;
  pages: number;
}

function signature(seen: Seen): string {
  const main = seen.controls.filter((c) => c.layer === null).map((c) => `${c.role}:${c.name}:${c.checked ? 1 : 0}`).join('|');
  return `${seen.url.replace(/#.*$/, '')}\n${normalizeText(seen.text)}\n${main}`;
}

function noSlotLine(seen: Seen, goal: Goal): string | null {
  for (const line of seen.text.split('\n')) {
    const normal = normalizeText(line);
    if (goal.noSlot.some((s) => (typeof s === 'string' ? normal.includes(normalizeText(s)) : s.test(normal)))) return quoted(line);
  }
  // A sentence the page wraps over several lines.
  const whole = normalizeText(seen.text);
  const found = goal.noSlot.find((s) => (typeof s === 'string' ? whole.includes(normalizeText(s)) : s.test(whole)));
  return found === undefined ? null : quoted(typeof found === 'string' ? found : (found.exec(whole)?.[0] ?? ''));
}

function mainControls(seen: Seen): Control[] {
  return seen.controls.filter((c) => c.layer === null && !c.disabled);
}

function forwardOf(seen: Seen): Control | null {
  let best: { control: Control; rank: number } | null = null;
  for (const control of mainControls(seen)) {
    if (control.zone === 'nav' || !['button', 'link'].includes(control.role)) continue;
    const rank = forwardRank(control.name);
    if (rank === null) continue;
    // A button of the page's form before a link of the same meaning.
    const score = rank * 2 + (control.role === 'button' ? 0 : 1);
    if (best === null || score < best.rank) best = { control, rank: score };
  }
  return best?.control ?? null;
}

const nextWindowOf = (seen: Seen): Control | null =>
  mainControls(seen).find((c) => ['button', 'link', 'tab'].includes(c.role) && isNextWindow(c.name)) ?? null;
const nextAvailabilityOf = (seen: Seen): Control | null =>
  mainControls(seen).find((c) => ['button', 'link'].includes(c.role) && isNextAvailability(c.name) && c.zone === 'main') ?? null;

/** Settles the page (refusals of the site end the probe there) and reads it. */
async function look(walk: Walk): Promise<Seen> {
  await walk.visit.settle();
  return perceive(walk.visit.page);
}

function stepOf(seen: Seen): string {
  const named = seen.heading || seen.title.trim();
  if (named) return quoted(named, 80);
  try {
    return new URL(seen.url).pathname;
  } catch {
    return seen.url;
  }
}

function datesResult(walk: Walk, end: 'last' | 'horizon' | 'broken' | 'enough'): AdapterResult {
  const slots = [...walk.slots].sort();
  const [first, second] = slots;
  const note = walk.note ?? 'none';
  if (first !== undefined && second !== undefined) {
    return said('dates', 'probe.slots_two', { first: frenchSlot(first), second: frenchSlot(second), count: slots.length, windows: walk.windows, said: note }, slots);
  }
  return said(
    'dates',
    'probe.slots_one',
    { first: frenchSlot(first ?? ''), windows: walk.windows, end: end === 'enough' ? 'none' : end, days: HORIZON_DAYS, said: note },
    slots,
  );
}

/** Waits out a page that asks to wait (a queue, a page that refreshes itself), up to the probe's budget. */
async function waitOut(walk: Walk, seen: Seen): Promise<void> {
  const { visit, ctx } = walk;
  const started = Date.now();
  const limit = (ctx.deadline ?? started + DEFAULT_WAIT_MS + WAIT_MARGIN_MS) - WAIT_MARGIN_MS;
  const announced = announcedWait(seen.text);
  ctx.log(`File d'attente ou page d'attente${announced ? ` (le site annonce : « ${announced} »)` : ''} : le robot attend.`);
  const before = signature(seen);
  while (Date.now() < limit) {
    await visit.page.waitForTimeout(1_000).catch(() => undefined);
    await visit.page.waitForLoadState('domcontentloaded', { timeout: 5_000 }).catch(() => undefined);
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

/** Presses the control that turns to the next window and checks that the dates moved forward. */
async function turn(walk: Walk, seen: Seen, control: Control, reference: Date): Promise<'moved' | 'broken'> {
  const { visit } = walk;
  try {
    // A window changed in place was settled by the click itself: read at once.
    const how = await visit.submit(locate(visit.page, control), control.name);
    if (how === 'in-place') await visit.checkRefusals();
    const next = how === 'in-place' ? await perceive(visit.page) : await look(walk);
    walk.fresh = next;
    const latest = latestDate(next, reference);
    if (walk.latest !== null && latest !== null && latest <= walk.latest && !isNextAvailability(control.name)) {
      throw stop('unrecognized', 'probe.window_stuck', {
        step: visit.stepName(),
        control: controlName(control.name),
        how: latest === walk.latest ? 'same' : 'back',
        said: quoted(next.text.split('\n').find((l) => /\d/.test(l) && /semaine|du |au /i.test(l)) ?? latest, 100),
      });
    }
    return 'moved';
  } catch (error) {
    // A first slot already read stays evidence: the weeks after it could not be loaded.
    if (error instanceof ProbeStop && walk.slots.size > 0 && error.result.outcome !== 'unrecognized') return 'broken';
    throw error;
  }
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

/** A page of slots: keeps every slot, turns to the next windows for a second one, or concludes. */
async function readWindow(
  walk: Walk,
  seen: Seen,
  reading: ReturnType<typeof readSlots>,
  reference: Date,
  saysNone: string | null,
  nextWindow: Control | null,
  nextAvailability: Control | null,
): Promise<WalkEnd | 'again'> {
  const { visit, goal } = walk;
  const result = (r: AdapterResult): WalkEnd => ({ kind: 'result', result: r, seen });
  if (walk.windows === 0) visit.step(stepOf(seen));
  walk.windows += 1;
  walk.latest = latestDate(seen, reference) ?? walk.latest;
  walk.note = goal.note?.(seen) ?? walk.note;
  for (const slot of reading.slots) walk.slots.add(slot);
  if (walk.slots.size >= 2) return result(datesResult(walk, 'enough'));
  if (reading.slots.length === 0 && reading.unreadable.length > 0 && walk.slots.size === 0) {
    return result(said('unrecognized', 'probe.slot_unreadable', { step: visit.stepName(), said: quoted(reading.unreadable[0] ?? '', 80) }));
  }

  // A date picker: each enabled day shows its times when chosen.
  const day = reading.days.find((d) => !walk.daysTried.has(d.date));
  if (reading.slots.length === 0 && day) {
    walk.daysTried.add(day.date);
    walk.windows -= 1;
    await visit.click(locate(visit.page, day.control), day.control.name);
    await visit.settle();
    const shown = await perceive(visit.page);
    const times = readSlots(shown, reference, goal.slotOfLink);
    const dated = times.unreadable.map((name) => parseTime(name)).filter((time): time is string => time !== null);
    for (const slot of [...times.slots, ...dated.map((time) => `${day.date}T${time}`)]) walk.slots.add(slot);
    return walk.slots.size >= 2 ? result(datesResult(walk, 'enough')) : 'again';
  }

  // The site's own words that nothing is free, unless its data announce a first availability to go to.
  if (saysNone !== null && walk.slots.size === 0) {
    const announced = (await goal.firstAvailable?.(visit)) ?? null;
    if (announced && !walk.jumped && goal.openWindow) {
      walk.jumped = true;
      if (await goal.openWindow(visit, seen, announced)) return 'again';
    }
    if (!announced) return result(said('no_date', 'probe.no_slot', { said: saysNone }));
  }
  if (walk.slots.size > 0 && saysNone !== null) return result(datesResult(walk, 'last'));

  // An empty window whose data announce a later first availability: opened directly.
  if (walk.slots.size === 0 && !walk.jumped && goal.firstAvailable && goal.openWindow) {
    const announced = await goal.firstAvailable(visit);
    if (announced && (walk.latest === null || announced > walk.latest)) {
      walk.jumped = true;
      if (await goal.openWindow(visit, seen, announced)) return 'again';
    }
  }

  walk.first ??= walk.latest;
  const beyond = walk.latest !== null && walk.first !== null && walk.latest > plusDays(walk.first, HORIZON_DAYS);
  // An empty window that announces the next availability goes straight to it, as a person clicks it.
  const onward = reading.slots.length === 0 ? (nextAvailability ?? nextWindow) : nextWindow;
  if (onward === null || walk.windows >= MAX_WINDOWS || (beyond && walk.slots.size > 0)) {
    if (walk.slots.size > 0) return result(datesResult(walk, onward === null ? 'last' : 'horizon'));
    return result(
      said('unrecognized', 'probe.window_empty', {
        step: visit.stepName(),
        windows: walk.windows,
        said: nextAvailability ? quoted(nextAvailability.name, 100) : 'none',
      }),
    );
  }
  visit.step(stepOf(seen));
  return (await turn(walk, seen, onward, reference)) === 'broken' ? result(datesResult(walk, 'broken')) : 'again';
}

function plusDays(day: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The result of a walk that must end with an outcome (a probe). */
export async function probeWalk(ctx: AdapterContext, goal: Goal, from?: string): Promise<AdapterResult> {
  const end = await walkSite(ctx, goal, from === undefined ? {} : { from });
  if (end.kind === 'result') return end.result;
  throw new Error('walkSite returned choices outside discovery');
}
