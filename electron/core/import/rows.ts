// Rows of a CSV in La Cimade's published layout (columns 1–6 at least:
// departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date, NULL when absent), and of
// Guichets' own export (which adds resultat, the hours, url, id_sondage…). Parsed with csv-parse; any bad row
// refuses the whole file, naming its line.
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { OUTCOMES, type LocalDateTime, type Outcome } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import { PARIS } from '../stats/calendar.js';

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
  url: string | null;
}

const REQUIRED = ['departement', 'planning', 'date_sondage', 'heure_sondage', 'premiere_date', 'deuxieme_date'] as const;

export const refused = (line: number, what: string): AppError =>
  new AppError('invalid_input', `Ligne ${line} : ${what}. Fichier refusé en entier : rien n’a été importé.`);

const isNull = (value: string | undefined): boolean => value === undefined || value.trim() === '' || value.trim().toUpperCase() === 'NULL';

function dateOf(value: string, line: number, column: string): string {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const normalized = iso ? text : french ? `${french[3]}-${french[2]}-${french[1]}` : null;
  if (!normalized || !DateTime.fromISO(normalized, { zone: PARIS }).isValid) {
    throw refused(line, `${column} « ${text} » n’est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)`);
  }
  return normalized;
}

function timeOf(value: string, line: number, column: string): string {
  const match = /^(\d{1,2})[:h](\d{2})(?::\d{2})?$/.exec(value.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) throw refused(line, `${column} « ${value.trim()} » n’est pas une heure (HH:MM)`);
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function slot(date: string | undefined, time: string | undefined, line: number, column: string): LocalDateTime | null {
  if (isNull(date)) return null;
  const day = dateOf(date ?? '', line, column);
  return isNull(time) ? day : `${day}T${timeOf(time ?? '', line, column.replace('date', 'heure'))}`;
}

export function parseImportCsv(text: string): ImportRow[] {
  let records: string[][];
  try {
    records = parse(text, { delimiter: [';', ','], bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw refused(line, `CSV illisible (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  if (records.length === 0) throw new AppError('invalid_input', 'Fichier vide : rien à importer.');
  const first = records[0]?.map((cell) => cell.toLowerCase()) ?? [];
  const hasHeader = first.includes('date_sondage');
  const columns = hasHeader ? first : [...REQUIRED];
  for (const name of REQUIRED) {
    if (!columns.includes(name)) throw refused(1, `colonne « ${name} » absente de l’en-tête (attendu : ${REQUIRED.join(';')})`);
  }
  const at = (record: string[], name: string): string | undefined => {
    const index = columns.indexOf(name);
    return index >= 0 ? record[index] : undefined;
  };
  const rows: ImportRow[] = [];
  records.slice(hasHeader ? 1 : 0).forEach((record, index) => {
    const line = index + (hasHeader ? 2 : 1);
    if (record.length < REQUIRED.length) throw refused(line, `${record.length} colonnes au lieu d’au moins ${REQUIRED.length}`);
    const planning = at(record, 'planning') ?? '';
    if (isNull(planning)) throw refused(line, 'planning vide');
    const localDate = dateOf(at(record, 'date_sondage') ?? '', line, 'date_sondage');
    const localTime = timeOf(at(record, 'heure_sondage') ?? '', line, 'heure_sondage');
    const start = DateTime.fromISO(`${localDate}T${localTime}`, { zone: PARIS });
    const firstSlot = slot(at(record, 'premiere_date'), at(record, 'premiere_heure'), line, 'premiere_date');
    const secondSlot = slot(at(record, 'deuxieme_date'), at(record, 'deuxieme_heure'), line, 'deuxieme_date');
    if (secondSlot && !firstSlot) throw refused(line, 'deuxieme_date sans premiere_date');
    const given = at(record, 'resultat')?.trim();
    let outcome: Outcome = firstSlot ? 'dates' : 'no_date';
    if (given && !isNull(given)) {
      if (!(OUTCOMES as readonly string[]).includes(given)) throw refused(line, `resultat « ${given} » inconnu (${OUTCOMES.join(', ')})`);
      outcome = given as Outcome;
    }
    if (outcome === 'dates' && !firstSlot) throw refused(line, 'résultat « dates » sans premiere_date');
    const url = at(record, 'url');
    rows.push({
      line,
      departement: (at(record, 'departement') ?? '').trim(),
      planning: planning.trim(),
      localDate,
      localTime,
      startedAt: start.toUTC().toISO({ suppressMilliseconds: true }) ?? '',
      outcome,
      firstSlot: outcome === 'dates' ? firstSlot : null,
      secondSlot: outcome === 'dates' ? secondSlot : null,
      url: url && !isNull(url) ? url.trim() : null,
    });
  });
  if (rows.length === 0) throw new AppError('invalid_input', 'Aucune ligne de sondage dans le fichier : rien à importer.');
  return rows;
}
