// The imported-probes area of the data folder, apart from the robot's own probes so that their chain and
// `verify` stay exactly as they were. One batch file per import, written whole through a temporary file and a
// rename: an import is all or nothing. Each batch carries the SHA-256 of its own canonical JSON and of the file
// it came from (kept in imported/originals/), so that an altered batch shows.
import { createHash } from 'node:crypto';
import { open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { CATEGORIES, INCONCLUSIVE_OUTCOMES, type MonthKey, type Probe, type ProbeProvenance } from '../../shared/domain.js';
import { canonicalJson, sha256 } from './chain.js';
import { fsyncDir, mkdirDurable, tempFileOf } from './durable.js';
import { AppError } from '../errors.js';
import { addProbe, sortedMonths, type MonthAggregate, type MonthAggregates } from '../stats/index.js';

export const IMPORTED_DIR = 'imported';
const BATCHES = 'batches';
const ORIGINALS = 'originals';

export interface ImportBatch {
  id: string;
  importedAt: string;
  source: Omit<ProbeProvenance, 'line'>;
  probes: Probe[];
  /** SHA-256 of the canonical JSON of every other member. */
  hash: string;
}

export function batchHash(batch: Omit<ImportBatch, 'hash'> | ImportBatch): string {
  const unsigned: Record<string, unknown> = { ...batch };
  delete unsigned.hash;
  return sha256(canonicalJson(unsigned));
}

interface Loaded {
  byPlanning: Map<string, Probe[]>;
  /** Each planning's months, counted once per load (the dashboard asks for them on every refresh). */
  months: Map<string, MonthAggregate[]>;
  /** The batch files read, by name: batches are never changed, only added, so new names mean new imports. */
  names: string;
  /** When the folder was last listed (Date.now()). */
  listedAt: number;
}
const cache = new Map<string, Loaded>();
/** As for the store's files: another process's import shows within a second or two, at one listing a second. */
const LISTING_MS = 1000;

/** One listing at a time per folder: the dashboard asks for every planning at once. */
const listing = new Map<string, Promise<Loaded>>();
/** Bumped by this process's own writes: a listing begun before one is not kept. */
const generation = new Map<string, number>();

function invalidate(dataDir: string): void {
  cache.delete(dataDir);
  listing.delete(dataDir);
  generation.set(dataDir, (generation.get(dataDir) ?? 0) + 1);
}

/**
 * Every batch, checked against its own hash; a damaged one stops the reading with a French message. The folder
 * is listed again after LISTING_MS, so that an import made by another Guichets process is seen at a refresh.
 */
function load(dataDir: string): Promise<Loaded> {
  const cached = cache.get(dataDir);
  if (cached && Date.now() - cached.listedAt < LISTING_MS) return Promise.resolve(cached);
  const pending = listing.get(dataDir);
  if (pending) return pending;
  const started: Promise<Loaded> = list(dataDir, cached).finally(() => {
    if (listing.get(dataDir) === started) listing.delete(dataDir);
  });
  listing.set(dataDir, started);
  return started;
}

async function list(dataDir: string, cached: Loaded | undefined): Promise<Loaded> {
  const began = generation.get(dataDir) ?? 0;
  const folder = path.join(dataDir, IMPORTED_DIR, BATCHES);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  if (cached?.names === names.join('/')) {
    cached.listedAt = Date.now();
    return cached;
  }
  const byPlanning = new Map<string, Probe[]>();
  for (const name of names) {
    let batch: ImportBatch;
    try {
      batch = JSON.parse(await readFile(path.join(folder, name), 'utf8')) as ImportBatch;
    } catch {
      throw new AppError('storage_corrupt', `Import illisible : ${IMPORTED_DIR}/${BATCHES}/${name}. Restaurez-le depuis une sauvegarde ou mettez-le de côté.`);
    }
    if (batchHash(batch) !== batch.hash) {
      throw new AppError('storage_corrupt', `Import modifié depuis son écriture : ${IMPORTED_DIR}/${BATCHES}/${name} (empreinte différente).`);
    }
    for (const probe of batch.probes) {
      const list = byPlanning.get(probe.planningId) ?? [];
      list.push(probe);
      byPlanning.set(probe.planningId, list);
    }
  }
  for (const list of byPlanning.values()) list.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  const loaded: Loaded = { byPlanning, months: new Map(), names: names.join('/'), listedAt: Date.now() };
  if ((generation.get(dataDir) ?? 0) === began) cache.set(dataDir, loaded);
  return loaded;
}

/** A planning's imported probes, chronological; of one month when given. */
export async function importedProbes(dataDir: string, planningId: string, month?: MonthKey): Promise<Probe[]> {
  const all = (await load(dataDir)).byPlanning.get(planningId) ?? [];
  return structuredClone(month === undefined ? all : all.filter((probe) => probe.localDate.startsWith(month)));
}

/** Plannings that have imported probes. */
export async function importedPlanningIds(dataDir: string): Promise<string[]> {
  return [...(await load(dataDir)).byPlanning.keys()].sort();
}

export const importedProbesOf =
  (dataDir: string) =>
  (planningId: string, month: string): Promise<Probe[]> =>
    importedProbes(dataDir, planningId, month);

/** The per-month counts of a planning's imported probes, for the bars. */
export async function importedMonths(dataDir: string, planningId: string): Promise<MonthAggregate[]> {
  const loaded = await load(dataDir);
  const counted = loaded.months.get(planningId);
  if (counted) return counted;
  const months: MonthAggregates = {};
  for (const probe of loaded.byPlanning.get(planningId) ?? []) addProbe(months, probe);
  const sorted = sortedMonths(months);
  loaded.months.set(planningId, sorted);
  return sorted;
}

/** Writes all of `data` (a write may take only part of it). */
async function writeAll(handle: FileHandle, data: Buffer | string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let offset = 0; offset < bytes.length; ) offset += (await handle.write(bytes, offset)).bytesWritten;
}

