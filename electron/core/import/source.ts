// The file given to import, opened once and read only through that handle. Whatever the reason it cannot be read
// (absent, forbidden, a folder, a device, a pipe), the person gets one message, without the path: it says no more
// about the computer's files than « this is not a file that can be imported », so that a path typed by someone
// else (any transport that still passed one) learns nothing of what exists. The web host hands over an upload in a
// temporary file; the desktop and the command line, the file the person chose.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { megabytes, type ImportLimits } from './limits.js';
import { importError } from './problems.js';

export interface ChosenFile {
  handle: FileHandle;
  size: number;
  kind: 'csv' | 'dossier';
}

// Non-blocking: opening a named pipe or a terminal must not wait for a writer. Both flags are undefined on Windows,
// where neither can be opened so, and a bitwise or counts undefined as 0.
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/** Opens the chosen file: a regular file, or one message whatever went wrong. */
export async function openChosen(file: string, limits: ImportLimits): Promise<ChosenFile> {
  let handle: FileHandle;
  try {
    handle = await open(file, FLAGS);
  } catch {
    throw importError('import.unreadable');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw importError('import.unreadable');
    const magic = Buffer.alloc(4);
    const { bytesRead } = await handle.read(magic, 0, 4, 0);
    // A ZIP begins with a local file header (PK\x03\x04), or an end of directory when it is empty (PK\x05\x06).
    const kind = bytesRead === 4 && (magic.equals(Buffer.from('PK\x03\x04', 'latin1')) || magic.equals(Buffer.from('PK\x05\x06', 'latin1'))) ? 'dossier' : 'csv';
    const max = kind === 'csv' ? limits.csvBytes : limits.dossierBytes;
    if (info.size > max) throw importError('import.too_large', { max: megabytes(max), kind });
    return { handle, size: info.size, kind };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

const CHUNK = 256 * 1024;

/**
 * The file's bytes from its start, at most `max` of them (a file that grows while read is refused). Read through
 * the handle itself: a ReadStream closes its descriptor when destroyed, whatever autoClose says.
 */
export async function* fileChunks(chosen: ChosenFile, max: number, onBytes?: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  for (let position = 0; ; ) {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const { bytesRead } = await chosen.handle.read(buffer, 0, CHUNK, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    if (position > max) throw importError('import.too_large', { max: megabytes(max), kind: chosen.kind });
    const chunk = buffer.subarray(0, bytesRead);
    onBytes?.(chunk);
    yield chunk;
  }
}

/** SHA-256 of the whole file, read through the same handle. */
export async function fileSha256(chosen: ChosenFile): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileChunks(chosen, Number.MAX_SAFE_INTEGER)) hash.update(chunk);
  return hash.digest('hex');
}
