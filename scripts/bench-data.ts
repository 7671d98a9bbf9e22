// Data for `npm run bench`: months of probes written in bulk in the store's own format, and small measuring tools.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import v8 from 'node:v8';
import type { Planning, Probe, ProbeArtefact } from '../electron/shared/domain.js';
import { addProbe, categoryOf, monthOf, parisDateTime, type MonthAggregates } from '../electron/core/stats/index.js';
import { sealedRecord, sha256 } from '../electron/core/store/index.js';
import { logPackFile, packMember } from '../electron/core/store/log-packs.js';
import { syntheticPlanning, syntheticProbe } from '../test/support/synthetic.js';
import { encodeMonths } from '../electron/core/store/aggregates-file.js';
import { aggregatesKind, dayKind, planningsKind, type AggregatesFile } from '../electron/core/store/kinds.js';
import type { FileKind } from '../electron/core/store/json-files.js';
import { absolute, aggregatesFile, blobFile, dayFile, PLANNINGS_FILE } from '../electron/core/store/layout.js';

/** DESIGN.md's scale: 500 plannings × 24 probes a day × 365 days × 3 years. */
export const PLANNINGS = 500;
export const FULL_SCALE = PLANNINGS * 24 * 365 * 3;
/** 36 whole months of history: February 2023 – January 2026 in Paris. */
export const HISTORY_START = '2023-01-31T23:00:00Z';
/**
 * The CSV export and verify (bench-bulk.ts): 20 plannings of 10,000 probes, 10 of them verified one by one, then
 * as a folder on the worker threads: with 5, one thread got three plannings and the other two, and starting the
 * threads took a large share of so small a folder, which a full verify at DESIGN.md's scale never sees.
 */
export const EXPORT_PLANNINGS = 20;
export const EXPORT_PER_PLANNING = 10_000;
export const VERIFY_PLANNINGS = 10;

/** The bytes the store writes for a file of this kind (lowdb's pretty JSON when the kind has no format). */
export function serialize<T>(kind: FileKind<T>, value: T): string {
  return kind.stringify ? kind.stringify(value) : JSON.stringify(value, null, 2);
}

