import { useCallback, useState, type ReactNode } from 'react';
import type { PlanningDetail } from '../../../electron/shared/api';
import type { Probe } from '../../../electron/shared/domain';
import { describeError, probeDetail, type ShownError } from '../errors';
import { ErrorNote, TechnicalDetails } from './ErrorNote';
import { useApi, useLoaded } from '../api/context';
import { formatInstant, formatLocalDateTime, todayInParis } from '../format';
import { statsPeriod } from '../export-files';
import { departementHeading, gapLine } from '../i18n/phrases';
import { useTranslation } from 'react-i18next';
import { href, navigate } from '../router';
import { departementName } from '../catalogue';
import { AssistedPanel } from './AssistedPanel';
import { BarWithCounts, Legend } from './CategoryBar';
import { lastProbeText, ScopeNote } from './Dashboard';
import { ExportCsv } from './ExportCsv';
import { ExportPng } from './ExportPng';
import { DossierButton } from './evidence/DossierButton';
import { StatusNote, type ActionStatus } from './StatusNote';
import { MonthBars } from './MonthBars';
import { ProbeTable } from './ProbeTable';
import { AttentionBanner } from './AttentionBanner';
import { EvidenceBrowser } from './EvidenceBrowser';
import { gapDuration } from '../board/durations';
import { useModalDialog } from './use-modal-dialog';
import { ProbeStrip } from './ProbeStrip';

