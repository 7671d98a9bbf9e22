// A worker thread of the CSV export (workers/pool.ts): turns one planning at a time into CSV bytes, which the
// exporting thread writes in the order of the plannings.
import { serveTasks } from '../workers/protocol.js';
import { planningCsv, type CsvContext, type PlanningCsv } from './rows.js';

serveTasks<Uint8Array>(async (planningId: string, emit, data): Promise<PlanningCsv> => {
  const context = data as CsvContext;
  const outcome: PlanningCsv = { rows: 0, skipped: [] };
  for await (const bytes of planningCsv(context, planningId, outcome)) {
    // Moved, not copied: each chunk has a buffer of its own, the exporting thread's from now on.
    await emit(bytes, [bytes.buffer as ArrayBuffer]);
  }
  return outcome;
});
