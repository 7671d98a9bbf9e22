// The "Étapes personnalisées" part of the planning form: the ordered steps, then what "no slot" looks like and
// how to read the slots. Each step is a fieldset named « Étape N », so that messages and buttons name it too.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyStep, moveStep, STEP_KINDS, type StepDraft, type StepKind, type StepsDraft, type StepsError } from '../steps';

interface StepsEditorProps {
  idPrefix: string;
  draft: StepsDraft;
  onChange: (draft: StepsDraft) => void;
  error: StepsError | null;
}

export function StepsEditor({ idPrefix, draft, onChange, error }: StepsEditorProps) {
  const { t } = useTranslation();
  // The step just added gets the focus, so that keyboard users land where they type next.
  const [added, setAdded] = useState<string | null>(null);
  const editor = useRef<HTMLFieldSetElement>(null);
  // A message from the core may name a step far above the button that was pressed: bring it into view.
  useEffect(() => {
    if (error) editor.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  const setSteps = (steps: StepDraft[]) => onChange({ ...draft, steps });
  const errorAt = (target: 'list' | 'noSlotText' | 'slotSelector' | 'datePattern') =>
    error?.target === target ? error.message : null;

  return (
    <fieldset className="steps-editor" ref={editor}>
      <legend>{t('stepsTitle')}</legend>
      <p className="help">{t('stepsHelp')}</p>
      <ol className="steps-list">
        {draft.steps.map((step, index) => (
          <li key={step.key}>
            <StepFields
              id={`${idPrefix}-${step.key}`}
              number={index + 1}
              step={step}
              focus={added === step.key}
              error={typeof error?.target === 'object' && error.target.step === index ? error.message : null}
              onChange={(changed) => setSteps(draft.steps.map((other) => (other.key === step.key ? changed : other)))}
              onMove={(delta) => setSteps(moveStep(draft.steps, index, delta))}
              onRemove={() => setSteps(draft.steps.filter((other) => other.key !== step.key))}
              isFirst={index === 0}
              isLast={index === draft.steps.length - 1}
            />
          </li>
        ))}
      </ol>
      <FieldError id={`${idPrefix}-list-error`} message={errorAt('list')} />
      <button
        type="button"
        onClick={() => {
          const step = emptyStep();
          setAdded(step.key);
          setSteps([...draft.steps, step]);
        }}
      >
        {t('addStep')}
      </button>

      <SpecField
        id={`${idPrefix}-no-slot`}
        label={t('noSlotText')}
        help={t('noSlotTextHelp')}
        value={draft.noSlotText}
        error={errorAt('noSlotText')}
        onChange={(noSlotText) => onChange({ ...draft, noSlotText })}
      />
      <SpecField
        id={`${idPrefix}-slot-selector`}
        label={t('slotSelector')}
        help={t('slotSelectorHelp')}
        value={draft.slotSelector}
        error={errorAt('slotSelector')}
        onChange={(slotSelector) => onChange({ ...draft, slotSelector })}
      />
      <SpecField
        id={`${idPrefix}-date-pattern`}
        label={t('datePattern')}
        help={t('datePatternHelp')}
        value={draft.datePattern}
        error={errorAt('datePattern')}
        onChange={(datePattern) => onChange({ ...draft, datePattern })}
      />
    </fieldset>
  );
}

interface StepFieldsProps {
  id: string;
  number: number;
  step: StepDraft;
  focus: boolean;
  error: string | null;
  onChange: (step: StepDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  isFirst: boolean;
  isLast: boolean;
}

type TextKey = 'url' | 'text' | 'selector' | 'value' | 'option';

function StepFields(props: StepFieldsProps) {
  const { t } = useTranslation();
  const { id, step, error } = props;
  const errorId = `${id}-error`;
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  const input = (key: TextKey, label: string, options: { type?: 'url'; help?: string } = {}) => (
    <div className="field" key={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={options.type ?? 'text'}
        value={step[key]}
        onChange={(event) => props.onChange({ ...step, [key]: event.target.value })}
        {...invalid}
      />
      {options.help ? <p className="help">{options.help}</p> : null}
    </div>
  );
  const fields: Record<StepKind, () => ReactNode[]> = {
    goto: () => [input('url', t('stepUrl'), { type: 'url' })],
    click: () => [input('text', t('stepClickText')), input('selector', t('stepSelector'), { help: t('stepTargetHelp') })],
    check: () => [input('text', t('stepCheckText')), input('selector', t('stepSelector'), { help: t('stepTargetHelp') })],
    fill: () => [input('selector', t('stepFieldSelector')), input('value', t('stepValue'))],
    select: () => [input('selector', t('stepListSelector')), input('option', t('stepOption'))],
    waitForText: () => [input('text', t('stepWaitText'))],
  };

  return (
    <fieldset className={error ? 'step invalid' : 'step'}>
      <legend>{t('stepLegend', { n: props.number })}</legend>
      <div className="step-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('stepKind')}</label>
          <select
            id={`${id}-kind`}
            value={step.kind}
            autoFocus={props.focus}
            onChange={(event) => props.onChange({ ...step, kind: event.target.value as StepKind })}
          >
            {STEP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`stepKinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {fields[step.kind]()}
      </div>
      <FieldError id={errorId} message={error} />
      <div className="button-row step-buttons">
        <button type="button" onClick={() => props.onMove(-1)} disabled={props.isFirst}>
          {t('moveUp')}
        </button>
        <button type="button" onClick={() => props.onMove(1)} disabled={props.isLast}>
          {t('moveDown')}
        </button>
        <button type="button" className="danger" onClick={props.onRemove} disabled={props.isFirst && props.isLast}>
          {t('removeStep')}
        </button>
      </div>
    </fieldset>
  );
}

function SpecField(props: {
  id: string;
  label: string;
  help: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-help ${errorId}` : `${props.id}-help`}
      />
      <p id={`${props.id}-help`} className="help">
        {props.help}
      </p>
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} role="alert" className="error field-error">
      {message}
    </p>
  ) : null;
}
