// A worker thread of verification (workers/pool.ts): checks one planning at a time, the verifying thread merges
// the findings in the order of the plannings.
import { serveTasks } from '../workers/protocol.js';
import { checkPlanning, type PlanningCheck, type PlanningContext } from './verify.js';

serveTasks<never>((planningId: string, _emit, data): Promise<PlanningCheck> => checkPlanning(data as PlanningContext, planningId));
