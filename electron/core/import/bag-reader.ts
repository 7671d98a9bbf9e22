// Reads a dossier (a BagIt ZIP written by Guichets) without trusting it: every file is streamed and checked against
// manifest-sha256.txt and tagmanifest-sha256.txt, no payload file may be unlisted, and what the import keeps (the
// CSV, the records, the seal's files) is handed to its reader as it streams by, within the limits of limits.ts.
// Two passes over the ZIP's directory: the first checks names and declared sizes and reads the manifests (so that
// a bomb is refused before anything is inflated), the second hashes every file.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../errors.js';
import { megabytes, type ImportLimits } from './limits.js';
import { importError } from './problems.js';

/** The CSV's entry in a dossier: what messages about its lines name. */
export const DOSSIER_CSV = 'data/sondages.csv';

/** What the import does with one file of the bag (its path from the bag's top, `data/sondages.csv`). */
export interface EntryUse {
  /** Bytes it may hold once unpacked. */
  max: number;
  /** Reads it to its end; it is refused if its bytes then differ from the manifest's. */
  read(chunks: AsyncIterable<Buffer>): Promise<void>;
}

export interface CheckedBag {
  /** bag-info.txt, label → values. Unsigned: for display only, never for trust. */
  info: Map<string, string[]>;
  /** The texts of bag-info.txt and manifest-sha256.txt, checked against the tag manifest. */
  infoText: string;
  manifest: string;
  /** Payload files. */
  files: number;
}

const TAG_FILES = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'] as const;

const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true };

/** A failure of the ZIP itself (yauzl's, in English and naming the entry) becomes one French line. */
function unreadable(error: unknown): unknown {
  return error instanceof AppError ? error : importError('import.zip_unreadable');
}

/**
 * The ZIP read through the import's own file handle, which yauzl never closes (its fd reader closes the descriptor
 * when done, and the import reads the file more than once).
 */
class HandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly handle: FileHandle) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const { handle } = this;
    return Readable.from(
      (async function* range(): AsyncGenerator<Buffer> {
        for (let position = start; position < end; ) {
          const length = Math.min(RANGE_CHUNK, end - position);
          const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(length), 0, length, position);
          if (bytesRead === 0) throw new Error('unexpected end of file');
          position += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      })(),
      { objectMode: false },
    );
  }

  // The central directory is read a few bytes at a time: directly, not through a stream each time.
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null) => void): void {
    const { handle } = this;
    (async () => {
      for (let done = 0; done < length; ) {
        const { bytesRead } = await handle.read(buffer, offset + done, length - done, position + done);
        if (bytesRead === 0) throw new Error('unexpected end of file');
        done += bytesRead;
      }
    })().then(
      () => callback(null),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

const RANGE_CHUNK = 256 * 1024;

async function openZip(handle: FileHandle, size: number): Promise<yauzl.ZipFile> {
  try {
    const zip = await yauzl.fromRandomAccessReaderPromise(new HandleReader(handle), size, OPTIONS);
    // An error with nobody listening would end the process; the pending read rejects all the same.
    zip.on('error', () => undefined);
    return zip;
  } catch (error) {
    throw unreadable(error);
  }
}

const isLink = (entry: yauzl.Entry): boolean => ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;

function manifest(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-f]{64})\s+(.+)$/i.exec(line);
    if (match?.[1] && match[2]) entries.set(match[2].replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%'), match[1].toLowerCase());
  }
  return entries;
}

/** An entry's bytes, counted against its limit as they are inflated and hashed. */
async function* metered(stream: Readable, entry: string, max: number, hash: ReturnType<typeof createHash>, end: { reached: boolean }): AsyncGenerator<Buffer> {
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > max) throw importError('import.entry_too_large', { entry, max: megabytes(max) });
      hash.update(chunk);
      yield chunk;
    }
  } catch (error) {
    // The inflating stream's own failures (a lying size, bad deflate data); its reader's stay as they are.
    throw unreadable(error);
  }
  end.reached = true;
}

/** Streams one entry through its reader (or none) and returns its SHA-256. */
async function hashEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, max: number, use: EntryUse | null): Promise<string> {
  const stream = await zip.openReadStreamPromise(entry).catch((error: unknown) => {
    throw unreadable(error);
  });
  const hash = createHash('sha256');
  const end = { reached: false };
  try {
    const chunks = metered(stream, name, max, hash, end);
    if (use) await use.read(chunks);
    // Whatever the reader left (none of ours stops early without failing) is hashed all the same.
    if (!end.reached) for (let next = await chunks.next(); !next.done; next = await chunks.next());
  } finally {
    stream.destroy();
  }
  return hash.digest('hex');
}

interface FirstPass {
  root: string;
  tags: Map<string, yauzl.Entry>;
  /** The folders directly under data/ (`data/enregistrements`…): what kind of dossier this is. */
  folders: Set<string>;
}

