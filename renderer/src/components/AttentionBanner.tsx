// On a planning's page, what needs someone before the figures mean anything: the robot cannot read the site
// (with its last screenshot, the failing step, and the steps editor to describe the site), or a captcha waits
// for a person (the assisted session).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, problemOf, type ShownError } from '../errors';
import { ErrorNote, TechnicalDetails } from './ErrorNote';
import type { PlanningOverview } from '../../../electron/shared/api';
import { useApi } from '../api/context';
import { stashStepsPrefill } from '../board/prefill';
import { planningStatus } from '../board/status';
import { screenshotUrl } from '../evidence';
import { formatInstant, todayInParis } from '../format';
import { navigate } from '../router';
import { Thumbnail } from './ImageViewer';

export function AttentionBanner({ overview, onChanged }: { overview: PlanningOverview; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const status = planningStatus(overview, todayInParis());
  const { planning, robotTrouble, lastProbe } = overview;
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<ShownError | null>(null);
  const openSession = () => {
    setProblem(null);
    setOpening(true);
    api
      .call('assisted:open', { planningId: planning.id })
      .then(onChanged, (error: unknown) => setProblem(describeError(error, t)))
      .finally(() => setOpening(false));
  };

  if (status.kind === 'robot' && robotTrouble) {
    const shot = lastProbe?.id === robotTrouble.lastProbeId ? screenshotUrl(lastProbe, api.desktop) : null;
    const technical = [robotTrouble.step ? t('board.robotStep', { step: robotTrouble.step }) : '', robotTrouble.detail].filter(Boolean).join('\n');
    const describe = () => {
      stashStepsPrefill(planning.id, robotTrouble.stepsTaken);
      navigate({ page: 'edit', id: planning.id });
    };
    return (
      <section role="alert" aria-labelledby="attention-title" className="notice warning attention-banner">
        <h3 id="attention-title">{t('board.robotTitle')}</h3>
        <p>{t('board.robotSince', { count: robotTrouble.count, when: formatInstant(robotTrouble.since) })}</p>
        {/* The main line is worded from the data; the robot's own French words (its step, its detail) are folded. */}
        <p>{t(`problems.${problemOf(robotTrouble.detail) ?? 'robot'}`)}</p>
        {technical ? <TechnicalDetails text={technical} /> : null}
        <p className="help">{t('board.robotHelp')}</p>
        <div className="button-row">
          <button type="button" className="primary" onClick={describe}>
            {t('board.robotAction')}
          </button>
          {shot ? <Thumbnail src={shot} title={t('board.robotScreenshot')} /> : null}
        </div>
      </section>
    );
  }
  if (status.kind === 'captcha') {
    return (
      <section role="alert" aria-labelledby="attention-title" className="notice warning attention-banner">
        <h3 id="attention-title">{t('board.captchaTitle')}</h3>
        <p>{t('board.captchaHelp')}</p>
        <div className="button-row">
          <button type="button" className="primary" onClick={openSession} disabled={opening}>
            {t('board.captchaAction')}
          </button>
          {opening ? <span className="progress">{t('assistedOpening')}</span> : null}
        </div>
        {problem ? <ErrorNote error={problem} /> : null}
      </section>
    );
  }
  return null;
}
