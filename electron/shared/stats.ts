import type { Category, InconclusiveOutcome, LocalDate, MonthKey } from './domain.js';

/** One category's part of a bar: courts count both the attempts and the distinct days. */
export interface CategoryCount {
  attempts: number;
  days: number;
}

/** One bar: La Cimade's five categories among the conclusive probes of a period. */
export interface Bar {
  /** First and last local days covered (inclusive). */
  from: LocalDate;
  to: LocalDate;
  /** Conclusive probes (`dates` + `no_date`) and the distinct days they fall on. */
  conclusive: number;
  conclusiveDays: number;
  categories: Record<Category, CategoryCount>;
  /** Probes that said nothing about the guichet, counted beside the bar, never inside c5. */
  inconclusive: Record<InconclusiveOutcome, number>;
  /** Hours when a probe was due and none ran. */
  gapHours: number;
}

export interface MonthBar extends Bar {
  month: MonthKey;
}

/**
 * What the top bar covers: the three whole months before the current month, or, until a planning has such
 * history, what exists (said so on screen), or nothing yet.
 */
export type TopBarScope = 'three_months' | 'partial_history' | 'no_history';

export interface PlanningStats {
  planningId: string;
  top: Bar;
  topScope: TopBarScope;
  /** One bar per month, oldest first. */
  months: MonthBar[];
}
