// `export csv --out FILE [--planning ID]`: the raw data CSV (La Cimade's layout).
import path from 'node:path';
import { coreError } from '../../core/errors.js';
import { coreMessage } from '../../shared/messages/index.js';
import { withCore, type Command } from './context.js';

export const exportCommand: Command = (context) => {
  const [kind] = context.args;
  if (kind !== 'csv') throw coreError('invalid_input', coreMessage('cli.export_usage'));
  if (!context.out) throw coreError('invalid_input', coreMessage('cli.export_out_missing'));
  const out = path.resolve(context.out);
  return withCore(context, async (core) => {
    const result = await core.api['export:csv']({
      path: out,
      ...(context.planningIds.length > 0 ? { planningIds: context.planningIds } : {}),
    });
    context.words.note('cli.export_written', { rows: result.rows, path: result.path });
    for (const file of result.skipped ?? []) context.words.note('cli.export_skipped', { file });
    return result.skipped && result.skipped.length > 0 ? 1 : 0;
  });
};
