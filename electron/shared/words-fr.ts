// The French words that leave the app in more than one way (the screens, the dossier, the published site, the
// chart images): written once, so that a category or a gap reads the same on a screen and in a court file.
import type { Category, GapReason } from './domain.js';

/** La Cimade's five categories. */
export const CATEGORY_WORDS_FR = {
  c1: 'au moins deux dates sous un mois',
  c2: 'une seule date possible sous un mois',
  c3: 'première date possible entre un et deux mois',
  c4: 'première date possible au-delà de deux mois',
  c5: 'pas de date disponible',
} as const satisfies Record<Category, string>;

/** Why a due probe did not run (`Gap.reason`). */
export const GAP_WORDS_FR = {
  app_closed: 'application fermée',
  asleep: 'ordinateur en veille',
  backoff: 'site en pause après des erreurs répétées',
  overrun: 'le sondage précédent durait encore',
  interrupted: 'sondage interrompu par la fermeture de l’application',
} as const satisfies Record<GapReason, string>;
