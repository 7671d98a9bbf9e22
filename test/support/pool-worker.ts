// A worker for the pool's tests (electron/core/workers/pool.test.ts): emits numbered chunks, fails, or dies.
import { AppError } from '../../electron/core/errors.js';
import { serveTasks } from '../../electron/core/workers/protocol.js';

export type PoolTestTask = { kind: 'chunks'; name: string; count: number } | { kind: 'app_error' } | { kind: 'crash' };

serveTasks<string>(async (task: PoolTestTask, emit) => {
  if (task.kind === 'app_error') throw new AppError('storage_corrupt', 'Le fichier de données « x.json » est endommagé.');
  if (task.kind === 'crash') process.exit(3);
  for (let i = 0; i < task.count; i += 1) await emit(`${task.name}:${i}`);
  return task.count;
});
