// What every French output (the charts, the published site, `stats`, later the dossier's PDF) writes beside a bar
// and above it, from the same data as the bar: the inconclusive probes and the missed hours, the months the top
// bar adds up, and the period they cover. The shares themselves are rounded once, by barShares (shared/stats.ts).
import type { InconclusiveOutcome } from '../../shared/domain.js';
import { INCONCLUSIVE_OUTCOMES } from '../../shared/domain.js';
import type { Bar, MonthBar, PlanningSummary } from '../../shared/stats.js';
import { frenchDay, frenchMonth, frenchPeriod } from './period.js';
import { frenchNumber } from './words.js';

/** French plurals: 0 and 1 take the singular. */
const plural = (count: number, one: string, other: string): string => `${frenchNumber(count)} ${count > 1 ? other : one}`;

const BESIDE: Record<InconclusiveOutcome, [string, string]> = {
  captcha: ['captcha', 'captchas'],
  site_error: ['erreur du site', 'erreurs du site'],
  unreachable: ['sondage sans réponse du site', 'sondages sans réponse du site'],
  unrecognized: ['page non reconnue', 'pages non reconnues'],
  robot_error: ['erreur du robot', 'erreurs du robot'],
};

/** « 51 captchas, 2 erreurs du site ; 12 heures sans sondage », or '' when nothing stays beside the bar. */
export function besideWords(bar: Bar): string {
  const inconclusive = INCONCLUSIVE_OUTCOMES.filter((outcome) => bar.inconclusive[outcome] > 0).map((outcome) =>
    plural(bar.inconclusive[outcome], ...BESIDE[outcome]),
  );
  const gaps = bar.gapHours > 0 ? [plural(bar.gapHours, 'heure sans sondage', 'heures sans sondage')] : [];
  return [inconclusive.join(', '), ...gaps].filter(Boolean).join(' ; ');
}

/** « 1 980 sondages concluants sur 91 jours » */
export function countWords(bar: Bar): string {
  return `${plural(bar.conclusive, 'sondage concluant', 'sondages concluants')} sur ${plural(bar.conclusiveDays, 'jour', 'jours')}`;
}

/** « novembre 2026 », or « décembre 2026 (en cours, jusqu’au 5 décembre 2026) » for the month being probed. */
export function monthLabel(month: MonthBar): string {
  const name = frenchMonth(month.month);
  return month.inProgress ? `${name} (en cours, jusqu’au ${frenchDay(month.to)})` : name;
}

/** The top bar's name, with what it covers. */
export function topLabel(stats: PlanningSummary): string {
  return stats.topScope === 'three_months' ? 'Trois derniers mois entiers' : 'Depuis le début des sondages';
}

/** A chart's rows: the top bar, then the months it adds up, oldest first (the period above is the top bar's). */
export function planningChartRows(stats: PlanningSummary): { label: string; bar: Bar }[] {
  return [{ label: topLabel(stats), bar: stats.top }, ...stats.topMonths.map((month) => ({ label: monthLabel(month), bar: month }))];
}

/** « du 1er septembre 2026 au 30 novembre 2026 »: the top bar's period, which its months cover exactly. */
export function topPeriod(stats: PlanningSummary): string {
  return frenchPeriod(stats.top);
}
