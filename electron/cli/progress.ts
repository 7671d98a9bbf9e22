// A long job's advance on the terminal: one line on standard error, redrawn in place, only when standard error is
// a terminal (a log file or a pipe gets the result alone, and --json output stays one object).
import type { JobProgress } from '../shared/api.js';
import type { Words } from './words.js';

let drawn = false;

/** A listener for the core's progress that draws its worded line; nothing when standard error is not a terminal. */
export function progressLine(words: Words): ((progress: JobProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (progress) => {
    process.stderr.write(`\r\x1b[K${words.core(progress.message, '')}`);
    drawn = true;
  };
}

/** Clears the progress line before the result is printed. */
export function clearProgress(): void {
  if (drawn) process.stderr.write('\r\x1b[K');
  drawn = false;
}
