// The words of the dossier and the publication, in French: the categories of DESIGN.md and the bars' colours.
import type { Category, Outcome } from '../../shared/domain.js';
import { barShares as shares, type Bar } from '../../shared/stats.js';
import { OUTCOME_WORDS } from '../probe/caption.js';
import { CATEGORY_WORDS_FR, GAP_WORDS_FR } from '../../shared/words-fr.js';
import type { MessageLang } from '../../shared/messages/index.js';

export const CATEGORY_WORDS: Record<Category, string> = CATEGORY_WORDS_FR;

export { CATEGORY_COLOURS, CATEGORY_TEXT_COLOURS } from '../../shared/stats.js';

/** Why a gap happened, in words (shared/domain.ts GAP_REASONS). */
export const GAP_WORDS: Record<string, string> = GAP_WORDS_FR;

export const outcomeWords = (outcome: Outcome): string => OUTCOME_WORDS[outcome];

/** The shares of a bar, rounded as on the dashboard. */
export { barShares as shares, type CategoryShare as Share } from '../../shared/stats.js';

/** The bar in one sentence, for screen readers and image text alternatives. */
export function barSentence(bar: Bar): string {
  if (bar.conclusive === 0) return 'Aucun sondage concluant sur la période.';
  const parts = shares(bar)
    .filter((share) => share.attempts > 0)
    .map((share) => `${CATEGORY_WORDS[share.category]} : ${share.percent} % (${share.attempts} sondages)`);
  return `${parts.join(' ; ')}. ${bar.conclusive} sondages concluants sur ${bar.conclusiveDays} jours distincts.`;
}

export { escapeHtml } from '../../shared/html.js';

/** A French number: 12 345. */
export const frenchNumber = (value: number): string => value.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');

/** A number as the language writes it: 12 345, 12,345. */
export const localNumber = (value: number, lang: MessageLang): string => (lang === 'en' ? value.toLocaleString('en-GB') : frenchNumber(value));
