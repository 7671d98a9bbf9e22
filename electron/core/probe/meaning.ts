// What controls and texts mean, as a person understands them whatever their exact wording: refusing or accepting
// cookies, closing a layer, going forward, turning to the next week, waiting in a queue. Word stems and their
// grammar, never a list of labels: a site that says it another way is still understood. Texts are normalised
// first (see normalizeText: no accents, lower case, plain apostrophes).
import { normalizeText } from './text.js';

const has = (pattern: RegExp) => (text: string) => pattern.test(normalizeText(text));

/** Words of consent managers and privacy notices. */
export const speaksOfConsent = has(/cookie|traceur|consent|vie privee|donnees personnelles|rgpd|gdpr|mesure d'audience|partenaires|confidentialite/);
/**
 * Words that make a set of choices a consent manager's, not a guichet list: narrower than speaksOfConsent, since
 * « vie privée et familiale » is a residence permit (and its guichets' names), and a guichet may mention personal
 * data or privacy.
 */
export const choicesOfConsent = has(/cookie|traceur|consent|rgpd|gdpr|mesure d'audience|partenaires/);

/** A refusal of consent: refuse, reject, decline, continue without accepting, only what is necessary. */
const REFUSE = /\b(refus|rejet|reject|declin|deny|denie)|\bsans (accept|consent|autoris|cookie|traceur)|^non\b|\bne pas (accept|autoris)|(necessaire|essentiel|indispensable)s? (uniquement|seulement)|(uniquement|seulement) (les )?(cookies? )?(necessaire|essentiel|indispensable)|tout desactiver/;
/** An acceptance: accept, allow, agree, OK, understood. */
const ACCEPT = /\b(accept|autoris|agree|allow|d'accord|compris)|^ok\b|^oui\b|\bconsen[st]/;
/** Closing a layer: a close button, a cross, « Continuer » on a notice. */
const CLOSE = /^(x|×|✕|✖|╳)$|\b(fermer|close|masquer)\b|^continuer$|^(retour au site|revenir au site)$/;
/** Settings, details and links away: never what closes a layer. */
const SETTINGS = /personnalis|parametr|preferences|reglage|gerer|en savoir plus|plus d'info|politique|choisir|configurer|details|mes choix|customi|settings|manage/;

export type ConsentChoice = 'refuse' | 'accept' | 'close';

/** What pressing a control of a layer does to it, or null when it does not close it (settings, links away). */
export function consentChoice(name: string): ConsentChoice | null {
  const text = normalizeText(name);
  if (text === '' || text.length > 60) return null;
  if (REFUSE.test(text)) return 'refuse';
  if (SETTINGS.test(text)) return null;
  if (ACCEPT.test(text)) return 'accept';
  if (CLOSE.test(text)) return 'close';
  return null;
}

/** Controls that lead on: next step, continue, go to the service, take an appointment. */
const FORWARD =
  /^(etape )?suivant|\bsuivante?\b|^continu|\bcontinuer\b|^poursui|^valid|^commenc|^acced|^aller (a|au|vers)|^passer a|effectuer une demande|demande de rendez-vous|(prendre|demander) (un )?(rendez-vous|rdv)|^je prends (un )?(rendez-vous|rdv)|^rendez-vous$|^(rechercher|voir|afficher) (les )?(disponibilites|creneaux|horaires)|^j'ai (lu|compris|pris connaissance)|^ok$|^entrer\b|^debuter/;
/** Controls that go back, leave or end: never pressed to go on. */
const BACKWARD = /precedent|\bretour\b|^annuler|^terminer|^quitter|^fermer|deconnex|^modifier|^gerer|^mes rendez-vous|^accueil$|imprimer|^partager|semaine|^sem\b/;
/** Never pressed: what books, confirms or pays. */
const COMMITS = /confirm|^reserver\b|reserver (ce|le|mon|un|cette) (creneau|plage|horaire|rendez-vous)|^payer|valider (le|mon|ce) (rendez-vous|creneau|rdv)/;
/** What books, confirms or pays, by any of its words (its name, the text it shows, its title). */
export const commits = has(COMMITS);

/** How surely a control leads on (lower is surer), or null when it does not. */
export function forwardRank(name: string): number | null {
  const text = normalizeText(name);
  if (text === '' || text.length > 80 || BACKWARD.test(text) || COMMITS.test(text)) return null;
  if (!FORWARD.test(text)) return null;
  if (/^(etape )?suivant|^continu|^poursui|^valid/.test(text)) return 0;
  if (/demande|rendez-vous|rdv|acced|commenc|disponibilites|creneaux|horaires/.test(text)) return 1;
  return 2;
}

/** The next window of a calendar: next week, next days, an arrow named so. */
export const isNextWindow = has(/(semaine|sem\.?|jours?|periode|mois) (suivante?s?|prochaine?s?)|^(suivante?|>|›|»|→)$|(suivante?|prochaine) semaine|^plus tard$/);
/** The window before: never followed (the robot only moves forward in time). */
export const isPreviousWindow = has(/precedente?|anterieure?|^(<|‹|«|←)$/);
/** A control that opens the next availability the site announces (« Prochaine disponibilité le … »). */
export const isNextAvailability = has(/(prochaine?|premiere?) (disponibilite|date disponible|creneau|plage)/);

/** Words of a page that asks the visitor to wait: a queue, a waiting room, a page that will refresh. */
const WAITING =
  /file d'attente|salle d'attente|\bpatient(ez|er)\b|en attente|votre tour|temps d'attente|vous (allez etre|serez) redirige|actualis(ee|era|ation) automatique|rafraichi|waiting room|you are (now )?in (the )?(line|queue)|please wait|estimated wait/;
export const asksToWait = has(WAITING);

/** The waiting time a waiting room announces (« temps d'attente estimé : moins d'une minute »), as it says it. */
export function announcedWait(text: string): string | null {
  const line = text.split('\n').find((l) => /(temps|duree|delai) d'attente|attente estimee|estimated wait|minute|seconde/.test(normalizeText(l)));
  return line?.trim() ?? null;
}

/** A box that must be ticked to go on: conditions, « j'ai lu », « je certifie », « j'accepte ». */
export const mustBeTicked = has(/condition|j'ai (lu|pris connaissance)|\blu et\b|certifi|j'accepte|accepter|atteste|reconnais|engage|cgu|mentions/);

/** Words of a page that is only loading. */
export const saysLoading = has(/^(chargement|loading|veuillez patienter|patientez|merci de patienter)/);
