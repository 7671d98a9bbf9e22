// The départements and the known booking addresses shipped with the app (resources/catalogue.json, bundled by
// Vite). The addresses come from public sources and must be checked by users before use: ids change.
import catalogue from '../../resources/catalogue.json';
import { compareDepartements } from './shares';

export interface Departement {
  code: string;
  name: string;
}

export interface KnownPlanning {
  departement: string;
  prefecture: string;
  url: string;
  procedure: string;
}

export interface KnownPlanningGroup {
  departement: string;
  plannings: KnownPlanning[];
}

export const DEPARTEMENTS: readonly Departement[] = catalogue.departements;

const names = new Map(DEPARTEMENTS.map(({ code, name }) => [code, name]));

/** "Seine-Saint-Denis" for "93" (case aside for Corsica's 2A/2B); null for a code outside the 101. */
export function departementName(code: string): string | null {
  return names.get(code.trim().toUpperCase()) ?? null;
}

export const KNOWN_PLANNINGS: readonly KnownPlanning[] = catalogue.knownPlannings.map(
  ({ departement, prefecture, url, procedure }) => ({ departement, prefecture, url, procedure }),
);

/** The number that tells apart addresses of one préfecture: "9829" in …/booking/create/9829. */
export function addressNumber(url: string): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  return /(\d+)\D*$/.exec(path)?.[1] ?? null;
}

/** Known addresses by département, in the order of French lists (2A and 2B where 20 stood). */
export function groupKnownPlannings(plannings: readonly KnownPlanning[] = KNOWN_PLANNINGS): KnownPlanningGroup[] {
  const groups = new Map<string, KnownPlanning[]>();
  for (const planning of plannings) groups.set(planning.departement, [...(groups.get(planning.departement) ?? []), planning]);
  return [...groups.entries()]
    .sort(([a], [b]) => compareDepartements(a, b))
    .map(([departement, list]) => ({ departement, plannings: list }));
}
