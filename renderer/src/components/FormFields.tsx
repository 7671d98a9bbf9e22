// Small fields of the planning form.
import { useI18n } from '../i18n';

/** How the site is read: by an adapter Guichets has, or by the steps the user describes. */
export type Mode = 'auto' | 'steps';

export function ModeChoice({ name, mode, onChange }: { name: string; mode: Mode; onChange: (mode: Mode) => void }) {
  const { t } = useI18n();
  const options: [Mode, string, string][] = [
    ['auto', t.modeAuto, t.modeAutoHelp],
    ['steps', t.modeSteps, t.modeStepsHelp],
  ];
  return (
    <fieldset className="field mode-choice">
      <legend>{t.systemChoice}</legend>
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
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        className={props.short ? 'short' : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={props.help ? `${props.id}-help` : undefined}
      />
      {props.help ? (
        <p id={`${props.id}-help`} className="help">
          {props.help}
        </p>
      ) : null}
    </div>
  );
}
