// `stats`: La Cimade's reading of each planning for a terminal, with the same figures as the app, the charts and
// the published site: shares rounded once (barShares, so that a bar sums to 100 %), what stays beside each bar,
// and the months of the top bar under it, each with its period.
import type { PlanningOverview } from '../../shared/api.js';
import { CATEGORIES } from '../../shared/domain.js';
import { barShares, headlineShares, type Bar } from '../../shared/stats.js';
import { besideWords, countWords, monthLabel, topLabel, topPeriod } from './figures.js';
import { CATEGORY_WORDS } from './words.js';

function formatBar(bar: Bar): string {
  if (bar.conclusive === 0) {
    const beside = besideWords(bar);
    return `aucun sondage concluant${beside ? ` ; à part : ${beside}` : ''}`;
  }
  const percent = new Map(barShares(bar).map((share) => [share.category, share.percent]));
  const headline = headlineShares(bar);
  const shares = CATEGORIES.map((category) => {
    const count = bar.categories[category];
    return `${category} ${percent.get(category) ?? 0} % (${count.attempts} sur ${count.days} j)`;
  }).join(' · ');
  const beside = besideWords(bar);
  return `sous un mois ${headline?.underMonth ?? 0} %, pas de date ${headline?.noDate ?? 0} % — ${shares} — ${countWords(bar)}${
    beside ? ` ; à part : ${beside}` : ''
  }`;
}

/** The category shares per planning, as plain lines for a terminal. */
export function printStats(overviews: PlanningOverview[], print: (line: string) => void): void {
  if (overviews.length === 0) {
    print('Aucun planning suivi. Ajoutez-en depuis l’application, ou lancez la démonstration : npm run demo');
    return;
  }
  print(CATEGORIES.map((category) => `${category} « ${CATEGORY_WORDS[category]} »`).join(', '));
  for (const { planning, stats, problem } of overviews) {
    print(`${planning.departement} ${planning.prefecture} — ${planning.label}`);
    if (problem) {
      print(`  ✗ chiffres illisibles : ${problem}`);
      continue;
    }
    if (stats.topScope === 'no_history') {
      print('  pas encore de sondage');
      continue;
    }
    print(`  ${topLabel(stats)}, ${topPeriod(stats)} : ${formatBar(stats.top)}`);
    for (const month of stats.topMonths) print(`    ${monthLabel(month)} : ${formatBar(month)}`);
  }
}
