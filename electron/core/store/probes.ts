// Probes, gaps and per-planning aggregates: one small file per planning and day, one aggregates file per
// planning, artefacts beside them. Writes of one planning go through one queue, so its chain never forks.
import { readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Gap, LocalDate, MonthKey, Probe, ProbeArtefact } from '../../shared/domain.js';
import { canonicalOrder, hashRecord, sha256 } from './chain.js';
import {
  addGap,
  addProbe,
  categoryOf,
  monthOf,
  parisDateTime,
  type MonthAggregate,
  type MonthAggregates,
} from '../stats/index.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { changeMonths, decodeMonths, encodeMonths } from './aggregates-file.js';
import { mkdirDurable, writeFileDurable } from './durable.js';
import { fullError, isDiskFull, type JsonFiles } from './json-files.js';
import { aggregatesKind, dayKind, gapsKind, type AggregatesFile, type ChainHead, type RebuiltNote } from './kinds.js';
import {
  absolute,
  aggregatesFile,
  assertSafeId,
  blobFile,
  dayFile,
  daysOf,
  gapsFile,
  monthsOf,
  planningDirs,
} from './layout.js';
import { readDays, unreadable } from './day-reader.js';
import { appendLog, logPackFile } from './log-packs.js';
import type { KeyedQueue } from './queue.js';
import type { Summary } from './summary.js';

/** What the caller knows about a probe; the store adds the local time, category, artefacts and chain. */
export type NewProbe = Omit<
  Probe,
  'localDate' | 'localTime' | 'category' | 'screenshot' | 'pageText' | 'log' | 'previousHash' | 'hash'
>;

export interface ProbeArtefacts {
  /**
   * The page as captured (WebP or PNG, told by its first bytes), stored once by its SHA-256 with the page text;
   * the record then carries the caption (NewProbe.caption). Without a caption (imports, older callers), taken as
   * it is all the same.
   */
  screenshot: Buffer | null;
  pageText: string | null;
  /** The probe's own log, kept and hashed like the other artefacts. */
  log?: string | null;
}

export interface ProbeStore {
  append(probe: NewProbe, artefacts: ProbeArtefacts): Promise<Probe>;
  /** Newest first; `day` reads that one day's file only. */
  list(planningId: string, options?: { month?: MonthKey; day?: LocalDate; limit?: number }): Promise<Probe[]>;
  last(planningId: string): Promise<Probe | null>;
  /**
   * The newest `limit` probes, newest first, as list() gives them but not copied: shared with the file cache, so
   * never to be changed (the alerts read 200 probes of every planning at each refresh of the dashboard).
   */
  recent(planningId: string, limit: number): Promise<readonly Readonly<Probe>[]>;
  /**
   * Chronological per planning, one day file in memory at a time. Default: every planning on disk. A damaged day
   * file stops the iteration, unless `onUnreadable` is given: it is then named there and skipped.
   */
  iterate(planningIds?: string[], onUnreadable?: (file: string, error: AppError) => void): AsyncIterable<Probe>;
  /** Plannings with probes on disk, removed ones included. */
  planningIds(): Promise<string[]>;
}

export interface GapStore {
  record(gap: Gap): Promise<void>;
  /** Newest first; a gap is filed under the month it starts in. */
  list(planningId: string, month?: MonthKey): Promise<Gap[]>;
}

interface Deps {
  dir: string;
  files: JsonFiles;
  /** One queue per planning, shared with verification. */
  planningQueue: KeyedQueue;
  clock: Clock;
  log: (message: string) => void;
  /** The dashboard's summary, kept in step with every write here. */
  summary: Summary;
}

