// Slots as a person reads them, in whatever widget: links, buttons, radios or options whose name (or, for a time
// alone, the column, legend or heading above it) gives a date and a time; a system's own address format when it
// has one (a link's timestamp). Days of a date picker (a date without a time) are told apart: choosing one shows
// its times. Controls that move the calendar (« semaine suivante », « Prochaine disponibilité le … ») are not slots.
import type { LocalDate, LocalDateTime } from '../../shared/domain.js';
import { parseFrenchDate, parseTime } from './adapters/french-dates.js';
import { isNextAvailability, isNextWindow, isPreviousWindow } from './meaning.js';
import type { Control, Seen } from './perceive.js';

export interface SlotReading {
  slots: LocalDateTime[];
  /** Enabled days of a date picker, earliest first: a date without a time. */
  days: { control: Control; date: LocalDate }[];
  /** Slot-like controls whose date could not be read (their names, for the detail). */
  unreadable: string[];
}

/** What a system serves in its slots' addresses (a link's `/5/<seconds>` or `starts_at=`). */
export type SlotOfLink = (href: URL) => LocalDateTime | null;

/**
 * The day that completes dates written without their year: the previous window's, else the earliest date the
 * page writes with its year (a heading « Semaine du lundi 7 décembre 2026 »), else today.
 */
export function pageReference(seen: Seen, previous: LocalDate | null, today: Date): Date {
  if (previous !== null) return new Date(`${previous}T12:00:00Z`);
  let earliest: LocalDate | null = null;
  for (const line of seen.text.split('\n')) {
    if (!/\b20\d\d\b/.test(line)) continue;
    const parsed = parseFrenchDate(line);
    if (parsed && (earliest === null || parsed.date < earliest)) earliest = parsed.date;
  }
  return earliest === null ? today : new Date(`${earliest}T12:00:00Z`);
}

/** The first date and the first time that texts give (a date's own time first). */
function firstOf(texts: readonly string[], reference: Date): { date: LocalDate | null; time: string | null } {
  let date: LocalDate | null = null;
  let time: string | null = null;
  for (const text of texts) {
    const parsed = parseFrenchDate(text, { reference });
    if (date === null && parsed) date = parsed.date;
    time ??= parsed ? parsed.time : parseTime(text);
  }
  return { date, time };
}

const moves = (name: string): boolean => isNextWindow(name) || isPreviousWindow(name) || isNextAvailability(name);

/** The slots shown on the page itself (not in a layer), every one of them. */
export function readSlots(seen: Seen, reference: Date, slotOfLink?: SlotOfLink): SlotReading {
  const slots = new Set<LocalDateTime>();
  const days: SlotReading['days'] = [];
  const unreadable: string[] = [];
  for (const control of seen.controls) {
    if (control.layer !== null || control.disabled || control.zone === 'nav' || moves(control.name)) continue;
    if (control.role === 'combobox' && control.options) {
      for (const option of control.options) {
        if (option.disabled || option.value === '') continue;
        const { date, time } = firstOf([option.text], reference);
        if (date !== null && time !== null) slots.add(`${date}T${time}`);
      }
      continue;
    }
    if (!['link', 'button', 'radio', 'option', 'gridcell', 'menuitem', 'tab', 'checkbox'].includes(control.role)) continue;
    if (control.href && slotOfLink) {
      let linked: LocalDateTime | null = null;
      try {
        linked = slotOfLink(new URL(control.href, seen.url));
      } catch {
        linked = null;
      }
      if (linked !== null) {
        slots.add(linked);
        continue;
      }
    }
    const own = firstOf([control.name, control.description], reference);
    const context = control.context ?? [];
    const cell = inCell(control);
    // A time alone is dated by what stands above it (a column, a legend, a heading); a cell's time is its row's.
    const date = own.date ?? firstOf(context, reference).date;
    const time = own.time ?? (cell ? firstOf(context.slice(0, 2), reference).time : null);
    if (date !== null && time !== null && (own.date !== null || own.time !== null || cell)) slots.add(`${date}T${time}`);
    else if (own.date !== null && time === null && control.role !== 'checkbox') days.push({ control, date: own.date });
    else if (own.time !== null && date === null && control.name.length < 40) unreadable.push(control.name);
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { slots: [...slots].sort(), days, unreadable };
}

/** A control in a table's cell takes its time from its cell or row and its day from its column, as a grid is read. */
function inCell(control: Control): boolean {
  return control.cell === true;
}

/** The latest date the page shows (a link to a later availability aside): a calendar that moves forward shows a later one. */
export function latestDate(seen: Seen, reference: Date): LocalDate | null {
  const announcing = seen.controls.filter((c) => isNextAvailability(c.name)).map((c) => c.name.replace(/\s+/g, ' '));
  let latest: LocalDate | null = null;
  for (const line of seen.text.split('\n')) {
    if (announcing.some((name) => name.includes(line.trim()))) continue;
    for (const piece of line.split(/\s+(?:au|-|–|à)\s+/)) {
      const parsed = parseFrenchDate(piece, { reference });
      if (parsed && (latest === null || parsed.date > latest)) latest = parsed.date;
    }
  }
  return latest;
}
