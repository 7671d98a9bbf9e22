// One lowdb `Low` per JSON file, kept in a bounded cache, with writes that either happen whole or not at all.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { AppError } from '../errors.js';
import { mkdirDurable, sameStamp, tempFileOf, writeFileDurable, type FileStamp } from './durable.js';
import { absolute } from './layout.js';
import { createKeyedQueue } from './queue.js';

export interface FileKind<T> {
  empty: () => T;
  /** Checks the shape of what was parsed: false means the file is damaged. */
  valid: (value: unknown) => value is T;
  stringify?: (value: T) => string;
  /** 'data' for derived files, brought up to date when an older copy is found (see writeFileDurable). */
  flush?: 'all' | 'data';
}

export interface JsonFiles {
  /** The file's current contents (its empty value when absent). Shared with the cache: never mutate it. */
  read<T>(relative: string, kind: FileKind<T>): Promise<T>;
  /** Changes a copy, writes it atomically, and only then makes it the cached contents. One at a time per file. */
  update<T>(relative: string, kind: FileKind<T>, change: (draft: T) => void): Promise<T>;
  /** Reads from disk, bypassing the cache (verification, exports). Null when the file does not exist. */
  readFresh<T>(relative: string, kind: FileKind<T>): Promise<T | null>;
  /** Drops a file from the cache (after it was moved aside). */
  forget(relative: string): void;
  idle(): Promise<void>;
}

interface Entry {
  db: Low;
  adapter: DurableJsonFile;
  ready: Promise<void>;
  busy: number;
  /** Length of the file's text when last read or written: what the entry weighs in the cache. */
  bytes: number;
  /** When the file on disk was last compared with the cached copy (Date.now()). */
  checkedAt: number;
}

/**
 * lowdb's adapter for one JSON file, written through writeFileDurable (flushed before a write resolves) and
 * remembering the stamp of the version it holds, so that a change by another process can be noticed.
 */
class DurableJsonFile implements Adapter<unknown> {
  /** Null while the file does not exist. */
  stamp: FileStamp | null = null;

  constructor(
    private readonly file: string,
    private readonly parse: (text: string) => unknown,
    private readonly stringify: (value: unknown) => string,
    private readonly flush: 'all' | 'data',
  ) {}

  /**
   * Read synchronously on purpose, as the bulk paths do (day-reader.ts): these files are a few kB to a few tens
   * of kB, and four trips through the thread pool (open, stat, read, close) cost more than the read itself. The
   * dashboard's first call reads two files per planning.
   */
  // eslint-disable-next-line @typescript-eslint/require-await -- lowdb's Adapter reads through a promise
  async read(): Promise<unknown> {
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.stamp = null;
      return null;
    }
    try {
      // Files are replaced by renames, never changed in place: the stamp and the text are of one version.
      const { mtimeMs, size } = fstatSync(fd);
      const text = readFileSync(fd, 'utf8');
      this.stamp = { mtimeMs, size };
      return this.parse(text);
    } finally {
      closeSync(fd);
    }
  }

  async write(value: unknown): Promise<void> {
    this.stamp = await writeFileDurable(this.file, this.stringify(value), { flush: this.flush });
  }
}

