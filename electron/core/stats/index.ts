// Statistics: La Cimade's categories, per-month aggregates and the bars the dashboard draws.
export { categoryOf } from './category.js';
export {
  addGap,
  addProbe,
  emptyMonth,
  sortedMonths,
  type MonthAggregate,
  type MonthAggregates,
  type MonthCategoryCount,
} from './aggregate.js';
export { planningStats } from './planningStats.js';
export { addMonths, dateOf, monthOf, parisDateTime, timeOf } from './calendar.js';
