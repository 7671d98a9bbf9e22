// Statistics: La Cimade's categories, per-month aggregates and the bars the dashboard draws.
export { categoryOf } from './category.js';
export {
  addGap,
  addProbe,
  conclusiveDays,
  emptyMonth,
  sortedMonths,
  type MonthAggregate,
  type MonthAggregates,
  type MonthCategoryCount,
} from './aggregate.js';
export { planningStats, planningSummary } from './planning-stats.js';
export { dashboardCovers, dashboardMonths } from './dashboard-months.js';
export { addMonths, dateInMonth, dateOf, frenchDate, monthOf, parisDateTime, timeOf } from './calendar.js';
export { ALL_DAYS, countDays, daysOf, isDayMask, maskOf, NO_DAYS, withDay, type DayMask } from './day-mask.js';
