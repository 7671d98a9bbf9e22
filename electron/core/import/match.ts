// Which planning of this data folder a row belongs to. Never by booking address alone: one address often offers
// several guichets, each its own planning. A CSV row goes by département and name (the address only tells apart
// plannings of the same name); a signed dossier's planning by its identity, address and guichet together (its
// id only tells apart two of ours that share both).
import type { Planning } from '../../shared/domain.js';
import type { ImportRow } from './rows.js';
import { excerpt, importError } from './problems.js';

/** A planning as a dossier's signed history names it. */
export interface PlanningIdentity {
  id: string;
  url: string;
  guichet: string | null;
  label: string;
  departement: string;
}

export const normalizedName = (text: string): string =>
  text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Addresses compared as the URL parser writes them (case of the host, default port, empty path). */
export function sameAddress(a: string, b: string): boolean {
  if (a === b) return true;
  if (!URL.canParse(a) || !URL.canParse(b)) return false;
  return new URL(a).href === new URL(b).href;
}

export function givenPlanning(plannings: readonly Planning[], id: string): Planning {
  const planning = plannings.find((candidate) => candidate.id === id);
  if (!planning) throw importError('import.planning_not_found', { id: excerpt(id) }, 'not_found');
  return planning;
}

/** The planning of a CSV row: same département and name (accents, case and punctuation aside). */
export function rowMatcher(plannings: readonly Planning[], entry: string): (row: ImportRow) => Planning {
  const byName = new Map<string, Planning[]>();
  for (const planning of plannings) {
    const key = `${planning.departement.toUpperCase()}|${normalizedName(planning.label)}`;
    byName.set(key, [...(byName.get(key) ?? []), planning]);
  }
  return (row) => {
    const named = byName.get(`${row.departement.toUpperCase()}|${normalizedName(row.planning)}`) ?? [];
    const found = named.length > 1 && row.url ? named.filter((planning) => sameAddress(planning.url, row.url ?? '')) : named;
    if (found.length === 1) return found[0] as Planning;
    const params = { entry, line: row.line, excerpt: excerpt(row.planning), departement: excerpt(row.departement) || '?' };
    throw importError(found.length === 0 ? 'import.unknown_planning' : 'import.ambiguous_planning', params);
  };
}

/** The planning of a signed dossier's planning: address and guichet together; the id only between equals. */
export function identityMatch(plannings: readonly Planning[], identity: PlanningIdentity): Planning | null {
  const same = plannings.filter((planning) => sameAddress(planning.url, identity.url) && (planning.guichet ?? null) === (identity.guichet ?? null));
  if (same.length <= 1) return same[0] ?? null;
  return same.find((planning) => planning.id === identity.id) ?? null;
}