export function createProbeParts({ dir, files, planningQueue, clock, log, summary }: Deps) {
  const lastProbe = new Map<string, Probe | null>();
  const recovered = new Set<string>();

  const readAggregates = (planningId: string): Promise<AggregatesFile> =>
    files.read(aggregatesFile(planningId), aggregatesKind(planningId));

  /** The newest day file's probes, or [] when the planning has none. */
  async function newestDay(planningId: string): Promise<Probe[]> {
    const months = await monthsOf(dir, planningId);
    for (const month of months.reverse()) {
      const days = await daysOf(dir, planningId, month);
      const day = days[days.length - 1];
      if (day !== undefined) return (await files.read(dayFile(planningId, day), dayKind)).probes;
    }
    return [];
  }

  /**
   * Rebuilds a planning's aggregates from its day and gaps files, once it was found missing (while probes are on
   * disk) or damaged. The damaged file is set aside, never deleted, and the head it still names is kept, so that
   * verification can tell whether probes newer than the rebuild's starting point vanished. The note stays in the
   * file for good: a rebuild must never make a deletion look like an intact history.
   */
  async function rebuild(planningId: string, reason: RebuiltNote['reason']): Promise<void> {
    const relative = aggregatesFile(planningId);
    const at = clock.now().toISOString();
    let previousHead: string | null = null;
    let aside: string | null = null;
    if (reason === 'damaged') {
      const text = await readFile(absolute(dir, relative), 'utf8').catch(() => '');
      previousHead = /"head":\{"hash":"([0-9a-f]{64})"/.exec(text)?.[1] ?? null;
      aside = `${relative}.damaged-${at.replace(/[:.]/g, '-')}`;
      await rename(absolute(dir, relative), absolute(dir, aside));
      files.forget(relative);
    }
    const months: MonthAggregates = {};
    let count = 0;
    const pointedAt = new Set<string>();
    const candidates: ChainHead[] = [];
    for await (const probe of probes.iterate([planningId])) {
      addProbe(months, probe);
      count += 1;
      if (probe.previousHash !== null) pointedAt.add(probe.previousHash);
      candidates.push({ hash: probe.hash, probeId: probe.id, startedAt: probe.startedAt });
    }
    for (const month of await monthsOf(dir, planningId)) {
      const file = await files.readFresh(gapsFile(planningId, month), gapsKind);
      for (const gap of file?.gaps ?? []) addGap(months, gap);
    }
    // The head is the end of the chain: a probe no other probe follows (the newest, should there be several).
    const head =
      candidates
        .filter((candidate) => !pointedAt.has(candidate.hash))
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
        .pop() ?? null;
    summary.drop(planningId);
    await files.update(relative, aggregatesKind(planningId), (draft) => {
      draft.months = encodeMonths(months);
      draft.probes = count;
      draft.head = head;
      draft.rebuilt = { at, reason, previousHead, aside };
    });
    const why = reason === 'damaged' ? `endommagé, mis de côté dans « ${aside ?? ''} »` : 'absent';
    log(`Planning ${planningId} : fichier des statistiques « ${relative} » ${why} ; reconstruit à partir de ${count} sondage(s) enregistré(s).`);
  }

  /**
   * A crash between the day file's write and the aggregates' leaves probes that the aggregates do not count.
   * Once per planning and process, count those that extend the chain head. Anything else (the newest probe
   * deleted, a forged one) is left for verification to report, never repaired silently. A damaged aggregates
   * file, or a missing one while probes are on disk, is rebuilt (see rebuild()).
   */
  async function recover(planningId: string): Promise<void> {
    if (recovered.has(planningId)) return;
    let aggregates: AggregatesFile;
    try {
      aggregates = await readAggregates(planningId);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'storage_corrupt')) throw error;
      await rebuild(planningId, 'damaged');
      recovered.add(planningId);
      return;
    }
    const probes = await newestDay(planningId);
    const headHash = aggregates.head?.hash ?? null;
    const newest = probes[probes.length - 1];
    if (!newest || newest.hash === headHash) {
      // The newest record, read here anyway: the dashboard's last() needs no second listing of the folders.
      lastProbe.set(planningId, newest ?? null);
      recovered.add(planningId);
      return;
    }
    const headIndex = probes.findIndex((probe) => probe.hash === headHash);
    const start = headIndex >= 0 ? headIndex + 1 : probes[0]?.previousHash === headHash ? 0 : -1;
    if (start < 0) {
      // Probes on disk that an aggregates file never written cannot know: it went missing.
      if (aggregates.head === null && aggregates.probes === 0) await rebuild(planningId, 'missing');
      recovered.add(planningId);
      return;
    }
    recovered.add(planningId);
    summary.drop(planningId);
    const tail = probes.slice(start);
    let previous = headHash;
    for (const probe of tail) {
      if (probe.previousHash !== previous || hashRecord(probe) !== probe.hash) return;
      previous = probe.hash;
    }
    await files.update(aggregatesFile(planningId), aggregatesKind(planningId), (draft) => {
      // Another process may have counted them meanwhile (a reader beside the app): count them once.
      if (draft.head?.hash !== headHash) return;
      draft.months = changeMonths(draft.months, (months) => {
        for (const probe of tail) addProbe(months, probe);
      });
      draft.probes += tail.length;
      draft.head = { hash: newest.hash, probeId: newest.id, startedAt: newest.startedAt };
    });
    lastProbe.set(planningId, newest);
    log(`Planning ${planningId} : ${tail.length} sondage(s) enregistré(s) avant une interruption ajouté(s) aux statistiques.`);
  }

  /** One write at a time per blob: two plannings may capture the very same page at the same moment. */
  const blobWrites = new Map<string, Promise<unknown>>();

  /**
   * Stores `data` once under its SHA-256. A blob already there with the right size is taken as it is (a damaged
   * one is for verify to report, with every probe that uses it); one of another size is a write cut short or a
   * damaged copy: the true bytes, which are these by definition, replace it. Blobs are never removed.
   */
  async function writeBlob(data: Buffer, ext: 'png' | 'webp' | 'txt'): Promise<ProbeArtefact> {
    const hash = sha256(data);
    const relative = blobFile(hash, ext);
    const file = absolute(dir, relative);
    const previous = blobWrites.get(relative) ?? Promise.resolve();
    const write = previous.catch(() => undefined).then(async () => {
      const existing = await stat(file).catch(() => null);
      if (existing?.isFile() && existing.size === data.length) return;
      if (existing) log(`Capture « ${relative} » de taille inattendue (${existing.size} octets au lieu de ${data.length}) : réécrite.`);
      await mkdirDurable(path.dirname(file));
      await writeFileDurable(file, data);
    });
    blobWrites.set(relative, write);
    try {
      await write;
    } finally {
      if (blobWrites.get(relative) === write) blobWrites.delete(relative);
    }
    return { path: relative, sha256: hash, bytes: data.length };
  }

  async function appendNow(input: NewProbe, artefacts: ProbeArtefacts): Promise<Probe> {
    assertSafeId('planning', input.planningId);
    assertSafeId('sondage', input.id);
    if (Number.isNaN(Date.parse(input.startedAt))) {
      throw new AppError('invalid_input', `Date de début de sondage invalide : ${input.startedAt}`);
    }
    await recover(input.planningId);
    const { date: localDate } = parisDateTime(input.startedAt);
    const month = monthOf(localDate);
    const aggregates = await readAggregates(input.planningId);

    let screenshot: ProbeArtefact | null = null;
    let pageText: ProbeArtefact | null = null;
    let log: ProbeArtefact | null | undefined;
    try {
      // Artefacts first: a record never points at bytes that are not on disk yet. Screenshot and page text are
      // stored once by their hash (flushed, folder included); the log is appended to its month's pack (flushed).
      const [shot, text] = await Promise.all([
        artefacts.screenshot ? writeBlob(artefacts.screenshot, imageExt(artefacts.screenshot)) : null,
        artefacts.pageText !== null ? writeBlob(Buffer.from(artefacts.pageText, 'utf8'), 'txt') : null,
      ]);
      screenshot = shot;
      pageText = text;
      if (artefacts.log !== undefined) {
        log = artefacts.log ? await appendLog(dir, input.planningId, month, Buffer.from(artefacts.log, 'utf8')) : null;
      }
    } catch (error) {
      throw isDiskFull(error) ? fullError(logPackFile(input.planningId, month)) : error;
    }

    const probe = sealedRecord(input, { screenshot, pageText, ...(log === undefined ? {} : { log }) }, aggregates.head?.hash ?? null);

    const day = dayFile(input.planningId, localDate);
    // A failure from here leaves at most a log member no record points at.
    await files.update(day, dayKind, (draft) => {
      draft.probes.push(probe);
    });
    try {
      const written = await files.update(aggregatesFile(input.planningId), aggregatesKind(input.planningId), (draft) => {
        // A reading process may have counted it already, from the day file (recover()): once only.
        if (draft.head?.hash === probe.hash) return;
        draft.months = changeMonths(draft.months, (months) => {
          addProbe(months, probe);
        });
        draft.probes += 1;
        draft.head = { hash: probe.hash, probeId: probe.id, startedAt: probe.startedAt };
      });
      summary.recorded(input.planningId, written.months, probe);
    } catch (error) {
      summary.drop(input.planningId);
      try {
        await files.update(day, dayKind, (draft) => {
          draft.probes = draft.probes.filter((kept) => kept.id !== probe.id);
        });
      } catch {
        // The record stays, whole, with its artefacts: counted by recover() at the next write.
        recovered.delete(input.planningId);
        lastProbe.delete(input.planningId);
      }
      throw error;
    }
    lastProbe.set(input.planningId, probe);
    return structuredClone(probe);
  }

  async function list(
    planningId: string,
    options: { month?: MonthKey; day?: LocalDate; limit?: number } = {},
    copy = true,
  ): Promise<Probe[]> {
    assertSafeId('planning', planningId);
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const only = options.day;
    const wanted = only !== undefined ? monthOf(only) : options.month;
    const months = wanted !== undefined ? [wanted] : (await monthsOf(dir, planningId)).reverse();
    const result: Probe[] = [];
    for (const month of months) {
      const days = (await daysOf(dir, planningId, month)).filter((day) => only === undefined || day === only);
      for (const day of days.reverse()) {
        const { probes } = await files.read(dayFile(planningId, day), dayKind);
        for (let index = probes.length - 1; index >= 0 && result.length < limit; index -= 1) {
          const probe = probes[index];
          if (probe) result.push(copy ? structuredClone(probe) : probe);
        }
        if (result.length >= limit) return result;
      }
    }
    return result;
  }

  const probes: ProbeStore = {
    append: (probe, artefacts) => planningQueue.run(probe.planningId, () => appendNow(probe, artefacts)),
    list: (planningId, options) => list(planningId, options),
    recent: (planningId, limit) => list(planningId, { limit }, false),
    async last(planningId) {
      assertSafeId('planning', planningId);
      if (!recovered.has(planningId)) await planningQueue.run(planningId, () => recover(planningId).catch(() => undefined));
      const known = lastProbe.get(planningId);
      // Still the newest while the aggregates' head (re-read when another process changed it) names it.
      const head = known !== undefined ? (await readAggregates(planningId).catch(() => null))?.head : undefined;
      if (known !== undefined && (head?.hash ?? null) === (known?.hash ?? null)) {
        return known ? structuredClone(known) : null;
      }
      const [newest = null] = await list(planningId, { limit: 1 });
      lastProbe.set(planningId, newest);
      return newest;
    },
    async *iterate(planningIds, onUnreadable) {
      for (const planningId of planningIds ?? (await planningDirs(dir))) {
        assertSafeId('planning', planningId);
        // The one read path of day files, shared with the CSV export's and verification's threads (day-reader.ts).
        for await (const read of readDays(dir, planningId)) {
          if (read.probes) {
            yield* read.probes;
            continue;
          }
          const error = unreadable(read);
          if (!onUnreadable) throw error;
          onUnreadable(read.file, error);
        }
      }
    },
    planningIds: () => planningDirs(dir),
  };

  const gaps: GapStore = {
    record(gap) {
      assertSafeId('planning', gap.planningId);
      return planningQueue.run(gap.planningId, async () => {
        await recover(gap.planningId);
        const month = monthOf(parisDateTime(gap.from).date);
        summary.drop(gap.planningId);
        // The aggregates (derived) count it first and are what is taken back on failure: a gap written to its file
        // is never taken out again, since a backup or a synced copy may already hold it and evidence only grows.
        let before: AggregatesFile['months'] | undefined;
        await files.update(aggregatesFile(gap.planningId), aggregatesKind(gap.planningId), (draft) => {
          before = draft.months;
          draft.months = changeMonths(draft.months, (months) => {
            addGap(months, gap);
          });
        });
        try {
          await files.update(gapsFile(gap.planningId, month), gapsKind, (draft) => {
            draft.gaps.push(gap);
          });
        } catch (error) {
          await files
            .update(aggregatesFile(gap.planningId), aggregatesKind(gap.planningId), (draft) => {
              // This planning's queue is held: the months are as this record found them.
              if (before !== undefined) draft.months = before;
            })
            .catch(() => undefined);
          throw error;
        }
      });
    },
    async list(planningId, month) {
      assertSafeId('planning', planningId);
      const months = month !== undefined ? [month] : await monthsOf(dir, planningId);
      const result: Gap[] = [];
      for (const key of months) result.push(...(await files.read(gapsFile(planningId, key), gapsKind)).gaps);
      return structuredClone(result).sort((a, b) => b.from.localeCompare(a.from));
    },
  };

  async function aggregates(planningId: string): Promise<MonthAggregate[]> {
    assertSafeId('planning', planningId);
    if (!recovered.has(planningId)) await planningQueue.run(planningId, () => recover(planningId));
    // Decoding makes fresh objects: the cached file is never handed out.
    return decodeMonths((await readAggregates(planningId)).months);
  }

  /** Runs `task` while no write of this planning is under way, once its aggregates are reconciled. */
  function exclusive<T>(planningId: string, task: () => Promise<T>): Promise<T> {
    return planningQueue.run(planningId, async () => {
      // A damaged aggregates file is for the task (verification) to report, not a reason to stop it.
      await recover(planningId).catch(() => undefined);
      return task();
    });
  }

  /**
   * Another process changed the planning's files: the next reads go to the disk, not to the file cache (which
   * notices such changes only within a second).
   */
  async function reread(planningId: string): Promise<void> {
    files.forget(aggregatesFile(planningId));
    lastProbe.delete(planningId);
    const month = (await monthsOf(dir, planningId)).at(-1);
    const day = month === undefined ? undefined : (await daysOf(dir, planningId, month)).at(-1);
    if (day !== undefined) files.forget(dayFile(planningId, day));
  }

  return { probes, gaps, aggregates, exclusive, reread };
}

