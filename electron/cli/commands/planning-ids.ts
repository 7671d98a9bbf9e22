// A planning as the person names it on the command line: its id as `plannings list` prints it, or the start of
// it when no other planning's id starts the same way.
import type { Core } from '../../core/api/index.js';
import { AppError, coreError } from '../../core/errors.js';
import type { Planning } from '../../shared/domain.js';
import { coreMessage } from '../../shared/messages/index.js';

export async function resolvePlanning(core: Core, given: string): Promise<Planning> {
  if (given.length > 0) {
    const exact = await core.api['plannings:get']({ id: given }).catch((error: unknown) => {
      if (error instanceof AppError && (error.code === 'not_found' || error.code === 'invalid_input')) return null;
      throw error;
    });
    if (exact) return exact.planning;
  }
  const plannings = (await core.api['plannings:list'](undefined)).map((overview) => overview.planning);
  const id = idStartingWith(plannings.map((planning) => planning.id), given);
  const found = plannings.find((planning) => planning.id === id);
  if (found) return found;
  throw coreError('not_found', coreMessage('cli.plannings_unknown', { id: given }));
}

/** The one id that begins with `start`, or null; a start that several ids share is refused, naming them. */
function idStartingWith(ids: readonly string[], start: string): string | null {
  const matches = start.length === 0 ? [] : ids.filter((id) => id.startsWith(start));
  if (matches.length > 1) throw coreError('invalid_input', coreMessage('cli.plannings_ambiguous', { id: start, ids: matches.join(', ') }));
  return matches[0] ?? null;
}

/**
 * `--planning` of the verbs that take several or pass them on to the core (export, verify, dossier, import): each
 * start of an id that names one planning of the list becomes its id; anything else goes on as given, for the core
 * to refuse with its own message (a removed planning, off the list, is still named by its whole id).
 */
export async function expandPlanningIds(core: Core, given: readonly string[]): Promise<string[]> {
  if (given.length === 0) return [];
  const ids = (await core.api['plannings:list'](undefined)).map((overview) => overview.planning.id);
  return given.map((start) => (ids.includes(start) ? start : (idStartingWith(ids, start) ?? start)));
}
