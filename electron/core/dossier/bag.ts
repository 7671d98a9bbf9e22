// A BagIt 1.0 bag (RFC 8493) written straight into a ZIP stream: each payload file is hashed as it goes into
// the archive, one at a time, so memory stays flat whatever the size; the manifests and bag-info come last.
import { createHash } from 'node:crypto';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { coreError, type AppError } from '../errors.js';
import { coreMessage } from '../../shared/messages/index.js';

export interface BagEntry {
  /** Path inside the bag, forward slashes ("data/…" for the payload). */
  path: string;
  sha256: string;
  bytes: number;
}

export type BagSource = Buffer | string | (() => Readable);

/** RFC 8493 §2.1.3: in manifests, CR, LF and % of a path are percent-encoded. */
export function manifestPath(path: string): string {
  return path.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

const manifestText = (entries: readonly BagEntry[]): string =>
  entries.map((entry) => `${entry.sha256}  ${manifestPath(entry.path)}\n`).join('');

/** Labels and values on one line each; a value never holds a line break (RFC 8493 §2.2.2 allows folding, we avoid it). */
function bagInfoText(info: readonly [string, string][]): string {
  return info.map(([label, value]) => `${label}: ${value.replace(/\s*[\r\n]+\s*/g, ' ')}\n`).join('');
}

const ALREADY_COMPRESSED = /\.(png|pdf|zip|jpe?g)$/i;

/** Said as a cancellation (its code), not as an input refused. */
export const cancelledError = (): AppError => coreError('invalid_input', coreMessage('progress.dossier_cancelled'));

export interface BagWriter {
  /** Adds a payload file (its path under data/); resolves once it is in the archive. */
  addPayload(path: string, source: BagSource): Promise<BagEntry>;
  /** Adds a tag file at the bag's top (the verifier), listed in the tag manifest. */
  addTag(path: string, source: BagSource): Promise<BagEntry>;
  /** Writes bagit.txt, the manifests and bag-info.txt (with Payload-Oxum), then closes the archive. */
  finish(info: readonly [string, string][]): Promise<{ payloadBytes: number; payloadFiles: number }>;
  abort(): void;
}

/**
 * `root` is the single top-level folder of the serialised bag (RFC 8493 §4.2: the file's name without its
 * extension). `onBytes` is told of every payload byte that enters the archive, for a progress bar.
 */
export function createBagWriter(out: Writable, root: string, options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {}): BagWriter {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const payload: BagEntry[] = [];
  const extraTags: BagEntry[] = [];
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) => {
    const fail = (error: Error): void => {
      failure ??= error;
      reject(failure);
    };
    archive.on('error', fail);
    out.on('error', fail);
  });
  failed.catch(() => undefined);
  archive.pipe(out);

  async function add(path: string, source: BagSource, counted: boolean): Promise<BagEntry> {
    if (options.signal?.aborted) throw cancelledError();
    if (failure) throw failure;
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new PassThrough();
    meter.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
      if (counted) options.onBytes?.(chunk.length);
    });
    const input = typeof source === 'function' ? source() : Readable.from([Buffer.from(source)]);
    input.on('error', (error) => meter.destroy(error));
    input.pipe(meter);
    const done = new Promise<void>((resolve, reject) => {
      archive.once('entry', () => resolve());
      meter.once('error', reject);
    });
    archive.append(meter, { name: `${root}/${path}`, store: ALREADY_COMPRESSED.test(path) });
    await Promise.race([done, failed]);
    return { path, sha256: hash.digest('hex'), bytes };
  }

  return {
    async addPayload(path, source) {
      const entry = await add(`data/${path}`, source, true);
      payload.push(entry);
      return entry;
    },
    async addTag(path, source) {
      const entry = await add(path, source, false);
      extraTags.push(entry);
      return entry;
    },
    async finish(info) {
      const payloadBytes = payload.reduce((sum, entry) => sum + entry.bytes, 0);
      const tags: BagEntry[] = [...extraTags];
      tags.push(await add('bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', false));
      const fullInfo: [string, string][] = [...info, ['Payload-Oxum', `${payloadBytes}.${payload.length}`]];
      tags.push(await add('bag-info.txt', bagInfoText(fullInfo), false));
      tags.push(await add('manifest-sha256.txt', manifestText(payload), false));
      await add('tagmanifest-sha256.txt', manifestText(tags), false);
      const closed = new Promise<void>((resolve) => out.once('close', resolve));
      await Promise.race([archive.finalize(), failed]);
      await Promise.race([closed, failed]);
      return { payloadBytes, payloadFiles: payload.length };
    },
    abort() {
      archive.abort();
      out.destroy();
    },
  };
}
