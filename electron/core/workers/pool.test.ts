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

  it('lets go of every held section when a thread dies, those not started yet included', async () => {
    const pool = await startPool(WORKER, { size: 1 });
    if (!pool) throw new Error('no pool');
    const held: Promise<void>[] = [];
    let chain = Promise.resolve();
    try {
      const tasks: PoolTestTask[] = [{ kind: 'crash' }, { kind: 'chunks', name: 'b', count: 2 }, { kind: 'chunks', name: 'c', count: 2 }];
      // As a write queue would: each task's section waits for the previous one to be let go.
      const around = (_index: number, run: () => Promise<void>): Promise<void> => {
        const section = chain.then(run);
        chain = section;
        held.push(section);
        return section;
      };
      await expect(pool.run({ tasks, around })).rejects.toThrow(/fil de calcul/);
    } finally {
      await pool.close();
    }
    // Every section ends: a planning's writes are not blocked for ever by a verification that failed.
    await Promise.all(held);
    await chain;
  });

  it('is null when its worker cannot be loaded, so that the caller does the work itself', async () => {
    expect(await startPool(new URL('./no-such-worker.js', import.meta.url), { size: 1 })).toBeNull();
  });
});
