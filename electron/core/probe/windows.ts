// The pages of slots of a walk (see walker.ts): every slot read is kept, the next weeks are turned for a second one
// (only forward in time: a calendar that stays or goes back ends the reading), a date picker's days are chosen to
// show their times, and « no date » is recorded only on the site's own words.
import type { LocalDate } from '../../shared/domain.js';
import { parseTime } from './adapters/french-dates.js';
import { isNextAvailability } from './meaning.js';
import { locate, perceive, type Control, type Seen } from './perceive.js';
import { controlName, quoted, said } from './said.js';
import { latestDate, readSlots } from './slots.js';
import type { AdapterResult } from './types.js';
import { ProbeStop, stop } from './visit.js';
import { datesResult, HORIZON_DAYS, look, MAX_WINDOWS, stepOf, type Walk, type WalkEnd } from './walk-state.js';

/** Presses the control that turns to the next window and checks that the dates moved forward. */
export async function turn(walk: Walk, seen: Seen, control: Control, reference: Date): Promise<'moved' | 'broken'> {
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

/** A page of slots: keeps every slot, turns to the next windows for a second one, or concludes. */
export async function readWindow(
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
