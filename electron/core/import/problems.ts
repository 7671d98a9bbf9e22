// How the importer refuses: one AppError said as a code of the catalogue (section `import.`), with where the fault
// is (the entry of the dossier or the file's name, the line, the column) as parameters. A cell's content appears
// only as a short, printable excerpt, and only from the file the person chose; a path is never echoed.
import type { ErrorCode } from '../../shared/api.js';
import type { MessageCode, MessageParams } from '../../shared/messages/index.js';
import { coreError, type AppError } from '../errors.js';

type ImportCode = Extract<MessageCode, `import.${string}`>;

export function importError(code: ImportCode, params?: MessageParams, errorCode: ErrorCode = 'invalid_input'): AppError {
  return coreError(errorCode, params === undefined ? { code } : { code, params });
}

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/** At most this many characters of a cell are shown back. */
const EXCERPT = 40;

/**
 * A cell as the message may show it: control, format (bidirectional overrides) and separator characters replaced
 * by « ? », cut to EXCERPT characters. Enough to find the cell; never a file's content.
 */
export function excerpt(value: string, length = EXCERPT): string {
  const characters = Array.from(graphemes.segment(value.trim()), ({ segment }) => segment);
  const shown = characters
    .slice(0, length)
    .map((character) => (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/u.test(character) ? '?' : character))
    .join('');
  return characters.length > length ? `${shown}…` : shown;
}
