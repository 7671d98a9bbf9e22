// What a walk knows as it goes (see walker.ts): the goal a system states, the slots read so far, the pages acted on,
// and the readings of a page every step shares (its no-slot sentence, its control that leads on, its next window).
import type { LocalDate, LocalDateTime } from '../../shared/domain.js';
import type { Choice, ChoiceState, Chooser } from './choices.js';
import { forwardRank, isNextAvailability, isNextWindow } from './meaning.js';
import { perceive, type Control, type Seen } from './perceive.js';
import { quoted, said } from './said.js';
import type { SlotOfLink } from './slots.js';
import { normalizeText } from './text.js';
import type { AdapterContext, AdapterResult } from './types.js';
import type { Visit } from './visit.js';

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
export const MAX_WINDOWS = Math.ceil(HORIZON_DAYS / 7) + 2;

export interface Walk {
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

export function signature(seen: Seen): string {
  const main = seen.controls.filter((c) => c.layer === null).map((c) => `${c.role}:${c.name}:${c.checked ? 1 : 0}`).join('|');
  return `${seen.url.replace(/#.*$/, '')}\n${normalizeText(seen.text)}\n${main}`;
}

export function noSlotLine(seen: Seen, goal: Goal): string | null {
  for (const line of seen.text.split('\n')) {
    const normal = normalizeText(line);
    if (goal.noSlot.some((s) => (typeof s === 'string' ? normal.includes(normalizeText(s)) : s.test(normal)))) return quoted(line);
  }
  // A sentence the page wraps over several lines.
  const whole = normalizeText(seen.text);
  const found = goal.noSlot.find((s) => (typeof s === 'string' ? whole.includes(normalizeText(s)) : s.test(whole)));
  return found === undefined ? null : quoted(typeof found === 'string' ? found : (found.exec(whole)?.[0] ?? ''));
}

export function mainControls(seen: Seen): Control[] {
  return seen.controls.filter((c) => c.layer === null && !c.disabled);
}

export function forwardOf(seen: Seen): Control | null {
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

export const nextWindowOf = (seen: Seen): Control | null =>
  mainControls(seen).find((c) => ['button', 'link', 'tab'].includes(c.role) && isNextWindow(c.name)) ?? null;
export const nextAvailabilityOf = (seen: Seen): Control | null =>
  mainControls(seen).find((c) => ['button', 'link'].includes(c.role) && isNextAvailability(c.name) && c.zone === 'main') ?? null;

/** Settles the page (refusals of the site end the probe there) and reads it. */
export async function look(walk: Walk): Promise<Seen> {
  await walk.visit.settle();
  return perceive(walk.visit.page);
}

export function stepOf(seen: Seen): string {
  const named = seen.heading || seen.title.trim();
  if (named) return quoted(named, 80);
  try {
    return new URL(seen.url).pathname;
  } catch {
    return seen.url;
  }
}

export function datesResult(walk: Walk, end: 'last' | 'horizon' | 'broken' | 'enough'): AdapterResult {
  const slots = [...walk.slots].sort();
  const [first, second] = slots;
  const note = walk.note ?? 'none';
  if (first !== undefined && second !== undefined) {
    return said('dates', 'probe.slots_two', { first, second, count: slots.length, windows: walk.windows, said: note }, slots);
  }
  return said(
    'dates',
    'probe.slots_one',
    { first: first ?? '', windows: walk.windows, end: end === 'enough' ? 'none' : end, days: HORIZON_DAYS, said: note },
    slots,
  );
}
