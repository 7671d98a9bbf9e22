// Probe logs, one append-only pack per planning and month (`evidence/<planning>/<YYYY-MM>/logs.gz`) instead of one
// file per probe: at the design's scale that is 18,000 files instead of 13 million. Each log is one gzip member
// appended to the pack and flushed before its record is written; the record gives the member's `offset` and
// `length` and, as before, the SHA-256 and size of the log's own bytes, so that the log extracted with standard
// tools (`tail -c +N | head -c L | gunzip | sha256sum`) matches its record. A member whose record was never
// written (a crash in between) is bytes no record points at: harmless. A pack is a valid multi-member gzip file.
//
// Logs of older records (one `<id>.log` per probe) may have been moved into the pack of their month by the
// migration (log-migration.ts): their record still names the old file, so a reader that does not find it looks
// the log up by its SHA-256 in the month's index (`logs-index.json`, beside the pack), then checks the bytes.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { MonthKey, Probe, ProbeArtefact } from '../../shared/domain.js';
import { sha256 } from './chain.js';
import { fsyncDir, mkdirDurable } from './durable.js';
import { absolute, artefactFolder, insideDir } from './layout.js';

export const LOG_PACK_FILE = 'logs.gz';
export const LOG_INDEX_FILE = 'logs-index.json';

export const logPackFile = (planningId: string, month: MonthKey): string => `${artefactFolder(planningId, month)}/${LOG_PACK_FILE}`;

/** Where a month's index of migrated logs sits: beside the pack, in the folder the old log files were in. */
export const logIndexOf = (folder: string): string => `${folder}/${LOG_INDEX_FILE}`;

/** A log moved into its month's pack, found by its SHA-256 (the record of an older probe names the old file). */
export interface IndexedLog {
  offset: number;
  length: number;
  bytes: number;
}

/** `logs-index.json`: SHA-256 of a log's own bytes → where its gzip member is in the pack beside. */
export interface LogIndex {
  logs: Record<string, IndexedLog>;
}

export type PackedLog = ProbeArtefact & Required<Pick<ProbeArtefact, 'offset' | 'length' | 'encoding'>>;

export const isPacked = (artefact: ProbeArtefact): artefact is PackedLog =>
  typeof artefact.offset === 'number' && typeof artefact.length === 'number' && artefact.encoding === 'gzip';

/** The member written for a log: level 6 gives nearly all of level 9's gain on small texts, at half the time. */
export const packMember = (log: Buffer): Buffer => gzipSync(log, { level: 6 });

/**
 * Appends one member to a pack and flushes it (and the folder, when the pack is new); gives where it starts.
 * Appends to one pack must not overlap: the callers hold the planning's queue. A failed write is cut off again,
 * so that the next member starts where this one would have.
 */
export async function appendMember(dir: string, pack: string, member: Buffer): Promise<number> {
  const file = absolute(dir, pack);
  await mkdirDurable(path.dirname(file));
  const handle = await open(file, 'a');
  let offset = -1;
  try {
    offset = (await handle.stat()).size;
    await handle.write(member, 0, member.length);
    await handle.sync();
  } catch (error) {
    if (offset >= 0) await handle.truncate(offset).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
  // A new pack's name must be on disk with its first member.
  if (offset === 0) await fsyncDir(path.dirname(file));
  return offset;
}

/** Stores a probe's log in the pack of its planning and month; gives what its record says of it. */
export async function appendLog(dir: string, planningId: string, month: MonthKey, log: Buffer): Promise<PackedLog> {
  const pack = logPackFile(planningId, month);
  const member = packMember(log);
  const offset = await appendMember(dir, pack, member);
  return { path: pack, sha256: sha256(log), bytes: log.length, offset, length: member.length, encoding: 'gzip' };
}

/** What reading a log found: its bytes (to be checked against the record), nothing, or a pack cut short or damaged. */
export type LogRead = { kind: 'bytes'; data: Buffer } | { kind: 'missing' } | { kind: 'damaged' };

/**
 * Inflates one member. The output buffer is sized from the size the record gives (zlib's default, 16 kB a call,
 * is most of the garbage a bulk verification makes); a longer output only takes more rounds.
 */
function inflate(slice: Buffer, expected: number): LogRead {
  try {
    const chunkSize = Math.min(Math.max(Number.isSafeInteger(expected) ? expected + 1 : 0, 64), 64 * 1024);
    return { kind: 'bytes', data: gunzipSync(slice, { chunkSize }) };
  } catch {
    return { kind: 'damaged' };
  }
}

function memberOf(pack: Buffer | null, offset: number, length: number, expected: number): LogRead {
  if (pack === null) return { kind: 'missing' };
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length <= 0 || offset + length > pack.length) {
    return { kind: 'damaged' };
  }
  return inflate(pack.subarray(offset, offset + length), expected);
}

