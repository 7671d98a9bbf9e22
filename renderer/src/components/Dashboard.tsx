import { useCallback, useState } from 'react';
import type { PlanningOverview } from '../../../electron/shared/api';
import { useApi, useLoaded } from '../api/context';
import { formatInstant, formatLocalDateTime, todayInParis } from '../format';
import { statsPeriod } from '../export-files';
import { departementHeading } from '../i18n/phrases';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { groupPlannings, type DepartementGroup } from '../shares';
import { ExpiredSessionsNotice } from './AssistedPanel';
import { departementName } from '../catalogue';
import { BarWithCounts, Legend } from './CategoryBar';
import { ExportCsv } from './ExportCsv';
import { AlertLines } from './evidence/AlertLines';
import { DossierButton } from './evidence/DossierButton';
import { ImportForm } from './evidence/ImportForm';
import { PublishButton } from './evidence/PublishButton';
import { StatusNote, type ActionStatus } from './StatusNote';
import { ErrorNote } from './ErrorNote';
import { describeError } from '../errors';
import { DashboardTable } from './DashboardTable';

type View = 'table' | 'cards';
const VIEW_KEY = 'guichets.dashboardView';

/** The table by default; the cards for who prefers them, remembered on this computer. */
function useView(): [View, (view: View) => void] {
  const [view, setView] = useState<View>(() => (localStorage.getItem(VIEW_KEY) === 'cards' ? 'cards' : 'table'));
  return [
    view,
    (next) => {
      localStorage.setItem(VIEW_KEY, next);
      setView(next);
    },
  ];
}

export function Dashboard() {
  const api = useApi();
  const { t } = useTranslation();
  const load = useCallback(() => api.call('plannings:list'), [api]);
  const { data, error, reload } = useLoaded(load, ['plannings:changed', 'probe:started', 'probe:finished', 'assisted:changed']);
  const [view, setView] = useView();
  const [exported, setExported] = useState<ActionStatus | null>(null);

  const switchView =
    data && data.length > 0 ? (
      <div className="view-switch" role="group" aria-label={t('board.view')}>
        {(['table', 'cards'] as const).map((option) => (
          <button key={option} type="button" aria-pressed={view === option} onClick={() => setView(option)}>
            {option === 'table' ? t('board.viewTable') : t('board.viewCards')}
          </button>
        ))}
      </div>
    ) : null;

  return (
    <section aria-labelledby="dashboard-title" className={view === 'table' ? 'dashboard-table-view' : undefined}>
      <div className="page-title dashboard-title">
        <h2 id="dashboard-title" tabIndex={-1}>
          {t('dashboardTitle')}
        </h2>
        {switchView}
        {data && data.length > 0 ? <ExportCsv label={t('exportCsvAll')} period={statsPeriod(data.map((o) => o.stats), todayInParis())} onStatus={setExported} /> : null}
        {data && data.length > 0 ? <DossierButton plannings={data.map((o) => o.planning)} label={t('evidence.dossierAll')} /> : null}
        {data && data.length > 0 ? <PublishButton /> : null}
        {/* Folded into one line beside the actions: the table stays the first screen. */}
        <AlertLines />
      </div>
      {exported ? (
        <p className="action-status">
          <StatusNote status={exported} />
        </p>
      ) : null}
      {error ? (
        <>
          <ErrorNote error={describeError(error, t)} />
          <button type="button" onClick={reload}>
            {t('retry')}
          </button>
        </>
      ) : null}
      {data ? <ExpiredSessionsNotice overviews={data} /> : null}
      {!data ? (
        error ? null : <p role="status">{t('loading')}</p>
      ) : data.length === 0 ? (
        <p>
          {t('noPlannings')} <a href={href({ page: 'new' })}>{t('navAdd')}</a>
        </p>
      ) : (
        <>
          {/* The colours first, so that the first bars read at once. */}
          <Legend compact />
          {view === 'table' ? (
            <DashboardTable overviews={data} />
          ) : (
            groupPlannings(data).map((group) => <DepartementGroupView key={group.departement} group={group} />)
          )}
        </>
      )}
      {data && data.length > 0 ? <ImportForm /> : null}
    </section>
  );
}

function DepartementGroupView({ group }: { group: DepartementGroup }) {
  const { t } = useTranslation();
  const heading = departementHeading(t, group.departement, departementName(group.departement));
  return (
    <section className="departement" aria-label={heading}>
      <h3>{heading}</h3>
      {group.prefectures.map((prefecture) => (
        <section key={prefecture.prefecture} className="prefecture" aria-label={prefecture.prefecture}>
          <h4>{prefecture.prefecture}</h4>
          {prefecture.plannings.map((overview) => (
            <PlanningCard key={overview.planning.id} overview={overview} />
          ))}
        </section>
      ))}
    </section>
  );
}

export function lastProbeText(overview: PlanningOverview, t: TFunction): string {
  const probe = overview.lastProbe;
  if (!probe) return t('never');
  const slot = probe.firstSlot ? formatLocalDateTime(probe.firstSlot) : null;
  const when = formatInstant(probe.startedAt);
  const outcome = t(`outcomes.${probe.outcome}`);
  return slot ? t('lastProbeLineSlot', { when, outcome, slot }) : t('lastProbeLine', { when, outcome });
}

function PlanningCard({ overview }: { overview: PlanningOverview }) {
  const { t } = useTranslation();
  const { planning, stats } = overview;
  return (
    <article className="planning-card" aria-labelledby={`planning-${planning.id}`}>
      <header className="planning-card-head">
        <h5 id={`planning-${planning.id}`}>
          <a href={href({ page: 'planning', id: planning.id })}>{planning.label}</a>
        </h5>
        <span className={planning.followed ? 'badge followed' : 'badge'}>
          {planning.followed ? t('followed') : t('notFollowed')}
        </span>
        {planning.onlineMandatory ? <span className="badge">{t('onlineMandatoryShort')}</span> : null}
        {planning.stoppedAt ? <span className="badge warning">{t('stopped', { date: formatInstant(planning.stoppedAt) })}</span> : null}
        {overview.assisted?.state === 'expired' ? <span className="badge warning">{t('assistedExpiredBadge')}</span> : null}
      </header>
      {overview.problem ? <ErrorNote error={{ message: t('problemDamaged'), field: [], detail: overview.problem }} /> : null}
      <dl className="facts">
        <div>
          <dt>{t('procedure')}</dt>
          <dd>{planning.procedure || t('none')}</dd>
        </div>
        <div>
          <dt>{t('lastProbe')}</dt>
          <dd>
            {lastProbeText(overview, t)}
            {overview.running ? <div className="progress">{t('running')}</div> : null}
          </dd>
        </div>
        <div>
          <dt>{t('nextProbe')}</dt>
          <dd>{overview.nextProbeAt ? formatInstant(overview.nextProbeAt) : t('none')}</dd>
        </div>
      </dl>
      <BarWithCounts bar={stats.top} />
      <ScopeNote scope={stats.topScope} />
    </article>
  );
}

export function ScopeNote({ scope }: { scope: PlanningOverview['stats']['topScope'] }) {
  const { t } = useTranslation();
  const note = { three_months: t('scopeThreeMonths'), partial_history: t('scopePartial'), no_history: t('scopeNone') }[scope];
  return <p className="scope-note">{note}</p>;
}