async function stampOf(file: string): Promise<FileStamp | null> {
  try {
    const { mtimeMs, size } = await stat(file);
    return { mtimeMs, size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

class DamagedShape extends Error {}

export function corruptError(file: string): AppError {
  return new AppError(
    'storage_corrupt',
    `Le fichier de données « ${file} » est endommagé (contenu illisible). Guichets ne l’efface jamais : ` +
      'restaurez-le depuis une sauvegarde, ou déplacez-le hors du dossier de données, puis relancez Guichets.',
  );
}

export function fullError(file: string): AppError {
  return new AppError(
    'storage_full',
    `Le disque est plein : « ${file} » n’a pas pu être écrit, et rien n’a été enregistré à moitié. ` +
      'Libérez de la place sur le disque du dossier de données, puis relancez.',
  );
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

function parser<T>(kind: FileKind<T>): (text: string) => T {
  return (text) => {
    const value: unknown = JSON.parse(text);
    if (!kind.valid(value)) throw new DamagedShape();
    return value;
  };
}

function isDamage(error: unknown): boolean {
  return error instanceof SyntaxError || error instanceof DamagedShape;
}

export interface JsonFilesOptions {
  dir: string;
  /** At most this many files stay in memory. */
  maxOpen?: number;
  /** And at most about this many bytes of their JSON text (a parsed file takes a few times that in memory). */
  maxBytes?: number;
  /**
   * A cached file is compared with the disk (time and size) when it was last checked longer ago than this, so a
   * process that only reads (`cli serve` beside the app) sees new probes within about that delay.
   */
  freshnessMs?: number;
}

/** Another process's new probes show within a second or two; the writer's own are in its cache at once. */
const FRESHNESS_MS = 1000;

export function createJsonFiles(options: JsonFilesOptions): JsonFiles {
  const { dir } = options;
  const maxOpen = options.maxOpen ?? 512;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const freshnessMs = options.freshnessMs ?? FRESHNESS_MS;
  const cache = new Map<string, Entry>();
  let cachedBytes = 0;
  const queue = createKeyedQueue();
  const madeDirs = new Set<string>();

  /** False when another process replaced the file since it was cached (checked at most every freshnessMs). */
  async function stillFresh(relative: string, entry: Entry): Promise<boolean> {
    const now = Date.now();
    if (entry.busy > 0 || now - entry.checkedAt < freshnessMs) return true;
    entry.checkedAt = now;
    const onDisk = await stampOf(absolute(dir, relative));
    return onDisk === null ? entry.adapter.stamp === null : sameStamp(onDisk, entry.adapter.stamp);
  }

  function insert(relative: string, entry: Entry): void {
    drop(relative);
    cache.set(relative, entry);
    cachedBytes += entry.bytes;
  }

  function drop(relative: string): void {
    const entry = cache.get(relative);
    if (!entry) return;
    cache.delete(relative);
    cachedBytes -= entry.bytes;
  }

  /** The entry's text changed size: its weight changes with it, if it is still cached. */
  function weigh(relative: string, entry: Entry, bytes: number): void {
    if (cache.get(relative) === entry) cachedBytes += bytes - entry.bytes;
    entry.bytes = bytes;
  }

  function evict(): void {
    // Least recently used first (Map keeps insertion order; a hit re-inserts). Files being written stay.
    for (const [key, entry] of cache) {
      if (cache.size <= maxOpen && cachedBytes <= maxBytes) return;
      if (entry.busy === 0) drop(key);
    }
  }

  async function open<T>(relative: string, kind: FileKind<T>): Promise<Entry> {
    const hit = cache.get(relative);
    if (hit) {
      cache.delete(relative);
      cache.set(relative, hit);
      await hit.ready;
      if (await stillFresh(relative, hit)) return hit;
      if (cache.get(relative) === hit) drop(relative);
    }
    const file = absolute(dir, relative);
    const parse = parser(kind);
    // The entry exists before the adapter calls these: they only run inside db.read() and db.write().
    const adapter = new DurableJsonFile(
      file,
      (text) => {
        weigh(relative, entry, text.length);
        return parse(text);
      },
      (value) => {
        const text = kind.stringify ? kind.stringify(value as T) : JSON.stringify(value, null, 2);
        weigh(relative, entry, text.length);
        return text;
      },
      kind.flush ?? 'all',
    );
    const db = new Low<unknown>(adapter, kind.empty());
    const entry: Entry = { db, adapter, ready: Promise.resolve(), busy: 0, bytes: 0, checkedAt: Date.now() };
    // Worded once, here: a read of the same file that arrives meanwhile awaits this same promise (above).
    entry.ready = db.read().catch((error: unknown) => {
      throw isDamage(error) ? corruptError(file) : error;
    });
    insert(relative, entry);
    evict();
    try {
      await entry.ready;
    } catch (error) {
      if (cache.get(relative) === entry) drop(relative);
      throw error;
    }
    evict();
    return entry;
  }

  return {
    async read(relative, kind) {
      const entry = await open(relative, kind);
      return entry.db.data as ReturnType<typeof kind.empty>;
    },

    update(relative, kind, change) {
      return queue.run(relative, async () => {
        const entry = await open(relative, kind);
        entry.busy += 1;
        const file = absolute(dir, relative);
        const previous = entry.db.data;
        try {
          const draft = structuredClone(previous) as ReturnType<typeof kind.empty>;
          change(draft);
          entry.db.data = draft;
          const folder = path.dirname(file);
          if (!madeDirs.has(folder)) {
            await mkdirDurable(folder);
            madeDirs.add(folder);
          }
          // Flushed, with its folder, before it resolves: a probe counts as recorded only once on disk.
          await entry.db.write();
          entry.checkedAt = Date.now();
          // Had the entry been evicted meanwhile, a reader may have cached an older copy: this one is current.
          insert(relative, entry);
          evict();
          return draft;
        } catch (error) {
          entry.db.data = previous;
          // A write goes through `.<name>.tmp`: a failed one may leave that half-written temp file.
          await rm(tempFileOf(file), { force: true }).catch(() => undefined);
          throw isDiskFull(error) ? fullError(file) : error;
        } finally {
          entry.busy -= 1;
        }
      });
    },

    async readFresh(relative, kind) {
      const file = absolute(dir, relative);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        return parser(kind)(text);
      } catch (error) {
        throw isDamage(error) ? corruptError(file) : error;
      }
    },

    forget(relative) {
      drop(relative);
    },

    idle: () => queue.idle(),
  };
}
