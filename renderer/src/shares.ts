// What a bar says, in numbers and in words: shares that add up to 100, and the groups of the dashboard.
import { INCONCLUSIVE_OUTCOMES } from '../../electron/shared/domain';
import type { InconclusiveOutcome } from '../../electron/shared/domain';
import type { PlanningOverview } from '../../electron/shared/api';
import { barShares, type Bar } from '../../electron/shared/stats';
import type { TFunction } from 'i18next';

export { barShares, CATEGORY_COLOURS, CATEGORY_TEXT_COLOURS, type CategoryShare } from '../../electron/shared/stats';

/** The inconclusive outcomes that happened, for the counts beside the bar. */
export function inconclusiveCounts(bar: Bar): { outcome: InconclusiveOutcome; count: number }[] {
  return INCONCLUSIVE_OUTCOMES.map((outcome) => ({ outcome, count: bar.inconclusive[outcome] })).filter(
    (entry) => entry.count > 0,
  );
}

/** What a screen reader says of a bar: the five shares, then attempts and days. */
export function barAriaLabel(bar: Bar, t: TFunction): string {
  const shares = barShares(bar)
    .map((share) => t('shareAria', { label: t(`categories.${share.category}`), percent: share.percent }))
    .join(', ');
  return t('barAria', { shares, attempts: bar.conclusive, days: bar.conclusiveDays });
}

export interface PrefectureGroup {
  prefecture: string;
  plannings: PlanningOverview[];
}
export interface DepartementGroup {
  departement: string;
  prefectures: PrefectureGroup[];
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** Corsica's 2A and 2B sort where the old 20 stood, as in every French list of départements. */
const departementKey = (code: string) => code.replace(/^2([AB])$/i, '20$1');
export const compareDepartements = (a: string, b: string) => collator.compare(departementKey(a), departementKey(b));

/** Plannings grouped by département (9 before 93 before 971) then préfecture, each sorted by label. */
export function groupPlannings(overviews: readonly PlanningOverview[]): DepartementGroup[] {
  const departements = new Map<string, Map<string, PlanningOverview[]>>();
  for (const overview of overviews) {
    const { departement, prefecture } = overview.planning;
    const prefectures = departements.get(departement) ?? new Map<string, PlanningOverview[]>();
    departements.set(departement, prefectures);
    prefectures.set(prefecture, [...(prefectures.get(prefecture) ?? []), overview]);
  }
  return [...departements.entries()]
    .sort(([a], [b]) => compareDepartements(a, b))
    .map(([departement, prefectures]) => ({
      departement,
      prefectures: [...prefectures.entries()]
        .sort(([a], [b]) => collator.compare(a, b))
        .map(([prefecture, plannings]) => ({
          prefecture,
          plannings: plannings.sort((a, b) => collator.compare(a.planning.label, b.planning.label)),
        })),
    }));
}
