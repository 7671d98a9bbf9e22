import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoverResult, PlanningInput } from '../../../electron/shared/api';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import type { TFunction } from 'i18next';
import { describeError, type ShownError } from '../errors';
import { href, navigate } from '../router';
import type { KnownPlanning } from '../catalogue';
import { takeStepsPrefill } from '../board/prefill';
import { draftFromSpec, emptyStepsDraft, specFromDraft, stepsTargetOf, type StepsDraft, type StepsError } from '../steps';
import { DepartementField, ModeChoice, TextField, type Mode } from './FormFields';
import { ErrorNote } from './ErrorNote';
import { KnownAddressField } from './KnownAddressField';
import { StepsEditor } from './StepsEditor';
import { StepsTrial } from './StepsTrial';

interface Fields {
  url: string;
  guichet: string | null;
  guichetLabel: string | null;
  label: string;
  departement: string;
  prefecture: string;
  procedure: string;
  onlineMandatory: boolean;
}

const EMPTY: Fields = {
  url: '',
  guichet: null,
  guichetLabel: null,
  label: '',
  departement: '',
  prefecture: '',
  procedure: '',
  onlineMandatory: false,
};

/** Where a message is shown: next to the field the user has to change, or above the form. */
export type Place = 'form' | 'url' | 'guichet' | 'label' | 'departement' | 'prefecture' | 'procedure';
/** Kept as functions of `t`, so that a message follows a language switch. */
type Explain = (t: TFunction) => ShownError;
type FormErrors = Partial<Record<Place, Explain>>;
/** The fields in the order the form shows them: the first one at fault gets the focus. */
const FIELD_PLACES = ['url', 'guichet', 'label', 'departement', 'prefecture', 'procedure'] as const satisfies readonly Place[];

/** The place of an error by its field; errors about the site itself (unknown, unreachable) go by the address. */
export function placeOf(shown: ShownError, code: string | null, aboutSite: boolean): Place {
  const name = shown.field.find((key): key is Place => (FIELD_PLACES as readonly (string | number)[]).includes(key));
  if (name) return name;
  if (shown.field.includes('guichetLabel') || code === 'guichet_required') return 'guichet';
  if (shown.field.length === 0 && (code === 'unsupported_site' || aboutSite)) return 'url';
  return 'form';
}

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

