import { useEffect, useId, useState, type SubmitEvent } from 'react';
import type { DiscoverResult, PlanningInput } from '../../../electron/shared/api';
import { ApiClientError, errorMessage } from '../api/client';
import { useApi } from '../api/context';
import { useI18n, type Messages } from '../i18n';
import { href, navigate } from '../router';
import type { KnownPlanning } from '../catalogue';
import { draftFromSpec, emptyStepsDraft, placeStepsError, specFromDraft, type StepsDraft, type StepsError } from '../steps';
import { DepartementField, ModeChoice, TextField, type Mode } from './FormFields';
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

/** Where an API error is shown: next to the field the user has to change. */
type ErrorPlace = 'url' | 'guichet' | 'form';
interface FormError {
  place: ErrorPlace;
  message: string;
}

// The core speaks French; in English the code's meaning comes first, the core's words after.
const inLanguage = (error: ApiClientError, message: string, t: Messages, language: string) =>
  language === 'fr' ? message : `${t.errors[error.code]} (${message})`;

export function placeOfError(error: unknown, t: Messages, language: string): FormError {
  if (!(error instanceof ApiClientError)) return { place: 'form', message: errorMessage(error) };
  const aboutUrl = error.code === 'unsupported_site' || (error.code === 'invalid_input' && error.field[0] === 'url');
  const place: ErrorPlace = aboutUrl ? 'url' : error.code === 'guichet_required' ? 'guichet' : 'form';
  return { place, message: inLanguage(error, error.message, t, language) };
}

/** A message about the steps, placed next to the step or field it names; null for any other error. */
export function placeOfStepsError(error: unknown, t: Messages, language: string): StepsError | null {
  if (!(error instanceof ApiClientError) || error.code !== 'invalid_input') return null;
  const placed = placeStepsError(error.field, error.message);
  return placed && { ...placed, message: inLanguage(error, placed.message, t, language) };
}

