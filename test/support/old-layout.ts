// A data folder as versions before the log packs wrote it: one log file per probe
// (`evidence/<planning>/<YYYY-MM>/<id>.log`), named by its record. Records are sealed exactly as that code sealed
// them (sealedRecord with a plain artefact), so a migrated folder can be compared with the original byte for byte.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Probe } from '../../electron/shared/domain.js';
import { addProbe, monthOf, parisDateTime, type MonthAggregates } from '../../electron/core/stats/index.js';
import { encodeMonths } from '../../electron/core/store/aggregates-file.js';
import { sha256 } from '../../electron/core/store/chain.js';
import { aggregatesKind, dayKind } from '../../electron/core/store/kinds.js';
import { absolute, aggregatesFile, artefactFile, dayFile } from '../../electron/core/store/layout.js';
import { sealedRecord } from '../../electron/core/store/probes.js';
import { syntheticProbe } from './synthetic.js';

async function put(dir: string, relative: string, data: string | Buffer): Promise<void> {
  const file = absolute(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
}

/** The log the n-th probe of an older folder kept. */
export const oldLog = (n: number): string => `2026-01-01T00:00:00.000Z sondage ${n} (ancienne version)\n`;

/** Writes `count` hourly probes of one planning the old way; gives their records, oldest first. */
export async function writeOldLayout(dir: string, planningId: string, count: number, start: string): Promise<Probe[]> {
  const records: Probe[] = [];
  const months: MonthAggregates = {};
  let previous: string | null = null;
  for (let n = 0; n < count; n += 1) {
    const input = syntheticProbe(planningId, start, n);
    const month = monthOf(parisDateTime(input.startedAt).date);
    const relative = artefactFile(planningId, month, input.id, 'log');
    const log = Buffer.from(oldLog(n), 'utf8');
    await put(dir, relative, log);
    const probe = sealedRecord(input, { screenshot: null, pageText: null, log: { path: relative, sha256: sha256(log), bytes: log.length } }, previous);
    records.push(probe);
    addProbe(months, probe);
    previous = probe.hash;
  }
  const days = new Map<string, Probe[]>();
  for (const probe of records) days.set(probe.localDate, [...(days.get(probe.localDate) ?? []), probe]);
  for (const [day, probes] of days) await put(dir, dayFile(planningId, day), dayKind.stringify?.({ probes }) ?? '');
  const newest = records[records.length - 1];
  const aggregates = {
    planningId,
    head: newest ? { hash: newest.hash, probeId: newest.id, startedAt: newest.startedAt } : null,
    probes: records.length,
    months: encodeMonths(months),
  };
  await put(dir, aggregatesFile(planningId), aggregatesKind(planningId).stringify?.(aggregates) ?? '');
  return records;
}
