// Made-up probes for tests and the benchmark: plausible records, written through the real store.
import type { Outcome, Planning } from '../../electron/shared/domain.js';
import type { NewProbe, ProbeArtefacts } from '../../electron/core/store/probes.js';
import type { Store } from '../../electron/core/store/store.js';

const OUTCOME_CYCLE: readonly Outcome[] = ['no_date', 'no_date', 'dates', 'no_date', 'site_error', 'dates', 'captcha'];

/** The n-th probe of a planning probed hourly from `start` (an ISO instant). */
export function syntheticProbe(planningId: string, start: string, n: number): NewProbe {
  const startedAt = new Date(Date.parse(start) + n * 3_600_000);
  const outcome = OUTCOME_CYCLE[n % OUTCOME_CYCLE.length] ?? 'no_date';
  const slotDay = new Date(startedAt.getTime() + ((n % 80) + 1) * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `${startedAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z-${String(n).padStart(6, '0')}`,
    planningId,
    startedAt: startedAt.toISOString(),
    durationMs: 4200 + (n % 13) * 100,
    url: `https://www.seine-saint-denis.gouv.fr/booking/create/${planningId}/0`,
    finalUrl: `https://www.seine-saint-denis.gouv.fr/booking/create/${planningId}/2`,
    outcome,
    firstSlot: outcome === 'dates' ? `${slotDay}T09:15` : null,
    secondSlot: outcome === 'dates' && n % 2 === 0 ? `${slotDay}T09:30` : null,
    detail: outcome === 'no_date' ? 'Il n’existe plus de plage horaire libre.' : `Résultat ${outcome}`,
    httpStatus: outcome === 'site_error' ? 502 : 200,
    environment: {
      appVersion: '0.1.0',
      browser: 'chromium',
      browserVersion: '130.0',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36',
      freshProfile: true,
      timeSource: 'system',
      os: 'linux',
    },
    trigger: 'schedule',
  };
}

export function syntheticArtefacts(n: number): ProbeArtefacts {
  // A small stand-in for a PNG: real bytes to hash, not a real image. The log, as a real probe's, goes into its
  // month's pack under evidence/<planning>/ (screenshot and page text are stored once by their hash, in _blobs/).
  return {
    screenshot: Buffer.from(`\x89PNG\r\n\x1a\nsondage ${n}`),
    pageText: `Page du sondage ${n} : éàç`,
    log: `2026-01-01T00:00:00.000Z sondage ${n}\n`,
  };
}

/** Appends `count` hourly probes to a planning; returns how many were written. */
export async function appendSyntheticProbes(
  store: Store,
  options: { planningId: string; count: number; start: string; artefacts?: boolean },
): Promise<number> {
  for (let n = 0; n < options.count; n += 1) {
    const artefacts = options.artefacts === false ? { screenshot: null, pageText: null } : syntheticArtefacts(n);
    await store.probes.append(syntheticProbe(options.planningId, options.start, n), artefacts);
  }
  return options.count;
}

/** A legacy planning for tests and the benchmark; `fields` override any part of it. */
export function syntheticPlanning(id: string, fields: Partial<Planning> = {}): Planning {
  return {
    id,
    label: `Guichet ${id}`,
    departement: '93',
    prefecture: 'Préfecture de la Seine-Saint-Denis',
    url: `https://www.example.gouv.fr/booking/create/${id}`,
    system: 'legacy',
    guichet: null,
    guichetLabel: null,
    procedure: 'Titre de séjour',
    onlineMandatory: true,
    followed: true,
    minute: 5,
    steps: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    stoppedAt: null,
    ...fields,
  };
}
