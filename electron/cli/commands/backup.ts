// `backup DOSSIER [--json]`: what is new in the data folder copied into DOSSIER, flushed, then the copy checked
// with verify's checks; exit code 0 only when the copy is good.
import path from 'node:path';
import { coreError } from '../../core/errors.js';
import { coreMessage } from '../../shared/messages/index.js';
import { clearProgress, progressLine } from '../progress.js';
import { openCore, type Command } from './context.js';

export const backup: Command = async (context) => {
  const [given] = context.args;
  if (!given) throw coreError('invalid_input', coreMessage('cli.backup_usage'));
  const core = openCore(context);
  const draw = progressLine(context.words);
  const stop = draw ? core.on('job:progress', draw) : () => undefined;
  try {
    const result = await core.api['backup:run']({ path: path.resolve(given) });
    clearProgress();
    if (context.json) {
      context.words.raw(JSON.stringify(result));
    } else if (result.refused) {
      context.words.out('backup.refused', { dest: result.dest, file: result.refused.file, why: result.refused.why });
    } else if (result.good) {
      context.words.out('backup.done', { dest: result.dest, files: result.copiedFiles, probes: result.checkedProbes });
    } else {
      context.words.out('backup.not_good', { dest: result.dest, problems: result.problems });
    }
    if (!context.json && result.sourceProblems > 0) context.words.note('backup.source_problems', { count: result.sourceProblems });
    return result.good ? 0 : 1;
  } finally {
    stop();
    clearProgress();
    await core.close();
  }
};
