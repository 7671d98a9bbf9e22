// The records a dossier carries for one planning (README.md): the period's day files, byte for byte, and the
// « chaînage » that links them to the closing seal (the day of the last record before the period, every day after
// the period up to the seal's head), the gap files the seal covers, and the planning's history. With the chain as
// the seal sees it, from which the dossier says from when each record is proven.
import { readFile } from 'node:fs/promises';
import type { Probe } from '../../shared/domain.js';
import { BAG_DIRS, periodProof, type PlanningProof, type Sealed, type SealedChain } from '../seals/index.js';
import { historyFile } from '../store/history.js';
import { absolute, dayFile, daysOf, gapsFile, monthsOf } from '../store/layout.js';
import type { Period } from '../report/period.js';

export interface CarriedRecordFile {
  /** Path inside data/. */
  name: string;
  /** Path in the data folder. */
  relative: string;
}

export interface CarriedRecords {
  files: CarriedRecordFile[];
  /** How many records link the period to the seal (not counted). */
  chainage: number;
  proof: PlanningProof;
}

async function probesOf(dataDir: string, relative: string): Promise<Probe[]> {
  try {
    const parsed = JSON.parse(await readFile(absolute(dataDir, relative), 'utf8')) as { probes?: Probe[] };
    return parsed.probes ?? [];
  } catch {
    return [];
  }
}

/**
 * `head`: the closing seal's head for this planning (null without one); `sealed`: this planning's heads in the
 * carried seals, for the proof.
 */
export async function carriedRecords(
  dataDir: string,
  planningId: string,
  period: Period,
  head: string | null,
  sealed: readonly Sealed<SealedChain>[],
): Promise<CarriedRecords> {
  const files: CarriedRecordFile[] = [];
  const records = new Map<string, { probe: Probe; period: boolean }>();
  const add = async (day: string, inPeriod: boolean): Promise<Probe[]> => {
    const relative = dayFile(planningId, day);
    const folder = inPeriod ? BAG_DIRS.records : BAG_DIRS.chainage;
    files.push({ name: `${folder}/${relative.slice('probes/'.length)}`, relative });
    const probes = await probesOf(dataDir, relative);
    for (const probe of probes) records.set(probe.hash, { probe, period: inPeriod });
    return probes;
  };
  const months = await monthsOf(dataDir, planningId);
  const days: string[] = [];
  for (const month of months) days.push(...(await daysOf(dataDir, planningId, month)));
  const before = days.filter((day) => day < period.from).at(-1);
  if (before) await add(before, false);
  for (const day of days.filter((candidate) => candidate >= period.from && candidate <= period.to)) await add(day, true);
  // After the period, day by day until the one that holds the seal's head (none when the seal is inside the period).
  if (head !== null && !records.has(head)) {
    for (const day of days.filter((candidate) => candidate > period.to)) {
      const probes = await add(day, false);
      if (probes.some((probe) => probe.hash === head)) break;
    }
  }
  for (const month of months) {
    const relative = gapsFile(planningId, month);
    const exists = await readFile(absolute(dataDir, relative)).then(() => true, () => false);
    if (!exists) continue;
    const inPeriod = month >= period.from.slice(0, 7) && month <= period.to.slice(0, 7);
    files.push({ name: `${inPeriod ? BAG_DIRS.records : BAG_DIRS.chainage}/${relative.slice('probes/'.length)}`, relative });
  }
  const history = historyFile(planningId);
  if (await readFile(absolute(dataDir, history)).then(() => true, () => false)) files.push({ name: `${BAG_DIRS.history}/${planningId}.json`, relative: history });

  // The chain as the seal sees it: from its head back through the records carried.
  const line: { probe: Probe; period: boolean }[] = [];
  const seen = new Set<string>();
  for (let hash = head; hash !== null && !seen.has(hash); ) {
    const entry = records.get(hash);
    if (!entry) break;
    seen.add(hash);
    line.push(entry);
    hash = entry.probe.previousHash;
  }
  line.reverse();
  // Without a seal (or records it does not reach), the period's records are in the line all the same: unproven.
  for (const entry of records.values()) if (entry.period && !seen.has(entry.probe.hash)) line.push(entry);
  const inPeriod = line.filter((entry) => entry.period).length;
  return { files, chainage: records.size - inPeriod, proof: periodProof(planningId, line, [...sealed]) };
}
