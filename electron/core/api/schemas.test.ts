// What a UI needs from a refused input: the field to mark, within what the person edits, and the rule broken;
// the command line still gets one French line.
import { describe, expect, it } from 'vitest';
import { AppError, toApiError } from '../errors.js';
import { parseInput } from './schemas.js';

function refusal(method: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(method, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return toApiError(error);
  }
  throw new Error('accepted');
}

const planning = {
  label: 'Bobigny — titre de séjour',
  departement: '93',
  prefecture: 'Préfecture de la Seine-Saint-Denis',
  url: 'https://www.seine-saint-denis.gouv.fr/booking/create/9829/0',
  guichet: null,
  procedure: 'Titre de séjour',
  onlineMandatory: true,
};

describe('a refused input', () => {
  it('names the URL field, whether creating or editing a planning, without the path in the message', () => {
    const created = refusal('plannings:create', { ...planning, url: 'bobigny' });
    expect(created).toMatchObject({ code: 'invalid_input', field: ['url'], params: { rule: 'format' } });
    expect(created.message).toMatch(/^Adresse : /);
    const edited = refusal('plannings:update', { id: 'p1', changes: { url: 'bobigny' } });
    expect(edited).toMatchObject({ code: 'invalid_input', field: ['url'] });
    expect(edited.message).not.toContain('(');
  });

  it('gives a user-defined step as ["steps", N, …] with its number, in a planning or tried alone', () => {
    const steps = { steps: [{ kind: 'goto', url: 'https://a.fr/' }, { kind: 'fill', selector: '', value: 'x' }], noSlotText: 'Aucun', slotSelector: 'li' };
    const tried = refusal('steps:try', { url: 'https://a.fr/', steps });
    expect(tried).toMatchObject({ field: ['steps', 1, 'selector'], params: { rule: 'required', step: 2 } });
    expect(tried.message).toMatch(/^Étape 2 : /);
    const edited = refusal('plannings:update', { id: 'p1', changes: { steps } });
    expect(edited.field).toEqual(['steps', 1, 'selector']);
    const spec = refusal('plannings:create', { ...planning, steps: { ...steps, steps: steps.steps.slice(0, 1), noSlotText: ' ' } });
    expect(spec.field).toEqual(['steps', 'noSlotText']);
  });

  it('says in French which field is wrong when the schema has no sentence of its own, with its bound', () => {
    const flag = refusal('plannings:create', { ...planning, onlineMandatory: 'oui' });
    expect(flag).toMatchObject({ field: ['onlineMandatory'], params: { rule: 'type' } });
    expect(flag.message).toBe('« onlineMandatory » : oui ou non attendu.');
    const spacing = refusal('settings:update', { hostSpacingSeconds: 4000 });
    expect(spacing).toMatchObject({ field: ['hostSpacingSeconds'], params: { rule: 'too_big', max: 3600 } });
    expect(spacing.message).toBe('« hostSpacingSeconds » : au plus 3600.');
  });
});
