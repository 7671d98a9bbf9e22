// The check under way and its verdict, kept while the app is open: a person who leaves « Vérifier les preuves » during
// a long check finds its progress, then its verdict, when they come back.
import { useSyncExternalStore } from 'react';
import type { VerifyRunResult } from '../../../../electron/shared/api';
import type { ApiClient } from '../../api/client';

export interface VerifyState {
  running: boolean;
  result: VerifyRunResult | null;
  /** What the last check threw, shown in the person's language. */
  failure: unknown;
}

let state: VerifyState = { running: false, result: null, failure: null };
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

/** Checks the folder (or one planning, by id) and keeps the verdict; its progress comes as job:progress events. */
export async function startVerify(api: ApiClient, planningId: string): Promise<void> {
  set({ running: true, result: null, failure: null });
  try {
    set({ result: await api.call('verify:run', planningId ? { planningId } : {}) });
  } catch (error) {
    set({ failure: error });
  } finally {
    set({ running: false });
  }
}
