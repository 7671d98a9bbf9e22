import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import { SUMMARY_FILE, WRITER_LOCK_FILE } from '../store/index.js';

/** Lock files held by this process (two cores of one process on one folder happen in tests and tools). */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per data folder: the desktop app and the command line share the folder, and two processes writing
 * it would overwrite each other's files (a probe lost without a trace) and probe twice. Readers (stats, export,
 * verify) need no lock. A lock left by a process that died is taken over.
 */
export async function acquireWriterLock(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, WRITER_LOCK_FILE);
  await mkdir(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(file, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' });
      held.add(file);
      return async () => {
        held.delete(file);
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readFile(file, 'utf8')
        .then((text) => JSON.parse(text) as { pid?: unknown })
        .catch(() => ({ pid: undefined }));
      const ours = holder.pid === process.pid;
      if (typeof holder.pid === 'number' && (ours ? held.has(file) : alive(holder.pid))) {
        throw new AppError(
          'busy',
          `Un autre processus Guichets écrit déjà dans ce dossier de données (processus ${holder.pid} : l’application ou la ligne de commande). Fermez-le d’abord pour modifier ou sonder d’ici, ou choisissez un autre dossier avec --data-dir.`,
        );
      }
      // The writer died: a probe it recorded may be counted by no aggregates yet. The dashboard's summary, which
      // trusts a quick check only while no lock is left behind (store/summary.ts), is read from the records again.
      await rm(path.join(dataDir, ...SUMMARY_FILE.split('/')), { force: true });
      await rm(file, { force: true });
    }
  }
  throw new AppError('busy', `Verrou du dossier de données impossible à prendre : ${file}`);
}

export interface Writer {
  /** Taken before the first write, kept until release(): one writing process per data folder. */
  asWriter: () => Promise<void>;
  /**
   * Runs `work` as the writer if this process is, or can become it for that long; skips it when another process
   * writes. A lock taken only for `work` is given back after it, so a reading process (`serve` exporting a CSV)
   * never keeps the desktop app from writing afterwards.
   */
  whileWriter: (work: () => Promise<void>) => Promise<boolean>;
  release: () => Promise<void>;
}

/** The core's side of the lock: taken lazily (readers such as `stats` or `verify` never take it). */
export function createWriter(dataDir: string): Writer {
  let lock: Promise<() => Promise<void>> | null = null;
  // asWriter() keeps the lock until release(); whileWriter() alone gives it back.
  let kept = false;
  async function take(): Promise<void> {
    lock ??= acquireWriterLock(dataDir);
    try {
      await lock;
    } catch (error) {
      lock = null;
      throw error;
    }
  }
  async function release(): Promise<void> {
    const held = lock;
    lock = null;
    kept = false;
    if (held) await (await held.catch(() => () => Promise.resolve()))();
  }
  let borrowers = 0;
  return {
    async asWriter() {
      // Said before waiting: a whileWriter() ending meanwhile must not give back the lock this call waits on.
      const before = kept;
      kept = true;
      try {
        await take();
      } catch (error) {
        kept = before;
        throw error;
      }
    },
    async whileWriter(work) {
      borrowers += 1;
      try {
        const taken = await take().then(
          () => true,
          () => false,
        );
        if (taken) await work();
        return taken;
      } finally {
        borrowers -= 1;
        if (!kept && borrowers === 0 && lock !== null) await release();
      }
    },
    release,
  };
}
