// The backups as the core runs them: one at a time, on demand (`backup:run`, the command line) and once a day into
// the folder of the settings (« Sauvegarde quotidienne ») while the schedule runs.
import type { BackupResult, JobProgress } from '../../shared/api.js';
import { coreMessage } from '../../shared/messages/index.js';
import type { Clock } from '../clock.js';
import { coreError } from '../errors.js';
import { wordCore } from '../messages.js';
import type { TrustSet } from '../seals/trust.js';
import type { Store } from '../store/index.js';
import { stat } from 'node:fs/promises';
import { runBackup } from './backup.js';
import { readBackupState } from './backup-state.js';

const HOUR_MS = 3_600_000;
/** A good backup a day; a failed one is tried again after a few hours (a disk plugged back in). */
const DUE_MS = 24 * HOUR_MS;
const RETRY_MS = 6 * HOUR_MS;

export interface BackupServiceOptions {
  store: Store;
  clock: Clock;
  trust: () => Promise<TrustSet>;
  log: (message: string) => void;
  onProgress: (progress: JobProgress) => void;
}

export type BackupService = ReturnType<typeof createBackupService>;

export function createBackupService(options: BackupServiceOptions) {
  const { store, clock, log } = options;
  let running: Promise<BackupResult> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let first: ReturnType<typeof setTimeout> | null = null;

  function run(dest: string | undefined): Promise<BackupResult> {
    if (running) throw coreError('busy', coreMessage('backup.running'));
    const task = (async () => {
      const folder = dest ?? (await store.settings.get()).backupDir;
      if (!folder) throw coreError('invalid_input', coreMessage('backup.no_folder'), { field: ['path'] });
      return runBackup({ dataDir: store.dir, dest: folder, clock, trust: await options.trust(), exclusive: store.exclusive, onProgress: options.onProgress });
    })();
    running = task;
    return task.finally(() => {
      running = null;
    });
  }

  /** The daily backup when one is due and its folder is there (a USB disk may be unplugged: tried again later). */
  async function backupIfDue(): Promise<void> {
    const folder = (await store.settings.get()).backupDir;
    if (!folder || running) return;
    const state = await readBackupState(store.dir);
    const now = clock.now().getTime();
    if (state.lastGood && now - Date.parse(state.lastGood.at) < DUE_MS) return;
    if (state.lastAttempt && !state.lastAttempt.good && now - Date.parse(state.lastAttempt.at) < RETRY_MS) return;
    if (!(await stat(folder).then((info) => info.isDirectory(), () => false))) return;
    const result = await run(folder);
    const said = result.refused
      ? coreMessage('backup.refused', { dest: result.dest, file: result.refused.file, why: result.refused.why })
      : result.good
        ? coreMessage('backup.done', { dest: result.dest, files: result.copiedFiles, probes: result.checkedProbes })
        : coreMessage('backup.not_good', { dest: result.dest, problems: result.problems });
    log(wordCore(said));
  }

  return {
    run,
    startDaily(): void {
      if (timer) return;
      const check = (): void => {
        backupIfDue().catch((error: unknown) => log(`Sauvegarde quotidienne : ${error instanceof Error ? error.message : String(error)}`));
      };
      timer = setInterval(check, HOUR_MS);
      timer.unref();
      // After the first probes and the daily seal have had their turn.
      first = setTimeout(check, 5 * 60_000);
      first.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
