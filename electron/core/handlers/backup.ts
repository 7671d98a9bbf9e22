// Backups through the API: run one now (desktop and command line: the person chooses the folder), and what the data
// folder knows of the last good one.
import { readBackupState } from '../services/backup-state.js';
import type { HandlerContext, Handlers } from './context.js';

export function backupHandlers(ctx: HandlerContext): Handlers<'backup:run' | 'backup:status'> {
  return {
    'backup:run': ({ path }) => ctx.backups.run(path),
    'backup:status': () => readBackupState(ctx.app.dataDir),
  };
}
