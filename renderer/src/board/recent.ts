// The strips of the latest probes, asked for the rows a person can see: the dashboard's first call carries only
// aggregates (500 plannings must open fast), and reading three day files for each would triple it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlanningOverview, RecentStrip } from '../../../electron/shared/api';
import { useApi } from '../api/context';

/** The most a call asks for (the core refuses more). */
const BATCH = 100;

/** A ref for a row or a card (`data-planning` set): its strip is read once it shows on screen. */
export type Observe = (element: Element | null) => (() => void) | undefined;

/** The strips read so far, by planning id, and the ref that asks for a row's strip once it shows. */
export function useRecentStrips(overviews: readonly PlanningOverview[]): [ReadonlyMap<string, RecentStrip>, Observe] {
  const api = useApi();
  const [strips, setStrips] = useState<ReadonlyMap<string, RecentStrip>>(new Map());
  const [visible, setVisible] = useState<ReadonlySet<string>>(new Set());
  const asked = useRef(new Map<string, string | null>());
  const observer = useRef<IntersectionObserver | null>(null);

  // Made at the first row's ref, which React sets before any effect runs.
  const watcher = useCallback((): IntersectionObserver => {
    observer.current ??= new IntersectionObserver((entries) => {
      setVisible((previous) => {
        const next = new Set(previous);
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.planning;
          if (!id) continue;
          if (entry.isIntersecting) next.add(id);
          else next.delete(id);
        }
        return next;
      });
    });
    return observer.current;
  }, []);
  useEffect(
    () => () => {
      observer.current?.disconnect();
      observer.current = null;
    },
    [],
  );

  // A planning's strip is read again once its newest probe is no longer the one the strip ended with.
  useEffect(() => {
    const wanted = overviews
      .filter(({ planning, lastProbe }) => visible.has(planning.id) && asked.current.get(planning.id) !== (lastProbe?.id ?? null))
      .map(({ planning, lastProbe }) => ({ id: planning.id, last: lastProbe?.id ?? null }))
      .slice(0, BATCH);
    if (wanted.length === 0) return;
    for (const { id, last } of wanted) asked.current.set(id, last);
    api.call('probes:recent', { planningIds: wanted.map((one) => one.id) }).then(
      (read) =>
        setStrips((previous) => {
          const next = new Map(previous);
          for (const strip of read) next.set(strip.planningId, strip);
          return next;
        }),
      // Asked again when the row shows next; the strip is a glance, the row says the rest.
      () => {
        for (const { id } of wanted) asked.current.delete(id);
      },
    );
  }, [api, overviews, visible]);

  const observe = useCallback(
    (element: Element | null) => {
      if (!element) return undefined;
      const seen = watcher();
      seen.observe(element);
      return () => seen.unobserve(element);
    },
    [watcher],
  );
  return [strips, observe];
}
