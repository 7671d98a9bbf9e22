import { describe, expect, it } from 'vitest';
import type { StepsSpec } from '../../electron/shared/domain';
import { draftFromSpec, emptyStep, emptyStepsDraft, moveStep, placeStepsError, specFromDraft } from './steps';

const SPEC: StepsSpec = {
  steps: [
    { kind: 'goto', url: 'https://rdv.example.fr/accueil' },
    { kind: 'check', text: "J'accepte les conditions" },
    { kind: 'click', selector: 'button#suivant' },
    { kind: 'fill', selector: '#nom', value: ' Dupont ' },
    { kind: 'select', selector: 'select#motif', option: 'Titre de séjour' },
    { kind: 'waitForText', text: 'Créneaux' },
  ],
  noSlotText: 'Aucun créneau disponible',
  slotSelector: 'li.creneau',
  datePattern: '(\\d+ \\w+ \\d{4})',
};

describe('steps as the form edits them', () => {
  it('gives back the planning’s steps unchanged after a round trip through the form', () => {
    expect(specFromDraft(draftFromSpec(SPEC))).toEqual(SPEC);
  });

  it('sends only the fields of each step’s kind, trimmed, and leaves out an empty date pattern', () => {
    const draft = emptyStepsDraft();
    const step = { ...emptyStep('click'), text: '  Voir les créneaux ', url: 'https://left.over/', value: 'x' };
    const spec = specFromDraft({ ...draft, steps: [step], noSlotText: ' Aucun ', slotSelector: ' li ', datePattern: '  ' });
    expect(spec).toEqual({ steps: [{ kind: 'click', text: 'Voir les créneaux' }], noSlotText: 'Aucun', slotSelector: 'li' });
    // A click with neither text nor selector reaches the core as such, which says what is missing.
    expect(specFromDraft({ ...draft, steps: [emptyStep('click')] }).steps).toEqual([{ kind: 'click' }]);
  });

  it('keeps what was typed when a step changes kind', () => {
    const typed = { ...emptyStep('click'), text: 'Suivant' };
    expect(specFromDraft({ ...emptyStepsDraft(), steps: [{ ...typed, kind: 'waitForText' }] }).steps).toEqual([
      { kind: 'waitForText', text: 'Suivant' },
    ]);
  });

  it('moves a step up or down, and not beyond the ends', () => {
    const [a, b, c] = [emptyStep(), emptyStep(), emptyStep()];
    const steps = [a, b, c];
    expect(moveStep(steps, 2, -1)).toEqual([a, c, b]);
    expect(moveStep(steps, 0, 1)).toEqual([b, a, c]);
    expect(moveStep(steps, 0, -1)).toEqual(steps);
    expect(moveStep(steps, 2, 1)).toEqual(steps);
    expect(new Set(steps.map((step) => step.key)).size).toBe(3);
  });
});

describe('the core’s messages about steps', () => {
  it('places a message by its field: the step it names', () => {
    expect(placeStepsError(['steps', 1], 'Étape 2 : donnez le texte à cliquer ou un sélecteur CSS.')).toEqual({
      target: { step: 1 },
      message: 'Étape 2 : donnez le texte à cliquer ou un sélecteur CSS.',
    });
    expect(placeStepsError(['steps', 0, 'text'], 'Étape 1 : Texte attendu : à remplir.')?.target).toEqual({ step: 0 });
  });

  it('places the other fields’ messages next to them, and leaves other messages alone', () => {
    expect(placeStepsError(['steps', 'noSlotText'], 'Texte « aucun créneau » : à remplir.')).toEqual({
      target: 'noSlotText',
      message: 'Texte « aucun créneau » : à remplir.',
    });
    expect(placeStepsError(['steps', 'datePattern'], 'Motif de date : expression régulière invalide.')?.target).toBe('datePattern');
    expect(placeStepsError(['steps'], 'Étapes : ajoutez au moins une étape.')).toEqual({
      target: 'list',
      message: 'Étapes : ajoutez au moins une étape.',
    });
    expect(placeStepsError(['departement'], 'Département : un code comme « 93 ».')).toBeNull();
    expect(placeStepsError([], 'Adresse : donnez l’adresse complète')).toBeNull();
  });
});
