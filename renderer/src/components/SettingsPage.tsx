// The settings as the work needs them: who the association is, when and how gently to probe, which browser,
// where the data lives. Every message is placed by its field, in the user's language.
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrowserTest } from '../../../electron/shared/api';
import type { Settings } from '../../../electron/shared/domain';
import { useApi } from '../api/context';
import { describeError, type ShownError } from '../errors';
import { useSetLanguage, type Language } from '../i18n';
import { ErrorNote } from './ErrorNote';
import { SealsPanel } from './SealsPanel';
import { TrustedRootsPanel } from './TrustedRootsPanel';
import { BackupPanel } from './BackupPanel';
import { DataFolderPanel } from './DataFolderPanel';
import { StatusNote, type ActionStatus } from './StatusNote';

interface Draft {
  associationName: string;
  associationContact: string;
  from: number;
  to: number;
  days: number[];
  hostSpacingSeconds: string;
  probeTimeoutSeconds: string;
  maxParallelProbes: string;
  evidenceBudgetGb: string;
  browserPath: string;
  author: string;
  notifications: boolean;
  associationLogo: string | null;
}

type Field = 'associationName' | 'associationContact' | 'activeHours' | 'activeDays' | 'hostSpacingSeconds' | 'probeTimeoutSeconds' | 'maxParallelProbes' | 'evidenceBudgetGb' | 'browserPath' | 'author' | 'associationLogo';
/** Kept as functions of `t`, so that a message follows a language switch. */
type Errors = Partial<Record<Field | 'form', (t: TFunction) => ShownError>>;
const FIELDS: readonly Field[] = ['associationName', 'associationContact', 'activeHours', 'activeDays', 'hostSpacingSeconds', 'probeTimeoutSeconds', 'maxParallelProbes', 'evidenceBudgetGb', 'browserPath', 'author', 'associationLogo'];
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 25 }, (_, hour) => hour);

const toDraft = (settings: Settings): Draft => ({
  associationName: settings.associationName,
  associationContact: settings.associationContact,
  from: settings.activeHours.from,
  to: settings.activeHours.to,
  days: settings.activeDays,
  hostSpacingSeconds: String(settings.hostSpacingSeconds),
  probeTimeoutSeconds: String(settings.probeTimeoutSeconds),
  maxParallelProbes: String(settings.maxParallelProbes),
  evidenceBudgetGb: String(settings.evidenceBudgetGb),
  browserPath: settings.browserPath ?? '',
  author: settings.author,
  notifications: settings.notifications,
  associationLogo: settings.associationLogo,
});

const wholeIn = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;

/** What the form can tell before asking the core: every problem at once. */
function check(draft: Draft): Errors {
  const errors: Errors = {};
  const at = (field: Field) => (t: TFunction) => ({ message: t(`fieldErrors.${field}`), field: [field], detail: null });
  if (!wholeIn(draft.hostSpacingSeconds, 0, 3600)) errors.hostSpacingSeconds = at('hostSpacingSeconds');
  if (!wholeIn(draft.probeTimeoutSeconds, 20, 300)) errors.probeTimeoutSeconds = at('probeTimeoutSeconds');
  if (!wholeIn(draft.maxParallelProbes, 0, 16)) errors.maxParallelProbes = at('maxParallelProbes');
  if (!wholeIn(draft.evidenceBudgetGb, 0, 1_000_000)) errors.evidenceBudgetGb = at('evidenceBudgetGb');
  if (draft.from >= draft.to) errors.activeHours = at('activeHours');
  if (draft.days.length === 0) errors.activeDays = at('activeDays');
  return errors;
}

