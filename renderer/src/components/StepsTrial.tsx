// « Essayer ces étapes »: the steps played once in the real browser, each with its screenshot, then what a
// probe would record. Nothing is stored.
import { useState } from 'react';
import type { StepsTrialResult } from '../../../electron/shared/api';
import type { StepsSpec } from '../../../electron/shared/domain';
import { useApi } from '../api/context';
import { formatLocalDateTime } from '../format';
import { useTranslation } from 'react-i18next';
import { Thumbnail } from './ImageViewer';

interface StepsTrialProps {
  /** The start address and the steps as the form holds them now. */
  input: () => { url: string; steps: StepsSpec };
  /** Called when a trial starts, so that the form clears its messages. */
  onStart: () => void;
  /** A refused trial (invalid steps, no browser): the form places the message. */
  onError: (error: unknown) => void;
  disabled: boolean;
}

export function StepsTrial({ input, onStart, onError, disabled }: StepsTrialProps) {
  const api = useApi();
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [trial, setTrial] = useState<StepsTrialResult | null>(null);

  const run = () => {
    onStart();
    setRunning(true);
    setTrial(null);
    api
      .call('steps:try', input())
      .then(setTrial, onError)
      .finally(() => setRunning(false));
  };

  return (
    <div className="steps-trial">
      <div className="button-row">
        <button type="button" onClick={run} disabled={disabled || running}>
          {t('trySteps')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {running ? <span className="progress">{t('trying')}</span> : null}
      </div>
      {trial ? <TrialResult trial={trial} /> : null}
    </div>
  );
}

function TrialResult({ trial }: { trial: StepsTrialResult }) {
  const { t } = useTranslation();
  const slots = [trial.firstSlot, trial.secondSlot].filter((slot): slot is string => slot !== null);
  return (
    <section className="trial-result" aria-label={t('trialTitle')}>
      <h3>{t('trialTitle')}</h3>
      <ol className="trial-steps">
        {trial.steps.map((step) => {
          const name = step.index < 0 ? t('trialOpening') : `${t('stepLegend', { n: step.index + 1 })}${t('colon')}${step.description}`;
          return (
            <li key={step.index} className={step.ok ? 'trial-step ok-step' : 'trial-step failed-step'}>
              <Thumbnail src={step.screenshot} title={t('screenshotAfter', { name })} />
              <div>
                <p className="trial-step-name">
                  {name} — <strong>{step.ok ? `✓ ${t('stepOk')}` : `✗ ${t('stepFailed')}`}</strong>
                </p>
                <p className="help">{step.detail}</p>
              </div>
            </li>
          );
        })}
      </ol>
      <p className={`trial-outcome outcome-${trial.outcome}`}>
        <strong>
          {t('trialOutcome', { outcome: t(`outcomes.${trial.outcome}`) })}
          {slots.length > 0 ? ` — ${slots.map(formatLocalDateTime).join(', ')}` : ''}
        </strong>
      </p>
      <p className="help">{trial.detail}</p>
      <p className="help">
        {t('trialFinalUrl')}
        {t('colon')}
        <code>{trial.finalUrl}</code>
      </p>
    </section>
  );
}
