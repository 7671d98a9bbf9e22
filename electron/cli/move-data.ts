// `move-data DOSSIER`: the data folder moved with its contents, as the desktop app's « Déplacer… » does.
import path from 'node:path';
import { createSwitchableCore } from '../core/api/switchable-core.js';
import { AppError } from '../core/errors.js';
import { appConfigDir } from '../core/paths.js';

export interface MoveDataContext {
  args: string[];
  /** The folder in use (--data-dir, GUICHETS_DATA_DIR or the app's default). */
  dataDir: string;
  /** True when --data-dir or GUICHETS_DATA_DIR chose it: the new place is then said, not remembered. */
  explicit: boolean;
  appVersion: string;
  log: (message: string) => void;
  out: (line: string) => void;
}

export async function moveDataCommand(context: MoveDataContext): Promise<number> {
  const [target] = context.args;
  if (!target) throw new AppError('invalid_input', 'Indiquez le nouveau dossier : npm run cli -- move-data DOSSIER');
  const core = createSwitchableCore({
    dataDir: context.dataDir,
    appVersion: context.appVersion,
    log: context.log,
    configDir: context.explicit ? null : appConfigDir(),
  });
  try {
    const moved = await core.api['app:moveDataFolder']({ to: path.resolve(target) });
    const mb = (moved.bytes / (1024 * 1024)).toFixed(1);
    context.out(`Dossier de données déplacé : ${moved.to} (${moved.files} fichiers, ${mb} Mo, copie vérifiée).`);
    context.out(
      moved.oldFolder === 'removed'
        ? `L’ancien dossier a été vidé : ${moved.from}`
        : `L’ancien dossier n’a pas pu être vidé, il reste tel quel : ${moved.from}`,
    );
    context.out(
      moved.remembered
        ? 'L’application de bureau et la ligne de commande l’utilisent désormais.'
        : `Lancez désormais Guichets avec --data-dir « ${moved.to} » (ou GUICHETS_DATA_DIR).`,
    );
    return 0;
  } finally {
    await core.close();
  }
}