export function SettingsPage() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const setLanguage = useSetLanguage();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  // app:info is the app's one copy (App.tsx, read by DataFolderPanel and SealsPanel): only the settings are fetched.
  const [savedLogo, setSavedLogo] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [browser, setBrowser] = useState<{ testing: boolean; result: BrowserTest | null }>({ testing: false, result: null });

  useEffect(() => {
    api.call('settings:get').then(
      (settings) => {
        setDraft(toDraft(settings));
        setSavedLogo(settings.associationLogo);
      },
      (error: unknown) => setErrors({ form: (tr) => describeError(error, tr) }),
    );
  }, [api]);

  // The first field at fault gets the focus.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  if (!draft) return errors.form ? <ErrorNote error={errors.form(t)} /> : <p role="status">{t('loading')}</p>;
  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const place = (error: unknown): Errors => {
    const shown = describeError(error, t);
    const field = FIELDS.find((name) => shown.field.includes(name)) ?? 'form';
    return { [field]: (tr: TFunction) => describeError(error, tr) };
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setStatus(null);
    const found = check(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const saved = await api.call('settings:update', {
        associationName: draft.associationName.trim(),
        associationContact: draft.associationContact.trim(),
        activeHours: { from: draft.from, to: draft.to },
        activeDays: draft.days,
        hostSpacingSeconds: Number(draft.hostSpacingSeconds),
        probeTimeoutSeconds: Number(draft.probeTimeoutSeconds),
        maxParallelProbes: Number(draft.maxParallelProbes),
        evidenceBudgetGb: Number(draft.evidenceBudgetGb),
        // Over HTTP the web host refuses it: the program Guichets launches is chosen at the desktop or the CLI.
        ...(api.desktop ? { browserPath: draft.browserPath.trim() || null } : {}),
        author: draft.author.trim(),
        notifications: draft.notifications,
        // A path on the PC, chosen in the desktop's dialog; sent only when it changed (the web host refuses it).
        ...(api.desktop && draft.associationLogo !== savedLogo ? { associationLogo: draft.associationLogo } : {}),
      });
      setDraft(toDraft(saved));
      setSavedLogo(saved.associationLogo);
      setStatus({ text: t('settingsSaved'), error: false });
    } catch (error) {
      setErrors(place(error));
    }
  };

  const testBrowser = () => {
    setBrowser({ testing: true, result: null });
    setErrors(({ browserPath: _dropped, ...rest }) => rest);
    api.call('settings:testBrowser', { path: api.desktop ? draft.browserPath.trim() || null : null }).then(
      (result) => setBrowser({ testing: false, result }),
      (error: unknown) => {
        setBrowser({ testing: false, result: null });
        setErrors({ browserPath: (tr) => ({ ...describeError(error, tr), field: ['browserPath'] }) });
      },
    );
  };

  const errorId = (field: Field) => `${id}-${field}-error`;
  const invalid = (field: Field) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {};
  const errorAt = (field: Field) => {
    const explain = errors[field];
    return explain ? <ErrorNote id={errorId(field)} error={explain(t)} className="field-error" /> : null;
  };
  const text = (field: 'associationName' | 'associationContact' | 'author', label: string, help?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        type="text"
        value={draft[field]}
        onChange={(e) => set({ [field]: e.target.value })}
        {...invalid(field)}
        aria-describedby={[errors[field] ? errorId(field) : '', help ? `${id}-${field}-help` : ''].filter(Boolean).join(' ') || undefined}
      />
      {errorAt(field)}
      {help ? (
        <p id={`${id}-${field}-help`} className="help">
          {help}
        </p>
      ) : null}
    </div>
  );
  const seconds = (field: 'hostSpacingSeconds' | 'probeTimeoutSeconds' | 'maxParallelProbes' | 'evidenceBudgetGb', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input id={`${id}-${field}`} className="short" type="text" inputMode="numeric" value={draft[field]} onChange={(e) => set({ [field]: e.target.value })} {...invalid(field)} />
      {errorAt(field)}
    </div>
  );
  const hourSelect = (which: 'from' | 'to', label: string) => (
    <label>
      {label}{' '}
      <select value={draft[which]} onChange={(e) => set({ [which]: Number(e.target.value) })} {...invalid('activeHours')}>
        {HOURS.filter((hour) => (which === 'from' ? hour < 24 : hour > 0)).map((hour) => (
          <option key={hour} value={hour}>
            {t('hourValue', { hour })}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="settings">
      <h2 id={`${id}-title`}>{t('settingsTitle')}</h2>
      <form ref={form} onSubmit={(event) => void save(event)} noValidate>
        {errors.form ? <ErrorNote error={errors.form(t)} className="form-error" /> : null}
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('language')}</label>
          {/* Applied and stored at once, like the switch in the header. */}
          <select id={`${id}-language`} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>

        <Group title={t('settingsAssociation')}>
          {text('associationName', t('associationName'), t('associationNameHelp'))}
          {text('associationContact', t('associationContact'))}
          {text('author', t('author'), t('authorHelp'))}
          <div className="field">
            <label htmlFor={`${id}-logo`}>{t('associationLogo')}</label>
            <div className="inline">
              <input
                id={`${id}-logo`}
                type="text"
                readOnly
                value={draft.associationLogo ?? ''}
                {...invalid('associationLogo')}
                aria-describedby={[errors.associationLogo ? errorId('associationLogo') : '', `${id}-logo-help`].filter(Boolean).join(' ')}
              />
              {api.desktop ? (
                <button type="button" onClick={() => void api.chooseLogo().then((file) => file && set({ associationLogo: file }))}>
                  {t('associationLogoChoose')}
                </button>
              ) : null}
              {api.desktop && draft.associationLogo ? (
                <button type="button" onClick={() => set({ associationLogo: null })}>
                  {t('associationLogoRemove')}
                </button>
              ) : null}
            </div>
            {errorAt('associationLogo')}
            <p id={`${id}-logo-help`} className="help">
              {t('associationLogoHelp')} {api.desktop ? null : t('associationLogoDesktopOnly')}
            </p>
          </div>
        </Group>

        <Group title={t('settingsSchedule')}>
          <fieldset className="field plain" aria-describedby={`${id}-active-help`}>
            <legend>{t('activeHours')}</legend>
            <div className="inline">
              {hourSelect('from', t('activeFrom'))}
              {hourSelect('to', t('activeTo'))}
            </div>
            {errorAt('activeHours')}
          </fieldset>
          <fieldset className="field plain">
            <legend>{t('activeDays')}</legend>
            <div className="inline">
              {DAYS.map((day) => (
                <label key={day} className="day">
                  <input
                    type="checkbox"
                    checked={draft.days.includes(day)}
                    onChange={(e) => set({ days: e.target.checked ? [...draft.days, day].sort() : draft.days.filter((d) => d !== day) })}
                    {...invalid('activeDays')}
                  />{' '}
                  {t(`weekdays.d${day}`)}
                </label>
              ))}
            </div>
            {errorAt('activeDays')}
          </fieldset>
          <p id={`${id}-active-help`} className="help">
            {t('activeHelp')}
          </p>
          {seconds('hostSpacingSeconds', t('hostSpacing'))}
          {seconds('probeTimeoutSeconds', t('probeTimeout'))}
          {seconds('maxParallelProbes', t('maxParallelProbes'))}
          <p className="help">{t('maxParallelProbesHelp')}</p>
          {seconds('evidenceBudgetGb', t('evidenceBudget'))}
          <p className="help">{t('evidenceBudgetHelp')}</p>
          <div className="field checkbox">
            <input id={`${id}-notifications`} type="checkbox" checked={draft.notifications} onChange={(e) => set({ notifications: e.target.checked })} />
            <label htmlFor={`${id}-notifications`}>{t('notificationsLabel')}</label>
          </div>
        </Group>

        <Group title={t('settingsBrowser')}>
          <div className="field">
            <label htmlFor={`${id}-browser`}>{t('browserPath')}</label>
            <div className="inline">
              <input
                id={`${id}-browser`}
                type="text"
                value={draft.browserPath}
                readOnly
                {...invalid('browserPath')}
                aria-describedby={[errors.browserPath ? errorId('browserPath') : '', `${id}-browser-help`].filter(Boolean).join(' ')}
              />
              {/* The program Guichets launches is chosen in the system's dialog, never typed. */}
              {api.desktop ? (
                <button type="button" onClick={() => void api.chooseBrowser().then((file) => file && set({ browserPath: file }))}>
                  {t('browserChoose')}
                </button>
              ) : null}
              {api.desktop && draft.browserPath ? (
                <button type="button" onClick={() => set({ browserPath: '' })}>
                  {t('browserAuto')}
                </button>
              ) : null}
              <button type="button" onClick={testBrowser} disabled={browser.testing}>
                {t('testBrowser')}
              </button>
            </div>
            {errorAt('browserPath')}
            <p role="status" className="ok">
              {browser.testing ? t('testingBrowser') : browser.result ? t('browserWorks', { ...browser.result }) : null}
            </p>
            <p id={`${id}-browser-help`} className="help">
              {api.desktop ? t('browserPathHelp') : t('browserPathDesktopOnly')}
            </p>
          </div>
        </Group>

        <Group title={t('settingsData')}>
          <DataFolderPanel />
          <BackupPanel />
        </Group>

        <div className="button-row">
          <button type="submit" className="primary">
            {t('save')}
          </button>
        </div>
        <p className="action-status">
          <StatusNote status={status} />
        </p>
      </form>
      <SealsPanel />
      <TrustedRootsPanel />
    </section>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="settings-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
