// The messages between the pool (pool.ts) and a worker thread, and the worker's side: serveTasks().
import { parentPort, workerData } from 'node:worker_threads';
import type { CoreMessage } from '../../shared/messages/index.js';
import { AppError, toApiError } from '../errors.js';

export interface WorkerFailure {
  /** Set for an AppError: it is rebuilt as one on the other side, its French message intact. */
  code?: string;
  message: string;
  stack?: string;
  field?: (string | number)[];
  params?: Record<string, string | number>;
  coreMessage?: CoreMessage;
}

export type ToWorker = { type: 'task'; task: number; input: unknown } | { type: 'credit' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'chunk'; task: number; chunk: unknown }
  | { type: 'done'; task: number; result: unknown }
  | { type: 'failed'; task: number; error: WorkerFailure };

/** What the pool gives every thread it starts. */
export interface PoolWorkerData {
  window: number;
  data: unknown;
}

function failure(error: unknown): WorkerFailure {
  // An AppError crosses as the API's envelope does: code, message, field and params.
  if (error instanceof AppError) return toApiError(error);
  if (error instanceof Error) return { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}

/** Sends one chunk of a task's output; resolves once the pool has room for it (see `window`). */
export type Emit<TChunk> = (chunk: TChunk, transfer?: ArrayBuffer[]) => Promise<void>;

/**
 * The worker's side: runs each task it is given with `handler`, one at a time, and says when it is loaded.
 * `data` is what the caller of startPool() gave every thread.
 */
export function serveTasks<TChunk>(
  handler: (input: never, emit: Emit<TChunk>, data: unknown) => Promise<unknown>,
): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks() runs in a worker thread only.');
  const { window, data } = workerData as PoolWorkerData;
  let credits = window;
  let waiting: (() => void) | null = null;
  const send = (message: FromWorker, transfer?: ArrayBuffer[]): void => port.postMessage(message, transfer);
  let chain = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'credit') {
      credits += 1;
      const resume = waiting;
      waiting = null;
      resume?.();
      return;
    }
    const { task, input } = message;
    const emit: Emit<TChunk> = async (chunk, transfer) => {
      while (credits <= 0) {
        await new Promise<void>((resolve) => {
          waiting = resolve;
        });
      }
      credits -= 1;
      send({ type: 'chunk', task, chunk }, transfer);
    };
    // One task at a time: the pool sends the next one only after 'done', but a queue costs nothing.
    chain = chain.then(async () => {
      try {
        const result = await handler(input as never, emit, data);
        send({ type: 'done', task, result });
      } catch (error) {
        send({ type: 'failed', task, error: failure(error) });
      }
    });
  });
  send({ type: 'ready' });
}