/** WebP by its RIFF header, else PNG (what Chromium captures). */
function imageExt(data: Buffer): 'webp' | 'png' {
  return data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP' ? 'webp' : 'png';
}

/**
 * The record of a probe as the store writes it: local date and time in Paris, its category, its artefacts, the
 * previous probe's hash, and its own hash over all of that.
 */
export function sealedRecord(
  input: NewProbe,
  artefacts: { screenshot: ProbeArtefact | null; pageText: ProbeArtefact | null; log?: ProbeArtefact | null },
  previousHash: string | null,
): Probe {
  const { date: localDate, time: localTime } = parisDateTime(input.startedAt);
  const unsigned: Omit<Probe, 'hash'> = {
    id: input.id,
    planningId: input.planningId,
    startedAt: input.startedAt,
    localDate,
    localTime,
    durationMs: input.durationMs,
    url: input.url,
    finalUrl: input.finalUrl,
    outcome: input.outcome,
    firstSlot: input.firstSlot,
    secondSlot: input.secondSlot,
    category: categoryOf(localDate, input.firstSlot, input.secondSlot, input.outcome),
    detail: input.detail,
    ...(input.detailMessage === undefined ? {} : { detailMessage: input.detailMessage }),
    httpStatus: input.httpStatus,
    screenshot: artefacts.screenshot,
    pageText: artefacts.pageText,
    // Added fields stay absent when unknown: records written before them keep their hash.
    ...(input.caption === undefined ? {} : { caption: input.caption }),
    ...(artefacts.log === undefined ? {} : { log: artefacts.log }),
    ...(input.robot === undefined ? {} : { robot: input.robot }),
    environment: input.environment,
    trigger: input.trigger,
    previousHash,
  };
  // Stored in canonical key order: its line is then the very text its hash was computed over, with the hash added.
  return canonicalOrder({ ...unsigned, hash: hashRecord(unsigned) });
}
