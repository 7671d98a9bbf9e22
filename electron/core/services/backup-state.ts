// What the data folder knows of its backups: the last good one (its date, where, how many probes its check saw)
// and the last attempt. Kept here, never in a copy, so that a copy cannot vouch for itself.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackupState } from '../../shared/api.js';
import { writeFileDurable } from '../store/durable.js';

export const BACKUP_STATE_FILE = 'backup-state.json';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The state as written; an absent or unreadable file knows of no backup (the next good one writes it again). */
export async function readBackupState(dataDir: string): Promise<BackupState> {
  try {
    const value: unknown = JSON.parse(await readFile(path.join(dataDir, BACKUP_STATE_FILE), 'utf8'));
    if (!isRecord(value)) return { lastGood: null, lastAttempt: null };
    const lastGood = isRecord(value.lastGood) && typeof value.lastGood.at === 'string' && typeof value.lastGood.dest === 'string' ? value.lastGood : null;
    const lastAttempt = isRecord(value.lastAttempt) && typeof value.lastAttempt.at === 'string' ? value.lastAttempt : null;
    return { lastGood: lastGood as BackupState['lastGood'], lastAttempt: lastAttempt as BackupState['lastAttempt'] };
  } catch {
    return { lastGood: null, lastAttempt: null };
  }
}

/** Records a backup's outcome; a failed attempt keeps the last good one. */
export async function writeBackupState(dataDir: string, change: Partial<BackupState>): Promise<void> {
  const state = { ...(await readBackupState(dataDir)), ...change };
  await writeFileDurable(path.join(dataDir, BACKUP_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}
