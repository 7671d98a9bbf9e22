// The files of a dossier that its check reads (records, chaînage, histories, seals, tokens, keys, the CSV), copied
// as they stream by into a private temporary folder rather than kept in memory, within a total limit. Only names
// of the bag's layout are copied, each a path of plain segments: nothing a ZIP names can land outside the folder.
import { mkdtemp, mkdir, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EntryUse } from './bag-reader.js';
import { megabytes, type ImportLimits } from './limits.js';
import { importError } from './problems.js';

const SAFE_PATH = /^data(\/[A-Za-z0-9][A-Za-z0-9._-]{0,199}){1,6}$/;

export interface Extraction {
  /** The copy of a file of the bag, within `max` bytes; `pass` sees its chunks too (the CSV's reader). */
  use(name: string, max: number, pass?: (chunks: AsyncIterable<Buffer>) => Promise<void>): EntryUse | null;
  /** The names copied, as in the bag. */
  names(): string[];
  read(name: string): Promise<Buffer | null>;
  dispose(): Promise<void>;
}

export async function createExtraction(limits: ImportLimits): Promise<Extraction> {
  // mkdtemp makes it readable by this user only (0700).
  const root = await mkdtemp(path.join(os.tmpdir(), 'guichets-import-'));
  const copied = new Set<string>();
  let total = 0;
  return {
    use(name, max, pass) {
      if (!SAFE_PATH.test(name) || name.split('/').some((segment) => segment === '.' || segment === '..')) return null;
      return {
        max,
        async read(chunks) {
          const target = path.join(root, ...name.split('/'));
          await mkdir(path.dirname(target), { recursive: true });
          const handle = await open(target, 'wx');
          try {
            const tee = async function* (): AsyncGenerator<Buffer> {
              for await (const chunk of chunks) {
                total += chunk.length;
                if (total > limits.signedBytes) throw importError('import.signed_too_large', { max: megabytes(limits.signedBytes) });
                for (let offset = 0; offset < chunk.length; ) offset += (await handle.write(chunk, offset)).bytesWritten;
                yield chunk;
              }
            };
            if (pass) await pass(tee());
            else {
              const items = tee();
              for (let next = await items.next(); !next.done; next = await items.next()) {
                // Each chunk is written by tee() as it passes.
              }
            }
          } finally {
            await handle.close();
          }
          copied.add(name);
        },
      };
    },
    names: () => [...copied],
    read: async (name) => (copied.has(name) ? readFile(path.join(root, ...name.split('/'))) : null),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
