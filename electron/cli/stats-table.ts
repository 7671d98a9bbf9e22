import type { PlanningOverview } from '../shared/api.js';
import { CATEGORIES, INCONCLUSIVE_OUTCOMES } from '../shared/domain.js';
import type { Bar } from '../shared/stats.js';

const SCOPE: Record<string, string> = {
  three_months: 'trois mois pleins',
  partial_history: 'historique de moins de trois mois',
  no_history: 'aucun sondage concluant',
};

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((100 * part) / whole)} %`;
}

export function formatBar(bar: Bar): string {
  const shares = CATEGORIES.map((category) => {
    const count = bar.categories[category];
    return `${category} ${percent(count.attempts, bar.conclusive)} (${count.attempts} sur ${count.days} j)`;
  }).join(' · ');
  const beside = INCONCLUSIVE_OUTCOMES.filter((outcome) => bar.inconclusive[outcome] > 0)
    .map((outcome) => `${outcome} ${bar.inconclusive[outcome]}`)
    .concat(bar.gapHours > 0 ? [`lacunes ${bar.gapHours} h`] : []);
  return `${shares} — ${bar.conclusive} sondages concluants sur ${bar.conclusiveDays} jours${
    beside.length > 0 ? ` ; à part : ${beside.join(', ')}` : ''
  }`;
}

/** The category shares per planning, as plain lines for a terminal. */
export function printStats(overviews: PlanningOverview[], print: (line: string) => void): void {
  if (overviews.length === 0) {
    print('Aucun planning suivi. Ajoutez-en depuis l’application, ou lancez la démonstration : npm run demo');
    return;
  }
  for (const { planning, stats, problem } of overviews) {
    print(`${planning.departement} ${planning.prefecture} — ${planning.label}`);
    if (problem) {
      print(`  ✗ chiffres illisibles : ${problem}`);
      continue;
    }
    print(`  du ${stats.top.from} au ${stats.top.to} (${SCOPE[stats.topScope] ?? stats.topScope}) : ${formatBar(stats.top)}`);
  }
}
