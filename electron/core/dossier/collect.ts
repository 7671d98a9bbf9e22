// What a dossier says about one planning over a period: its probes (the robot's and the imported ones), its
// gaps, and the bars computed from those probes alone, so that the figures match the files beside them.
import type { Gap, Planning, Probe } from '../../shared/domain.js';
import type { Bar, MonthBar } from '../../shared/stats.js';
import { addGap, addProbe, sortedMonths, type MonthAggregates } from '../stats/index.js';
import { firstDayOfMonth, lastDayOfMonth, monthOf, monthsBetween, parisDateTime } from '../stats/calendar.js';
import { addMonth, emptyBar } from '../stats/planning-stats.js';
import type { Store } from '../store/index.js';
import type { Period } from '../report/period.js';

export interface PlanningPeriod {
  planning: Planning;
  /** Chronological. */
  probes: Probe[];
  /** Chronological. */
  gaps: Gap[];
  top: Bar;
  months: MonthBar[];
  /** Distinct local days with at least one probe, whatever its outcome. */
  probeDays: number;
}

const inPeriod = (date: string, period: Period): boolean => date >= period.from && date <= period.to;

/** The bars of some probes and gaps: one per month of the period, and the whole period. */
export function periodBars(period: Period, probes: readonly Probe[], gaps: readonly Gap[]): { top: Bar; months: MonthBar[] } {
  const aggregates: MonthAggregates = {};
  for (const probe of probes) addProbe(aggregates, probe);
  for (const gap of gaps) addGap(aggregates, gap);
  const byMonth = new Map(sortedMonths(aggregates).map((agg) => [agg.month, agg]));
  const top = emptyBar(period.from, period.to);
  const months: MonthBar[] = [];
  for (const month of monthsBetween(monthOf(period.from), monthOf(period.to))) {
    const first = firstDayOfMonth(month);
    const last = lastDayOfMonth(month);
    const bar: MonthBar = {
      ...emptyBar(first < period.from ? period.from : first, last > period.to ? period.to : last),
      month,
      inProgress: false,
    };
    const agg = byMonth.get(month);
    if (agg) {
      addMonth(bar, agg);
      addMonth(top, agg);
    }
    months.push(bar);
  }
  return { top, months };
}

/** Reads one planning's period month by month; `extra` adds probes kept elsewhere (imports). */
export async function collectPlanning(
  store: Store,
  planning: Planning,
  period: Period,
  extra: (planningId: string, month: string) => Promise<Probe[]> = () => Promise.resolve([]),
): Promise<PlanningPeriod> {
  const probes: Probe[] = [];
  const gaps: Gap[] = [];
  for (const month of monthsBetween(monthOf(period.from), monthOf(period.to))) {
    const [own, imported, monthGaps] = await Promise.all([
      store.probes.list(planning.id, { month }),
      extra(planning.id, month),
      store.gaps.list(planning.id, month),
    ]);
    probes.push(...[...own, ...imported].filter((probe) => inPeriod(probe.localDate, period)));
    gaps.push(...monthGaps.filter((gap) => inPeriod(parisDateTime(gap.from).date, period)));
  }
  probes.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  gaps.sort((a, b) => a.from.localeCompare(b.from));
  const { top, months } = periodBars(period, probes, gaps);
  const probeDays = new Set(probes.map((probe) => probe.localDate)).size;
  return { planning, probes, gaps, top, months, probeDays };
}