export function PlanningPage({ id, day = null }: { id: string; day?: string | null }) {
  const api = useApi();
  const { t } = useTranslation();
  const load = useCallback(() => api.call('plannings:get', { id }), [api, id]);
  const { data, error, reload } = useLoaded(load, ['plannings:changed', 'probe:started', 'probe:finished', 'assisted:changed']);

  if (!data) {
    return error ? (
      <>
        <ErrorNote error={describeError(error, t)} />
        <a href={href({ page: 'dashboard' })}>{t('backToDashboard')}</a>
      </>
    ) : (
      <p role="status">{t('loading')}</p>
    );
  }
  const { planning, stats } = data;
  return (
    <article aria-labelledby="planning-title" className="planning-page">
      <a href={href({ page: 'dashboard' })}>{t('backToDashboard')}</a>
      <div className="page-title">
        <h2 id="planning-title" tabIndex={-1}>
          {planning.label}
        </h2>
        <span className={planning.followed ? 'badge followed' : 'badge'}>
          {planning.followed ? t('followed') : t('notFollowed')}
        </span>
        {planning.stoppedAt ? <span className="badge warning">{t('stopped', { date: formatInstant(planning.stoppedAt) })}</span> : null}
      </div>
      {data.problem ? <ErrorNote error={{ message: t('problemDamaged'), field: [], detail: data.problem }} /> : null}
      <AttentionBanner overview={data} onChanged={reload} />
      {data.assisted ? <AssistedPanel status={data.assisted} onChanged={reload} /> : null}
      <Details detail={data} />
      <Actions detail={data} />
      <section aria-labelledby="top-title">
        <h3 id="top-title">{t('topBarTitle')}</h3>
        <BarWithCounts bar={stats.top} />
        <ScopeNote scope={stats.topScope} />
        <h4>{t('strip.title')}</h4>
        <ProbeStrip marks={data.recent} large />
        <p className="help">{t('strip.help')}</p>
      </section>
      <EvidenceBrowser planningId={planning.id} day={day} firstMonth={stats.months[0]?.month ?? null} />
      <MonthBars months={stats.months} planningId={planning.id} open={stats.topMonths.map((month) => month.month)} />
      {data.gaps.length > 0 ? (
        <section aria-labelledby="gaps-title">
          <h3 id="gaps-title">{t('gaps')}</h3>
          <ul>
            {data.gaps.map((gap) => (
              <li key={gap.from}>{gapLine(t, formatInstant(gap.from), formatInstant(gap.to), gap.hours, gap.reason, gapDuration(t, gap))}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Legend />
      <section aria-labelledby="probes-title">
        <h3 id="probes-title">{t('recentProbes')}</h3>
        <ProbeTable probes={data.recentProbes} />
      </section>
    </article>
  );
}

function Details({ detail }: { detail: PlanningDetail }) {
  const { t } = useTranslation();
  const { planning } = detail;
  const rows: [string, ReactNode][] = [
    [t('departement'), departementHeading(t, planning.departement, departementName(planning.departement))],
    [t('prefecture'), planning.prefecture],
    [t('procedure'), planning.procedure || t('none')],
    [t('guichet'), planning.guichetLabel ?? planning.guichet ?? t('none')],
    [t('url'), <a href={planning.url} target="_blank" rel="noreferrer">{planning.url}</a>],
    [t('system'), t(`systems.${planning.system}`)],
    [t('quoted', { text: t('onlineMandatory') }), planning.onlineMandatory ? t('yes') : t('no')],
    [t('minute'), t('minuteValue', { minute: planning.minute })],
    [t('lastProbe'), lastProbeText(detail, t)],
    [t('nextProbe'), detail.nextProbeAt ? formatInstant(detail.nextProbeAt) : t('none')],
    [t('createdAt'), formatInstant(planning.createdAt)],
  ];
  return (
    <section aria-label={t('details')}>
      <dl className="facts details">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

type ProbeState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; probe: Probe } | { kind: 'failed'; error: ShownError };

function Actions({ detail }: { detail: PlanningDetail }) {
  const api = useApi();
  const { t } = useTranslation();
  const { planning } = detail;
  const [probe, setProbe] = useState<ProbeState>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ShownError | null>(null);
  const [exported, setExported] = useState<ActionStatus | null>(null);

  const probeNow = () => {
    setProbe({ kind: 'running' });
    api.call('probes:runNow', { planningId: planning.id }).then(
      (result) => setProbe({ kind: 'done', probe: result }),
      (error: unknown) => setProbe({ kind: 'failed', error: describeError(error, t) }),
    );
  };
  const act = (work: Promise<unknown>, after?: () => void) => {
    setProblem(null);
    work.then(after, (error: unknown) => setProblem(describeError(error, t)));
  };
  const running = probe.kind === 'running' || detail.running;

  return (
    <section className="actions" aria-label={t('actions')}>
      <div className="button-row">
        <button type="button" onClick={probeNow} disabled={running}>
          {t('probeNow')}
        </button>
        <ExportCsv planningIds={[planning.id]} subject={planning.label} period={statsPeriod([detail.stats], todayInParis())} onStatus={setExported} />
        <ExportPng detail={detail} onStatus={setExported} />
        <DossierButton plannings={[planning]} />
        <a className="button" href={href({ page: 'edit', id: planning.id })}>
          {t('edit')}
        </a>
        <button
          type="button"
          onClick={() => act(api.call('plannings:update', { id: planning.id, changes: { followed: !planning.followed } }))}
        >
          {planning.followed ? t('unfollow') : t('follow')}
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('remove')}
        </button>
      </div>
      {/* Its own line, kept even when empty, so that no button moves when an export reports. */}
      <p className="action-status">
        <StatusNote status={exported} />
      </p>
      <div className="button-row">
        {/* SITES.md §4: ids change; a planning that stopped answering is kept, with its history, but not probed. */}
        <button
          type="button"
          onClick={() => act(api.call('plannings:update', { id: planning.id, changes: { stopped: !planning.stoppedAt } }))}
          aria-describedby="stopped-explain"
        >
          {planning.stoppedAt ? t('markAnswering') : t('markStopped')}
        </button>
        <span id="stopped-explain" className="help">
          {t('stoppedExplain')}
        </span>
      </div>
      <div role="status" aria-live="polite" className="probe-status">
        {running ? <span className="progress">{t('probeRunning')}</span> : null}
        {probe.kind === 'done' && !running ? <ProbeSummary probe={probe.probe} /> : null}
      </div>
      {probe.kind === 'failed' ? <ErrorNote error={probe.error} /> : null}
      {problem ? <ErrorNote error={problem} /> : null}
      {confirming ? (
        <RemoveConfirm
          label={planning.label}
          onRemove={() => act(api.call('plannings:remove', { id: planning.id }), () => navigate({ page: 'dashboard' }))}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}

/** « Supprimer ? » over the page: Escape or « Annuler » closes it, and the focus goes back to the button. */
function RemoveConfirm({ label, onRemove, onClose }: { label: string; onRemove: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog(onClose);
  return (
    <dialog ref={dialog} role="alertdialog" aria-labelledby="remove-question" className="confirm">
      <p id="remove-question">{t('removeConfirm', { label })}</p>
      <button
        type="button"
        className="danger"
        onClick={() => {
          dialog.current?.close();
          onRemove();
        }}
      >
        {t('remove')}
      </button>
      <button type="button" onClick={() => dialog.current?.close()} autoFocus>
        {t('cancel')}
      </button>
    </dialog>
  );
}

function ProbeSummary({ probe }: { probe: Probe }) {
  const { t, i18n } = useTranslation();
  const detail = probeDetail(probe.outcome, probe.detail, t, i18n.language, probe.detailMessage);
  const slots = [probe.firstSlot, probe.secondSlot].filter((slot): slot is string => slot !== null);
  return (
    <span className="probe-result">
      {t('probeResult', { outcome: t(`outcomes.${probe.outcome}`) })}
      {slots.length > 0 ? ` — ${slots.map(formatLocalDateTime).join(', ')}` : ''}
      {detail.text ? ` (${detail.text})` : ''}
      {detail.raw ? <TechnicalDetails text={detail.raw} /> : null}
    </span>
  );
}