/** The original file's bytes, read again for its copy, and the error to throw when they no longer give its SHA-256. */
export interface BatchOriginal {
  chunks(): AsyncIterable<Buffer>;
  ext: string;
  changed(): Error;
}

/** A batch being written: its probes one at a time, visible to readers only once committed. */
export interface BatchWriter {
  add(probe: Probe): Promise<void>;
  /** How many probes were added. */
  readonly count: number;
  /** Copies the original beside it, then makes the batch visible (flushed, renamed). */
  commit(original: BatchOriginal): Promise<void>;
  /** Leaves nothing behind. */
  abort(): Promise<void>;
}

/**
 * Starts a batch: its file is the batch's canonical JSON (members id, importedAt, probes, source, in that order)
 * with its `hash` member last, hashed as it is written, so that a batch of a hundred thousand probes never sits
 * in memory. Written to a temporary file beside the imported area, renamed into it on commit.
 */
export async function openBatch(dataDir: string, head: Omit<ImportBatch, 'hash' | 'probes'>): Promise<BatchWriter> {
  const folder = path.join(dataDir, IMPORTED_DIR, BATCHES);
  const file = path.join(folder, `${head.id}.json`);
  // Beside the imported area, not in it: an import refused half-way leaves no trace there, not even a folder.
  const temp = path.join(dataDir, `.${IMPORTED_DIR}-${head.id}.json.tmp`);
  const handle = await open(temp, 'w');
  const hash = createHash('sha256');
  let pending = `{"id":${canonicalJson(head.id)},"importedAt":${canonicalJson(head.importedAt)},"probes":[`;
  let count = 0;
  let isOpen = true;
  const flush = async (): Promise<void> => {
    hash.update(pending);
    await writeAll(handle, pending);
    pending = '';
  };
  const close = async (): Promise<void> => {
    if (!isOpen) return;
    isOpen = false;
    await handle.close();
  };
  return {
    get count() {
      return count;
    },
    async add(probe) {
      pending += `${count === 0 ? '' : ','}${canonicalJson(probe)}`;
      count += 1;
      if (pending.length >= 256 * 1024) await flush();
    },
    async commit(original) {
      try {
        pending += `],"source":${canonicalJson(head.source)}}`;
        hash.update(pending);
        await writeAll(handle, `${pending.slice(0, -1)},"hash":"${hash.digest('hex')}"}\n`);
        await handle.sync();
        await close();
        // The original first, then the batch: once the batch is visible (flushed, its name too), its original is there.
        const originals = path.join(dataDir, IMPORTED_DIR, ORIGINALS);
        await mkdirDurable(originals);
        await writeStreamDurable(path.join(originals, `${head.source.sha256}.${original.ext}`), async (target) => {
          const copied = createHash('sha256');
          for await (const chunk of original.chunks()) {
            copied.update(chunk);
            await writeAll(target, chunk);
          }
          if (copied.digest('hex') !== head.source.sha256) throw original.changed();
        });
        await mkdirDurable(folder);
        await rename(temp, file);
        await fsyncDir(folder);
        invalidate(dataDir);
      } catch (error) {
        await close().catch(() => undefined);
        await rm(temp, { force: true }).catch(() => undefined);
        throw error;
      }
    },
    async abort() {
      await close().catch(() => undefined);
      await rm(temp, { force: true }).catch(() => undefined);
    },
  };
}

/** A file written through a temporary file, flushed, then renamed: whole or not at all. */
async function writeStreamDurable(file: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  const temp = tempFileOf(file);
  try {
    const handle = await open(temp, 'w');
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    await fsyncDir(path.dirname(file));
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** For tests and after another process wrote: read the area afresh next time. */
export function forgetImported(dataDir: string): void {
  invalidate(dataDir);
}

/** A planning's months with its imported probes counted in: what the bars show. */
export function withImportedMonths(own: readonly MonthAggregate[], imported: readonly MonthAggregate[]): MonthAggregate[] {
  if (imported.length === 0) return [...own];
  const byMonth = new Map(own.map((agg) => [agg.month, structuredClone(agg)]));
  for (const extra of imported) {
    const agg = byMonth.get(extra.month);
    if (!agg) {
      byMonth.set(extra.month, structuredClone(extra));
      continue;
    }
    for (const category of CATEGORIES) {
      agg.categories[category].attempts += extra.categories[category].attempts;
      agg.categories[category].days |= extra.categories[category].days;
    }
    for (const outcome of INCONCLUSIVE_OUTCOMES) agg.inconclusive[outcome] += extra.inconclusive[outcome];
    agg.gapHours += extra.gapHours;
    if (extra.firstDay !== null && (agg.firstDay === null || extra.firstDay < agg.firstDay)) agg.firstDay = extra.firstDay;
    if (extra.lastDay !== null && (agg.lastDay === null || extra.lastDay > agg.lastDay)) agg.lastDay = extra.lastDay;
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** The history of a planning: the robot's probes and the imported ones, newest first, `limit` at most. */
export function withImportedProbes(own: Probe[], imported: Probe[], limit?: number): Probe[] {
  if (imported.length === 0) return own;
  const merged = [...own, ...imported].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id));
  return limit === undefined ? merged : merged.slice(0, limit);
}
