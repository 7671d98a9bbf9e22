// Dates as French booking pages write them: "lundi 7 décembre 2026 à 09h30", "7 déc. 09:30", "07/12/2026 9h".
import { DateTime } from 'luxon';
import { PARIS, type LocalDate, type LocalDateTime } from '../../../shared/domain.js';

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2, fevier: 2,
  mars: 3, mar: 3,
  avril: 4, avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7, juil: 7,
  aout: 8,
  septembre: 9, sept: 9, sep: 9,
  octobre: 10, oct: 10,
  novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const WEEKDAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim';
const TIME = String.raw`(?:\s*(?:a|,|-|de)?\s*(\d{1,2})\s*(?:h|:)\s*(\d{2})?(?!\d))?`;

const ISO_PATTERN = new RegExp(String.raw`(\d{4})-(\d{2})-(\d{2})(?:t(?=\d))?` + TIME);
const NUMERIC_PATTERN = new RegExp(String.raw`(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?!\d)` + TIME);
/** "07/12", "lun. 07/12": a day and month without the year (a calendar's column headers). */
const SHORT_PATTERN = new RegExp(String.raw`(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/])` + TIME);
const LONG_PATTERN = new RegExp(
  String.raw`(?:(?:${WEEKDAYS})\.?\s+)?(?<!\d)(\d{1,2})(?:er)?\s+(${MONTH_NAMES})\.?(?![a-z])(?:\s+(\d{4}))?` + TIME,
);

export interface ParsedDate {
  date: LocalDate;
  /** "HH:MM", or null when the text gave no time. */
  time: string | null;
}

export interface ParseOptions {
  /** Today, to complete a date written without its year: the next such date from a week ago. */
  reference?: Date;
}

/** Lower case, without accents, with plain spaces, so that "Décembre", "decembre" and "déc." all match. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Reads the first date (and time, if any) found in a text; null when there is none or it is not a real date. */
export function parseFrenchDate(text: string, options: ParseOptions = {}): ParsedDate | null {
  const folded = fold(text);
  const candidates = (['iso', 'numeric', 'long', 'short'] as const)
    .map((kind) => ({ kind, match: PATTERNS[kind].exec(folded) }))
    .filter((found): found is { kind: DateKind; match: RegExpExecArray } => found.match !== null)
    .sort((x, y) => x.match.index - y.match.index);
  for (const { kind, match } of candidates) {
    const parsed = fromMatch(kind, match, options);
    if (parsed) return parsed;
  }
  return null;
}

type DateKind = 'iso' | 'numeric' | 'long' | 'short';
const PATTERNS: Record<DateKind, RegExp> = { iso: ISO_PATTERN, numeric: NUMERIC_PATTERN, long: LONG_PATTERN, short: SHORT_PATTERN };

function fromMatch(kind: DateKind, match: RegExpExecArray, options: ParseOptions): ParsedDate | null {
  const [, a = '', b = '', c, hour, minute] = match;
  let year: number | null;
  let month: number;
  let day: number;
  if (kind === 'iso') {
    year = Number(a);
    month = Number(b);
    day = Number(c);
  } else if (kind === 'short') {
    day = Number(a);
    month = Number(b);
    year = null;
    return finish(day, month, year, c, hour, options);
  } else if (kind === 'numeric') {
    day = Number(a);
    month = Number(b);
    year = c === undefined ? null : Number(c.length === 2 ? `20${c}` : c);
  } else {
    day = Number(a);
    month = MONTHS[b] ?? 0;
    year = c === undefined ? null : Number(c);
  }
  return finish(day, month, year, hour, minute, options);
}

function finish(day: number, month: number, year: number | null, hour: string | undefined, minute: string | undefined, options: ParseOptions): ParsedDate | null {
  const date = year === null ? completeYear(day, month, options.reference ?? new Date()) : build(year, month, day);
  if (date === null) return null;
  const time = toTime(hour, minute);
  if (time === undefined) return null;
  return { date, time };
}

const TIME_ONLY = /(?<![\d/.:])([01]?\d|2[0-3])\s*(?:h|:)\s*([0-5]\d)?(?![\d/])/;

/** The first time of day a text gives ("09:30", "9h", "14 h 05"), "HH:MM"; null when there is none. */
export function parseTime(text: string): string | null {
  const match = TIME_ONLY.exec(fold(text));
  return match ? (toTime(match[1], match[2]) ?? null) : null;
}

function build(year: number, month: number, day: number): LocalDate | null {
  const value = DateTime.fromObject({ year, month, day }, { zone: PARIS });
  return value.isValid ? value.toISODate() : null;
}

function completeYear(day: number, month: number, reference: Date): LocalDate | null {
  const today = DateTime.fromJSDate(reference, { zone: PARIS }).startOf('day');
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const candidate = DateTime.fromObject({ year, month, day }, { zone: PARIS });
    if (candidate.isValid && candidate >= today.minus({ days: 7 })) return candidate.toISODate();
  }
  return null;
}

/** undefined: an impossible time (so not a date after all); null: no time written. */
function toTime(hour: string | undefined, minute: string | undefined): string | null | undefined {
  if (hour === undefined) return null;
  const h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (h > 23 || m > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A slot as a local date-time; a slot written without its time is put at 00:00 (the day is what courts count). */
export function parseFrenchSlot(text: string, options: ParseOptions = {}): LocalDateTime | null {
  const parsed = parseFrenchDate(text, options);
  return parsed ? `${parsed.date}T${parsed.time ?? '00:00'}` : null;
}

/** A local date-time from an ISO instant or local string, as in a link's `starts_at=2026-12-07T09:30:00+01:00`. */
export function toParisLocal(value: string): LocalDateTime | null {
  const trimmed = value.trim().replace(' ', 'T').replace(/\s*([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const parsed = DateTime.fromISO(trimmed, { zone: PARIS, setZone: false });
  return parsed.isValid ? parsed.setZone(PARIS).toFormat("yyyy-MM-dd'T'HH:mm") : null;
}