export function PlanningForm({ id }: { id: string | null }) {
  const api = useApi();
  const { t, language } = useI18n();
  const formId = useId();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [loaded, setLoaded] = useState(id === null);
  const [discovered, setDiscovered] = useState<DiscoverResult | null>(null);
  const [labelTouched, setLabelTouched] = useState(id !== null);
  const [busy, setBusy] = useState<'discover' | 'save' | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [mode, setMode] = useState<Mode>('auto');
  const [stepsDraft, setStepsDraft] = useState<StepsDraft>(emptyStepsDraft);
  const [stepsError, setStepsError] = useState<StepsError | null>(null);
  /** Counts the known addresses chosen: the département field starts afresh on the one each fills in. */
  const [knownChoices, setKnownChoices] = useState(0);
  /** Set when an unknown site switched the form to custom steps, to say so. */
  const [switched, setSwitched] = useState(false);

  const clearErrors = () => {
    setError(null);
    setStepsError(null);
  };
  const showError = (failure: unknown) => {
    const aboutSteps = mode === 'steps' ? placeOfStepsError(failure, t, language) : null;
    if (aboutSteps) return setStepsError(aboutSteps);
    setError(placeOfError(failure, t, language));
    // The site is not one Guichets knows: the user can describe its steps instead.
    if (failure instanceof ApiClientError && failure.code === 'unsupported_site' && mode === 'auto') {
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
        setLoaded(true);
      },
      (failure: unknown) => setError(placeOfError(failure, t, language)),
    );
    // The planning is loaded once; a language switch must not reload it over the user's edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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

  const discover = async () => {
    clearErrors();
    if (!fields.url.trim()) return setError({ place: 'url', message: t.required(t.url) });
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
      showError(failure);
    } finally {
      setBusy(null);
    }
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    clearErrors();
    const missing = (
      [
        [fields.url, t.url],
        [fields.label, t.label],
        [fields.departement, t.departement],
        [fields.prefecture, t.prefecture],
      ] as const
    ).find(([value]) => !value.trim());
    if (missing) return setError({ place: missing[1] === t.url ? 'url' : 'form', message: t.required(missing[1]) });
    // The site offers several guichets: saving without one would only fail at the first probe.
    if (mode === 'auto' && (discovered?.guichets.length ?? 0) > 1 && !fields.guichet) {
      return setError({ place: 'guichet', message: t.errors.guichet_required });
    }
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
      showError(failure);
    } finally {
      setBusy(null);
    }
  };

  const errorId = (place: ErrorPlace) => `${formId}-${place}-error`;
  const errorAt = (place: ErrorPlace) =>
    error?.place === place ? (
      <p id={errorId(place)} role="alert" className="error field-error">
        {error.message}
      </p>
    ) : null;
  const invalid = (place: ErrorPlace) =>
    error?.place === place ? { 'aria-invalid': true, 'aria-describedby': errorId(place) } : {};
  const choices = discovered?.guichets ?? [];

  return (
    <section aria-labelledby={`${formId}-title`} className="planning-form">
      <h2 id={`${formId}-title`}>{id === null ? t.formAddTitle : t.formEditTitle}</h2>
      {!loaded && !error ? <p role="status">{t.loading}</p> : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        {errorAt('form')}
        {id === null ? <KnownAddressField id={`${formId}-known`} url={fields.url} onChoose={chooseKnown} /> : null}
        <div className="field">
          <label htmlFor={`${formId}-url`}>{t.url}</label>
          <div className="inline">
            <input
              id={`${formId}-url`}
              type="url"
              value={fields.url}
              onChange={(e) => {
                set({ url: e.target.value });
                setDiscovered(null);
              }}
              {...invalid('url')}
              aria-describedby={error?.place === 'url' ? errorId('url') : `${formId}-url-help`}
            />
            {mode === 'auto' ? (
              <button type="button" onClick={() => void discover()} disabled={busy !== null}>
                {busy === 'discover' ? t.discovering : t.discover}
              </button>
            ) : null}
          </div>
          <p id={`${formId}-url-help`} className="help">
            {mode === 'auto' ? t.urlHelp : t.stepsUrlHelp}
          </p>
          {errorAt('url')}
          {discovered ? (
            <p role="status" className="ok">
              {t.discovered(discovered.guichets.length, discovered.title)}
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
            {t.stepsSwitched}
          </p>
        ) : null}

        {mode === 'steps' ? (
          <>
            <StepsEditor idPrefix={`${formId}-steps`} draft={stepsDraft} onChange={setStepsDraft} error={stepsError} />
            <StepsTrial
              input={() => ({ url: fields.url.trim(), steps: specFromDraft(stepsDraft) })}
              onStart={clearErrors}
              onError={showError}
              disabled={busy !== null}
            />
          </>
        ) : choices.length > 1 ? (
          <div className="field">
            <label htmlFor={`${formId}-guichet`}>{t.guichet}</label>
            <select
              id={`${formId}-guichet`}
              value={fields.guichet ?? ''}
              onChange={(e) => chooseGuichet(e.target.value)}
              {...invalid('guichet')}
            >
              <option value="">{t.chooseGuichet}</option>
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
            {choices.length === 1 && choices[0] ? <p className="help">{t.singleGuichet(choices[0].label)}</p> : null}
            {!discovered && fields.guichetLabel ? <p className="help">{`${t.guichet}${t.colon}${fields.guichetLabel}`}</p> : null}
            {errorAt('guichet')}
          </>
        )}

        <TextField id={`${formId}-label`} label={t.label} value={fields.label} onChange={(label) => {
          setLabelTouched(true);
          set({ label });
        }} />
        <DepartementField
          key={knownChoices}
          id={`${formId}-departement`}
          value={fields.departement}
          onChange={(departement) => set({ departement })}
        />
        <TextField id={`${formId}-prefecture`} label={t.prefecture} value={fields.prefecture} onChange={(prefecture) => set({ prefecture })} />
        <TextField id={`${formId}-procedure`} label={t.procedure} value={fields.procedure} onChange={(procedure) => set({ procedure })} />
        <div className="field checkbox">
          <input
            id={`${formId}-online`}
            type="checkbox"
            checked={fields.onlineMandatory}
            onChange={(e) => set({ onlineMandatory: e.target.checked })}
          />
          <label htmlFor={`${formId}-online`}>{t.quoted(t.onlineMandatory)}</label>
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy !== null || !loaded}>
            {busy === 'save' ? t.saving : t.save}
          </button>
          <a className="button" href={id === null ? href({ page: 'dashboard' }) : href({ page: 'planning', id })}>
            {t.cancel}
          </a>
        </div>
      </form>
    </section>
  );
}
