// Rows of a CSV in La Cimade's published layout (columns 1–6 at least:
// departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date, NULL when absent), and of
// Guichets' own export (which adds resultat, the hours, url, id_sondage…). Read as a stream (csv-stream.ts); any
// bad row refuses the whole file, naming its entry, line and column.
import { DateTime } from 'luxon';
import { OUTCOMES, type LocalDateTime, type Outcome } from '../../shared/domain.js';
import { PARIS } from '../stats/calendar.js';
import { columnName, openCsv, type CsvInput } from './csv-stream.js';
import { IMPORT_LIMITS, type ImportLimits } from './limits.js';
import { excerpt, importError } from './problems.js';

export type { CsvInput } from './csv-stream.js';

export interface ImportRow {
  /** Line in the file (1 = the first line). */
  line: number;
  departement: string;
  planning: string;
  /** Paris date and time of the probe. */
  localDate: string;
  localTime: string;
  startedAt: string;
  outcome: Outcome;
  firstSlot: LocalDateTime | null;
  secondSlot: LocalDateTime | null;
  /** An http(s) address, or null. */
  url: string | null;
  /** Guichets' own columns, when the file has them (its export, a dossier's CSV); null otherwise. */
  id: string | null;
  category: string | null;
  capture: string | null;
  /** Where the source's own import came from (`provenance`); null for its robot's probes and other files. */
  provenance: string | null;
}

export const REQUIRED_COLUMNS = ['departement', 'planning', 'date_sondage', 'heure_sondage', 'premiere_date', 'deuxieme_date'] as const;

const isNull = (value: string | undefined): boolean => value === undefined || value === '' || value.toUpperCase() === 'NULL';

/** Where a row's fault is, for its message. */
interface At {
  entry: string;
  line: number;
  header: string[] | null;
}

/** Dates already read (a file repeats each day's date on every row), and whether they exist. */
type DateMemo = Map<string, string | null>;

function dateOf(value: string, at: At, index: number, memo: DateMemo): string {
  let normalized = memo.get(value);
  if (normalized === undefined) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
    const text = iso ? value : french ? `${french[3]}-${french[2]}-${french[1]}` : null;
    normalized = text !== null && DateTime.fromISO(text, { zone: PARIS }).isValid ? text : null;
    if (memo.size < MEMO_SIZE) memo.set(value, normalized);
  }
  if (normalized === null) {
    throw importError('import.bad_date', { entry: at.entry, line: at.line, column: columnName(at.header, index), excerpt: excerpt(value) });
  }
  return normalized;
}

const MEMO_SIZE = 20_000;

/**
 * The UTC instant of a Paris date and time. Luxon's zone arithmetic is the costly part of a row: a day whose
 * offset is the same at its start and its end (all but the two days of a clock change) is computed once.
 */
function instantOf(date: string, time: string, offsets: Map<string, number | null>): string {
  let offset = offsets.get(date);
  if (offset === undefined) {
    const start = DateTime.fromISO(`${date}T00:00`, { zone: PARIS }).offset;
    offset = DateTime.fromISO(`${date}T23:59`, { zone: PARIS }).offset === start ? start : null;
    if (offsets.size < MEMO_SIZE) offsets.set(date, offset);
  }
  if (offset === null) return DateTime.fromISO(`${date}T${time}`, { zone: PARIS }).toUTC().toISO({ suppressMilliseconds: true }) ?? '';
  const local = Date.parse(`${date}T${time}:00Z`);
  return new Date(local - offset * 60_000).toISOString().replace('.000Z', 'Z');
}

