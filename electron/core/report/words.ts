// The words of the dossier and the publication, in French: the categories of DESIGN.md and the bars' colours.
import { CATEGORIES, type Category, type Outcome } from '../../shared/domain.js';
import type { Bar } from '../../shared/stats.js';
import { OUTCOME_WORDS } from '../probe/caption.js';

export const CATEGORY_WORDS: Record<Category, string> = {
  c1: 'au moins deux dates sous un mois',
  c2: 'une seule date possible sous un mois',
  c3: 'première date possible entre un et deux mois',
  c4: 'première date possible au-delà de deux mois',
  c5: 'pas de date disponible',
};

/** The dashboard's colours (renderer/src/shares.ts), so that a printed bar reads like the screen. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  c1: '#1b5e20',
  c2: '#66bb6a',
  c3: '#f9a825',
  c4: '#c62828',
  c5: '#000000',
};
export const TEXT_ON: Record<Category, string> = { c1: '#fff', c2: '#000', c3: '#000', c4: '#fff', c5: '#fff' };

/** Why a gap happened, in words (shared/domain.ts GAP_REASONS). */
export const GAP_WORDS: Record<string, string> = {
  app_closed: 'application fermée',
  asleep: 'ordinateur en veille',
  backoff: 'site ménagé après des erreurs',
  overrun: 'sondage précédent encore en cours',
};

export const outcomeWords = (outcome: Outcome): string => OUTCOME_WORDS[outcome];

export interface Share {
  category: Category;
  attempts: number;
  days: number;
  fraction: number;
  /** Whole percents adding up to 100 (largest remainder), as on screen. */
  percent: number;
}

/** Same rounding as the dashboard (renderer/src/shares.ts): a court reads 100 % in total, never 99 or 101. */
export function shares(bar: Bar): Share[] {
  const total = bar.conclusive;
  const exact = CATEGORIES.map((category) => {
    const { attempts, days } = bar.categories[category];
    const fraction = total > 0 ? attempts / total : 0;
    return { category, attempts, days, fraction, percent: Math.floor(fraction * 100) };
  });
  if (total === 0) return exact;
  let missing = 100 - exact.reduce((sum, share) => sum + share.percent, 0);
  const byRemainder = [...exact].sort(
    (a, b) => b.fraction * 100 - b.percent - (a.fraction * 100 - a.percent) || b.attempts - a.attempts,
  );
  for (const share of byRemainder) {
    if (missing <= 0) break;
    if (share.attempts === 0) continue;
    share.percent += 1;
    missing -= 1;
  }
  return exact;
}

/** The bar in one sentence, for screen readers and image text alternatives. */
export function barSentence(bar: Bar): string {
  if (bar.conclusive === 0) return 'Aucun sondage concluant sur la période.';
  const parts = shares(bar)
    .filter((share) => share.attempts > 0)
    .map((share) => `${CATEGORY_WORDS[share.category]} : ${share.percent} % (${share.attempts} sondages)`);
  return `${parts.join(' ; ')}. ${bar.conclusive} sondages concluants sur ${bar.conclusiveDays} jours distincts.`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A French number: 12 345. */
export const frenchNumber = (value: number): string => value.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
