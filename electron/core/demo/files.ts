// The demo's past written in the store's own format, at once: the day files of the hash chain, the gap files,
// the aggregates with their head, and each capture once under its hash. Appending thousands of made-up probes one
// by one (each flushed to disk) would keep a newcomer waiting a minute; the files are the same (see the test).
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Gap, Probe, ProbeArtefact } from '../../shared/domain.js';
import { addGap, addProbe, monthOf, parisDateTime, type MonthAggregates } from '../stats/index.js';
import { sealedRecord, sha256, type NewProbe } from '../store/index.js';
import { encodeMonths } from '../store/aggregates-file.js';
import { aggregatesKind, dayKind, gapsKind } from '../store/kinds.js';
import type { FileKind } from '../store/json-files.js';
import { absolute, aggregatesFile, blobFile, dayFile, gapsFile } from '../store/layout.js';

/** A made-up probe and the capture and page text it keeps (already stored as blobs). */
export interface HistoryProbe {
  probe: NewProbe;
  screenshot: ProbeArtefact | null;
  pageText: ProbeArtefact | null;
}

async function put<T>(dir: string, relative: string, kind: FileKind<T>, value: T): Promise<void> {
  const file = absolute(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, kind.stringify ? kind.stringify(value) : JSON.stringify(value, null, 2));
}

/** Stores bytes once under their hash, as the store does: a blob already there is kept. */
export async function writeBlob(dir: string, data: Buffer, ext: 'webp' | 'txt'): Promise<ProbeArtefact> {
  const hash = sha256(data);
  const relative = blobFile(hash, ext);
  const file = absolute(dir, relative);
  const existing = await stat(file).catch(() => null);
  if (existing?.size !== data.length) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
  }
  return { path: relative, sha256: hash, bytes: data.length };
}

/**
 * Writes a planning's whole past (probes oldest first, gaps in the order they happened) into a data folder where
 * it has none. Returns the records written.
 */
export async function writePlanningHistory(dir: string, planningId: string, history: readonly HistoryProbe[], gaps: readonly Gap[]): Promise<Probe[]> {
  const months: MonthAggregates = {};
  const records: Probe[] = [];
  let previous: string | null = null;
  for (const { probe, screenshot, pageText } of history) {
    const record = sealedRecord(probe, { screenshot, pageText }, previous);
    previous = record.hash;
    records.push(record);
    addProbe(months, record);
  }
  const byDay = new Map<string, Probe[]>();
  for (const record of records) {
    const day = byDay.get(record.localDate);
    if (day) day.push(record);
    else byDay.set(record.localDate, [record]);
  }
  const writes = [...byDay].map(([day, probes]) => put(dir, dayFile(planningId, day), dayKind, { probes }));

  const byMonth = new Map<string, Gap[]>();
  for (const gap of gaps) {
    addGap(months, gap);
    // A gap is filed under the month it starts in (Paris).
    const month = monthOf(parisDateTime(gap.from).date);
    const list = byMonth.get(month);
    if (list) list.push(gap);
    else byMonth.set(month, [gap]);
  }
  writes.push(...[...byMonth].map(([month, list]) => put(dir, gapsFile(planningId, month), gapsKind, { gaps: list })));
  // The aggregates last: a folder that holds them holds the probes they count.
  await Promise.all(writes);

  const head = records.at(-1);
  await put(dir, aggregatesFile(planningId), aggregatesKind(planningId), {
    planningId,
    head: head ? { hash: head.hash, probeId: head.id, startedAt: head.startedAt } : null,
    probes: records.length,
    months: encodeMonths(months),
  });
  return records;
}
