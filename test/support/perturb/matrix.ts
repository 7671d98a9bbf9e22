// The matrix of the variation test bed: which probe cases run under which variation, and what each must record.
// Used by matrix.test.ts (part of npm test); the combinations are chosen to cover every adapter under the
// variations that matter to it, within a few minutes on one shared browser.
import type { Outcome, StepsSpec } from '../../../electron/shared/domain.js';
import type { Clock } from '../../../electron/core/clock.js';
import { anctPath } from '../../../electron/replicas/anct/index.js';
import { slotsFor } from '../../../electron/replicas/legacy/scenarios.js';
import { replicaSlots } from '../../../electron/replicas/rdvpref/calendar.js';
import { demarchePath } from '../../../electron/replicas/rdvpref/scenarios.js';

export interface MatrixCase {
  name: string;
  system: 'legacy' | 'rdvpref' | 'anct' | 'steps';
  path: string;
  guichet: string | null;
  steps?: StepsSpec;
  /** What the replica as it is answers. */
  expected: Outcome;
  /** The first two free slots it offers, when `expected` is `dates`. */
  slots: string[];
}

export function matrixCases(clock: Clock): Record<string, MatrixCase> {
  const now = clock.now();
  const local = (shape: Parameters<typeof slotsFor>[0]) => slotsFor(shape, now).map((slot) => slot.toFormat("yyyy-MM-dd'T'HH:mm")).slice(0, 2);
  return {
    legacyCalendar: {
      name: 'legacy, guichet à choisir, calendrier',
      system: 'legacy',
      path: '/booking/create/9829/0',
      guichet: '9832',
      expected: 'dates',
      slots: local('two_first_week'),
    },
    legacyFar: {
      name: 'legacy, 2e plage 5 semaines plus loin',
      system: 'legacy',
      path: '/booking/create/9829/0',
      guichet: '9833',
      expected: 'dates',
      slots: local('one_then_later'),
    },
    legacyNone: {
      name: 'legacy /index.php, plus de plage libre',
      system: 'legacy',
      path: '/index.php/booking/create/50382/0',
      guichet: null,
      expected: 'no_date',
      slots: [],
    },
    rdvpref: { name: 'RDV-Préfecture, captcha', system: 'rdvpref', path: demarchePath(2246), guichet: null, expected: 'captcha', slots: [] },
    anct: {
      name: 'RDV Service Public, lieu à choisir',
      system: 'anct',
      path: anctPath('7102', 'premiere_demande_de_titre_de_sejour-public_office'),
      guichet: 'Sous-préfecture de Saint-Flour',
      expected: 'dates',
      slots: replicaSlots('soon', clock).slice(0, 2),
    },
    anctLater: {
      name: 'RDV Service Public, semaine vide puis « Prochaine disponibilité »',
      system: 'anct',
      path: anctPath('7101', 'remise_de_titre_de_sejour-public_office'),
      guichet: null,
      expected: 'dates',
      slots: replicaSlots('one_to_two_months', clock).slice(0, 2),
    },
    steps: {
      name: 'étapes définies (module legacy)',
      system: 'steps',
      path: '/booking/create/50382/0',
      guichet: null,
      steps: {
        steps: [
          { kind: 'check', text: 'accepter les conditions' },
          { kind: 'click', text: 'Effectuer une demande de rendez-vous' },
        ],
        noSlotText: "Il n'existe plus de plage horaire libre",
        slotSelector: '.creneau-libre',
      },
      expected: 'no_date',
      slots: [],
    },
  };
}

type CaseKey = keyof ReturnType<typeof matrixCases>;
const ALL: CaseKey[] = ['legacyCalendar', 'legacyNone', 'rdvpref', 'anct', 'steps'];
/** The long calendar walk (six weeks) runs under the variations that change how the calendar reads. */
const FAR: CaseKey[] = ['legacyFar'];
/** Where a consent manager stands in the way of every system. */
const CONSENT: CaseKey[] = ['legacyCalendar', 'anct'];

export interface MatrixEntry {
  cases: CaseKey[];
  outcome?: Outcome;
  detail?: RegExp;
  /** The probe must end sooner than this. */
  withinMs?: number;
  /** The variation is shown solvable by a person (person.ts) on these cases. */
  person?: CaseKey[];
}

/**
 * For each variation: the cases it runs, the outcome it must give instead of the replica's own (if any), and what
 * the detail must then name: the very reason a person would give (the status, the block, the cover, the walk).
 */
