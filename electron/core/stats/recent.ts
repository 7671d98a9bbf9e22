// The strip of a planning's latest probes on the dashboard, with the gaps recorded between them: what status
// pages show of the last hours. Pure: the overview gives it the probes and gaps it has read.
import type { Gap, Probe } from '../../shared/domain.js';
import type { RecentMark } from '../../shared/stats.js';

/**
 * The newest `limit` probes (given newest first, as the store lists them) oldest first, each recorded gap that
 * starts after the oldest of them put in its place. A gap that began before the oldest probe shown is left out:
 * the strip starts with a probe.
 */
export function recentMarks(newestFirst: readonly Readonly<Probe>[], gaps: readonly Gap[], limit: number): RecentMark[] {
  const probes = newestFirst.slice(0, limit).reverse();
  const oldest = probes[0];
  if (!oldest) return [];
  const marks: RecentMark[] = probes.map((probe) => ({ kind: 'probe', at: probe.startedAt, outcome: probe.outcome, category: probe.category }));
  const shown = gaps
    .filter((gap) => Date.parse(gap.from) >= Date.parse(oldest.startedAt))
    .map((gap): RecentMark => ({ kind: 'gap', from: gap.from, to: gap.to, hours: gap.hours }));
  if (shown.length === 0) return marks;
  const time = (mark: RecentMark): number => Date.parse(mark.kind === 'probe' ? mark.at : mark.from);
  // Stable: a gap that starts at the minute of a probe goes after it (the probe is what ran at that minute).
  return [...marks, ...shown].sort((a, b) => time(a) - time(b));
}