async function put(dir: string, relative: string, text: string | Buffer): Promise<void> {
  const file = absolute(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

function planningOf(id: string, index: number): Planning {
  const now = '2023-01-01T00:00:00.000Z';
  return syntheticPlanning(id, {
    label: `Guichet ${index + 1} — titre de séjour, première demande`,
    departement: String(1 + (index % 95)).padStart(2, '0'),
    prefecture: `Préfecture n° ${index + 1}`,
    url: `https://www.example.gouv.fr/booking/create/${id}/0`,
    minute: index % 60,
    createdAt: now,
    updatedAt: now,
  });
}

/** Writes the plannings list of a data folder at once (the store would rewrite it once per planning). */
export async function writePlannings(dir: string, ids: readonly string[]): Promise<Map<string, Planning>> {
  const plannings = ids.map((id, index) => planningOf(id, index));
  await put(dir, PLANNINGS_FILE, serialize(planningsKind, { plannings, removed: [] }));
  return new Map(plannings.map((planning) => [planning.id, planning]));
}

/** What the bulk writer stores with each probe, as the recorder would: one capture and page text, a log each. */
export interface BulkArtefacts {
  capture: Buffer;
  pageText: string;
  log: (n: number) => string;
}

/** A robot's log as it reads (about 900 B): steps, addresses, statuses, the probe's own times. */
export function standInLog(n: number): string {
  return Array.from(
    { length: 12 },
    (_, i) => `2026-02-02T${String(n % 24).padStart(2, '0')}:00:${String(i * 3).padStart(2, '0')}.${100 + i * 37}Z étape ${i} : page ${i % 4} de https://www.example.gouv.fr/booking/create/1234/${i % 5} (HTTP 200, ${1200 + ((i * 91 + n) % 900)} ms)\n`,
  ).join('');
}

/** Stores a blob as the store does (evidence/_blobs/, named by its hash). */
async function putBlob(dir: string, data: Buffer, ext: 'webp' | 'txt'): Promise<ProbeArtefact> {
  const hash = sha256(data);
  const relative = blobFile(hash, ext);
  await put(dir, relative, data);
  return { path: relative, sha256: hash, bytes: data.length };
}

/**
 * Writes `count` hourly probes of one planning straight to disk (day files, chain, aggregates with the head; with
 * `artefacts`, the capture and page text once and each log in its month's pack), as `count` appends would, only
 * much faster. `first` numbers the first of them (the probes before it are taken as never written). Returns the
 * month aggregates and the newest record.
 */
export async function writeBulkPlanning(
  dir: string,
  planningId: string,
  count: number,
  start: string,
  first = 0,
  artefacts?: BulkArtefacts,
): Promise<{ months: MonthAggregates; head: Probe | null }> {
  const aggregates: AggregatesFile = aggregatesKind(planningId).empty();
  const months: MonthAggregates = {};
  const screenshot = artefacts ? await putBlob(dir, artefacts.capture, 'webp') : null;
  const pageText = artefacts ? await putBlob(dir, Buffer.from(artefacts.pageText, 'utf8'), 'txt') : null;
  let day: Probe[] = [];
  // The month's pack being filled: written whole once its month is done.
  const packs: { current: { file: string; members: Buffer[]; size: number } | null } = { current: null };
  const flushPack = async (): Promise<void> => {
    if (packs.current) await put(dir, packs.current.file, Buffer.concat(packs.current.members));
    packs.current = null;
  };
  const flush = async (): Promise<void> => {
    const oldest = day[0];
    if (oldest) await put(dir, dayFile(planningId, oldest.localDate), serialize(dayKind, { probes: day }));
    day = [];
  };
  let previous: Probe | null = null;
  for (let n = first; n < first + count; n += 1) {
    const input = syntheticProbe(planningId, start, n);
    let log: ProbeArtefact | undefined;
    if (artefacts) {
      const file = logPackFile(planningId, monthOf(parisDateTime(input.startedAt).date));
      if (packs.current?.file !== file) await flushPack();
      const pack = (packs.current ??= { file, members: [], size: 0 });
      const text = Buffer.from(artefacts.log(n), 'utf8');
      const member = packMember(text);
      log = { path: file, sha256: sha256(text), bytes: text.length, offset: pack.size, length: member.length, encoding: 'gzip' };
      pack.members.push(member);
      pack.size += member.length;
    }
    const probe: Probe = artefacts
      ? sealedRecord({ ...input, caption: { planningLabel: 'Banc d’essai — titre de séjour' } }, { screenshot, pageText, log }, previous?.hash ?? null)
      : sealedRecord(input, { screenshot: null, pageText: null }, previous?.hash ?? null);
    if (day[0] && day[0].localDate !== probe.localDate) await flush();
    day.push(probe);
    addProbe(months, probe);
    aggregates.probes += 1;
    aggregates.head = { hash: probe.hash, probeId: probe.id, startedAt: probe.startedAt };
    previous = probe;
  }
  await flush();
  await flushPack();
  aggregates.months = encodeMonths(months);
  await put(dir, aggregatesFile(planningId), serialize(aggregatesKind(planningId), aggregates));
  return { months, head: previous };
}

/** Month aggregates of `count` hourly probes, computed in memory only (what 3 years leave to the dashboard). */
export function aggregatesOf(planningId: string, count: number, start: string): MonthAggregates {
  const months: MonthAggregates = {};
  for (let n = 0; n < count; n += 1) {
    const input = syntheticProbe(planningId, start, n);
    const { date } = parisDateTime(input.startedAt);
    addProbe(months, {
      localDate: date,
      outcome: input.outcome,
      category: categoryOf(date, input.firstSlot, input.secondSlot, input.outcome),
    });
  }
  return months;
}

/** Every file under `folder` (recursively) with its apparent size and the disk space it takes (blocks). */
export interface DiskUsage {
  files: number;
  bytes: number;
  allocated: number;
  largest: number;
}

export async function diskUsage(folder: string): Promise<DiskUsage> {
  const usage: DiskUsage = { files: 0, bytes: 0, allocated: 0, largest: 0 };
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true, recursive: true });
  } catch {
    return usage;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const info = await stat(path.join(entry.parentPath, entry.name));
    usage.files += 1;
    usage.bytes += info.size;
    usage.allocated += info.blocks * 512;
    usage.largest = Math.max(usage.largest, info.size);
  }
  return usage;
}

// A benchmark that reads memory wants a collection first; tsx gives no way to pass --expose-gc.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

export function memory(): { rss: number; heap: number } {
  collect();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heap: heapUsed };
}

/** The highest RSS seen while `work` runs, sampled every 10 ms. */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const value = await work();
    return { value, peak: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);

export function bytes(n: number): string {
  if (n >= 1e12) return `${(n / 1e12).toFixed(2)} TB`;
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${Math.round(n)} B`;
}

export const ms = (n: number): string => (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(2)} ms`);

export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Prints one section as a two-column table. */
export function table(title: string, rows: readonly (readonly [string, string])[]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  process.stdout.write(`\n${title}\n${'─'.repeat(title.length)}\n`);
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(width)}  ${value}\n`);
}

export const round1 = (value: number): number => Math.round(value * 10) / 10;

export const rate = (items: number, elapsedMs: number): string => `${count((items / elapsedMs) * 1000)} /s`;

export const hours = (seconds: number): string =>
  seconds >= 3600 ? `${(seconds / 3600).toFixed(1)} h` : `${Math.round(seconds / 60)} min`;

/** A store's log that says nothing. */
export const quiet = (): void => undefined;
