// Files between the page and the PC, without a path chosen by the page: an upload is kept in a temporary file the
// host makes (then handed to the core), a download is a file the core wrote for one of the page's calls; and the
// files served as they are (the built UI, the evidence folder), never outside their folder.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Past this an upload is refused: the import's own limit on a file. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export class UploadTooLarge extends Error {}

/** The name the page gave its file, reduced to a plain file name (the import records it as the file's name). */
export function uploadName(given: string | null): string {
  const base = (given ?? '').split(/[\\/]/).pop() ?? '';
  const plain = base.replace(/[^\p{L}\p{N} ._()-]/gu, '_').replace(/^\.+/, '').slice(-120);
  return plain || 'import';
}

/**
 * Streams the request's body into a new private folder of the system's temporary folder; refused past `limit`
 * bytes (UploadTooLarge), nothing kept then. `dispose` removes the file and its folder.
 */
export async function receiveUpload(
  req: http.IncomingMessage,
  name: string,
  limit = MAX_UPLOAD_BYTES,
): Promise<{ file: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, name);
  let size = 0;
  const bounded = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) done(new UploadTooLarge());
      else done(null, chunk);
    },
  });
  try {
    if (Number(req.headers['content-length'] ?? 0) > limit) throw new UploadTooLarge();
    await pipeline(req, bounded, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    return { file, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** The files the core wrote for calls made through this host: the only ones it hands back. */
export function createDownloads(keep = 100) {
  const produced = new Set<string>();
  return {
    add(file: unknown): void {
      if (typeof file !== 'string') return;
      produced.delete(file);
      produced.add(file);
      // The oldest are forgotten: the page asks for a file right after the call that wrote it.
      for (const old of produced) {
        if (produced.size <= keep) break;
        produced.delete(old);
      }
    },
    has: (file: string): boolean => produced.has(file),
  };
}

const DOWNLOAD_TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
};

/** Sends a file as an attachment under its own name; 404 when it is gone. */
export async function sendDownload(res: http.ServerResponse, file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Introuvable');
    return;
  }
  const name = path.basename(file);
  res.writeHead(200, {
    'Content-Type': DOWNLOAD_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  });
  await pipeline(createReadStream(file), res);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** A file under `root` (the built UI, the evidence); `spa`: an unknown path without extension is the UI's page. */
export async function serveFile(res: http.ServerResponse, root: string, relative: string, spa: boolean): Promise<void> {
  const target = path.resolve(root, safeDecode(relative));
  if (target !== root && !target.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  let file = target;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    if (!spa || path.extname(relative) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Introuvable');
      return;
    }
    file = path.join(root, 'index.html');
    if (!(await stat(file).catch(() => null))) {
      res
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Interface non construite : lancez « npm run build:renderer » puis rechargez la page.');
      return;
    }
  }
  res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
  await pipeline(createReadStream(file), res);
}

/** A malformed %-escape is a path that does not exist, not an error to log. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '\u0000';
  }
}
