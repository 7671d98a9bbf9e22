// « Essayer ces étapes »: the steps played once in the real browser, each with its screenshot, then what a
// probe would record. Nothing is stored.
import { useState } from 'react';
import type { StepsTrialResult } from '../../../electron/shared/api';
import type { TFunction } from 'i18next';
import type { Step, StepsSpec } from '../../../electron/shared/domain';
import { probeDetail } from '../errors';
import { TechnicalDetails } from './ErrorNote';
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
  const [trial, setTrial] = useState<{ result: StepsTrialResult; steps: StepsSpec } | null>(null);

  const run = () => {
    onStart();
    setRunning(true);
    setTrial(null);
    const sent = input();
    api
      .call('steps:try', sent)
      .then((result) => setTrial({ result, steps: sent.steps }), onError)
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
      {trial ? <TrialResult trial={trial.result} spec={trial.steps} /> : null}
    </div>
  );
}

/** A step named as the form shows it: its action, then what it aims at. */
function stepName(t: TFunction, step: Step | undefined): string {
  if (!step) return '';
  const target = 'url' in step ? step.url : 'text' in step && step.text ? step.text : 'selector' in step ? step.selector : '';
  const kind = t(`stepKinds.${step.kind}`);
  // After « Étape 1 : » the action reads in lower case.
  const action = kind.charAt(0).toLocaleLowerCase() + kind.slice(1);
  return target ? `${action} ${t('quoted', { text: target })}` : action;
}

function TrialResult({ trial, spec }: { trial: StepsTrialResult; spec: StepsSpec }) {
  const { t, i18n } = useTranslation();
  const said = (outcome: StepsTrialResult['outcome'], detail: string) => probeDetail(outcome, detail, t, i18n.language);
  const final = said(trial.outcome, trial.detail);
  const slots = [trial.firstSlot, trial.secondSlot].filter((slot): slot is string => slot !== null);
  return (
    <section className="trial-result" aria-label={t('trialTitle')}>
      <h3>{t('trialTitle')}</h3>
      <ol className="trial-steps">
        {trial.steps.map((step) => {
          const name = step.index < 0 ? t('trialOpening') : t('trialStepName', { n: step.index + 1, description: stepName(t, spec.steps[step.index]) });
          return (
            <li key={step.index} className={step.ok ? 'trial-step ok-step' : 'trial-step failed-step'}>
              <Thumbnail src={step.screenshot} title={t('screenshotAfter', { name })} />
              <div>
                <p className="trial-step-name">
                  {name} — <strong>{step.ok ? `✓ ${t('stepOk')}` : `✗ ${t('stepFailed')}`}</strong>
                </p>
                <Detail said={said(step.ok ? 'no_date' : 'unrecognized', step.detail)} />
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
      <Detail said={final} />
      <p className="help">
        {t('trialFinalUrl')}
        {t('colon')}
        <code>{trial.finalUrl}</code>
      </p>
    </section>
  );
}

function Detail({ said }: { said: { text: string | null; raw: string | null } }) {
  return (
    <div className="help">
      {said.text}
      {said.raw ? <TechnicalDetails text={said.raw} /> : null}
    </div>
  );
}
