// What every output (the charts, the published site, `stats`, the dossier's PDF) writes beside a bar and above it,
// from the same data as the bar: the inconclusive probes and the missed hours, the months the top bar adds up, and
// the period they cover; in French unless told (the chart the app exports follows the person's language). The
// shares themselves are rounded once, by barShares (shared/stats.ts).
import { INCONCLUSIVE_OUTCOMES } from '../../shared/domain.js';
import type { Bar, MonthBar, PlanningSummary } from '../../shared/stats.js';
import { coreMessage, type MessageCode, type MessageLang } from '../../shared/messages/index.js';
import { wordCore } from '../messages.js';
import { dayWords, monthWords, periodWords } from './period.js';
import { localNumber } from './words.js';

/** A count in words: the catalogue chooses the plural from `count`, writes the number as the language does. */
const counted = (code: MessageCode, count: number, lang: MessageLang): string =>
  wordCore(coreMessage(code, { count, n: localNumber(count, lang) }), lang);

/** « 51 captchas, 2 erreurs du site ; 12 heures sans sondage », or '' when nothing stays beside the bar. */
export function besideWords(bar: Bar, lang: MessageLang = 'fr'): string {
  const inconclusive = INCONCLUSIVE_OUTCOMES.filter((outcome) => bar.inconclusive[outcome] > 0).map((outcome) =>
    counted(`chart.${outcome}`, bar.inconclusive[outcome], lang),
  );
  const gaps = bar.gapHours > 0 ? [counted('chart.gap_hours', bar.gapHours, lang)] : [];
  // French sets a space before the semicolon, English does not.
  return [inconclusive.join(', '), ...gaps].filter(Boolean).join(lang === 'en' ? '; ' : ' ; ');
}

/** « 1 980 sondages concluants sur 91 jours » */
export function countWords(bar: Bar, lang: MessageLang = 'fr'): string {
  const params = { count: bar.conclusive, n: localNumber(bar.conclusive, lang), days: bar.conclusiveDays, daysN: localNumber(bar.conclusiveDays, lang) };
  return wordCore(coreMessage('chart.counts', params), lang);
}

/** « novembre 2026 », or « décembre 2026 (en cours, jusqu’au 5 décembre 2026) » for the month being probed. */
export function monthLabel(month: MonthBar, lang: MessageLang = 'fr'): string {
  const name = monthWords(month.month, lang);
  return month.inProgress ? wordCore(coreMessage('chart.month_in_progress', { month: name, day: dayWords(month.to, lang) }), lang) : name;
}

/** The top bar's name, with what it covers. */
export function topLabel(stats: PlanningSummary, lang: MessageLang = 'fr'): string {
  return wordCore(coreMessage(stats.topScope === 'three_months' ? 'chart.top_three' : 'chart.top_partial'), lang);
}

/** A chart's rows: the top bar, then the months it adds up, oldest first (the period above is the top bar's). */
export function planningChartRows(stats: PlanningSummary, lang: MessageLang = 'fr'): { label: string; bar: Bar }[] {
  return [{ label: topLabel(stats, lang), bar: stats.top }, ...stats.topMonths.map((month) => ({ label: monthLabel(month, lang), bar: month }))];
}

/** « du 1er septembre 2026 au 30 novembre 2026 »: the top bar's period, which its months cover exactly. */
export function topPeriod(stats: PlanningSummary, lang: MessageLang = 'fr'): string {
  return periodWords(stats.top, lang);
}
