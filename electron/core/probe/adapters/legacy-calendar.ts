// Step 4 of the legacy module: the week table loaded by JavaScript. The robot reads each week as a person does —
// its dates (the heading « Semaine du lundi 27 avril 2020 au dimanche 03 mai 2020 », else the day headers) and its
// free slots (the « plage libre » links) — and turns to the next week by the control that says so, checking that
// the dates shown move strictly forward. Every free slot of every week read is kept; the two earliest are recorded.
import type { LocalDate, LocalDateTime } from '../../../shared/domain.js';
import type { AdapterResult } from '../types.js';
import { frenchSlot, localSlot } from '../format.js';
import { pageAnswer, PageNoAnswer } from '../page-answer.js';
import { normalizeText } from '../text.js';
import { ProbeStop, STEP_BUDGET_MS, stop, type Visit } from '../visit.js';
import { findControl } from './controls.js';
import { parseFrenchDate } from './french-dates.js';

/** Look this far ahead for a second slot (then give up with one). */
export const HORIZON_DAYS = 120;
// The first page holds today, so this many pages reach past today + HORIZON_DAYS.
const MAX_WEEKS = Math.ceil(HORIZON_DAYS / 7) + 1;

/** The calendar's own wait for a week: a step's budget. */
export const CALENDAR_WAIT_MS = STEP_BUDGET_MS;
const SLOT_LINK = /\/booking\/create\/\d+\/5\/(\d{9,11})\b/;
// What the module's script writes in place of the table when its call fails (e.g. a 502).
const LOAD_ERROR = 'erreur lors du chargement';
const NEXT_WORDS = ['semaine suivante', 'sem. suivante', 'semaine prochaine', 'sem. prochaine', 'suivante', 'suivant'];
const NEXT_HINT = '[class*="next" i], [id*="next" i], [class*="suivant" i]';

// One round trip per week: the page's text, its table headers and its slot links.
const READ_WEEK = `(() => ({
  text: document.body ? document.body.innerText : '',
  headers: Array.from(document.querySelectorAll('th, [role="columnheader"]')).map((th) => th.innerText),
  links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href') || ''),
  freeCells: Array.from(document.querySelectorAll('td, [role="gridcell"], [role="cell"]'))
    .filter((td) => /plage\\s+libre/i.test(td.innerText)).map((td) => ({ text: td.innerText, link: !!td.querySelector('a[href]') })),
}))()`;

interface RawWeek {
  text: string;
  headers: string[];
  links: string[];
  freeCells: { text: string; link: boolean }[];
}

interface Week {
  /** First day shown. */
  start: LocalDate;
  heading: string;
  slots: LocalDateTime[];
}

function headingOf(text: string): string {
  const line = text.split('\n').find((l) => /semaine\s+du/i.test(l));
  return (line ?? '').trim();
}

/** The first day the week shows: from the heading, else the earliest day header. Null when no date can be read. */
function startOf(raw: RawWeek, reference: Date): LocalDate | null {
  const heading = headingOf(raw.text);
  const index = normalizeText(heading).indexOf('semaine du');
  if (index >= 0) {
    const parsed = parseFrenchDate(heading.slice(heading.search(/semaine\s+du/i)), { reference });
    if (parsed) return parsed.date;
  }
  const days = raw.headers
    .map((header) => parseFrenchDate(header, { reference })?.date ?? null)
    .filter((date): date is LocalDate => date !== null)
    .sort();
  return days[0] ?? null;
}

async function readWeek(visit: Visit, reference: Date): Promise<Week | null> {
  const raw = await pageAnswer(visit.page.evaluate<RawWeek>(READ_WEEK), 'la semaine du calendrier');
  const start = startOf(raw, reference);
  if (start === null) return null;
  const heading = headingOf(raw.text) || `semaine du ${start}`;
  const slots = new Set<LocalDateTime>();
  for (const href of raw.links) {
    const seconds = SLOT_LINK.exec(href)?.[1];
    if (seconds !== undefined) slots.add(localSlot(Number(seconds)));
  }
  if (slots.size === 0 && raw.freeCells.some((cell) => !cell.link)) {
    throw stop('unrecognized', `Une plage libre sans lien daté dans la « ${heading} ».`);
  }
  return { start, heading, slots: [...slots].sort() };
}

