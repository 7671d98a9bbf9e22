// The steps the robot took on a site it can no longer read, handed to the steps editor of that planning: the
// attention banner stashes them, the form takes them once (sessionStorage: this window only, gone on close).
import type { Step } from '../../../electron/shared/domain';

const key = (planningId: string) => `guichets.prefillSteps.${planningId}`;

export function stashStepsPrefill(planningId: string, steps: readonly Step[]): void {
  sessionStorage.setItem(key(planningId), JSON.stringify(steps));
}

export function takeStepsPrefill(planningId: string): Step[] | null {
  const stored = sessionStorage.getItem(key(planningId));
  if (stored === null) return null;
  sessionStorage.removeItem(key(planningId));
  try {
    const steps: unknown = JSON.parse(stored);
    return Array.isArray(steps) ? (steps as Step[]) : null;
  } catch {
    return null;
  }
}
