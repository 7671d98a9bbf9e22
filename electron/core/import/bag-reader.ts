// Reads another association's dossier (a BagIt ZIP written by Guichets) and checks it before anything is
// imported: every file against manifest-sha256.txt and tagmanifest-sha256.txt, no payload file unlisted, and
// the signature of each seal it carries against the public key beside it.
import { createHash, createPublicKey, verify } from 'node:crypto';
import yauzl from 'yauzl';
import { AppError } from '../errors.js';

export interface CheckedBag {
  /** bag-info.txt, label → values. */
  info: Map<string, string[]>;
  /** data/sondages.csv, as text. */
  csv: string;
  files: number;
  seals: number;
}

const KEEP = /(^|\/)(bagit\.txt|bag-info\.txt|manifest-sha256\.txt|tagmanifest-sha256\.txt|data\/sondages\.csv|data\/scellements\/[^/]+\.(json|sig|pem))$/;

const bad = (what: string): AppError =>
  new AppError('invalid_input', `Dossier refusé : ${what}. Rien n’a été importé.`);

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, strictFileNames: true }, (error, zip) => (error ? reject(bad(`ZIP illisible (${error.message})`)) : resolve(zip)));
  });
}

/** Every entry's SHA-256, and the bytes of the few small files the checks read. */
async function readEntries(file: string): Promise<{ hashes: Map<string, string>; kept: Map<string, Buffer> }> {
  const zip = await openZip(file);
  const hashes = new Map<string, string>();
  const kept = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (error: Error) => reject(bad(`ZIP illisible (${error.message})`)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) {
          reject(bad(`ZIP illisible (${error.message})`));
          return;
        }
        const hash = createHash('sha256');
        const chunks: Buffer[] | null = KEEP.test(entry.fileName) ? [] : null;
        stream.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          chunks?.push(chunk);
        });
        stream.on('error', (streamError) => reject(bad(`ZIP illisible (${streamError.message})`)));
        stream.on('end', () => {
          hashes.set(entry.fileName, hash.digest('hex'));
          if (chunks) kept.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  zip.close();
  return { hashes, kept };
}

function manifest(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-f]{64})\s+(.+)$/i.exec(line);
    if (match?.[1] && match[2]) entries.set(match[2].replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%'), match[1].toLowerCase());
  }
  return entries;
}

export async function readCheckedBag(file: string): Promise<CheckedBag> {
  const { hashes, kept } = await readEntries(file);
  const declaration = [...kept.keys()].find((name) => /^([^/]+\/)?bagit\.txt$/.test(name));
  if (!declaration) throw bad('ce n’est pas un dossier de preuves (pas de bagit.txt)');
  const root = declaration.slice(0, -'bagit.txt'.length);
  const text = (name: string): string => {
    const bytes = kept.get(`${root}${name}`);
    if (!bytes) throw bad(`${name} manquant`);
    return bytes.toString('utf8');
  };
  const payload = manifest(text('manifest-sha256.txt'));
  const tags = manifest(text('tagmanifest-sha256.txt'));
  for (const [name, digest] of [...payload, ...tags]) {
    const actual = hashes.get(`${root}${name}`);
    if (actual === undefined) throw bad(`${name} est listé dans le manifeste mais absent`);
    if (actual !== digest) throw bad(`${name} a été modifié (son empreinte SHA-256 ne correspond pas au manifeste)`);
  }
  for (const name of hashes.keys()) {
    if (name.startsWith(`${root}data/`) && !payload.has(name.slice(root.length))) throw bad(`${name.slice(root.length)} n’est pas dans le manifeste`);
  }
  // Seals: each signature against the public key the dossier carries.
  let seals = 0;
  // The installation's key, and any set aside when it was replaced: a seal is valid under one of them.
  const keys = [...kept].filter(([name]) => name.startsWith(`${root}data/scellements/`) && name.endsWith('.pub.pem')).map(([, pem]) => pem);
  for (const [name, body] of kept) {
    const stamp = new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}data/scellements/(\\d{8}T\\d{6}Z)\\.json$`).exec(name)?.[1];
    if (!stamp) continue;
    const signature = kept.get(`${root}data/scellements/${stamp}.sig`);
    if (!signature || keys.length === 0) throw bad(`le scellement ${stamp} n’a pas sa signature ou sa clé publique`);
    const valid = keys.some((key) => {
      try {
        return verify(null, body, createPublicKey(key), signature);
      } catch {
        return false;
      }
    });
    if (!valid) throw bad(`la signature du scellement ${stamp} ne correspond pas`);
    seals += 1;
  }
  const info = new Map<string, string[]>();
  for (const line of text('bag-info.txt').split(/\r?\n/)) {
    const match = /^([^:\s][^:]*):\s*(.*)$/.exec(line);
    if (match?.[1]) info.set(match[1], [...(info.get(match[1]) ?? []), match[2] ?? '']);
  }
  return { info, csv: text('data/sondages.csv'), files: payload.size, seals };
}
