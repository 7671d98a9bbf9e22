// A small pool of worker threads for the bulk paths (the CSV export, `verify` of a whole folder): tasks (one per
// planning) run on every core, their results come back in the order of the tasks, and memory stays flat because
// a worker stops producing once `window` of its chunks wait in this thread (credits returned as they are used).
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/api.js';
import { AppError, type AppErrorDetails } from '../errors.js';
import type { FromWorker, PoolWorkerData, ToWorker, WorkerFailure } from './protocol.js';

export interface OrderedRun<TTask, TChunk, TResult> {
  tasks: readonly TTask[];
  /** Called for each chunk, task after task in the order of `tasks`; the next one waits for its promise. */
  onChunk?: (chunk: TChunk, index: number) => Promise<void> | void;
  /** Called once a task's chunks are all used, in the order of `tasks`. */
  onDone?: (result: TResult, index: number) => Promise<void> | void;
  /**
   * Wraps each task's start: `run` hands it to its thread and resolves once the thread is done with it. For a
   * section that must be held meanwhile (verification holds the planning's write queue).
   */
  around?: (index: number, run: () => Promise<void>) => Promise<void>;
  /**
   * Stops the run: no task is given to a thread from then on, those under way finish (their results still given to
   * onDone), then it rejects with the signal's reason; close the pool afterwards.
   */
  signal?: AbortSignal;
}

/** A worker module beside `besides` (import.meta.url): its .ts under tsx and vitest, its .js in out/. */
export const workerEntry = (name: string, besides: string): URL =>
  new URL(`./${name}.${besides.endsWith('.ts') ? 'ts' : 'js'}`, besides);

/** How many threads are worth starting for `tasks` independent tasks on this machine. */
export function poolSize(tasks: number, wanted?: number): number {
  return Math.max(0, Math.min(wanted ?? os.availableParallelism(), os.availableParallelism(), tasks));
}

/**
 * A worker thread running `entry`, a module that calls serveTasks() (protocol.ts). From the compiled output
 * (out/, .js) Node loads it as it is; from the sources (.ts, under tsx or vitest) the thread first registers
 * tsx's loader, which a worker does not inherit from its parent.
 */
function spawn(entry: URL, workerData: PoolWorkerData, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, ...limits });
  const api = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData, ...limits });
}

