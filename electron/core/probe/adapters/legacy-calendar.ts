// Step 4 of the legacy module: the week table loaded by JavaScript. La Cimade's method: note the first free
// slot; when the week shows only one, load the next weeks until a second one shows, up to a horizon.
import { z } from 'zod';
import type { LocalDateTime } from '../../../shared/domain.js';
import type { AdapterResult } from '../types.js';
import { frenchSlot, localSlot } from '../format.js';
import { normalizeText } from '../text.js';
import { ProbeStop, stop, type Visit } from '../visit.js';

/** Look this far ahead for a second slot (then give up with one). */
export const HORIZON_DAYS = 120;
// The first page holds today, so this many pages reach past today + HORIZON_DAYS.
const MAX_WEEKS = Math.ceil(HORIZON_DAYS / 7) + 1;

const HEADING = 'th[colspan="7"]';
const FREE_CELLS = 'td.status-1, td.free, td:has(a[href*="/booking/create/"][href*="/5/"])';
const SLOT_LINK = /\/booking\/create\/\d+\/5\/(\d{9,11})\b/;

// One round trip per week: the page is read in the browser, the answer checked here.
const READ_WEEK = `(() => {
  const heading = document.querySelector(${JSON.stringify(HEADING)});
  const cells = Array.from(document.querySelectorAll(${JSON.stringify(FREE_CELLS)}));
  return {
    heading: heading ? heading.innerText : '',
    cells: cells.map((cell) => {
      const link = cell.querySelector('a[href]');
      return { text: cell.innerText, href: link ? link.getAttribute('href') : null };
    }),
  };
})()`;
const WeekSchema = z.object({
  heading: z.string(),
  cells: z.array(z.object({ text: z.string(), href: z.string().nullable() })),
});

async function readWeek(visit: Visit): Promise<{ heading: string; slots: LocalDateTime[] }> {
  const week = WeekSchema.parse(await visit.page.evaluate(READ_WEEK));
  const heading = week.heading.trim();
  const slots: LocalDateTime[] = [];
  for (const cell of week.cells) {
    if (!normalizeText(cell.text).includes('libre')) continue;
    const seconds = SLOT_LINK.exec(cell.href ?? '')?.[1];
    if (seconds === undefined) {
      throw stop('unrecognized', `Une plage libre sans lien daté dans la « ${heading} ».`);
    }
    slots.push(localSlot(Number(seconds)));
  }
  return { heading, slots };
}

/**
 * The calendar's own wait: well under the probe's timeout, so that a table that never shows is classified here
 * (site error or unrecognized) instead of the whole probe ending as unreachable.
 */
export const CALENDAR_WAIT_MS = 15_000;
// What the module's script writes in place of the table when its call fails (e.g. a 502).
const LOAD_ERROR = /erreur lors du chargement/i;

type Shown = 'week' | 'error' | 'nothing';

/** Waits for a week table (other than the one headed `previous`) or the script's loading error. */
async function waitForWeek(visit: Visit, previous?: string): Promise<Shown> {
  const { page } = visit;
  const heading = previous === undefined ? page.locator(HEADING) : page.locator(HEADING).filter({ hasNotText: previous });
  const error = page.getByText(LOAD_ERROR);
  try {
    await heading.or(error).first().waitFor({ timeout: CALENDAR_WAIT_MS });
  } catch (error_) {
    if (error_ instanceof Error && error_.name !== 'TimeoutError') throw error_;
    return normalizeText(await visit.text()).includes('erreur') ? 'error' : 'nothing';
  }
  return (await heading.count()) > 0 ? 'week' : 'error';
}

/** Clicks "semaine suivante": null when there is none, else what the page then shows. */
async function nextWeek(visit: Visit, heading: string): Promise<Shown | null> {
  const { page } = visit;
  const control = page
    .locator('button, a, input[type="button"]')
    .filter({ hasText: /semaine\s+suivante/i })
    .or(page.locator('.next_week, [data-offset="7"]'))
    .first();
  if ((await control.count()) === 0 || !(await control.isEnabled())) return null;
  try {
    await control.click({ timeout: CALENDAR_WAIT_MS });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return 'nothing';
    throw error;
  }
  return waitForWeek(visit, heading);
}

/** Ends the probe when a week did not show; `where` says which (e.g. « première semaine du calendrier »). */
function notShown(shown: Shown, where: string): ProbeStop {
  if (shown === 'error') {
    return stop('site_error', `Le calendrier des rendez-vous n'a pas pu être chargé (${where}) : le site affiche une erreur.`);
  }
  return stop('unrecognized', `Le calendrier des rendez-vous ne s'est pas affiché (${where}).`);
}

export async function readCalendar(visit: Visit): Promise<AdapterResult> {
  const shown = await waitForWeek(visit);
  if (shown !== 'week') throw notShown(shown, 'première semaine');
  const found = new Set<LocalDateTime>();
  let weeks = 0;
  let first = '';
  let ended = false;
  let broken = false;
  for (;;) {
    const week = await readWeek(visit);
    weeks += 1;
    first ||= week.heading;
    for (const slot of week.slots) found.add(slot);
    if (found.size >= 2 || weeks >= MAX_WEEKS) break;
    const next = await nextWeek(visit, week.heading);
    if (next === null) {
      ended = true;
      break;
    }
    if (next !== 'week') {
      // A first slot already read stays evidence; without one, the probe says nothing of the slots.
      if (found.size === 0) throw notShown(next, `semaine après la « ${week.heading} »`);
      broken = true;
      break;
    }
  }
  const slots = [...found].sort();
  const [d1, d2] = slots;
  const seen = `${weeks} semaine${weeks > 1 ? 's' : ''} parcourue${weeks > 1 ? 's' : ''} depuis la « ${first} »`;
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
