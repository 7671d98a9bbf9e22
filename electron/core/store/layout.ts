// Where everything lives in the data folder. Paths are relative to it, with forward slashes (they are written
// into probe records, which must read the same on every OS).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BLOBS_DIR, EVIDENCE_DIR, type LocalDate, type MonthKey } from '../../shared/domain.js';
import { AppError } from '../errors.js';

export const SETTINGS_FILE = 'settings.json';
export const PLANNINGS_FILE = 'plannings.json';
export const PROBES_DIR = 'probes';
export const AGGREGATES_DIR = 'aggregates';
export { BLOBS_DIR, EVIDENCE_DIR };
/** Files the person exports without choosing where (the web host's downloads, a CSV with no path). */
export const EXPORTS_DIR = 'exports';
/** The browser profiles of assisted sessions (a person's captcha session, kept between probes). */
export const ASSISTED_PROFILES_DIR = 'assisted-profiles';
/** Screenshots of one-off probes from the command line (`probe <url>`), not evidence of a planning. */
export const CLI_PROBES_DIR = 'cli-probes';
/** Held by the one process that writes the folder (services/writer-lock.ts). */
export const WRITER_LOCK_FILE = 'writer.lock';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MONTH_DIR = /^\d{4}-\d{2}$/;
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** Ids become folder and file names: nothing that could climb out of the data folder. */
export function assertSafeId(kind: 'planning' | 'sondage', id: string): void {
  if (!SAFE_ID.test(id)) {
    throw new AppError(
      'invalid_input',
      `Identifiant de ${kind} invalide « ${id} » : lettres, chiffres, points, tirets et soulignés seulement.`,
    );
  }
}

export const dayFile = (planningId: string, date: LocalDate): string =>
  `${PROBES_DIR}/${planningId}/${date.slice(0, 7)}/${date}.json`;

export const gapsFile = (planningId: string, month: MonthKey): string =>
  `${PROBES_DIR}/${planningId}/${month}/gaps.json`;

export const aggregatesFile = (planningId: string): string => `${AGGREGATES_DIR}/${planningId}.json`;

export const artefactFolder = (planningId: string, month: MonthKey): string => `${EVIDENCE_DIR}/${planningId}/${month}`;

export const artefactFile = (planningId: string, month: MonthKey, probeId: string, ext: 'png' | 'txt' | 'log'): string =>
  `${artefactFolder(planningId, month)}/${probeId}.${ext}`;

/** A content-addressed artefact: spread over 256 folders by the hash's first two digits. */
export const blobFile = (sha256: string, ext: 'png' | 'webp' | 'txt'): string => `${BLOBS_DIR}/${sha256.slice(0, 2)}/${sha256}.${ext}`;

export const absolute = (dir: string, relative: string): string => path.join(dir, ...relative.split('/'));

/** A relative path from a record, resolved inside the data folder, or null when it would leave it. */
export function insideDir(dir: string, relative: string): string | null {
  const root = path.resolve(dir);
  const target = path.resolve(root, ...relative.split('/'));
  return target.startsWith(root + path.sep) ? target : null;
}

/**
 * Listed synchronously, as small files are read (json-files.ts): a folder here holds at most a few hundred names,
 * and a trip through the thread pool costs more than the listing. The dashboard's first call lists two per planning.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- callers await it, as they would fs.promises
async function names(folder: string): Promise<string[]> {
  try {
    return readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Plannings that have probes or gaps on disk, removed ones included: evidence outlives the list. */
export async function planningDirs(dir: string): Promise<string[]> {
  return (await names(absolute(dir, PROBES_DIR))).filter((name) => SAFE_ID.test(name)).sort();
}

/** Plannings that have an aggregates file. */
export async function aggregatedPlannings(dir: string): Promise<string[]> {
  return (await names(absolute(dir, AGGREGATES_DIR)))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((id) => SAFE_ID.test(id))
    .sort();
}

/** Month folders of a planning, oldest first. */
export async function monthsOf(dir: string, planningId: string): Promise<MonthKey[]> {
  return (await names(absolute(dir, `${PROBES_DIR}/${planningId}`))).filter((name) => MONTH_DIR.test(name)).sort();
}

/** Days of a month that have a probe file, oldest first. */
export async function daysOf(dir: string, planningId: string, month: MonthKey): Promise<LocalDate[]> {
  return (await names(absolute(dir, `${PROBES_DIR}/${planningId}/${month}`)))
    .map((name) => DAY_FILE.exec(name)?.[1])
    .filter((day): day is string => day !== undefined)
    .sort();
}
