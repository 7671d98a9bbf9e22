import { CATEGORIES, type Category, type InconclusiveOutcome, type LocalDate, type MonthKey, type Outcome } from './domain.js';

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
  /**
   * The current month, still being probed: its bar stops at its last day with a probe or a gap (`to`), never at
   * the month's end, and every output says « en cours ».
   */
  inProgress: boolean;
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
  /**
   * The month bars the top bar adds up, oldest first: the three whole months, or the months of a partial history
   * (the current one included, in progress). The dashboard draws them small beside the top bar.
   */
  topMonths: MonthBar[];
}

export interface PlanningStats extends PlanningSummary {
  /** One bar per month, oldest first. */
  months: MonthBar[];
}

/**
 * One mark of the strip of a planning's latest probes, oldest first, as status pages show them: a probe (its
 * category when conclusive, else its outcome), or a recorded gap (hours when a probe was due and none ran).
 */
export type RecentMark =
  | { kind: 'probe'; at: string; outcome: Outcome; category: Category | null }
  | { kind: 'gap'; from: string; to: string; hours: number };

/** How many probes the strip shows: two days of hourly probes. */
export const RECENT_PROBES = 48;

/** The categories' colours, the same on screen, in exported charts, dossiers and the published site. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  c1: '#1b5e20',
  c2: '#66bb6a',
  c3: '#f9a825',
  c4: '#c62828',
  c5: '#000000',
};

/** The figures' colour on each category's colour: black on the light ones, white on the dark ones. */
export const CATEGORY_TEXT_COLOURS: Record<Category, string> = {
  c1: '#ffffff',
  c2: '#000000',
  c3: '#000000',
  c4: '#ffffff',
  c5: '#ffffff',
};

/** What stays beside a bar: its inconclusive probes and its hours without a probe. */
export function inconclusiveTotal(bar: Bar): number {
  let total = 0;
  for (const count of Object.values(bar.inconclusive)) total += count;
  return total;
}

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

/**
 * The two shares a row of La Cimade's table reads first: « sous un mois » (dark and light green together) and
 * « pas de date » (black), as the sums of the bar's own rounded shares, so that they agree with the bar to the
 * point. Null without a conclusive probe.
 */
export function headlineShares(bar: Bar): { underMonth: number; noDate: number } | null {
  if (bar.conclusive === 0) return null;
  const percent = Object.fromEntries(barShares(bar).map((share) => [share.category, share.percent])) as Record<Category, number>;
  return { underMonth: percent.c1 + percent.c2, noDate: percent.c5 };
}

/** Several bars of periods that do not overlap (months, plannings of one préfecture) as one. */
export function sumBars(bars: readonly Bar[]): Bar | null {
  const [first] = bars;
  if (!first) return null;
  const sum: Bar = {
    from: first.from,
    to: first.to,
    conclusive: 0,
    conclusiveDays: 0,
    categories: {
      c1: { attempts: 0, days: 0 },
      c2: { attempts: 0, days: 0 },
      c3: { attempts: 0, days: 0 },
      c4: { attempts: 0, days: 0 },
      c5: { attempts: 0, days: 0 },
    },
    inconclusive: { captcha: 0, site_error: 0, unreachable: 0, unrecognized: 0, robot_error: 0 },
    gapHours: 0,
  };
  for (const bar of bars) {
    if (bar.from < sum.from) sum.from = bar.from;
    if (bar.to > sum.to) sum.to = bar.to;
    sum.conclusive += bar.conclusive;
    sum.conclusiveDays += bar.conclusiveDays;
    for (const category of CATEGORIES) {
      sum.categories[category].attempts += bar.categories[category].attempts;
      sum.categories[category].days += bar.categories[category].days;
    }
    for (const outcome of Object.keys(sum.inconclusive) as InconclusiveOutcome[]) sum.inconclusive[outcome] += bar.inconclusive[outcome];
    sum.gapHours += bar.gapHours;
  }
  return sum;
}
