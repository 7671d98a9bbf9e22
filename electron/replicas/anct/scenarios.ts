// The organisations of the RDV Service Public replica: fictitious ids, one motif or organisation per scenario.
import type { Outcome } from '../../shared/domain.js';
import type { SlotPlan } from '../rdvpref/calendar.js';
import type { DemoPlanning } from '../legacy/scenarios.js';

export interface AnctMotif {
  /** `motif_name_with_location_type`, as the site's links carry it. */
  value: string;
  name: string;
  serviceId: number;
  plan: SlotPlan;
}

export interface AnctLieu {
  id: number;
  name: string;
  address: string;
}

/** How a whole organisation misbehaves, whatever the motif. */
export type AnctFailure = 'bot_block' | 'server_error' | 'maintenance' | 'rate_limited' | 'no_answer' | 'redesigned';

export interface AnctOrganisation {
  id: string;
  name: string;
  prefecture: string;
  departement: string;
  lieux: AnctLieu[];
  motifs: AnctMotif[];
  failure?: AnctFailure;
  /** Every page answers after ReplicaOptions.slowDelayMs. */
  slow?: boolean;
}

const motif = (slug: string, name: string, plan: SlotPlan, serviceId = 12): AnctMotif => ({
  value: `${slug}-public_office`,
  name,
  serviceId,
  plan,
});

const creuse: AnctLieu = { id: 501, name: 'Préfecture de la Creuse', address: '4 place Louis Lacrocq, 23000 Guéret' };

export const ANCT_ORGANISATIONS: AnctOrganisation[] = [
  {
    id: '7101',
    name: 'Préfecture de la Creuse — Accueil des étrangers',
    prefecture: 'Préfecture de la Creuse',
    departement: '23',
    lieux: [creuse],
    motifs: [
      motif('renouvellement_de_recepisses_arrives_a_echeance', 'Renouvellement de récépissés arrivés à échéance', 'soon'),
      motif('remise_de_titre_de_sejour', 'Remise de titre de séjour', 'one_to_two_months'),
      motif('premiere_demande_de_titre_de_sejour', 'Première demande de titre de séjour', 'none'),
      motif('changement_de_situation', 'Changement de situation', 'single_soon'),
      motif('naturalisation', 'Demande de naturalisation', 'beyond_two_months'),
    ],
  },
  {
    id: '7102',
    name: 'Préfecture du Cantal — Séjour des étrangers',
    prefecture: 'Préfecture du Cantal',
    departement: '15',
    lieux: [
      { id: 601, name: 'Préfecture du Cantal (Aurillac)', address: '2 cours Monthyon, 15000 Aurillac' },
      { id: 602, name: 'Sous-préfecture de Saint-Flour', address: '1 rue du Collège, 15100 Saint-Flour' },
    ],
    motifs: [motif('premiere_demande_de_titre_de_sejour', 'Première demande de titre de séjour', 'soon')],
  },
  ...(
    [
      ['7191', 'bot_block'],
      ['7192', 'server_error'],
      ['7193', 'maintenance'],
      ['7194', 'rate_limited'],
      ['7195', 'no_answer'],
      ['7196', 'redesigned'],
    ] as const
  ).map(
    ([id, failure]): AnctOrganisation => ({
      id,
      name: `Préfecture de démonstration ${id}`,
      prefecture: 'Préfecture de la Corrèze',
      departement: '19',
      lieux: [creuse],
      motifs: [motif('titre_de_sejour', 'Titre de séjour', 'soon')],
      failure,
    }),
  ),
  {
    id: '7197',
    name: 'Préfecture de démonstration 7197',
    prefecture: 'Préfecture de la Corrèze',
    departement: '19',
    lieux: [creuse],
    motifs: [motif('titre_de_sejour', 'Titre de séjour', 'soon')],
    slow: true,
  },
];

export function findOrganisation(id: string | null): AnctOrganisation | undefined {
  return ANCT_ORGANISATIONS.find((organisation) => organisation.id === id);
}

export function anctPath(organisationId: string, motifValue?: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ public_link_organisation_id: organisationId });
  if (motifValue !== undefined) query.set('motif_name_with_location_type', motifValue);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return `/prendre_rdv?${query.toString()}`;
}

/** One line of the scenario table: where to probe, the guichet to choose, and what must be recorded. */
export interface AnctScenario {
  name: string;
  path: string;
  guichet: string | null;
  expected: Outcome;
  plan: SlotPlan;
}

const FAILURE_OUTCOMES: Record<AnctFailure, Outcome> = {
  bot_block: 'site_error',
  server_error: 'site_error',
  maintenance: 'site_error',
  rate_limited: 'site_error',
  no_answer: 'unreachable',
  redesigned: 'unrecognized',
};

export const ANCT_SCENARIOS: AnctScenario[] = ANCT_ORGANISATIONS.flatMap((organisation) =>
  organisation.motifs.map((m): AnctScenario => {
    const expected = organisation.failure
      ? FAILURE_OUTCOMES[organisation.failure]
      : m.plan === 'none'
        ? 'no_date'
        : 'dates';
    const several = organisation.lieux.length > 1;
    return {
      name: `${organisation.id} ${organisation.failure ?? (organisation.slow ? 'slow' : m.plan)}${several ? ' (lieu à choisir)' : ''}`,
      path: anctPath(organisation.id, m.value),
      guichet: several ? (organisation.lieux[1]?.name ?? null) : null,
      expected,
      plan: expected === 'dates' ? m.plan : 'none',
    };
  }),
);

export const ANCT_DEMO_PLANNINGS: readonly DemoPlanning[] = (['soon', 'one_to_two_months', 'none'] as const).map((plan): DemoPlanning => {
  const organisation = ANCT_ORGANISATIONS[0];
  const chosen = organisation?.motifs.find((m) => m.plan === plan);
  if (!organisation || !chosen) throw new Error(`Motif ${plan} absent des scénarios`);
  return {
    key: `anct-${organisation.id}-${plan}`,
    label: `Guéret — ${chosen.name.toLowerCase()}`,
    departement: organisation.departement,
    prefecture: organisation.prefecture,
    path: anctPath(organisation.id),
    system: 'anct',
    guichet: chosen.value,
    guichetLabel: chosen.name,
    procedure: chosen.name,
    onlineMandatory: true,
  };
});
