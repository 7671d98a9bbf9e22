// The JSON files of the data folder: their shapes, empty values and how they are written.
import type { Gap, Planning, Probe, Settings } from '../../shared/domain.js';
import { isStoredMonths, type StoredMonths } from './aggregates-file.js';
import type { FileKind } from './json-files.js';

export interface DayFile {
  /** In the order they were appended, which is the chain's order. */
  probes: Probe[];
}

export interface GapsFile {
  gaps: Gap[];
}

/** The last probe appended: verification compares it with the newest probe on disk. */
export interface ChainHead {
  hash: string;
  probeId: string;
  startedAt: string;
}

/** Why and when an aggregates file was rebuilt from the day files; kept for good, for verification. */
export interface RebuiltNote {
  at: string;
  reason: 'missing' | 'damaged';
  /** The head the damaged file still named (read from its text), or null when none could be read. */
  previousHead: string | null;
  /** Where the damaged file was set aside, relative to the data folder. */
  aside: string | null;
}

/** Rewritten at every probe of its planning: one line, months encoded by aggregates-file.ts. */
export interface AggregatesFile {
  planningId: string;
  head: ChainHead | null;
  probes: number;
  months: StoredMonths;
  rebuilt?: RebuiltNote;
}

export interface PlanningsFile {
  plannings: Planning[];
  /** Removed from the list, kept so that their probes still export with a name. */
  removed?: Planning[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One record a line: compact, yet a person can still read and diff a day. */
function linePerItem(key: string, items: readonly unknown[]): string {
  if (items.length === 0) return `{"${key}":[]}\n`;
  return `{"${key}":[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]}\n`;
}

export const dayKind: FileKind<DayFile> = {
  empty: () => ({ probes: [] }),
  valid: (value): value is DayFile =>
    isObject(value) && Array.isArray(value.probes) && value.probes.every((probe) => isObject(probe)),
  stringify: (value) => linePerItem('probes', value.probes),
};

export const gapsKind: FileKind<GapsFile> = {
  empty: () => ({ gaps: [] }),
  valid: (value): value is GapsFile => isObject(value) && Array.isArray(value.gaps),
  stringify: (value) => linePerItem('gaps', value.gaps),
};

export function aggregatesKind(planningId: string): FileKind<AggregatesFile> {
  return {
    empty: () => ({ planningId, head: null, probes: 0, months: {} }),
    valid: (value): value is AggregatesFile =>
      isObject(value) &&
      isStoredMonths(value.months) &&
      typeof value.probes === 'number' &&
      (value.head === null || (isObject(value.head) && typeof value.head.hash === 'string')),
    stringify: (value) => `${JSON.stringify(value)}\n`,
    // Derived from the day files, flushed before it: after a power cut that lost its rename, the older copy is
    // brought up to date by recover(). Not flushing its folder saves a journal commit per append.
    flush: 'data',
  };
}

export const planningsKind: FileKind<PlanningsFile> = {
  empty: () => ({ plannings: [], removed: [] }),
  valid: (value): value is PlanningsFile =>
    isObject(value) && Array.isArray(value.plannings) && (value.removed === undefined || Array.isArray(value.removed)),
};

export const settingsKind: FileKind<Partial<Settings>> = {
  empty: () => ({}),
  valid: (value): value is Partial<Settings> => isObject(value),
};
