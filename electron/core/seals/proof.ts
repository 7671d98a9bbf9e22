// From when each probe is proven to exist: the time of the first trusted token of a seal that covers it (its
// planning's sealed head is this probe or a later one). Never the seal's own date, which is the PC's clock.
import type { PlanningProof, ProofSpan, Sealed } from './check.js';
import type { SealedChain } from './format.js';

/** A probe proven this soon after it was made is « prouvé dans les temps » (daily seals leave a day and an hour). */
export const PROVEN_IN_TIME_MS = 48 * 3_600_000;

export interface LineProbe {
  hash: string;
  startedAt: string;
}

function addTo(span: ProofSpan | null, probe: LineProbe, provenFrom: string | null): ProofSpan {
  if (!span) return { count: 1, first: probe.startedAt, last: probe.startedAt, provenFrom };
  span.count += 1;
  if (Date.parse(probe.startedAt) < Date.parse(span.first)) span.first = probe.startedAt;
  if (Date.parse(probe.startedAt) > Date.parse(span.last)) span.last = probe.startedAt;
  if (provenFrom !== null && (span.provenFrom === null || provenFrom > span.provenFrom)) span.provenFrom = provenFrom;
  return span;
}

/**
 * `line`: the planning's probes along its chain, oldest first. `sealed`: its heads as the accepted seals saw them.
 * A seal whose head is not on the line covers nothing here (the chain check names it).
 */
export function planningProof(planningId: string, line: readonly LineProbe[], sealed: readonly Sealed<SealedChain>[], firstSealAt: string | null): PlanningProof {
  const index = new Map(line.map((probe, position) => [probe.hash, position]));
  // The earliest proof of any seal whose head is at each position; then carried back to every earlier probe.
  const best: (string | null)[] = line.map(() => null);
  for (const entry of sealed) {
    const at = entry.value.head === null ? undefined : index.get(entry.value.head);
    if (at === undefined || entry.provenFrom === null) continue;
    const current = best[at] ?? null;
    if (current === null || entry.provenFrom < current) best[at] = entry.provenFrom;
  }
  const proof: PlanningProof = { planningId, probes: line.length, inTime: null, late: [], unproven: null, beforeFirstSeal: null };
  const provenAt: (string | null)[] = line.map(() => null);
  let carried: string | null = null;
  for (let position = line.length - 1; position >= 0; position -= 1) {
    const here = best[position] ?? null;
    if (here !== null && (carried === null || here < carried)) carried = here;
    provenAt[position] = carried;
  }
  const late = new Map<string, ProofSpan>();
  line.forEach((probe, position) => {
    const provenFrom = provenAt[position] ?? null;
    const inTime = provenFrom !== null && Date.parse(provenFrom) - Date.parse(probe.startedAt) <= PROVEN_IN_TIME_MS;
    // Said only of what the first seal did not prove in time: seals begun (or begun again) long after the probes.
    if (provenFrom !== null && !inTime && firstSealAt !== null && Date.parse(probe.startedAt) < Date.parse(firstSealAt)) proof.beforeFirstSeal = addTo(proof.beforeFirstSeal, probe, provenFrom);
    if (provenFrom === null) proof.unproven = addTo(proof.unproven, probe, null);
    else if (inTime) proof.inTime = addTo(proof.inTime, probe, provenFrom);
    else late.set(provenFrom, addTo(late.get(provenFrom) ?? null, probe, provenFrom));
  });
  proof.late = [...late.values()].sort((a, b) => ((a.provenFrom ?? '') < (b.provenFrom ?? '') ? -1 : 1));
  return proof;
}
