import { CATEGORIES, type Category, type InconclusiveOutcome, type LocalDate, type MonthKey } from './domain.js';

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

/** What the dashboard shows of a planning's figures: its top bar, without the month bars of its page. */
export interface PlanningSummary {
  planningId: string;
  top: Bar;
  topScope: TopBarScope;
  /**
   * From the first day of the first month to the last day of the last month with a probe (gaps alone do not
   * count): the period a CSV export of the planning covers, offered as its file name. Null without any probe.
   */
  probedMonths: { from: LocalDate; to: LocalDate } | null;
}

export interface PlanningStats extends PlanningSummary {
  /** One bar per month, oldest first. */
  months: MonthBar[];
}

/** The categories' colours, the same on screen, in exported charts, dossiers and the published site. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  c1: '#1b5e20',
  c2: '#66bb6a',
  c3: '#f9a825',
  c4: '#c62828',
  c5: '#000000',
};

export interface CategoryShare {
  category: Category;
  /** Whole percent; the five add up to 100 when the bar has conclusive probes. */
  percent: number;
  /** Exact share, for drawing. */
  fraction: number;
  attempts: number;
  days: number;
}

/**
 * The five shares of a bar among its conclusive probes. Percents are rounded by largest remainder so that a
 * court reads 100 % in total, never 99 or 101.
 */
export function barShares(bar: Bar): CategoryShare[] {
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
