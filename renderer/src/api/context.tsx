import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ApiEvent } from '../../../electron/shared/api';
import type { ApiClient } from './client';

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside <ApiContext>');
  return client;
}

export interface Loaded<T> {
  data: T | null;
  /** What the call threw; the UI says it in its language (see renderer/src/errors.ts). */
  error: unknown;
  reload: () => void;
}

/**
 * Loads once, again when `reload()` is called, and again on the events that say the data changed.
 * `load` must be stable (useCallback) so that it runs only when its inputs change.
 */
export function useLoaded<T>(load: () => Promise<T>, refreshOn: readonly ApiEvent[] = []): Loaded<T> {
  const api = useApi();
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data, error: null }),
      (error: unknown) => current && setState((previous) => ({ data: previous.data, error })),
    );
    return () => {
      current = false;
    };
  }, [load, generation]);

  const events = refreshOn.join(',');
  useEffect(() => {
    if (!events) return;
    // A round of probes sends a burst of events: one reload per burst is enough.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        reload();
      }, 250);
    };
    const stops = events.split(',').map((event) => api.on(event as (typeof refreshOn)[number], soon));
    return () => {
      clearTimeout(pending);
      stops.forEach((stop) => stop());
    };
  }, [api, events, reload]);

  return { ...state, reload };
}
