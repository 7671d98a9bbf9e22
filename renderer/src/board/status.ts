// What the dashboard says of a planning at a glance, and how its table is filtered and sorted. Pure: tested alone.
import type { PlanningOverview } from '../../../electron/shared/api';
import type { LocalDate } from '../../../electron/shared/domain';
import { headlineShares, inconclusiveTotal, type Bar } from '../../../electron/shared/stats';
import { compareDepartements } from '../shares';

export type StatusKind = 'robot' | 'captcha' | 'damaged' | 'stopped' | 'closed' | 'ok' | 'inconclusive' | 'waiting' | 'notFollowed';

export interface PlanningStatus {
  kind: StatusKind;
  /** For `closed`: whole days since dates were last seen; null when none were ever seen. */
  days: number | null;
}

/** Statuses that need a person to act: the robot cannot read, a captcha waits for someone, files are damaged. */
export const ATTENTION: readonly StatusKind[] = ['robot', 'captcha', 'damaged'];
export const STATUS_FILTERS = ['attention', 'closed', 'ok', 'stopped'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number] | 'all';

function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

export function planningStatus(overview: PlanningOverview, today: LocalDate): PlanningStatus {
  const { planning, lastProbe } = overview;
  const of = (kind: StatusKind, days: number | null = null): PlanningStatus => ({ kind, days });
  if (planning.stoppedAt) return of('stopped');
  if (overview.problem) return of('damaged');
  if (overview.robotTrouble) return of('robot');
  // Only a site with an assisted session (RDV-Préfecture) can be helped by a person typing the code.
  if (overview.assisted && (overview.assisted.state === 'expired' || (lastProbe?.outcome === 'captcha' && overview.assisted.state !== 'ready'))) {
    return of('captcha');
  }
  if (!planning.followed) return of('notFollowed');
  if (!lastProbe) return of('waiting');
  if (lastProbe.outcome === 'dates') return of('ok');
  if (lastProbe.outcome === 'no_date') {
    return of('closed', overview.lastDatesDay ? Math.max(0, daysBetween(overview.lastDatesDay, today)) : null);
  }
  return of('inconclusive');
}

export const needsAttention = (status: PlanningStatus): boolean => ATTENTION.includes(status.kind);

/**
 * How closed a bar is, from 0 (every probe found two dates under a month) to 4 (none found any): each category
 * weighs its distance from c1, so that sorting on it orders the bars as La Cimade's table reads them, and not on
 * black alone. Null without a conclusive probe.
 */
function closedness(bar: Bar): number | null {
  if (bar.conclusive === 0) return null;
  const { c2, c3, c4, c5 } = bar.categories;
  return (c2.attempts + 2 * c3.attempts + 3 * c4.attempts + 4 * c5.attempts) / bar.conclusive;
}

export interface TableQuery {
  text: string;
  departement: string;
  system: string;
  status: StatusFilter;
}

export const EMPTY_QUERY: TableQuery = { text: '', departement: '', system: '', status: 'all' };

/** Every column of the table sorts, by clicking its header. */
export const SORT_KEYS = ['departement', 'planning', 'bar', 'months', 'underMonth', 'noDate', 'attempts', 'inconclusive', 'gaps', 'recent', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}
/** The first sort: the most closed first, as « le plus fermé » did, on the whole bar. */
export const DEFAULT_SORT: Sort = { key: 'bar', direction: 'descending' };
/** The direction a column sorts in when first clicked: the worst first for figures, A to Z for names. */
export const FIRST_DIRECTION: Record<SortKey, Sort['direction']> = {
  departement: 'ascending',
  planning: 'ascending',
  bar: 'descending',
  months: 'descending',
  underMonth: 'ascending',
  noDate: 'descending',
  attempts: 'descending',
  inconclusive: 'descending',
  gaps: 'descending',
  recent: 'descending',
  status: 'ascending',
};

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function matchesStatus(filter: StatusFilter, status: PlanningStatus): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'attention':
      return needsAttention(status);
    default:
      return status.kind === filter;
  }
}

export interface Row {
  overview: PlanningOverview;
  status: PlanningStatus;
}

/** Statuses in the order of what needs someone first. */
const STATUS_ORDER: readonly StatusKind[] = ['robot', 'captcha', 'damaged', 'closed', 'inconclusive', 'stopped', 'ok', 'waiting', 'notFollowed'];

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** The value a column sorts on; null (no figure yet) always goes last, whatever the direction. */
function sortValue(row: Row, key: SortKey): number | string | null {
  const { planning, stats, lastProbe } = row.overview;
  switch (key) {
    case 'departement':
      return planning.departement.replace(/^2([AB])$/i, '20$1');
    case 'planning':
      return `${planning.label} ${planning.prefecture}`;
    case 'bar':
      return closedness(stats.top);
    case 'months': {
      // The trend: the newest month of the top bar.
      const newest = stats.topMonths.at(-1);
      return newest ? closedness(newest) : null;
    }
    case 'underMonth':
      return headlineShares(stats.top)?.underMonth ?? null;
    case 'noDate':
      return headlineShares(stats.top)?.noDate ?? null;
    case 'attempts':
      return stats.top.conclusive;
    case 'inconclusive':
      return inconclusiveTotal(stats.top);
    case 'gaps':
      return stats.top.gapHours;
    case 'recent':
      return lastProbe?.startedAt ?? null;
    case 'status': {
      // Within « sans date », the longest without any first (never any: the longest of all).
      const rank = STATUS_ORDER.indexOf(row.status.kind) * 100_000;
      return row.status.kind === 'closed' ? rank - (row.status.days ?? 99_999) : rank;
    }
  }
}

function compareValues(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/** The same order at every reload: département, then name, then id break every tie. */
function tieBreak(a: Row, b: Row): number {
  return (
    compareDepartements(a.overview.planning.departement, b.overview.planning.departement) ||
    collator.compare(a.overview.planning.label, b.overview.planning.label) ||
    (a.overview.planning.id < b.overview.planning.id ? -1 : a.overview.planning.id > b.overview.planning.id ? 1 : 0)
  );
}

function compareRows(sort: Sort): (a: Row, b: Row) => number {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || tieBreak(a, b);
    return sign * compareValues(x, y) || tieBreak(a, b);
  };
}

/** The rows the table shows, in order. Searching also reads the département's name (`names`). */
export function tableRows(
  overviews: readonly PlanningOverview[],
  query: TableQuery,
  today: LocalDate,
  sort: Sort = DEFAULT_SORT,
  names: (code: string) => string | null = () => null,
): Row[] {
  const words = fold(query.text).split(/\s+/).filter(Boolean);
  const rows = overviews
    .map((overview) => ({ overview, status: planningStatus(overview, today) }))
    .filter(({ overview, status }) => {
      const { planning } = overview;
      if (query.departement && planning.departement !== query.departement) return false;
      if (query.system && planning.system !== query.system) return false;
      if (!matchesStatus(query.status, status)) return false;
      const haystack = fold(
        [planning.label, planning.prefecture, planning.procedure, planning.departement, names(planning.departement) ?? '', planning.guichetLabel ?? ''].join(' '),
      );
      return words.every((word) => haystack.includes(word));
    });
  return rows.sort(compareRows(sort));
}

export interface Summary {
  plannings: number;
  closed: number;
  attention: number;
}

export function summarise(rows: readonly Row[]): Summary {
  return {
    plannings: rows.length,
    closed: rows.filter((row) => row.status.kind === 'closed').length,
    attention: rows.filter((row) => needsAttention(row.status)).length,
  };
}
