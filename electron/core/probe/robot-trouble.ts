// When the robot can no longer read a site: three `robot_error`/`unrecognized` probes in a row on a planning. The
// planning's overview then says so, with the step that failed and the steps the robot took up to the failure
// (user-defined steps, to pre-fill the steps editor).
import type { RobotTrouble } from '../../shared/api.js';
import type { Probe } from '../../shared/domain.js';

/** How many failures of the robot in a row make a planning "unreadable". */
export const ROBOT_TROUBLE_STREAK = 3;

/** True when this probe is one the robot could not conclude because of the page or itself. */
export function isRobotTrouble(probe: Pick<Probe, 'outcome'> | null): boolean {
  return probe !== null && (probe.outcome === 'robot_error' || probe.outcome === 'unrecognized');
}

/** From a planning's latest probes, newest first: the robot's trouble, or null when fewer than three in a row. */
export function robotTrouble(newestFirst: readonly Probe[]): RobotTrouble | null {
  let count = 0;
  while (count < newestFirst.length && isRobotTrouble(newestFirst[count] ?? null)) count += 1;
  const last = newestFirst[0];
  const first = newestFirst[count - 1];
  if (count < ROBOT_TROUBLE_STREAK || !last || !first) return null;
  return {
    since: first.startedAt,
    count,
    lastProbeId: last.id,
    step: last.robot?.step ?? null,
    detail: last.detail,
    stepsTaken: last.robot?.stepsTaken ?? [],
  };
}
