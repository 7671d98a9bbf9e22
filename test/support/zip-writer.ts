// ZIP files written byte by byte for the importer's tests: honest bags, and hostile ones no archiver would write
// (sizes that lie, symbolic links, bombs of a few MB that inflate to GB). Layout: PKWARE APPNOTE 4.3.7, 4.3.12,
// 4.3.16; no ZIP64 (every test file stays under 4 GB declared).
import { createHash } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipItem {
  name: string;
  /** The bytes as they are: deflated here. */
  data?: Buffer | string;
  /** Or already deflated (a bomb): with the size and CRC to declare. */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** Overrides the declared unpacked size (a lie). */
  declaredSize?: number;
  /** A symbolic link (Unix mode 120777 in the external attributes). */
  symlink?: boolean;
}

/** `head`, then `chunk` repeated `times` times, deflated without deflating it all: each copy is a full-flush segment. */
export function repeatedDeflate(chunk: Buffer, times: number, head = Buffer.alloc(0)): { bytes: Buffer; size: number; crc: number } {
  const flushed = (data: Buffer): Buffer => deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const segment = flushed(chunk);
  let crc = crc32(head);
  for (let i = 0; i < times; i += 1) crc = crc32(chunk, crc);
  const bytes = Buffer.concat([flushed(head), ...Array.from({ length: times }, () => segment), deflateRawSync(Buffer.alloc(0))]);
  return { bytes, size: head.length + chunk.length * times, crc };
}

export function zipBytes(items: readonly ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const name = Buffer.from(item.name, 'utf8');
    const raw = item.data === undefined ? null : Buffer.from(item.data);
    const body = item.deflated ?? { bytes: deflateRawSync(raw ?? Buffer.alloc(0)), size: raw?.length ?? 0, crc: crc32(raw ?? Buffer.alloc(0)) };
    const size = item.declaredSize ?? body.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(body.crc >>> 0, 14);
    local.writeUInt32LE(body.bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body.bytes);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0314, 4); // made by Unix, version 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(body.crc >>> 0, 16);
    entry.writeUInt32LE(body.bytes.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(((item.symlink ? 0o120777 : 0o100644) << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + body.bytes.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/**
 * A BagIt bag as a ZIP (top folder `root`), its manifests computed from `payload` (paths under data/). `listed`
 * gives the digests to write instead (a bomb's, which the test never computes), `extra` adds raw items as they are.
 */
export function bagZip(
  root: string,
  payload: Record<string, Buffer | string>,
  options: { listed?: Record<string, string>; extra?: ZipItem[]; info?: string } = {},
): Buffer {
  const manifest = Object.entries({ ...Object.fromEntries(Object.entries(payload).map(([name, data]) => [name, sha256(data)])), ...options.listed })
    .map(([name, digest]) => `${digest}  ${name}\n`)
    .join('');
  const tags: Record<string, string> = {
    'bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    'bag-info.txt': options.info ?? 'Source-Organization: Association Test\n',
    'manifest-sha256.txt': manifest,
  };
  const tagManifest = Object.entries(tags)
    .map(([name, text]) => `${sha256(text)}  ${name}\n`)
    .join('');
  return zipBytes([
    ...Object.entries(payload).map(([name, data]) => ({ name: `${root}/${name}`, data })),
    ...(options.extra ?? []),
    ...Object.entries({ ...tags, 'tagmanifest-sha256.txt': tagManifest }).map(([name, data]) => ({ name: `${root}/${name}`, data })),
  ]);
}
