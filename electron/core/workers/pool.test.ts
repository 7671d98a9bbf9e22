import { describe, expect, it } from 'vitest';
import type { PoolTestTask } from '../../../test/support/pool-worker.js';
import { startPool } from './pool.js';

const WORKER = new URL('../../../test/support/pool-worker.ts', import.meta.url);

describe('worker pool', () => {
  it('hands the chunks back in the order of the tasks, whatever thread ran them and however slow the consumer', async () => {
    const pool = await startPool(WORKER, { size: 2, window: 2 });
    if (!pool) throw new Error('no pool');
    try {
      const tasks: PoolTestTask[] = ['a', 'b', 'c', 'd', 'e'].map((name, index) => ({ kind: 'chunks', name, count: 5 + index * 3 }));
      const seen: string[] = [];
      const done: number[] = [];
      await pool.run<PoolTestTask, string, number>({
        tasks,
        onChunk: async (chunk) => {
          seen.push(chunk);
          // A slow writer, as a full disk would be: the threads wait for credits meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 2));
        },
        onDone: (_emitted, index) => {
          done.push(index);
        },
      });
      expect(seen).toEqual(tasks.flatMap((task) => (task.kind === 'chunks' ? Array.from({ length: task.count }, (_, i) => `${task.name}:${i}`) : [])));
      expect(done).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await pool.close();
    }
  });

  it('rejects with the AppError a thread threw, code and French message kept', async () => {
    const pool = await startPool(WORKER, { size: 2 });
    if (!pool) throw new Error('no pool');
    try {
      const tasks: PoolTestTask[] = [{ kind: 'chunks', name: 'a', count: 3 }, { kind: 'app_error' }];
      await expect(pool.run({ tasks })).rejects.toMatchObject({
        name: 'AppError',
        code: 'storage_corrupt',
        message: 'Le fichier de données « x.json » est endommagé.',
      });
    } finally {
      await pool.close();
    }
  });

  it('rejects, rather than waiting for ever, when a thread dies in the middle of a task', async () => {
    const pool = await startPool(WORKER, { size: 2 });
    if (!pool) throw new Error('no pool');
    try {
      const tasks: PoolTestTask[] = [{ kind: 'chunks', name: 'a', count: 3 }, { kind: 'crash' }, { kind: 'chunks', name: 'c', count: 3 }];
      await expect(pool.run({ tasks })).rejects.toThrow(/fil de calcul s’est arrêté.*code 3/);
    } finally {
      await pool.close();
    }
  });

  it('is null when its worker cannot be loaded, so that the caller does the work itself', async () => {
    expect(await startPool(new URL('./no-such-worker.js', import.meta.url), { size: 1 })).toBeNull();
  });
});
