// The records of a CSV, streamed: UTF-8 checked as the bytes come, the separator decided by the header line (`;`,
// La Cimade's and ours; `,` only when the header is written with commas; never both), csv-parse with a bounded line
// buffer. Its errors become one line naming the entry, the line and the column, never the parser's own text (it
// quotes the cell).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../errors.js';
import type { ImportLimits } from './limits.js';
import { importError } from './problems.js';

/** The bytes of one CSV: a file's, or a dossier's entry, and what to call it in a message. */
export interface CsvInput {
  /** `data/sondages.csv` in a dossier, the file's own name otherwise. */
  entry: string;
  chunks: AsyncIterable<Buffer>;
}

export interface CsvRecord {
  /** Line of the file where the record starts (1 = the first line). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** The header's names, lower-cased; null when the file has no header (La Cimade's six columns in order). */
  header: string[] | null;
  records: AsyncGenerator<CsvRecord>;
  /** Stops reading before the records (they close themselves when their loop ends). */
  close(): void;
}

/** The header is the line that names date_sondage; its separator is the file's. */
function separatorOf(firstLine: string): { delimiter: ';' | ','; header: boolean } {
  const names = (separator: string): string[] =>
    firstLine.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase());
  if (names(';').includes('date_sondage')) return { delimiter: ';', header: true };
  if (names(',').includes('date_sondage')) return { delimiter: ',', header: true };
  return { delimiter: ';', header: false };
}

async function* utf8(input: CsvInput): AsyncGenerator<string> {
  // fatal: a file saved as Windows-1252 (Excel's plain « CSV ») is said, not read with replacement characters.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of input.chunks) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw importError('import.not_utf8', { entry: input.entry });
    throw error;
  }
}

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'quote',
  CSV_INVALID_CLOSING_QUOTE: 'closing',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'closing',
  INVALID_OPENING_QUOTE: 'opening',
};

/** What to call a column in a message: its name in the header, else its number. */
export const columnName = (header: string[] | null, index: number): string => header?.[index] ?? String(index + 1);

function parserError(error: CsvError, entry: string, header: string[] | null, limits: ImportLimits): AppError {
  const line = Number((error as { lines?: unknown }).lines) || 1;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    const column = Number((error as { column?: unknown }).column) || 0;
    return importError('import.line_too_long', { entry, line, column: columnName(header, column), max: limits.line });
  }
  return importError('import.malformed', { entry, line, reason: REASONS[error.code] ?? 'other' });
}

/** Opens a CSV: reads its first line to choose the separator, then hands on its records one at a time. */
export async function openCsv(input: CsvInput, limits: ImportLimits): Promise<CsvTable> {
  const text = utf8(input)[Symbol.asyncIterator]();
  // Not awaited: a read under way ends when the stream's owner destroys it, which it does when this fails.
  const close = (): void => {
    text.return(undefined).catch(() => undefined);
  };
  let head = '';
  for (;;) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
    if (/[\r\n]/.test(head)) break;
    if (head.length > limits.header) {
      close();
      throw importError('import.header_too_long', { entry: input.entry, max: limits.header });
    }
  }
  const firstLine = head.split(/\r?\n|\r/, 1)[0] ?? '';
  if (firstLine.length > limits.header) {
    close();
    throw importError('import.header_too_long', { entry: input.entry, max: limits.header });
  }
  const { delimiter, header: hasHeader } = separatorOf(firstLine);
  const header = hasHeader ? firstLine : null;
  let names: string[] | null = null;
  try {
    if (header !== null) names = await headerNames(header, delimiter);
  } catch (error) {
    close();
    if (error instanceof CsvError) throw parserError(error, input.entry, null, limits);
    throw error;
  }

  async function* all(): AsyncGenerator<string> {
    yield head;
    for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
  }

  async function* records(): AsyncGenerator<CsvRecord> {
    const parser = parse({
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: limits.line,
    });
    const feeding = pipeline(Readable.from(all()), parser);
    // Its failures reach the loop below through the parser, which the pipeline destroys with the same error.
    feeding.catch(() => undefined);
    let first = true;
    try {
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (first && names !== null) {
          first = false;
          continue;
        }
        first = false;
        const inside = item.record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
        yield { line: item.info.lines - inside, cells: item.record };
      }
    } catch (error) {
      if (error instanceof CsvError) throw parserError(error, input.entry, names, limits);
      throw error;
    } finally {
      parser.destroy();
      close();
    }
  }

  return { header: names, records: records(), close };
}

/** The header's names as csv-parse reads them (quoted names included), lower-cased. */
async function headerNames(line: string, delimiter: string): Promise<string[]> {
  const parser = parse({ delimiter, relax_column_count: true, trim: true });
  parser.end(line);
  for await (const record of parser as AsyncIterable<string[]>) return record.map((name) => name.toLowerCase());
  return [];
}
