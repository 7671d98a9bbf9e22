// One lowdb `Low` per JSON file, kept in a bounded cache, with writes that either happen whole or not at all.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { AppError } from '../errors.js';
import { absolute } from './layout.js';
import { createKeyedQueue } from './queue.js';

export interface FileKind<T> {
  empty: () => T;
  /** Checks the shape of what was parsed: false means the file is damaged. */
  valid: (value: unknown) => value is T;
  stringify?: (value: T) => string;
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
  ready: Promise<void>;
  busy: number;
  /** Length of the file's text when last read or written: what the entry weighs in the cache. */
  bytes: number;
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
}

export function createJsonFiles(options: JsonFilesOptions): JsonFiles {
  const { dir } = options;
  const maxOpen = options.maxOpen ?? 512;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const cache = new Map<string, Entry>();
  let cachedBytes = 0;
  const queue = createKeyedQueue();
  const madeDirs = new Set<string>();

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
      return hit;
    }
    const file = absolute(dir, relative);
    const parse = parser(kind);
    // The entry exists before lowdb calls these: they only run inside db.read() and db.write().
    const db = new Low<unknown>(
      new DataFile<unknown>(file, {
        parse: (text) => {
          weigh(relative, entry, text.length);
          return parse(text);
        },
        stringify: (value) => {
          const text = kind.stringify ? kind.stringify(value as T) : JSON.stringify(value, null, 2);
          weigh(relative, entry, text.length);
          return text;
        },
      }),
      kind.empty(),
    );
    const entry: Entry = { db, ready: Promise.resolve(), busy: 0, bytes: 0 };
    entry.ready = db.read();
    insert(relative, entry);
    evict();
    try {
      await entry.ready;
    } catch (error) {
      if (cache.get(relative) === entry) drop(relative);
      throw isDamage(error) ? corruptError(file) : error;
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
            await mkdir(folder, { recursive: true });
            madeDirs.add(folder);
          }
          await entry.db.write();
          // Had the entry been evicted meanwhile, a reader may have cached an older copy: this one is current.
          insert(relative, entry);
          evict();
          return draft;
        } catch (error) {
          entry.db.data = previous;
          // steno writes `.<name>.tmp` then renames it: a failed write may leave that half-written temp file.
          await rm(path.join(path.dirname(file), `.${path.basename(file)}.tmp`), { force: true }).catch(() => undefined);
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
