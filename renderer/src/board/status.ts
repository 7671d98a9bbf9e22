// What the dashboard says of a planning at a glance, and how its table is filtered and sorted. Pure: tested alone.
import type { PlanningOverview } from '../../../electron/shared/api';
import type { LocalDate } from '../../../electron/shared/domain';
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
export const SORTS = ['closed', 'departement', 'change'] as const;
export type Sort = (typeof SORTS)[number];

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

/** Share of the top bar's conclusive probes that found no date (c5), or null without any. */
export function closedShare(overview: PlanningOverview): number | null {
  const { top } = overview.stats;
  return top.conclusive > 0 ? top.categories.c5.attempts / top.conclusive : null;
}

export interface TableQuery {
  text: string;
  departement: string;
  system: string;
  status: StatusFilter;
  sort: Sort;
}

export const EMPTY_QUERY: TableQuery = { text: '', departement: '', system: '', status: 'all', sort: 'closed' };

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

const lastChange = (overview: PlanningOverview) =>
  [overview.lastProbe?.startedAt ?? '', overview.planning.updatedAt].sort().at(-1) ?? '';

export interface Row {
  overview: PlanningOverview;
  status: PlanningStatus;
}

/** The rows the table shows, in order. Searching also reads the département's name (`names`). */
export function tableRows(
  overviews: readonly PlanningOverview[],
  query: TableQuery,
  today: LocalDate,
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
  const byDepartement = (a: Row, b: Row) =>
    compareDepartements(a.overview.planning.departement, b.overview.planning.departement) ||
    a.overview.planning.label.localeCompare(b.overview.planning.label, 'fr');
  const compare: Record<Sort, (a: Row, b: Row) => number> = {
    // Most closed first; plannings without a conclusive probe last.
    closed: (a, b) => (closedShare(b.overview) ?? -1) - (closedShare(a.overview) ?? -1) || byDepartement(a, b),
    departement: byDepartement,
    change: (a, b) => lastChange(b.overview).localeCompare(lastChange(a.overview)) || byDepartement(a, b),
  };
  return rows.sort(compare[query.sort]);
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