function readOrNull(file: string | null): Buffer | null {
  if (file === null) return null;
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function parseIndex(data: Buffer | null): LogIndex | null {
  if (data === null) return null;
  try {
    const value = JSON.parse(data.toString('utf8')) as unknown;
    const logs = (value as { logs?: unknown } | null)?.logs;
    return typeof logs === 'object' && logs !== null ? { logs: logs as Record<string, IndexedLog> } : null;
  } catch {
    return null;
  }
}

/**
 * Reads logs for a bulk path (verification), synchronously: a pack is read once and kept while the logs of its
 * month are read (the records of a month come one after the other), and so is a month's index.
 */
export interface LogReader {
  read(artefact: ProbeArtefact): LogRead;
  /** A log moved into the pack of `folder` (where its own file was), by its SHA-256. */
  readIndexed(folder: string, sha256: string): LogRead;
}

export function createLogReader(dir: string): LogReader {
  let packPath: string | null = null;
  let packBytes: Buffer | null = null;
  let indexPath: string | null = null;
  let index: LogIndex | null = null;
  const pack = (relative: string): Buffer | null => {
    if (relative !== packPath) {
      packPath = relative;
      packBytes = readOrNull(insideDir(dir, relative));
    }
    return packBytes;
  };
  const readIndexed = (folder: string, hash: string): LogRead => {
    const indexFile = logIndexOf(folder);
    if (indexFile !== indexPath) {
      indexPath = indexFile;
      index = parseIndex(readOrNull(insideDir(dir, indexFile)));
    }
    const entry = index !== null && Object.hasOwn(index.logs, hash) ? index.logs[hash] : undefined;
    if (!entry) return { kind: 'missing' };
    return memberOf(pack(`${folder}/${LOG_PACK_FILE}`), entry.offset, entry.length, entry.bytes);
  };
  return {
    read(artefact) {
      if (isPacked(artefact)) return memberOf(pack(artefact.path), artefact.offset, artefact.length, artefact.bytes);
      const own = readOrNull(insideDir(dir, artefact.path));
      if (own !== null) return { kind: 'bytes', data: own };
      // A log moved into its month's pack: found by its hash in the index beside, if any.
      return readIndexed(path.posix.dirname(artefact.path), artefact.sha256);
    },
    readIndexed,
  };
}

/** One member of a pack read without the whole pack: the dossier reads the logs of a period, one by one. */
function readMember(file: string | null, offset: number, length: number, expected: number): LogRead {
  if (file === null) return { kind: 'missing' };
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { kind: 'missing' };
  }
  try {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length <= 0 || offset + length > fstatSync(fd).size) {
      return { kind: 'damaged' };
    }
    const slice = Buffer.alloc(length);
    readSync(fd, slice, 0, length, offset);
    return inflate(slice, expected);
  } catch {
    return { kind: 'damaged' };
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of a probe's log, whichever way it is stored (its own file, a pack, a pack after the migration), or
 * null when there is none or it cannot be read. Not checked against the record: the caller does that (the
 * dossier's manifest gives its SHA-256, which the verifier compares with the record's).
 */
export function readProbeLog(dir: string, probe: Pick<Probe, 'log'>): Promise<Buffer | null> {
  const artefact = probe.log;
  if (!artefact) return Promise.resolve(null);
  let read: LogRead;
  if (isPacked(artefact)) read = readMember(insideDir(dir, artefact.path), artefact.offset, artefact.length, artefact.bytes);
  else read = createLogReader(dir).read(artefact);
  return Promise.resolve(read.kind === 'bytes' ? read.data : null);
}
