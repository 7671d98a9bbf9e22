// The check under way and its verdict, kept while the app is open: a person who leaves « Vérifier les preuves » during
// a long check finds its progress, then its verdict, when they come back. A check stopped before its end leaves no
// verdict, only `stopped`: nothing was concluded.
import { useSyncExternalStore } from 'react';
import type { VerifyRunResult } from '../../../../electron/shared/api';
import { ApiClientError, type ApiClient } from '../../api/client';
import { newJobId } from '../../api/job-id';

export interface VerifyState {
  running: boolean;
  /** The check this page waits on, for « Arrêter la vérification »; null when none. */
  jobId: string | null;
  /** Stop asked, the check not ended yet. */
  stopping: boolean;
  result: VerifyRunResult | null;
  /** The last check was stopped before its end (here or by another page waiting on it): no verdict. */
  stopped: boolean;
  /** What the last check threw, shown in the person's language. */
  failure: unknown;
}

let state: VerifyState = { running: false, jobId: null, stopping: false, result: null, stopped: false, failure: null };
const listeners = new Set<() => void>();

function set(changes: Partial<VerifyState>): void {
  state = { ...state, ...changes };
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useVerifyState(): VerifyState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Whether this page waits on a check now (read when an event comes, outside of a render). */
export const verifyRunning = (): boolean => state.running;

const wasStopped = (error: unknown): boolean => error instanceof ApiClientError && error.coreMessage?.code === 'verify.cancelled';

/** Checks the folder (or one planning, by id) and keeps the verdict; its progress comes as job:progress events. */
export async function startVerify(api: ApiClient, planningId: string): Promise<void> {
  const jobId = newJobId();
  set({ running: true, jobId, stopping: false, result: null, stopped: false, failure: null });
  try {
    set({ result: await api.call('verify:run', planningId ? { planningId, jobId } : { jobId }) });
  } catch (error) {
    set(wasStopped(error) ? { stopped: true } : { failure: error });
  } finally {
    set({ running: false, jobId: null, stopping: false });
  }
}

/**
 * Stops a check this page only watches (started by another window or the web page), by the id its progress told.
 * No call of this page ends with it, so the stop is said here: nothing concluded, no verdict of an older check beside.
 */
export async function stopWatched(api: ApiClient, jobId: string): Promise<void> {
  if (state.running || state.stopping) return;
  set({ stopping: true });
  try {
    const { cancelled } = await api.call('verify:cancel', { jobId });
    set(cancelled ? { stopping: false, stopped: true, result: null, failure: null } : { stopping: false });
  } catch (error) {
    set({ stopping: false, failure: error });
  }
}

/**
 * A check this page only watched was stopped elsewhere (by the page that started it): said here as if stopped here.
 * The page that waits on it learns it from its own call.
 */
export function watchedStopped(): void {
  if (!state.running) set({ stopping: false, stopped: true, result: null, failure: null });
}

/** Stops the check this page waits on; its call then ends with verify.cancelled (startVerify says it). */
export async function stopVerify(api: ApiClient): Promise<void> {
  const { jobId } = state;
  if (jobId === null || state.stopping) return;
  set({ stopping: true });
  try {
    await api.call('verify:cancel', { jobId });
  } catch (error) {
    set({ stopping: false, failure: error });
  }
}
