import { describe, expect, it } from 'vitest';
import type { StepsSpec } from '../../electron/shared/domain';
import { draftFromSpec, emptyStep, emptyStepsDraft, moveStep, stepsTargetOf, specFromDraft } from './steps';

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

describe('where an error about the steps lands', () => {
  it('finds the step or field an error’s path names, with or without the planning around the steps', () => {
    expect(stepsTargetOf(['steps', 'steps', 1, 'selector'])).toEqual({ step: 1 });
    expect(stepsTargetOf(['steps', 0])).toEqual({ step: 0 });
    expect(stepsTargetOf(['steps', 'noSlotText'])).toBe('noSlotText');
    expect(stepsTargetOf(['steps', 'datePattern'])).toBe('datePattern');
    expect(stepsTargetOf(['steps', 'steps'])).toBe('list');
    expect(stepsTargetOf(['url'])).toBeNull();
    expect(stepsTargetOf([])).toBeNull();
  });
});