/** Names, links and declared sizes, before anything is inflated: the bag's top folder and its tag files. */
async function firstPass(zip: yauzl.ZipFile, fileBytes: number, limits: ImportLimits): Promise<FirstPass> {
  const tagFiles: { name: string; entry: yauzl.Entry }[] = [];
  // Declared unpacked bytes, of the whole ZIP ('') and of each top folder (the bag's top is one or the other).
  const unpacked = new Map<string, number>();
  const dataFolders = new Set<string>();
  let count = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      count += 1;
      if (count > limits.entries) throw importError('import.too_many_entries', { max: limits.entries });
      if (isLink(entry)) throw importError('import.zip_link');
      if (entry.fileName.endsWith('/')) continue;
      const top = /^[^/]+\//.exec(entry.fileName)?.[0];
      for (const key of top ? ['', top] : ['']) unpacked.set(key, (unpacked.get(key) ?? 0) + entry.uncompressedSize);
      const folder = /^(?:[^/]+\/)?data\/[^/]+(?=\/)/.exec(entry.fileName)?.[0];
      if (folder) dataFolders.add(folder);
      // Only the names the bag's top can have are remembered here: tag files, at the top or one folder down.
      if (/^([^/]+\/)?[^/]+\.txt$/.test(entry.fileName)) {
        if (tagFiles.some(({ name }) => name === entry.fileName)) throw importError('import.zip_unreadable');
        tagFiles.push({ name: entry.fileName, entry });
      }
    }
  } catch (error) {
    throw unreadable(error);
  }
  const declarations = tagFiles.filter(({ name }) => /^([^/]+\/)?bagit\.txt$/.test(name));
  if (declarations.length !== 1) throw importError('import.not_a_bag');
  const root = (declarations[0]?.name ?? '').slice(0, -'bagit.txt'.length);
  const budget = limits.unpackedBase + limits.unpackedPerByte * fileBytes;
  if ((unpacked.get(root) ?? 0) > budget) throw importError('import.unpacked_too_large', { max: megabytes(budget) });
  const tags = new Map(tagFiles.filter(({ name }) => TAG_FILES.some((tag) => name === `${root}${tag}`)).map(({ name, entry }) => [name.slice(root.length), entry]));
  const folders = new Set([...dataFolders].filter((folder) => folder.startsWith(`${root}data/`)).map((folder) => folder.slice(root.length)));
  return { root, tags, folders };
}

/** Bytes an entry of the bag may hold: its reader's limit, a tag file's, or any file's. */
function limitOf(name: string, use: EntryUse | null, limits: ImportLimits): number {
  if (use) return use.max;
  if (name === 'manifest-sha256.txt' || name === 'tagmanifest-sha256.txt') return limits.manifestBytes;
  if (!name.startsWith('data/')) return limits.smallBytes;
  return limits.entryBytes;
}

async function readTag(zip: yauzl.ZipFile, tags: Map<string, yauzl.Entry>, name: string, limits: ImportLimits): Promise<string> {
  const entry = tags.get(name);
  if (!entry) throw importError('import.bag_missing', { entry: name });
  const chunks: Buffer[] = [];
  await hashEntry(zip, entry, name, limitOf(name, null, limits), {
    max: limitOf(name, null, limits),
    read: async (stream) => {
      for await (const chunk of stream) chunks.push(chunk);
    },
  });
  return Buffer.concat(chunks).toString('utf8');
}

/** Which payload files the import reads (and within which limit), once it knows the folders under data/. */
export type BagPlan = (folders: ReadonlySet<string>) => (name: string) => EntryUse | null;

/**
 * Checks a dossier whole; `plan` says which payload files the import reads, each handed over as it streams by.
 * Resolves only when every file matches its manifest.
 */
export async function readBag(handle: FileHandle, fileBytes: number, plan: BagPlan, limits: ImportLimits): Promise<CheckedBag> {
  const zip = await openZip(handle, fileBytes);
  let root: string;
  let payload: Map<string, string>;
  let manifestText: string;
  let tagDigests: Map<string, string>;
  let infoText: string;
  let useOf: (name: string) => EntryUse | null;
  try {
    const first = await firstPass(zip, fileBytes, limits);
    root = first.root;
    useOf = plan(first.folders);
    await readTag(zip, first.tags, 'bagit.txt', limits);
    manifestText = await readTag(zip, first.tags, 'manifest-sha256.txt', limits);
    payload = manifest(manifestText);
    tagDigests = manifest(await readTag(zip, first.tags, 'tagmanifest-sha256.txt', limits));
    infoText = await readTag(zip, first.tags, 'bag-info.txt', limits);
  } finally {
    zip.close();
  }
  const files = payload.size;

  const second = await openZip(handle, fileBytes);
  try {
    for await (const entry of second.eachEntry()) {
      if (entry.fileName.endsWith('/') || !entry.fileName.startsWith(root)) continue;
      const name = entry.fileName.slice(root.length);
      const isPayload = name.startsWith('data/');
      const expected = isPayload ? payload.get(name) : tagDigests.get(name);
      // A payload file unlisted, or a second copy of a listed one, is not part of what the manifest vouches for.
      if (isPayload && expected === undefined) throw importError('import.bag_unlisted', { entry: name });
      const use = isPayload ? useOf(name) : null;
      const max = limitOf(name, use, limits);
      // Said before inflating it: a bomb is refused without being unpacked.
      if (entry.uncompressedSize > max) throw importError('import.entry_too_large', { entry: name, max: megabytes(max) });
      const digest = await hashEntry(second, entry, name, max, use);
      if (expected !== undefined && digest !== expected) throw importError('import.bag_altered', { entry: name });
      if (isPayload) payload.delete(name);
      else tagDigests.delete(name);
    }
  } catch (error) {
    throw unreadable(error);
  } finally {
    second.close();
  }
  const absent = [...payload.keys(), ...tagDigests.keys()].sort()[0];
  if (absent !== undefined) throw importError('import.bag_absent', { entry: absent });

  const info = new Map<string, string[]>();
  for (const line of infoText.split(/\r?\n/)) {
    const match = /^([^:\s][^:]*):\s*(.*)$/.exec(line);
    if (match?.[1]) info.set(match[1], [...(info.get(match[1]) ?? []), match[2] ?? '']);
  }
  return { info, infoText, manifest: manifestText, files };
}
