// User-defined steps as the form edits them: every field a string, whatever the step's kind, so that changing
// a step's kind keeps what the user typed. The core validates the result and says what to fix.
import type { Step, StepsSpec } from '../../electron/shared/domain';

export const STEP_KINDS = ['goto', 'click', 'check', 'fill', 'select', 'waitForText'] as const satisfies readonly Step['kind'][];
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepDraft {
  /** Stable identity for React while steps move. */
  key: string;
  kind: StepKind;
  url: string;
  text: string;
  selector: string;
  value: string;
  option: string;
}

export interface StepsDraft {
  steps: StepDraft[];
  noSlotText: string;
  slotSelector: string;
  datePattern: string;
}

let nextKey = 0;
const newKey = () => `step-${String((nextKey += 1))}`;

export function emptyStep(kind: StepKind = 'click'): StepDraft {
  return { key: newKey(), kind, url: '', text: '', selector: '', value: '', option: '' };
}

/** A new steps description starts with one step: the start page is opened first anyway. */
export function emptyStepsDraft(): StepsDraft {
  return { steps: [emptyStep()], noSlotText: '', slotSelector: '', datePattern: '' };
}

export function draftFromSpec(spec: StepsSpec): StepsDraft {
  return {
    steps: spec.steps.map((step) => ({ ...emptyStep(step.kind), ...step })),
    noSlotText: spec.noSlotText,
    slotSelector: spec.slotSelector,
    datePattern: spec.datePattern ?? '',
  };
}

/** The step as the contract has it: only the fields of its kind; optional ones left out when empty. */
export function stepFromDraft(draft: StepDraft): Step {
  const optional = (name: 'text' | 'selector') => (draft[name].trim() ? { [name]: draft[name].trim() } : {});
  switch (draft.kind) {
    case 'goto':
      return { kind: 'goto', url: draft.url.trim() };
    case 'click':
    case 'check':
      return { kind: draft.kind, ...optional('text'), ...optional('selector') };
    case 'fill':
      // The value is sent as typed: spaces may matter to the site.
      return { kind: 'fill', selector: draft.selector.trim(), value: draft.value };
    case 'select':
      return { kind: 'select', selector: draft.selector.trim(), option: draft.option.trim() };
    case 'waitForText':
      return { kind: 'waitForText', text: draft.text.trim() };
  }
}

export function specFromDraft(draft: StepsDraft): StepsSpec {
  const spec: StepsSpec = {
    steps: draft.steps.map(stepFromDraft),
    noSlotText: draft.noSlotText.trim(),
    slotSelector: draft.slotSelector.trim(),
  };
  const pattern = draft.datePattern.trim();
  return pattern ? { ...spec, datePattern: pattern } : spec;
}

/** The list with the step at `index` moved by `delta` places; unchanged when it would leave the list. */
export function moveStep(steps: readonly StepDraft[], index: number, delta: -1 | 1): StepDraft[] {
  const target = index + delta;
  const moving = steps[index];
  if (!moving || target < 0 || target >= steps.length) return [...steps];
  const rest = steps.filter((_, position) => position !== index);
  return [...rest.slice(0, target), moving, ...rest.slice(target)];
}

/** Where a validation message belongs in the steps part of the form. */
export type StepsErrorTarget = { step: number } | 'list' | 'noSlotText' | 'slotSelector' | 'datePattern';

export interface StepsError {
  target: StepsErrorTarget;
  message: string;
}

const SPEC_FIELDS = ['noSlotText', 'slotSelector', 'datePattern'] as const;

/**
 * Where an error's field path (`['steps', 'steps', 1, 'selector']`, or `['steps', 1]` within the steps alone)
 * lands in the steps part of the form; null when it is not about the steps.
 */
export function stepsTargetOf(field: readonly (string | number)[]): StepsErrorTarget | null {
  if (field[0] !== 'steps') return null;
  const index = field.find((key): key is number => typeof key === 'number');
  if (index !== undefined) return { step: index };
  const named = SPEC_FIELDS.find((name) => field.includes(name));
  return named ?? 'list';
}