export const MATRIX: Record<string, MatrixEntry> = {
  'telle-quelle': { cases: [...ALL, ...FAR, 'anctLater'] },
  'bandeau-boutons': { cases: ['legacyCalendar', 'steps'] },
  'bandeau-lien': { cases: ['legacyCalendar', 'rdvpref', 'steps'] },
  'bandeau-iframe': { cases: ['anct', 'steps'] },
  'mur-cookies': { cases: ['legacyCalendar', 'rdvpref'] },
  'bandeau-div': { cases: ['legacyCalendar', 'steps'] },
  'bandeau-tardif': { cases: ['legacyCalendar', 'steps'] },
  'fenetre-info': { cases: ['legacyCalendar', 'steps'] },
  'couverture-fixe': { cases: ['legacyNone', 'steps'], outcome: 'robot_error', detail: /recouvre .*« Votre navigateur n'est pas pris en charge/ },
  'ids-renommes': { cases: [...ALL, ...FAR] },
  'texte-varie': { cases: ALL },
  'rendu-tardif': { cases: ['legacyCalendar', 'rdvpref', 'anct'] },
  'page-information': { cases: ['legacyCalendar', 'rdvpref', 'anct'] },
  lent: { cases: ['legacyCalendar', 'anct'] },
  'refus-403-xhr': { cases: ['legacyCalendar'], outcome: 'site_error', detail: /HTTP 403/ },
  'refus-429-xhr': { cases: ['legacyCalendar'], outcome: 'site_error', detail: /HTTP 429/ },
  'refus-503-xhr': { cases: ['legacyCalendar'], outcome: 'site_error', detail: /HTTP 503/ },
  'refus-403-page': { cases: ['legacyNone', 'rdvpref', 'anct', 'steps'], outcome: 'site_error', detail: /HTTP 403.*Sorry, you have been blocked/ },
  'defi-page': { cases: ['rdvpref'], outcome: 'site_error', detail: /HTTP 503.*(Just a moment|Checking if the site connection is secure)/ },
  'akamai-page': { cases: ['legacyNone'], outcome: 'site_error', detail: /HTTP 403.*Access Denied/ },
  'datadome-page': { cases: ['anct'], outcome: 'site_error', detail: /HTTP 403/ },
  'refus-429-page': { cases: ['anct'], outcome: 'site_error', detail: /HTTP 429.*Too Many Requests/ },
  'maintenance-page': { cases: ['rdvpref', 'legacyNone'], outcome: 'site_error', detail: /maintenance/ },
  // A page that answers nothing is a site that does not answer, said with the step and what was being read.
  // At its step's budget (15 s), well before the probe's own limit.
  'page-figee': {
    cases: ['legacyNone'],
    outcome: 'unreachable',
    detail: /^(Étape|Après) « [^»]+ » : la page n’a pas répondu en \d+ s au robot, qui lisait [^:]+ : sondage arrêté\.$/,
    withinMs: 30_000,
  },
  // A walk that does not move forward is never read as « no date ».
  'calendrier-fige': { cases: FAR, outcome: 'unrecognized', detail: /« Semaine suivante » est restée sur la même semaine/ },
  'calendrier-recule': { cases: FAR, outcome: 'unrecognized', detail: /« Semaine suivante » est revenue en arrière/ },
  // An empty week without « Prochaine disponibilité », or with a dash: the robot turns the weeks as a person does
  // and finds the slots; « no date » rests on the site's words (« aucune »), never on a dash or an empty value.
  'sans-prochaine-dispo': { cases: ['anctLater'] },
  'prochaine-dispo-tiret': { cases: ['anctLater'] },
  'prochaine-dispo-aucune': { cases: ['anctLater'], outcome: 'no_date', detail: /« Prochaine disponibilité : aucune »/ },
  // Consent managers as published on npm, and what sites do between their pages and with their slots: each also
  // walked by a person.
  // Each consent manager before the legacy module and RDV Service Public; before the captcha of RDV-Préfecture and
  // the user's own steps, once each.
  'dsfr-consentement': { cases: [...CONSENT, 'rdvpref', 'steps'], person: ['legacyCalendar', 'anct'] },
  'dsfr-libelles-inedits': { cases: ['legacyCalendar', 'steps'], person: ['legacyCalendar'] },
  tarteaucitron: { cases: [...CONSENT, 'rdvpref'], person: ['legacyCalendar'] },
  orejime: { cases: [...CONSENT, 'steps'], person: ['legacyCalendar'] },
  cookieconsent: { cases: CONSENT, person: ['legacyCalendar'] },
  klaro: { cases: CONSENT, person: ['legacyCalendar'] },
  'osano-cookieconsent': { cases: CONSENT, person: ['legacyCalendar'] },
  'informations-importantes': { cases: ['legacyCalendar', 'rdvpref', 'anct'], person: ['legacyCalendar'] },
  'information-inedite': { cases: ['legacyCalendar', 'anct'], person: ['legacyCalendar'] },
  'file-attente': { cases: ['legacyCalendar', 'anct'], person: ['legacyCalendar', 'anct'] },
  'creneaux-liste': { cases: ['legacyCalendar', 'anct', ...FAR], person: ['legacyCalendar', 'anct'] },
  'creneaux-boutons': { cases: ['legacyCalendar', 'anct'], person: ['legacyCalendar', 'anct'] },
  'dates-en-lettres': { cases: ['legacyCalendar', 'anct'], person: ['legacyCalendar', 'anct'] },
  'semaine-vide-seule': { cases: ['anctLater'], person: ['anctLater'] },
};