function timeOf(value: string, at: At, index: number): string {
  const match = /^(\d{1,2})[:h](\d{2})(?::\d{2})?$/.exec(value);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    throw importError('import.bad_time', { entry: at.entry, line: at.line, column: columnName(at.header, index), excerpt: excerpt(value) });
  }
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/** Guichets' export writes a cell that begins like a formula with a leading « ' » (csv-stringify's escape_formulas). */
const unescaped = (cell: string): string => (/^'[-=+@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** Every row of a CSV, checked, as it streams by; the first fault refuses the whole file. */
export async function* csvRows(input: CsvInput, limits: ImportLimits = IMPORT_LIMITS): AsyncGenerator<ImportRow> {
  const table = await openCsv(input, limits);
  const { header, records } = table;
  const columns: readonly string[] = header ?? REQUIRED_COLUMNS;
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name)) {
      table.close();
      throw importError('import.missing_column', { entry: input.entry, column: name });
    }
  }
  const index = (name: string): number => columns.indexOf(name);
  // The same planning, département and address on every row: one string each, not one per row.
  const shared = new Map<string, string>();
  const intern = (value: string): string => {
    const known = shared.get(value);
    if (known !== undefined) return known;
    if (shared.size < 10_000) shared.set(value, value);
    return value;
  };

  const dates: DateMemo = new Map();
  const offsets = new Map<string, number | null>();
  let count = 0;
  for await (const { line, cells } of records) {
    const at: At = { entry: input.entry, line, header };
    if (count >= limits.rows) throw importError('import.too_many_rows', { entry: input.entry, max: limits.rows });
    const tooLong = cells.findIndex((cell) => cell.length > limits.cell);
    if (tooLong >= 0) throw importError('import.cell_too_long', { entry: input.entry, line, column: columnName(header, tooLong), max: limits.cell });
    if (cells.length < REQUIRED_COLUMNS.length) {
      throw importError('import.too_few_columns', { entry: input.entry, line, count: cells.length, min: REQUIRED_COLUMNS.length });
    }
    const cell = (name: string): string | undefined => {
      const at = index(name);
      return at >= 0 ? cells[at] : undefined;
    };
    const planning = unescaped(cell('planning') ?? '');
    if (isNull(planning)) throw importError('import.empty_cell', { entry: input.entry, line, column: columnName(header, index('planning')) });
    const localDate = dateOf(cell('date_sondage') ?? '', at, index('date_sondage'), dates);
    const localTime = timeOf(cell('heure_sondage') ?? '', at, index('heure_sondage'));
    const slot = (dateColumn: string, timeColumn: string): LocalDateTime | null => {
      const date = cell(dateColumn);
      if (isNull(date)) return null;
      const day = dateOf(date ?? '', at, index(dateColumn), dates);
      const time = cell(timeColumn);
      return isNull(time) ? day : `${day}T${timeOf(time ?? '', at, index(timeColumn))}`;
    };
    const firstSlot = slot('premiere_date', 'premiere_heure');
    const secondSlot = slot('deuxieme_date', 'deuxieme_heure');
    if (secondSlot && !firstSlot) throw importError('import.second_without_first', { entry: input.entry, line });
    const given = cell('resultat');
    let outcome: Outcome = firstSlot ? 'dates' : 'no_date';
    if (!isNull(given)) {
      if (!(OUTCOMES as readonly string[]).includes(given ?? '')) {
        throw importError('import.bad_outcome', { entry: input.entry, line, column: columnName(header, index('resultat')), excerpt: excerpt(given ?? '') });
      }
      outcome = given as Outcome;
    }
    if (outcome === 'dates' && !firstSlot) throw importError('import.dates_without_first', { entry: input.entry, line });
    const url = cell('url');
    if (!isNull(url) && !isHttpUrl(url ?? '')) {
      throw importError('import.bad_url', { entry: input.entry, line, column: columnName(header, index('url')), excerpt: excerpt(url ?? '') });
    }
    const optional = (name: string): string | null => {
      const value = cell(name);
      return value === undefined || isNull(value) ? null : value;
    };
    count += 1;
    yield {
      line,
      departement: intern(unescaped(cell('departement') ?? '')),
      planning: intern(planning),
      localDate,
      localTime,
      startedAt: instantOf(localDate, localTime, offsets),
      outcome,
      firstSlot: outcome === 'dates' ? firstSlot : null,
      secondSlot: outcome === 'dates' ? secondSlot : null,
      url: url && !isNull(url) ? intern(url) : null,
      id: optional('id_sondage'),
      category: optional('categorie'),
      capture: optional('sha256_capture'),
      provenance: optional('provenance'),
    };
  }
  if (count === 0) throw importError('import.empty', { entry: input.entry });
}
