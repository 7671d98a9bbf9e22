// What the dashboard shows of a planning: its figures, last probe, next run and assisted session.
import { DateTime } from 'luxon';
import type { PlanningDetail, PlanningOverview } from '../../shared/api.js';
import type { Gap, Planning } from '../../shared/domain.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { isRobotTrouble, robotTrouble } from '../probe/robot-trouble.js';
import { dashboardCovers, monthOf, planningStats, planningSummary, type MonthAggregate } from '../stats/index.js';
import { recentMarks } from '../stats/recent.js';
import { RECENT_PROBES, type RecentMark } from '../../shared/stats.js';
import { lastDatesDay } from '../stats/last-dates.js';
import type { Store } from '../store/index.js';
import type { Browsers } from './browsers.js';
import type { ScheduleRunner } from './schedule-runner.js';
import { PARIS } from '../stats/calendar.js';

export interface OverviewDeps {
  store: Store;
  clock: Clock;
  browsers: Browsers;
  scheduler: ScheduleRunner;
}

type WithMonths = Omit<PlanningDetail, 'recentProbes' | 'gaps'>;

export interface Overview {
  /** What the dashboard shows of a planning: its top bar only. */
  (planning: Planning): Promise<PlanningOverview>;
  /** The same with one bar per month, for the planning's page. */
  (planning: Planning, months: 'months'): Promise<WithMonths>;
}

/**
 * The gaps that may fall among the latest probes: those of the months from the oldest of them on, read only for
 * months whose aggregates count gap hours (most have none, and the dashboard reads 500 plannings).
 */
async function recentGaps(store: Store, planningId: string, aggregates: readonly MonthAggregate[], oldest: string | null): Promise<Gap[]> {
  if (oldest === null) return [];
  const from = monthOf(oldest);
  const months = aggregates.filter((agg) => agg.month >= from && agg.gapHours > 0).map((agg) => agg.month);
  const lists = await Promise.all(months.map((month) => store.gaps.list(planningId, month)));
  return lists.flat();
}

/**
 * The strip of a planning's latest probes: from the day files the alerts read too, and the gaps among them. Not
 * part of the overview: three day files a planning would triple the dashboard's first call at 500 plannings, so
 * the screen asks for the rows it shows (`probes:recent`).
 */
export async function recentOf(store: Store, planningId: string, aggregates: readonly MonthAggregate[]): Promise<RecentMark[]> {
  const probes = await store.probes.recent(planningId, RECENT_PROBES);
  const gaps = await recentGaps(store, planningId, aggregates, probes.at(-1)?.localDate ?? null);
  return recentMarks(probes, gaps, RECENT_PROBES);
}

export function createOverview({ store, clock, browsers, scheduler }: OverviewDeps): Overview {
  // Worked out once a minute (days in Paris begin on a whole minute): the dashboard asks for 500 plannings at once.
  let day: { minute: number; today: string } | null = null;
  const todayInParis = (): string => {
    const now = clock.now();
    const minute = Math.floor(now.getTime() / 60_000);
    if (day?.minute !== minute) day = { minute, today: DateTime.fromJSDate(now, { zone: PARIS }).toISODate() ?? '' };
    return day.today;
  };

  async function overview(planning: Planning): Promise<PlanningOverview>;
  async function overview(planning: Planning, months: 'months'): Promise<WithMonths>;
  async function overview(planning: Planning, months?: 'months'): Promise<PlanningOverview | WithMonths> {
    const today = todayInParis();
    let problem: string | null = null;
    // One damaged file must not hide every other planning: this one says what is wrong, the others show.
    const readable = <T>(read: Promise<T>, fallback: T): Promise<T> =>
      read.catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        problem = error.message;
        return fallback;
      });
    // The dashboard's row reads the folder's summary; the planning's page, a damaged file or a clock set back
    // before the newest probes read every month the usual way (the same figures, more files).
    const view = months ? null : await store.dashboard(planning.id).catch((error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    });
    const [aggregates, lastProbe] =
      view && dashboardCovers(view.months, today)
        ? [view.months, view.last]
        : await Promise.all([readable(store.aggregates(planning.id), []), readable(store.probes.last(planning.id), null)]);
    // The planning's page has the strip of its latest probes too, from the aggregates read here; a damaged file
    // leaves it empty and is said by `problem`.
    const recent = months ? await readable(recentOf(store, planning.id, aggregates), []) : null;
    const running = scheduler.current();
    const next = running?.nextRunAt(planning.id) ?? null;
    const shown = {
      planning,
      problem,
      assisted: browsers.assistedStatus(planning),
      stats: months ? planningStats(planning.id, aggregates, today) : planningSummary(planning.id, aggregates, today),
      lastProbe,
      nextProbeAt: next ? next.toISOString() : null,
      running: running?.isRunning(planning.id) ?? false,
      robotTrouble: isRobotTrouble(lastProbe) ? robotTrouble(await store.probes.list(planning.id, { limit: 50 })) : null,
      lastDatesDay: lastDatesDay(aggregates),
    };
    return recent ? { ...shown, recent } : shown;
  }
  return overview;
}
