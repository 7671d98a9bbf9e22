import { describe, expect, it } from 'vitest';
import { containsText, sameText } from './text.js';

describe('comparing page texts', () => {
  it('finds the site sentence whatever its accents, apostrophes and whitespace', () => {
    const page = 'Il n’existe  plus de plage\nhoraire libre pour votre demande de rendez-vous.';
    expect(containsText(page, "Il n'existe plus de plage horaire libre")).toBe(true);
    expect(containsText('Vérification de disponibilité', 'verification de disponibilite')).toBe(true);
    expect(containsText('Vérification de disponibilité', 'plage horaire libre')).toBe(false);
  });

  it('matches a guichet label case, accents and spacing aside, but not another label', () => {
    expect(sameText('Changement de statut étudiant - salarié', 'CHANGEMENT DE STATUT ETUDIANT-SALARIE')).toBe(true);
    expect(sameText('Renouvellement de titre', 'Première demande de titre')).toBe(false);
  });
});
