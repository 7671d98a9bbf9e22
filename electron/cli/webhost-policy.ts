// The transport policy of the contract (TRANSPORT_POLICY in shared/api.ts), as the web host applies it: a page
// never names a path on the PC, a program, or a setting kept for the person at the PC.
import { givenInputs, PATH_USES, policyOf, type ApiError, type InputUse } from '../shared/api.js';

const WHY: Record<InputUse, string> = {
  read: 'la page web n’indique aucun chemin sur l’ordinateur : elle envoie le fichier lui-même',
  write: 'la page web télécharge le fichier, sans chemin sur l’ordinateur',
  folder: 'un dossier de l’ordinateur se choisit dans l’application de bureau ou en ligne de commande, jamais par la page web',
  program: 'le navigateur se choisit dans l’application de bureau ou en ligne de commande (--browser), jamais par la page web',
  desktop: 'ce réglage se change dans l’application de bureau ou en ligne de commande, jamais par la page web',
  address: '',
};

const refusal = (place: string, why: string): ApiError => ({
  code: 'invalid_input',
  message: `${place} : ${why}.`,
  field: place.split('.'),
  params: { rule: 'desktop_only' },
});

/**
 * Why a call that came over HTTP is refused before it reaches the core, or null. A path or a program given as
 * null is no path (« look in the usual places », « no logo »); a `desktop` input is refused whatever its value.
 */
export function refusedOverHttp(method: string, input: unknown): ApiError | null {
  const policy = policyOf(method);
  const given = givenInputs(method, input);
  if (policy.desktopOnly) {
    const place = Object.keys(policy.inputs ?? {})[0] ?? method;
    return refusal(place, 'cela se fait depuis l’application de bureau ou en ligne de commande, jamais par la page web');
  }
  for (const { place, use, value } of given) {
    if (use === 'desktop' || (PATH_USES.includes(use) && value !== null)) return refusal(place, WHY[use]);
  }
  return null;
}
