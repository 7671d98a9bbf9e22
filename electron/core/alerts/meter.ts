// How many bytes the evidence folder takes, for the disk budget (setting `evidenceBudgetGb`). At the design's
// scale it holds hundreds of thousands of files (captures stored once, a log pack per planning and month), so it is
// never walked file by file each time: files there are written once, through a rename, so a folder whose
// modification time has not changed since it was last listed holds the same files, and its bytes are taken from
// then. The log packs are the exception (appended in place, which leaves their folder's time alone): they are
// measured again each time. A measure lists only the folders that gained or lost a file (the current month's, the
// captures' folders that gained one) and stats every folder once. The measure runs in the background: whoever asks
// gets the last one, never waits for a walk.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { LOG_PACK_FILE } from '../store/log-packs.js';

interface Folder {
  mtimeMs: number;
  /** Bytes of the files directly inside, log packs aside. */
  ownBytes: number;
  /** The log pack inside, if any: measured each time. */
  pack: boolean;
  children: Map<string, Folder>;
}

export interface EvidenceMeasure {
  bytes: number;
  /** When it was taken (Date.now()). */
  at: number;
  /** Folders listed anew this time (the others were unchanged since the previous measure). */
  listed: number;
}

async function measureFolder(folder: string, known: Folder | undefined, count: { listed: number }): Promise<{ folder: Folder; bytes: number } | null> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) return null;
  let ownBytes = known?.ownBytes ?? 0;
  let pack = known?.pack ?? false;
  let mtimeMs = info.mtimeMs;
  const children = new Map<string, Folder>();
  let childNames: string[];
  if (known && known.mtimeMs === info.mtimeMs) {
    childNames = [...known.children.keys()];
  } else {
    count.listed += 1;
    // A folder or a file that could not be read this time (locked by an antivirus, too many open files) is not
    // taken as known: its folder is listed again at the next measure (NaN equals no time).
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => {
      mtimeMs = Number.NaN;
      return [];
    });
    ownBytes = 0;
    pack = false;
    childNames = [];
    for (const entry of entries) {
      if (entry.isDirectory()) childNames.push(entry.name);
      else if (entry.name === LOG_PACK_FILE) pack = true;
      else if (entry.isFile()) {
        const size = (await stat(path.join(folder, entry.name)).catch(() => null))?.size;
        if (size === undefined) mtimeMs = Number.NaN;
        ownBytes += size ?? 0;
      }
    }
  }
  let bytes = ownBytes;
  if (pack) bytes += (await stat(path.join(folder, LOG_PACK_FILE)).catch(() => null))?.size ?? 0;
  for (const name of childNames) {
    const child = await measureFolder(path.join(folder, name), known?.children.get(name), count);
    if (!child) continue;
    children.set(name, child.folder);
    bytes += child.bytes;
  }
  return { folder: { mtimeMs, ownBytes, pack, children }, bytes };
}

export interface EvidenceMeter {
  /** Measures now (listing only what changed since the previous measure) and keeps the result. */
  measure(): Promise<EvidenceMeasure>;
  /** The last measure (null before the first); starts a new one in the background when it is older than `maxAgeMs`. */
  latest(maxAgeMs: number, now?: number): EvidenceMeasure | null;
}

export interface EvidenceMeterOptions {
  log?: (message: string) => void;
  /** Told each measure once it is done (the alerts show a budget crossed at once, not at the next probe). */
  onMeasured?: (measure: EvidenceMeasure) => void;
}

export function createEvidenceMeter(folder: string, options: EvidenceMeterOptions = {}): EvidenceMeter {
  const log = options.log ?? (() => undefined);
  let tree: Folder | undefined;
  let last: EvidenceMeasure | null = null;
  let running: Promise<EvidenceMeasure> | null = null;
  const measure = (): Promise<EvidenceMeasure> => {
    running ??= (async () => {
      const count = { listed: 0 };
      const measured = await measureFolder(folder, tree, count);
      tree = measured?.folder;
      last = { bytes: measured?.bytes ?? 0, at: Date.now(), listed: count.listed };
      options.onMeasured?.(last);
      return last;
    })().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    measure,
    latest(maxAgeMs, now = Date.now()) {
      if (running === null && (last === null || now - last.at >= maxAgeMs)) {
        measure().catch((error: unknown) => {
          log(`Mesure du dossier des preuves impossible : ${error instanceof Error ? error.message : String(error)}`);
        });
      }
      return last;
    },
  };
}
