// The démarches of the RDV-Préfecture replica: one per scenario, every outcome covered. 2246 (Palaiseau,
// remise de titre) is a real id (SITES.md §4); the others are fictitious ids of the same shape.
import type { Outcome } from '../../shared/domain.js';
import type { DemoPlanning } from '../legacy/scenarios.js';
import type { SlotPlan } from './calendar.js';

export type RdvprefScenario =
  /**
   * `opensOnToday`: /creneau/ opens on the current week, not on the first free one (its JSON says which);
   * `saysNoneOnEmptyWeek`: a week without slots says « Aucun créneau disponible » (for that week only).
   */
  | { kind: 'slots'; plan: SlotPlan; opensOnToday?: boolean; saysNoneOnEmptyWeek?: boolean }
  /** /creneau/ shows neither a slot nor the no-slot message (its script failed); only its JSON is empty. */
  | { kind: 'silent' }
  /** Every page answers slowly (ReplicaOptions.slowDelayMs), then like `slots`. */
  | { kind: 'slow'; plan: SlotPlan }
  /** The session is lost right after the captcha: /creneau/ always sends back to /cgu/. */
  | { kind: 'session_expired' }
  /** /creneau/ shows a page of a new design that the robot does not know. */
  | { kind: 'redesigned' }
  | { kind: 'bot_block' }
  | { kind: 'server_error' }
  | { kind: 'maintenance' }
  | { kind: 'rate_limited' }
  /** The connection is closed without an answer. */
  | { kind: 'no_answer' };

export interface RdvprefDemarche {
  id: number;
  title: string;
  prefecture: string;
  departement: string;
  scenario: RdvprefScenario;
  /** What an unattended probe records, and what a probe in a solved session records. */
  expected: { unattended: Outcome; solved: Outcome };
}

const SOLVED_BY_PLAN: Record<SlotPlan, Outcome> = {
  soon: 'dates',
  single_soon: 'dates',
  one_to_two_months: 'dates',
  beyond_two_months: 'dates',
  none: 'no_date',
};

function demarche(
  id: number,
  title: string,
  prefecture: string,
  departement: string,
  scenario: RdvprefScenario,
): RdvprefDemarche {
  const siteOutcome: Partial<Record<RdvprefScenario['kind'], Outcome>> = {
    bot_block: 'site_error',
    server_error: 'site_error',
    maintenance: 'site_error',
    rate_limited: 'site_error',
    no_answer: 'unreachable',
  };
  const blocked = siteOutcome[scenario.kind];
  const solved =
    blocked ??
    (scenario.kind === 'slots' || scenario.kind === 'slow'
      ? SOLVED_BY_PLAN[scenario.plan]
      : scenario.kind === 'session_expired'
        ? 'captcha'
        : 'unrecognized');
  return { id, title, prefecture, departement, scenario, expected: { unattended: blocked ?? 'captcha', solved } };
}

export const RDVPREF_DEMARCHES: RdvprefDemarche[] = [
  demarche(2246, 'Remise de titre de séjour', 'Sous-préfecture de Palaiseau', '91', { kind: 'slots', plan: 'soon' }),
  demarche(2247, 'Renouvellement de titre de séjour', 'Sous-préfecture de Palaiseau', '91', {
    kind: 'slots',
    plan: 'single_soon',
  }),
  demarche(3110, 'Première demande de titre de séjour', "Préfecture de l'Essonne", '91', { kind: 'slots', plan: 'none' }),
  demarche(3120, 'Changement de statut étudiant vers salarié', "Préfecture de l'Essonne", '91', {
    kind: 'slots',
    plan: 'one_to_two_months',
  }),
  demarche(3130, 'Demande de naturalisation', "Préfecture de l'Essonne", '91', {
    kind: 'slots',
    plan: 'beyond_two_months',
  }),
  demarche(3220, 'Titre de séjour étudiant', 'Préfecture des Yvelines', '78', {
    kind: 'slots',
    plan: 'one_to_two_months',
    opensOnToday: true,
  }),
  demarche(3230, 'Visa de long séjour valant titre de séjour', 'Préfecture des Yvelines', '78', {
    kind: 'slots',
    plan: 'one_to_two_months',
    opensOnToday: true,
    saysNoneOnEmptyWeek: true,
  }),
  demarche(3240, 'Carte de séjour pluriannuelle', 'Préfecture des Yvelines', '78', { kind: 'silent' }),
  demarche(3180, 'Duplicata de titre de séjour', 'Préfecture des Yvelines', '78', { kind: 'slow', plan: 'soon' }),
  demarche(3210, 'Admission exceptionnelle au séjour', 'Préfecture des Yvelines', '78', { kind: 'session_expired' }),
  demarche(3190, 'Titre de séjour « passeport talent »', 'Préfecture des Yvelines', '78', { kind: 'redesigned' }),
  demarche(3140, 'Regroupement familial', 'Préfecture du Val-de-Marne', '94', { kind: 'bot_block' }),
  demarche(3150, 'Document de circulation pour étranger mineur', 'Préfecture du Val-de-Marne', '94', {
    kind: 'server_error',
  }),
  demarche(3160, 'Échange de permis de conduire étranger', 'Préfecture du Val-de-Marne', '94', {
    kind: 'maintenance',
  }),
  demarche(3170, 'Renouvellement de récépissé', 'Préfecture du Val-de-Marne', '94', { kind: 'rate_limited' }),
  demarche(3200, 'Carte de résident', 'Préfecture du Val-de-Marne', '94', { kind: 'no_answer' }),
];

export function findDemarche(id: number): RdvprefDemarche | undefined {
  return RDVPREF_DEMARCHES.find((candidate) => candidate.id === id);
}

export function demarchePath(id: number, page: '' | 'cgu/' | 'creneau/' = ''): string {
  return `/rdvpref/reservation/demarche/${id}/${page}`;
}

/** The demo follows a few démarches: a captcha stands before each, so unattended probes record `captcha`. */
export const RDVPREF_DEMO_PLANNINGS: readonly DemoPlanning[] = [2246, 3110].map((id): DemoPlanning => {
  const found = RDVPREF_DEMARCHES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`Démarche ${id} absente des scénarios`);
  return {
    key: `rdvpref-${id}`,
    label: `${found.prefecture.replace(/^(Sous-)?[Pp]réfecture (de l'|de |du |des )?/, '')} — ${found.title.toLowerCase()}`,
    departement: found.departement,
    prefecture: found.prefecture,
    path: demarchePath(id),
    system: 'rdvpref',
    guichet: null,
    guichetLabel: null,
    procedure: found.title,
    onlineMandatory: true,
  };
});
