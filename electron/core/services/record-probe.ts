// Recording a probe: its id, the record the store seals from the prober's result, and the events around it.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ApiEvent, ApiEvents } from '../../shared/api.js';
import type { Planning, Probe, ProbeTrigger } from '../../shared/domain.js';
import type { Clock } from '../clock.js';
import type { ProbeResult } from '../probe/index.js';
import type { NewProbe, Store } from '../store/index.js';
import { encodeCapture } from '../evidence/capture.js';
import { captionLabel, type Browsers } from './browsers.js';

/** Sortable, unique: the start instant then a random tail. */
export function newProbeId(at: Date): string {
  const stamp = DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  return `${stamp}-${randomUUID().slice(0, 8)}`;
}

/** What the store is given for one probe: the prober's result, named; the store adds time, category and chain. */
export function probeRecord(id: string, planningId: string, result: ProbeResult, trigger: ProbeTrigger): NewProbe {
  return {
    id,
    planningId,
    startedAt: result.startedAt.toISOString(),
    durationMs: result.durationMs,
    url: result.url,
    finalUrl: result.finalUrl,
    outcome: result.outcome,
    firstSlot: result.firstSlot,
    secondSlot: result.secondSlot,
    detail: result.detail,
    ...(result.detailMessage === undefined ? {} : { detailMessage: result.detailMessage }),
    httpStatus: result.httpStatus,
    environment: result.environment,
    trigger,
    // What the robot did, kept when it could not read the site: the steps editor starts from it.
    ...(result.outcome === 'robot_error' || result.outcome === 'unrecognized'
      ? { robot: { step: result.step, stepsTaken: result.stepsTaken } }
      : {}),
  };
}

export interface ProbeRecorderDeps {
  store: Store;
  clock: Clock;
  browsers: Browsers;
  emit: <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;
}

/** Null when the probe was abandoned (its signal aborted): the schedule has moved on, nothing is recorded. */
export type ProbePlanning = (planning: Planning, trigger: ProbeTrigger, signal?: AbortSignal) => Promise<Probe | null>;

/** One probe of one planning, stored with its evidence. Site behaviour never throws: it is an outcome. */
export function createProbeRecorder({ store, clock, browsers, emit }: ProbeRecorderDeps): ProbePlanning {
  return async (planning, trigger, signal) => {
    emit('probe:started', { planningId: planning.id });
    const id = newProbeId(clock.now());
    const { result, trigger: actualTrigger } = await browsers.probe(planning, id, trigger, signal);
    // Its browser context was closed under it: what it saw is not evidence of the site.
    if (signal?.aborted) return null;
    // The capture is stored as taken, in WebP lossless; its caption is the record's (report/captioned.ts).
    const raw = result.screenshot;
    const screenshot = raw ? await encodeCapture(raw).catch(() => raw) : null;
    const record = { ...probeRecord(id, planning.id, result, actualTrigger), caption: { planningLabel: captionLabel(planning) } };
    const probe = await store.probes.append(record, {
      screenshot,
      pageText: result.pageText,
      log: result.log,
    });
    emit('probe:finished', probe);
    return probe;
  };
}
