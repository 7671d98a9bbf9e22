// The English twin of words-fr.ts: the words that leave the app in more than one way (the screens, the chart
// images), written once.
import type { Category } from './domain.js';

/** La Cimade's five categories. */
export const CATEGORY_WORDS_EN = {
  c1: 'at least two dates within a month',
  c2: 'a single date within a month',
  c3: 'first date between one and two months',
  c4: 'first date beyond two months',
  c5: 'no date available',
} as const satisfies Record<Category, string>;