export function PlanningForm({ id }: { id: string | null }) {
  const api = useApi();
  const { t } = useTranslation();
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [loaded, setLoaded] = useState(id === null);
  const [discovered, setDiscovered] = useState<DiscoverResult | null>(null);
  const [labelTouched, setLabelTouched] = useState(id !== null);
  const [busy, setBusy] = useState<'discover' | 'save' | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [mode, setMode] = useState<Mode>('auto');
  const [stepsDraft, setStepsDraft] = useState<StepsDraft>(emptyStepsDraft);
  const [stepsError, setStepsError] = useState<{ target: StepsError['target']; explain: Explain } | null>(null);
  // One object per error (and language), not per render: the editor moves the focus when it changes, and a new
  // object at each keystroke would pull the focus back while the person types.
  const stepsErrorShown = useMemo(
    () => stepsError && { target: stepsError.target, message: stepsError.explain(t).message },
    [stepsError, t],
  );
  /** Counts the known addresses chosen: the département field starts afresh on the one each fills in. */
  const [knownChoices, setKnownChoices] = useState(0);
  /** Set when an unknown site switched the form to custom steps, to say so. */
  const [switched, setSwitched] = useState(false);

  // The first field at fault gets the focus (and comes into view), wherever the button pressed was.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else form.current?.querySelector<HTMLElement>('.form-error')?.scrollIntoView({ block: 'nearest' });
  }, [errors]);

  const clearErrors = () => {
    setErrors({});
    setStepsError(null);
  };
  /** `aboutSite`: the call read the site (discover, try), so an error without a field is the address's. */
  const showError = (failure: unknown, aboutSite: boolean) => {
    const explain: Explain = (tr) => describeError(failure, tr);
    const shown = explain(t);
    const code = failure instanceof ApiClientError ? failure.code : null;
    const stepsTarget = mode === 'steps' ? stepsTargetOf(shown.field) : null;
    if (stepsTarget) return setStepsError({ target: stepsTarget, explain });
    setErrors({ [placeOf(shown, code, aboutSite)]: explain });
    // The site is not one Guichets knows: the user can describe its steps instead.
    if (code === 'unsupported_site' && mode === 'auto') {
      setMode('steps');
      setSwitched(true);
    }
  };

  useEffect(() => {
    if (id === null) return;
    api.call('plannings:get', { id }).then(
      ({ planning }) => {
        const { url, guichet, guichetLabel, label, departement, prefecture, procedure, onlineMandatory } = planning;
        setFields({ url, guichet, guichetLabel, label, departement, prefecture, procedure, onlineMandatory });
        if (planning.system === 'steps' && planning.steps) {
          setMode('steps');
          setStepsDraft(draftFromSpec(planning.steps));
        }
        // From « Décrire les étapes du site » (AttentionBanner): start from the steps the robot took.
        const prefill = takeStepsPrefill(planning.id);
        if (prefill) {
          setMode('steps');
          setStepsDraft(draftFromSpec({ noSlotText: '', slotSelector: '', ...planning.steps, steps: prefill }));
        }
        setLoaded(true);
      },
      (failure: unknown) => setErrors({ form: (tr) => describeError(failure, tr) }),
    );
    // The planning is loaded once: a language switch must not reload it over the user's edits.
  }, [api, id]);

  const set = (changes: Partial<Fields>) => setFields((current) => ({ ...current, ...changes }));
  const chooseGuichet = (value: string, result: DiscoverResult | null = discovered) => {
    const guichet = result?.guichets.find((g) => g.value === value) ?? null;
    set({ guichet: guichet?.value ?? null, guichetLabel: guichet?.label ?? null });
    if (guichet && !labelTouched) set({ label: guichet.label });
  };

  /** A known address fills what it knows; the user then looks for its guichets as usual. */
  const chooseKnown = (known: KnownPlanning | null) => {
    clearErrors();
    setKnownChoices((n) => n + 1);
    setDiscovered(null);
    setMode('auto');
    setSwitched(false);
    if (!known) return set({ url: '', guichet: null, guichetLabel: null });
    const { url, departement, prefecture, procedure } = known;
    set({ url, departement, prefecture, procedure, guichet: null, guichetLabel: null });
    if (!labelTouched) set({ label: `${prefecture} — ${procedure}` });
  };

  const fieldError =
    (message: (tr: TFunction) => string): Explain =>
    (tr) => ({ message: message(tr), field: [], detail: null });
  /** The address as the form checks it before asking the core: present, and a web address. */
  const urlProblem = (): Explain | null => {
    const url = fields.url.trim();
    if (!url) return fieldError((tr) => tr('required', { field: tr('url') }));
    return isHttpUrl(url) ? null : fieldError((tr) => tr('fieldErrors.url'));
  };

  const discover = async () => {
    clearErrors();
    const problem = urlProblem();
    if (problem) return setErrors({ url: problem });
    setBusy('discover');
    try {
      const result = await api.call('plannings:discover', { url: fields.url.trim() });
      setDiscovered(result);
      const only = result.guichets.length === 1 ? result.guichets[0] : undefined;
      // A URL that offers one guichet needs no choice: the planning keeps its label only.
      set({ url: result.url, guichet: null, guichetLabel: only?.label ?? null });
      if (!labelTouched) set({ label: only?.label ?? result.title ?? '' });
    } catch (failure) {
      setDiscovered(null);
      showError(failure, true);
    } finally {
      setBusy(null);
    }
  };

  /** Every missing or malformed field at once, each by its field. */
  const checkFields = (): FormErrors => {
    const found: FormErrors = {};
    const problem = urlProblem();
    if (problem) found.url = problem;
    const required = [
      ['label', fields.label],
      ['departement', fields.departement],
      ['prefecture', fields.prefecture],
    ] as const;
    for (const [place, value] of required) {
      if (!value.trim()) found[place] = fieldError((tr) => tr('required', { field: tr(place) }));
    }
    // The site offers several guichets: saving without one would only fail at the first probe.
    if (mode === 'auto' && (discovered?.guichets.length ?? 0) > 1 && !fields.guichet) {
      found.guichet = fieldError((tr) => tr('errors.guichet_required'));
    }
    return found;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    clearErrors();
    const found = checkFields();
    if (Object.keys(found).length > 0) return setErrors(found);
    const steps = mode === 'steps';
    const input: PlanningInput = {
      url: fields.url.trim(),
      // Without a system the core detects it from the address again (and leaves the steps mode).
      ...(steps ? { system: 'steps' as const } : {}),
      steps: steps ? specFromDraft(stepsDraft) : null,
      guichet: steps ? null : fields.guichet,
      guichetLabel: steps ? null : fields.guichetLabel,
      label: fields.label.trim(),
      departement: fields.departement.trim().toUpperCase(),
      prefecture: fields.prefecture.trim(),
      procedure: fields.procedure.trim(),
      onlineMandatory: fields.onlineMandatory,
    };
    setBusy('save');
    try {
      const planning =
        id === null ? await api.call('plannings:create', input) : await api.call('plannings:update', { id, changes: input });
      navigate({ page: 'planning', id: planning.id });
    } catch (failure) {
      showError(failure, false);
    } finally {
      setBusy(null);
    }
  };

  /** Enter in the address looks for the guichets (or does nothing): it never saves a half-filled form. */
  const urlKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (mode === 'auto' && busy === null) void discover();
  };

  const errorId = (place: Place) => `${formId}-${place}-error`;
  const errorAt = (place: Place) => {
    const explain = errors[place];
    return explain ? (
      <ErrorNote id={errorId(place)} error={explain(t)} className={place === 'form' ? 'form-error' : 'field-error'} />
    ) : null;
  };
  const invalid = (place: Place) => (errors[place] ? { 'aria-invalid': true, 'aria-describedby': errorId(place) } : {});
  const fieldErrorOf = (place: Place) => {
    const explain = errors[place];
    return explain ? { id: errorId(place), error: explain(t) } : null;
  };
  const choices = discovered?.guichets ?? [];
  const count = Object.keys(errors).length;

  return (
    <section aria-labelledby={`${formId}-title`} className="planning-form">
      <h2 id={`${formId}-title`}>{id === null ? t('formAddTitle') : t('formEditTitle')}</h2>
      {!loaded && count === 0 ? <p role="status">{t('loading')}</p> : null}
      <form ref={form} onSubmit={(event) => void submit(event)} noValidate>
        {errorAt('form')}
        {id === null ? <KnownAddressField id={`${formId}-known`} url={fields.url} onChoose={chooseKnown} /> : null}
        <div className="field">
          <label htmlFor={`${formId}-url`}>{t('url')}</label>
          <div className="inline">
            <input
              id={`${formId}-url`}
              type="url"
              value={fields.url}
              onChange={(e) => {
                set({ url: e.target.value });
                setDiscovered(null);
              }}
              onKeyDown={urlKeyDown}
              {...invalid('url')}
              aria-describedby={errors.url ? `${errorId('url')} ${formId}-url-help` : `${formId}-url-help`}
            />
            {mode === 'auto' ? (
              <button type="button" onClick={() => void discover()} disabled={busy !== null}>
                {busy === 'discover' ? t('discovering') : t('discover')}
              </button>
            ) : null}
          </div>
          {errorAt('url')}
          <p id={`${formId}-url-help`} className="help">
            {mode === 'auto' ? t('urlHelp') : t('stepsUrlHelp')}
          </p>
          {discovered ? (
            <p role="status" className="ok">
              {discovered.title
                ? t('discoveredOn', { count: discovered.guichets.length, title: discovered.title })
                : t('discovered', { count: discovered.guichets.length })}
            </p>
          ) : null}
        </div>

        <ModeChoice name={`${formId}-mode`} mode={mode} onChange={(next) => {
          setMode(next);
          setSwitched(false);
          clearErrors();
        }} />
        {switched && mode === 'steps' ? (
          <p role="status" className="notice">
            {t('stepsSwitched')}
          </p>
        ) : null}

        {mode === 'steps' ? (
          <>
            <StepsEditor idPrefix={`${formId}-steps`} draft={stepsDraft}
              onChange={setStepsDraft}
              error={stepsErrorShown}
            />
            <StepsTrial
              input={() => ({ url: fields.url.trim(), steps: specFromDraft(stepsDraft) })}
              onStart={clearErrors}
              onError={(failure) => showError(failure, true)}
              disabled={busy !== null}
            />
          </>
        ) : choices.length > 1 ? (
          <div className="field">
            <label htmlFor={`${formId}-guichet`}>{t('guichet')}</label>
            <select
              id={`${formId}-guichet`}
              value={fields.guichet ?? ''}
              onChange={(e) => chooseGuichet(e.target.value)}
              {...invalid('guichet')}
            >
              <option value="">{t('chooseGuichet')}</option>
              {choices.map((guichet) => (
                <option key={guichet.value} value={guichet.value}>
                  {guichet.label}
                </option>
              ))}
            </select>
            {errorAt('guichet')}
          </div>
        ) : (
          <>
            {choices.length === 1 && choices[0] ? <p className="help">{t('singleGuichet', { label: choices[0].label })}</p> : null}
            {!discovered && fields.guichetLabel ? <p className="help">{`${t('guichet')}${t('colon')}${fields.guichetLabel}`}</p> : null}
            {errorAt('guichet')}
          </>
        )}

        <TextField id={`${formId}-label`} label={t('label')} value={fields.label} error={fieldErrorOf('label')} onChange={(label) => {
          setLabelTouched(true);
          set({ label });
        }} />
        <DepartementField
          key={knownChoices}
          id={`${formId}-departement`}
          value={fields.departement}
          error={fieldErrorOf('departement')}
          onChange={(departement) => set({ departement })}
        />
        <TextField id={`${formId}-prefecture`} label={t('prefecture')} value={fields.prefecture} error={fieldErrorOf('prefecture')} onChange={(prefecture) => set({ prefecture })} />
        <TextField id={`${formId}-procedure`} label={t('procedure')} value={fields.procedure} error={fieldErrorOf('procedure')} onChange={(procedure) => set({ procedure })} />
        <div className="field checkbox">
          <input
            id={`${formId}-online`}
            type="checkbox"
            checked={fields.onlineMandatory}
            onChange={(e) => set({ onlineMandatory: e.target.checked })}
          />
          <label htmlFor={`${formId}-online`}>{t('quoted', { text: t('onlineMandatory') })}</label>
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy !== null || !loaded}>
            {busy === 'save' ? t('saving') : t('save')}
          </button>
          <a className="button" href={id === null ? href({ page: 'dashboard' }) : href({ page: 'planning', id })}>
            {t('cancel')}
          </a>
          {count > 1 ? (
            <span role="status" className="error">
              {t('formHasErrors', { count })}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
