// Writes that survive a power cut: a temporary file is written and flushed (fsync), renamed over the target,
// and the folder is flushed too, so that the rename itself is on disk. Without the flushes, a journalled file
// system may commit the rename before the data, and a power cut then leaves an empty or truncated file.
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** What a file looked like when read or written: another process changed it if either differs. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

export const sameStamp = (a: FileStamp | null, b: FileStamp | null): boolean =>
  a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size;

/** The temporary file a write goes through (the name lowdb's writer used, so older leftovers are recognised). */
export const tempFileOf = (file: string): string => path.join(path.dirname(file), `.${path.basename(file)}.tmp`);

/**
 * Flushes a folder's entries (new names, renames). Windows cannot open a folder for this, and NTFS journals
 * its metadata in order: there it is skipped.
 */
export async function fsyncDir(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | null = null;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    // Some file systems (network shares) refuse to sync a folder: the file itself was flushed all the same.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle?.close();
  }
}

/** mkdir -p, then flushes the folders that gained an entry, so a new month folder is not lost with its files. */
export async function mkdirDurable(folder: string): Promise<void> {
  const created = await mkdir(folder, { recursive: true });
  if (created === undefined) return;
  // `created` is the first folder made: its parent, and every folder made below it, gained an entry.
  const parents: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    parents.push(path.dirname(current));
    if (current === created || path.dirname(current) === current) break;
  }
  for (const parent of parents) await fsyncDir(parent);
}

async function writeAndSync(file: string, data: string | Uint8Array, flush: boolean): Promise<FileStamp> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    if (flush) await handle.sync();
    const { mtimeMs, size } = await handle.stat();
    return { mtimeMs, size };
  } finally {
    await handle.close();
  }
}

export interface DurableWriteOptions {
  /** Leaves the folder's flush to the caller, who writes several files there and flushes it once. */
  skipDirSync?: boolean;
  /**
   * 'all' (default): the data and the rename are on disk when it resolves. 'data': the data is flushed before the
   * rename, so the file is never found empty or truncated, but the rename may be lost in a power cut (the older
   * version stays): for files derived from flushed ones and brought up to date from them (the aggregates).
   */
  flush?: 'all' | 'data';
}

/**
 * Replaces `file` with `data`, whole or not at all, flushed to disk when it resolves. Returns the new file's
 * stamp. Writes to one file must not overlap (the callers queue them). A failed write removes its temporary file.
 */
export async function writeFileDurable(
  file: string,
  data: string | Uint8Array,
  options: DurableWriteOptions = {},
): Promise<FileStamp> {
  const temp = tempFileOf(file);
  try {
    const stamp = await writeAndSync(temp, data, true);
    await rename(temp, file);
    if ((options.flush ?? 'all') === 'all' && !options.skipDirSync) await fsyncDir(path.dirname(file));
    return stamp;
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
