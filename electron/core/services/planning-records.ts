import { randomUUID } from 'node:crypto';
import type { PlanningChanges, PlanningInput } from '../../shared/api.js';
import type { Planning, PlanningSource } from '../../shared/domain.js';
import { stableMinute } from '../schedule/index.js';

/**
 * A new planning from validated input: its id, the minute of the hour it is probed at, and who gave it (`source`:
 * the transport of the call, never the input).
 */
export function planningFromInput(input: PlanningInput, system: Planning['system'], now: string, source: PlanningSource): Planning {
  const id = randomUUID();
  return {
    id,
    label: input.label,
    departement: input.departement,
    prefecture: input.prefecture,
    url: input.url,
    system,
    guichet: input.guichet,
    guichetLabel: input.guichetLabel ?? null,
    procedure: input.procedure,
    onlineMandatory: input.onlineMandatory,
    followed: input.followed ?? true,
    minute: stableMinute(id),
    steps: input.steps ?? null,
    createdAt: now,
    updatedAt: now,
    stoppedAt: null,
    source,
  };
}

/**
 * A planning with the changes applied; `stopped` sets or clears the day it stopped answering. Any change from a web
 * page makes it a web page's planning; the person at the PC makes it theirs by giving every address it holds (its
 * URL, and its steps when it has some), as the edit form does; another change leaves its source as it was.
 */
export function applyChanges(current: Planning, changes: PlanningChanges, now: string, source: PlanningSource): Planning {
  const { stopped, ...rest } = changes;
  // A field given as undefined keeps its value (JSON cannot say undefined anyway).
  const given = Object.fromEntries(Object.entries(rest as Record<string, unknown>).filter((entry) => entry[1] !== undefined)) as Partial<Planning>;
  const next: Planning = { ...current, ...given, updatedAt: now };
  if (stopped !== undefined) next.stoppedAt = stopped ? (current.stoppedAt ?? now) : null;
  const everyAddress = changes.url !== undefined && (changes.steps !== undefined || current.steps === null);
  if (source === 'web' || everyAddress) next.source = source;
  return next;
}
