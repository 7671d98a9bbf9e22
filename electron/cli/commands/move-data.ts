// `move-data DOSSIER` (move-data.ts), in the folder in use.
import { moveDataCommand } from '../move-data.js';
import { appVersion, dataDirOf, log, type Command } from './context.js';

export const moveData: Command = (context) =>
  moveDataCommand({
    args: context.args,
    dataDir: dataDirOf(context),
    explicit: Boolean(context.dataDir ?? process.env.GUICHETS_DATA_DIR),
    appVersion,
    log,
    words: context.words,
  });
