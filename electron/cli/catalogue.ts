// The départements and known booking addresses shipped with the app (resources/catalogue.json), as the planning
// form uses them: what `plannings add` can fill in when the person does not say.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findAppRoot } from '../core/paths.js';

interface Catalogue {
  departements: { code: string; name: string }[];
  knownPlannings: { departement: string; prefecture: string; url: string; procedure: string }[];
}

let loaded: Catalogue | null = null;
function catalogue(): Catalogue {
  loaded ??= JSON.parse(readFileSync(path.join(findAppRoot(), 'resources', 'catalogue.json'), 'utf8')) as Catalogue;
  return loaded;
}

const sameAddress = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** The known planning at this address (département, préfecture, procedure), if the catalogue has it. */
export function knownPlanning(url: string): Catalogue['knownPlannings'][number] | null {
  return catalogue().knownPlannings.find((known) => sameAddress(known.url, url.trim())) ?? null;
}

/** « Seine-Saint-Denis » for « 93 »; null for a code outside the 101. */
export function departementName(code: string): string | null {
  return catalogue().departements.find((departement) => departement.code === code.trim().toUpperCase())?.name ?? null;
}
