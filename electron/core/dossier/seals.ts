// The seals a dossier carries (from `seals/` of the data folder): the first seal made at or after
// the period's end covers every probe of the period (each seal covers the chain heads, which cover what came
// before); without one, the newest seal. With it: the public key and the timestamp authorities' certificates.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { PUBLIC_KEY_FILE as PUBLIC_KEY_PATH, SEALS_DIR, sealNameOfFile, sealTime } from '../seals/index.js';

/** The public key's name inside seals/. */
const PUBLIC_KEY_FILE = path.basename(PUBLIC_KEY_PATH);

export interface SealFile {
  /** Path inside seals/ ("20261201T100000Z.json", "tsa/x.pem"). */
  name: string;
  file: string;
}

export interface CoveringSeals {
  /** The seal's name (its UTC time), or null when the data folder has no seal. */
  seal: string | null;
  /** True when the seal was made at or after the period's end. */
  coversPeriod: boolean;
  files: SealFile[];
}


async function existing(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false;
}

export async function coveringSeals(dataDir: string, periodEnd: Date): Promise<CoveringSeals> {
  const dir = path.join(dataDir, SEALS_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const stamps = names
    .map(sealNameOfFile)
    .filter((stamp): stamp is string => stamp !== undefined)
    .sort();
  const after = stamps.find((stamp) => sealTime(stamp).getTime() >= periodEnd.getTime());
  const chosen = after ?? stamps[stamps.length - 1] ?? null;
  if (chosen === null) return { seal: null, coversPeriod: false, files: [] };
  const files: SealFile[] = [];
  // The key in use, and those set aside when it was replaced (installation-key-<fingerprint>.pub.pem): an older
  // seal was signed with one of them.
  const keys = names.filter((name) => name === PUBLIC_KEY_FILE || /^installation-key-[0-9a-f]+\.pub\.pem$/i.test(name)).sort();
  for (const name of [`${chosen}.json`, `${chosen}.sig`, `${chosen}.tsr`, ...keys]) {
    if (await existing(path.join(dir, name))) files.push({ name, file: path.join(dir, name) });
  }
  const tsa = (await readdir(path.join(dir, 'tsa')).catch(() => [] as string[])).filter((name) => name.endsWith('.pem')).sort();
  for (const name of tsa) files.push({ name: `tsa/${name}`, file: path.join(dir, 'tsa', name) });
  return { seal: chosen, coversPeriod: after !== undefined, files };
}