function revive(failure: WorkerFailure): Error {
  if (failure.code) {
    const details: AppErrorDetails = {};
    if (failure.field) details.field = failure.field;
    if (failure.params) details.params = failure.params;
    if (failure.coreMessage) details.coreMessage = failure.coreMessage;
    return new AppError(failure.code as ErrorCode, failure.message, details);
  }
  const error = new Error(failure.message);
  if (failure.stack) error.stack = failure.stack;
  return error;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

interface TaskState {
  chunks: unknown[];
  done: { result: unknown } | null;
  slot: Slot;
  /** Resolves when the thread is done with the task (or failed). */
  finished: () => void;
  /** Never given to a thread: the run was stopped first. */
  skipped?: boolean;
  /** Given to its thread, which has not answered yet. */
  running?: boolean;
}

export interface Pool {
  readonly size: number;
  /** Runs the tasks; rejects with the first error of a task (an AppError stays one) or of a thread. */
  run<TTask, TChunk, TResult>(run: OrderedRun<TTask, TChunk, TResult>): Promise<void>;
  close(): Promise<void>;
}

export interface PoolOptions {
  size: number;
  window?: number;
  data?: unknown;
  /** Each thread's memory at most: past it, the thread ends and the run fails (error code ERR_WORKER_OUT_OF_MEMORY). */
  resourceLimits?: ResourceLimits;
}

/**
 * Starts `size` threads of `entry` and waits until they have loaded. Null when one could not start (a packaged
 * app that cannot load it, say): the caller then does the work in its own thread, with the same result.
 */
export async function startPool(entry: URL, options: PoolOptions): Promise<Pool | null> {
  const { size } = options;
  const workerData: PoolWorkerData = { window: options.window ?? 4, data: options.data ?? null };
  const slots: Slot[] = [];
  let failure: Error | null = null;
  /** Wakes up the run waiting for news from the threads. */
  let wake: () => void = () => undefined;
  const states = new Map<number, TaskState>();
  let queue: { tasks: readonly unknown[]; next: number; around?: OrderedRun<unknown, unknown, unknown>['around'] } = { tasks: [], next: 0 };
  let closing = false;
  /**
   * Why the run was stopped (its signal): no task is given to a thread from then on, and those under way are let
   * finish. A thread is never ended in the middle of a task, which can abort the whole process (Node, when a thread
   * is ended while it opens a zlib stream).
   */
  let stopped: Error | null = null;

  /** Lets go of every task's section (see `around`): a write queue must never stay held by a dead thread. */
  const release = (): void => {
    for (const state of states.values()) state.finished();
  };
  const fail = (error: Error): void => {
    failure ??= error;
    release();
    wake();
  };
  const post = (slot: Slot, message: ToWorker): void => slot.worker.postMessage(message);
  /** Lets the tasks under way finish once the run is stopped (their chunks taken and dropped), so that close() never ends a thread in the middle of one. */
  const drain = async (): Promise<void> => {
    for (;;) {
      const running = [...states.values()].filter((state) => state.running);
      if (running.length === 0 || failure) return;
      for (const state of running) {
        for (; state.chunks.length > 0; state.chunks.shift()) post(state.slot, { type: 'credit' });
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
  /** A thread that finished a task takes the next one at once; its results wait in `states` for their turn. */
  const assign = (slot: Slot): void => {
    if (stopped || queue.next >= queue.tasks.length) return;
    const index = queue.next;
    queue.next += 1;
    const state: TaskState = { chunks: [], done: null, slot, finished: () => undefined };
    states.set(index, state);
    const start = (): Promise<void> => {
      if (stopped && !failure) {
        state.skipped = true;
        wake();
      }
      return failure || closing || stopped
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            state.finished = resolve;
            state.running = true;
            post(slot, { type: 'task', task: index, input: queue.tasks[index] });
          });
    };
    if (queue.around) queue.around(index, start).catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    else void start();
  };

  for (let i = 0; i < size; i += 1) {
    const worker = spawn(entry, workerData, options.resourceLimits);
    let started = false;
    const slot: Slot = { worker, ready: Promise.resolve() };
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          started = true;
          resolve();
          return;
        }
        const state = states.get(message.task);
        if (!state) return;
        if (message.type === 'chunk') state.chunks.push(message.chunk);
        else if (message.type === 'done') {
          state.running = false;
          state.done = { result: message.result };
          state.finished();
          assign(slot);
        } else {
          state.running = false;
          state.finished();
          fail(revive(message.error));
        }
        wake();
      });
      worker.on('error', (error) => {
        if (!started) reject(error);
        else fail(error);
      });
      worker.on('exit', (code) => {
        const error = new Error(`Un fil de calcul s’est arrêté en cours de travail (code ${code}).`);
        if (!started) reject(error);
        else if (!closing) fail(error);
      });
    });
    slots.push(slot);
  }
  const outcome = await Promise.allSettled(slots.map((slot) => slot.ready));
  if (outcome.some((result) => result.status === 'rejected')) {
    closing = true;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    return null;
  }

  return {
    size,
    async run<TTask, TChunk, TResult>({ tasks, onChunk, onDone, around, signal }: OrderedRun<TTask, TChunk, TResult>): Promise<void> {
      states.clear();
      queue = { tasks, next: 0, ...(around ? { around } : {}) };
      // A run that fails leaves the pool failed for good: only the run that ends well needs to stop listening.
      const stop = (): void => {
        // Internal: a caller that stops a run says so to the person itself (verify throws its own coded error).
        stopped ??= signal?.reason instanceof Error ? signal.reason : new Error('Run stopped.');
        wake();
      };
      if (signal?.aborted) stop();
      else signal?.addEventListener('abort', stop, { once: true });
      for (const slot of slots) assign(slot);
      for (let index = 0; index < tasks.length; index += 1) {
        for (;;) {
          if (failure) throw failure;
          const state = states.get(index);
          if (stopped && (!state || state.skipped)) {
            await drain();
            throw stopped;
          }
          if (!state) throw new Error(`Tâche ${index} jamais confiée à un fil de calcul.`);
          if (state.chunks.length > 0) {
            const chunk = state.chunks.shift() as TChunk;
            await onChunk?.(chunk, index);
            post(state.slot, { type: 'credit' });
            continue;
          }
          if (state.done) {
            states.delete(index);
            await onDone?.(state.done.result as TResult, index);
            break;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      }
      signal?.removeEventListener('abort', stop);
    },
    async close() {
      closing = true;
      release();
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
