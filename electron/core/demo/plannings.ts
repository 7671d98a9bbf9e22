// The demo's plannings, written through the API like any other (writer lock, `plannings:changed`): created the
// first time, then pointed at this run's replica ports, keeping their ids and history.
import type { AppApi } from '../../shared/api.js';
import type { Planning } from '../../shared/domain.js';
import type { DemoPlanning } from './replicas.js';

/** A demo planning is known by where it points on its replica (the port changes at every start) and its guichet. */
const demoKey = (url: string, guichet: string | null): string => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}|${guichet ?? ''}`;
};

export async function syncDemoPlannings(
  api: AppApi,
  demoPlannings: readonly DemoPlanning[],
  originOf: ReadonlyMap<string, string>,
): Promise<void> {
  const existing = new Map<string, Planning>();
  for (const { planning } of await api['plannings:list'](undefined)) {
    existing.set(demoKey(planning.url, planning.guichet), planning);
  }
  for (const demo of demoPlannings) {
    const url = new URL(demo.path, originOf.get(demo.prefecture)).toString();
    const fields = {
      // « démonstration » in the name: it is then on every screen, chart and CSV row of these plannings.
      label: `${demo.label} (démonstration)`,
      departement: demo.departement,
      prefecture: demo.prefecture,
      url,
      system: demo.system,
      guichet: demo.guichet,
      guichetLabel: demo.guichetLabel,
      procedure: demo.procedure,
      onlineMandatory: demo.onlineMandatory,
    };
    const previous = existing.get(demoKey(url, demo.guichet));
    if (previous) await api['plannings:update']({ id: previous.id, changes: { ...fields, stopped: false } });
    else await api['plannings:create'](fields);
  }
}