type Shown = { kind: 'week'; week: Week } | { kind: 'error'; status: number | null } | { kind: 'nothing' };

/** Waits for a week other than `previous` (or any week), the script's loading error, or a refusal of the site. */
async function waitForWeek(visit: Visit, since: number, previous: Week | null): Promise<Shown> {
  const deadline = Date.now() + CALENDAR_WAIT_MS;
  const reference = previous ? new Date(`${previous.start}T12:00:00Z`) : new Date();
  for (;;) {
    const refusal = visit.refusals(since)[0];
    if (refusal) return { kind: 'error', status: refusal.status };
    const week = await readWeek(visit, reference).catch((error: unknown) => {
      if (error instanceof ProbeStop || error instanceof PageNoAnswer) throw error;
      return null;
    });
    // The module's script writes a whole week at once: a new heading comes with its table.
    if (week && (previous === null || week.heading !== previous.heading || week.start !== previous.start)) return { kind: 'week', week };
    const text = await visit.text();
    if (text.includes(LOAD_ERROR)) return { kind: 'error', status: null };
    if (Date.now() >= deadline) return previous && week ? { kind: 'week', week } : { kind: 'nothing' };
    await visit.page.waitForTimeout(150);
  }
}

/** Ends the probe when a week did not show; `where` says which (e.g. « première semaine »). */
function notShown(shown: Shown, where: string): ProbeStop {
  if (shown.kind === 'error') {
    const status = shown.status === null ? '' : ` (HTTP ${shown.status})`;
    return stop('site_error', `Le calendrier des rendez-vous n'a pas pu être chargé (${where})${status} : le site affiche une erreur.`);
  }
  return stop('unrecognized', `Le calendrier des rendez-vous ne s'est pas affiché (${where}) : aucune semaine datée lisible.`);
}

export async function readCalendar(visit: Visit): Promise<AdapterResult> {
  visit.step('calendrier');
  const first = await waitForWeek(visit, visit.actionMark(), null);
  if (first.kind !== 'week') throw notShown(first, 'première semaine');
  const found = new Set<LocalDateTime>();
  let week = first.week;
  let weeks = 0;
  let ended = false;
  let broken = false;
  for (;;) {
    weeks += 1;
    for (const slot of week.slots) found.add(slot);
    visit.step(`calendrier, ${week.heading}`);
    // Weeks only move forward, so the slots of the weeks still unread are all later than those found.
    if (found.size >= 2 || weeks >= MAX_WEEKS) break;
    const next = await findControl(visit.page, NEXT_WORDS, NEXT_HINT);
    if (next === null) {
      ended = true;
      break;
    }
    const mark = visit.refusalMark();
    await visit.click(next, 'Semaine suivante');
    const shown = await waitForWeek(visit, mark, week);
    if (shown.kind !== 'week') {
      // A first slot already read stays evidence; without one, the probe says nothing of the slots.
      if (found.size === 0) throw notShown(shown, `semaine après la « ${week.heading} »`);
      broken = true;
      break;
    }
    if (shown.week.start <= week.start) {
      const how = shown.week.start === week.start ? 'est restée sur la même semaine' : 'est revenue en arrière';
      throw stop(
        'unrecognized',
        `Calendrier : « Semaine suivante » ${how} (« ${shown.week.heading} » après « ${week.heading} ») : lecture arrêtée.`,
      );
    }
    week = shown.week;
  }
  const slots = [...found].sort();
  const [d1, d2] = slots;
  const seen = `${weeks} semaine${weeks > 1 ? 's' : ''} parcourue${weeks > 1 ? 's' : ''} depuis la « ${first.week.heading} »`;
  if (d1 === undefined) {
    throw new ProbeStop({
      outcome: 'unrecognized',
      slots: [],
      detail: `Calendrier sans plage libre (${seen}), sans la phrase du site « plus de plage horaire libre » : résultat non concluant.`,
    });
  }
  const detail =
    d2 === undefined
      ? `Une seule plage libre, le ${frenchSlot(d1)} (${seen}${ended ? ', pas de semaine suivante' : ''}${
          broken ? ", les semaines suivantes n'ont pas pu être chargées" : ''
        }).`
      : `Première plage libre le ${frenchSlot(d1)}, deuxième le ${frenchSlot(d2)} (${seen}).`;
  return { outcome: 'dates', slots, detail };
}
