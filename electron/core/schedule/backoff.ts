import type { Outcome } from '../../shared/domain.js';

/** Consecutive `site_error` outcomes on one host before its due runs are skipped. */
export const BACKOFF_AFTER = 3;
/** The longest pause, in periods (12 h in hourly mode). */
export const BACKOFF_MAX_PERIODS = 12;

export interface HostBackoff {
  /** Notes a finished probe's outcome; returns the end of a pause that just began, if any. */
  note(host: string, outcome: Outcome, now: number): number | null;
  /** End of the host's pause when it is still on at `now`, else null. */
  pausedUntil(host: string, now: number): number | null;
}

/**
 * A host that keeps answering with errors (maintenance, overload, bot-block) is left alone for a while:
 * 1, 2, 4… periods (hours), at most 12, reset by any other outcome.
 */
export function createHostBackoff(periodMs: number): HostBackoff {
  const hosts = new Map<string, { failures: number; until: number }>();
  return {
    note(host, outcome, now) {
      if (outcome !== 'site_error') {
        hosts.delete(host);
        return null;
      }
      const state = hosts.get(host) ?? { failures: 0, until: 0 };
      state.failures += 1;
      hosts.set(host, state);
      if (state.failures < BACKOFF_AFTER) return null;
      const periods = Math.min(BACKOFF_MAX_PERIODS, 2 ** (state.failures - BACKOFF_AFTER));
      state.until = now + periods * periodMs;
      return state.until;
    },
    pausedUntil(host, now) {
      const until = hosts.get(host)?.until ?? 0;
      return until > now ? until : null;
    },
  };
}
