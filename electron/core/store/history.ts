// The planning's history: its label, préfecture, département, URL and guichet as they were at each moment, so
// that a probe is exported under the names in force when it ran, and a renaming never rewrites the past.
// Append-only, one file per planning, sealed with the probes.
import type { Planning } from '../../shared/domain.js';
import type { FileKind, JsonFiles } from './json-files.js';

export const HISTORY_DIR = 'plannings-history';
export const historyFile = (planningId: string): string => `${HISTORY_DIR}/${planningId}.json`;

export interface PlanningVersion {
  /** ISO instant from which these values apply. */
  at: string;
  label: string;
  prefecture: string;
  departement: string;
  url: string;
  guichet: string | null;
  guichetLabel: string | null;
}

export interface HistoryFile {
  /** Oldest first. */
  versions: PlanningVersion[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const historyKind: FileKind<HistoryFile> = {
  empty: () => ({ versions: [] }),
  valid: (value): value is HistoryFile =>
    isObject(value) && Array.isArray(value.versions) && value.versions.every((item) => isObject(item) && typeof item.at === 'string'),
  stringify: (value) =>
    value.versions.length === 0 ? '{"versions":[]}\n' : `{"versions":[\n${value.versions.map((item) => JSON.stringify(item)).join(',\n')}\n]}\n`,
};

export function versionOf(planning: Planning, at: string): PlanningVersion {
  return {
    at,
    label: planning.label,
    prefecture: planning.prefecture,
    departement: planning.departement,
    url: planning.url,
    guichet: planning.guichet,
    guichetLabel: planning.guichetLabel,
  };
}

function sameValues(a: PlanningVersion, b: PlanningVersion): boolean {
  return (
    a.label === b.label &&
    a.prefecture === b.prefecture &&
    a.departement === b.departement &&
    a.url === b.url &&
    a.guichet === b.guichet &&
    a.guichetLabel === b.guichetLabel
  );
}

/** Appends the planning's values when they differ from the last ones kept; the first version dates from its creation. */
export async function recordVersion(files: JsonFiles, planning: Planning, now: string): Promise<void> {
  const current = await files.read(historyFile(planning.id), historyKind);
  const last = current.versions[current.versions.length - 1];
  const next = versionOf(planning, last ? now : planning.createdAt);
  if (last && sameValues(last, next)) return;
  await files.update(historyFile(planning.id), historyKind, (draft) => {
    draft.versions.push(next);
  });
}

/** The values in force at `instant`: the last version from before it, else the first one (older probes). */
export function versionAt(versions: readonly PlanningVersion[], instant: string): PlanningVersion | undefined {
  const time = Date.parse(instant);
  let found: PlanningVersion | undefined = versions[0];
  for (const version of versions) {
    if (Date.parse(version.at) <= time) found = version;
    else break;
  }
  return found;
}
