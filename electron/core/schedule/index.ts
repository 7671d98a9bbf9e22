// The schedule: when each followed planning is probed, how politely, and which due runs became gaps.
export { createScheduler } from './scheduler.js';
export { stableMinute } from './slots.js';
export { autoParallelProbes, MAX_PARALLEL_PROBES, parallelProbes, thisMachine, type Machine } from './parallel.js';
export { GAP_REASONS } from './types.js';
export type { GapReason, ProbeTrigger, Scheduler, SchedulerOptions } from './types.js';
