// Small fields of the planning form.
import { useState } from 'react';
import { DEPARTEMENTS, departementName } from '../catalogue';
import { departementHeading } from '../i18n/phrases';
import type { ShownError } from '../errors';
import { ErrorNote } from './ErrorNote';
import { useTranslation } from 'react-i18next';

/** How the site is read: by an adapter Guichets has, or by the steps the user describes. */
export type Mode = 'auto' | 'steps';

export function ModeChoice({ name, mode, onChange }: { name: string; mode: Mode; onChange: (mode: Mode) => void }) {
  const { t } = useTranslation();
  const options: [Mode, string, string][] = [
    ['auto', t('modeAuto'), t('modeAutoHelp')],
    ['steps', t('modeSteps'), t('modeStepsHelp')],
  ];
  return (
    <fieldset className="field mode-choice">
      <legend>{t('systemChoice')}</legend>
      {options.map(([value, label, help]) => (
        <div key={value} className="radio">
          <input
            id={`${name}-${value}`}
            type="radio"
            name={name}
            value={value}
            checked={mode === value}
            onChange={() => onChange(value)}
            aria-describedby={`${name}-${value}-help`}
          />
          <label htmlFor={`${name}-${value}`}>{label}</label>
          <p id={`${name}-${value}-help`} className="help">
            {help}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: string;
  short?: boolean;
  error?: FieldErrorProps | null;
}) {
  const described = [props.error?.id, props.help ? `${props.id}-help` : undefined].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        className={props.short ? 'short' : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {props.error ? <ErrorNote id={props.error.id} error={props.error.error} className="field-error" /> : null}
      {props.help ? (
        <p id={`${props.id}-help`} className="help">
          {props.help}
        </p>
      ) : null}
    </div>
  );
}

/** A message placed under a field, and the id the field points to with aria-describedby. */
export interface FieldErrorProps {
  id: string;
  error: ShownError;
}

const OTHER = 'other';

/**
 * The 101 départements by number and name (typing "93" in the list jumps to it), and « Autre code… » for the
 * collectivités d'outre-mer the core also accepts; the core validates the code either way.
 */
export function DepartementField(props: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  error?: FieldErrorProps | null;
}) {
  const { id, value, onChange, error } = props;
  const { t } = useTranslation();
  const [otherChosen, setOtherChosen] = useState(false);
  // A saved code outside the list (loaded after the first render) opens the free field too.
  const other = otherChosen || (value !== '' && departementName(value) === null);
  return (
    <div className="field">
      <label htmlFor={id}>{t('departement')}</label>
      <select
        id={id}
        value={other ? OTHER : departementName(value) ? value.toUpperCase() : ''}
        onChange={(e) => {
          const chosen = e.target.value;
          setOtherChosen(chosen === OTHER);
          onChange(chosen === OTHER ? '' : chosen);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${error.id} ${id}-help` : `${id}-help`}
      >
        <option value="">{t('chooseDepartement')}</option>
        {DEPARTEMENTS.map(({ code, name }) => (
          <option key={code} value={code}>
            {departementHeading(t, code, name)}
          </option>
        ))}
        <option value={OTHER}>{t('otherDepartement')}</option>
      </select>
      {error ? <ErrorNote id={error.id} error={error.error} className="field-error" /> : null}
      <p id={`${id}-help`} className="help">
        {t('departementHelp')}
      </p>
      {other ? (
        <div className="sub-field">
          <TextField
            id={`${id}-code`}
            label={t('departementCode')}
            help={t('departementCodeHelp')}
            value={value}
            onChange={onChange}
            short
          />
        </div>
      ) : null}
    </div>
  );
}
