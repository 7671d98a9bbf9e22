import { describe, expect, it } from 'vitest';
import { DEPARTEMENTS, KNOWN_PLANNINGS, addressNumber, departementName, groupKnownPlannings } from './catalogue';
import { createI18n } from './i18n';
import { departementHeading, knownAddressOption } from './i18n/phrases';

const fr = createI18n('fr').t;
const en = createI18n('en').t;

describe('the départements of the catalogue', () => {
  it('are the 101, by number and name, Corsica and overseas included', () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(departementName('93')).toBe('Seine-Saint-Denis');
    expect(departementName('2a')).toBe('Corse-du-Sud');
    expect(departementName('971')).toBe('Guadeloupe');
    expect(departementName('988')).toBeNull();
  });

  it('read « 93 — Seine-Saint-Denis » in both languages, and a code outside the list keeps its word', () => {
    for (const t of [fr, en]) {
      expect(departementHeading(t, '92', departementName('92'))).toBe('92 — Hauts-de-Seine');
    }
    expect(departementHeading(fr, '988', null)).toBe('Département 988');
  });
});

describe('the known addresses', () => {
  it('are grouped by département in the order of French lists', () => {
    const groups = groupKnownPlannings();
    expect(groups.map((group) => group.departement)).toEqual(['31', '67', '75', '76', '77', '91', '92', '93', '95']);
    expect(groups.flatMap((group) => group.plannings)).toHaveLength(KNOWN_PLANNINGS.length);
    const corsica = ['2B', '21', '2A'].map((departement) => ({ departement, prefecture: 'P', url: departement, procedure: '' }));
    expect(groupKnownPlannings(corsica).map((group) => group.departement)).toEqual(['2A', '2B', '21']);
  });

  it('are told apart by the number in their address', () => {
    expect(addressNumber('https://pprdv.interieur.gouv.fr/booking/create/876')).toBe('876');
    expect(addressNumber('https://www.rdv-prefecture.interieur.gouv.fr/rdvpref/reservation/demarche/2246/')).toBe('2246');
    expect(addressNumber('https://www.val-doise.gouv.fr/')).toBeNull();
    const labels = KNOWN_PLANNINGS.map((known) =>
      knownAddressOption(fr, known.prefecture, known.procedure, addressNumber(known.url)),
    );
    expect(new Set(labels).size).toBe(labels.length);
  });
});
