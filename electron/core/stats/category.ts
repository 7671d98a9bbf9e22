import type { Category, LocalDate, LocalDateTime, Outcome } from '../../shared/domain.js';
import { addMonths, dateOf } from './calendar.js';

/**
 * La Cimade's category of a probe taken on local day `localDate` (DESIGN.md, "The five categories").
 *
 * Limits are calendar days: L1 = t + 1 month, L2 = t + 2 months (31 January + 1 month = 28/29 February).
 * Slots are compared by their date only, so "≤ t + 1 month" takes in the whole day t + 1 month whatever the
 * hour, and a slot on the next day is beyond it. Inconclusive outcomes have no category (null): they are
 * counted beside the bar, never in c5. A `dates` outcome without a first slot is an adapter bug: null too.
 */
export function categoryOf(
  localDate: LocalDate,
  firstSlot: LocalDateTime | null,
  secondSlot: LocalDateTime | null,
  outcome: Outcome,
): Category | null {
  if (outcome === 'no_date') return 'c5';
  if (outcome !== 'dates' || firstSlot === null) return null;
  // ISO dates compare correctly as strings.
  const oneMonth = addMonths(localDate, 1);
  const twoMonths = addMonths(localDate, 2);
  const first = dateOf(firstSlot);
  if (first <= oneMonth) {
    return secondSlot !== null && dateOf(secondSlot) <= oneMonth ? 'c1' : 'c2';
  }
  return first <= twoMonths ? 'c3' : 'c4';
}
