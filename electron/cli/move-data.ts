// `move-data DOSSIER`: the data folder moved with its contents, as the desktop app's « Déplacer… » does.
import path from 'node:path';
import { createSwitchableCore } from '../core/api/index.js';
import { coreError } from '../core/errors.js';
import { appConfigDir } from '../core/paths.js';
import { coreMessage } from '../shared/messages/index.js';
import type { Words } from './words.js';

export interface MoveDataContext {
  args: string[];
  /** The folder in use (--data-dir, GUICHETS_DATA_DIR or the app's default). */
  dataDir: string;
  /** True when --data-dir or GUICHETS_DATA_DIR chose it: the new place is then said, not remembered. */
  explicit: boolean;
  appVersion: string;
  log: (message: string) => void;
  words: Words;
}

export async function moveDataCommand(context: MoveDataContext): Promise<number> {
  const [target] = context.args;
  if (!target) throw coreError('invalid_input', coreMessage('cli.move_usage'));
  const core = createSwitchableCore({
    dataDir: context.dataDir,
    appVersion: context.appVersion,
    log: context.log,
    configDir: context.explicit ? null : appConfigDir(),
  });
  const { words } = context;
  try {
    const moved = await core.api['app:moveDataFolder']({ to: path.resolve(target) });
    words.out('cli.move_moved', { to: moved.to, files: moved.files, mb: moved.bytes / (1024 * 1024) });
    words.out(moved.oldFolder === 'removed' ? 'cli.move_old_removed' : 'cli.move_old_kept', { from: moved.from });
    if (moved.remembered) words.out('cli.move_remembered');
    else words.out('cli.move_not_remembered', { to: moved.to });
    return 0;
  } finally {
    await core.close();
  }
}
