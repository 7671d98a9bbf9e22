// `export csv --out FILE [--planning ID]`: the raw data CSV (La Cimade's layout); `export png --planning ID
// [--out FILE.png]`: the planning's chart as the app exports it, in the person's language.
import path from 'node:path';
import { coreError } from '../../core/errors.js';
import { coreMessage } from '../../shared/messages/index.js';
import { withCore, type Command, type CommandContext } from './context.js';
import { expandPlanningIds } from './planning-ids.js';

export const exportCommand: Command = (context) => {
  const [kind] = context.args;
  if (kind === 'png') return exportPng(context);
  if (kind !== 'csv') throw coreError('invalid_input', coreMessage('cli.export_usage'));
  if (!context.out) throw coreError('invalid_input', coreMessage('cli.export_out_missing'));
  const out = path.resolve(context.out);
  return withCore(context, async (core) => {
    const planningIds = await expandPlanningIds(core, context.planningIds);
    const result = await core.api['export:csv']({
      path: out,
      ...(planningIds.length > 0 ? { planningIds } : {}),
    });
    context.words.note('cli.export_written', { rows: result.rows, path: result.path });
    for (const file of result.skipped ?? []) context.words.note('cli.export_skipped', { file });
    return result.skipped && result.skipped.length > 0 ? 1 : 0;
  });
};

function exportPng(context: CommandContext): Promise<number> {
  const [given] = context.planningIds;
  if (given === undefined || context.planningIds.length > 1) throw coreError('invalid_input', coreMessage('cli.export_png_planning'));
  return withCore(context, async (core) => {
    const [planningId = given] = await expandPlanningIds(core, [given]);
    const result = await core.api['export:chartPng']({
      planningId,
      lang: context.words.lang,
      ...(context.out ? { path: path.resolve(context.out) } : {}),
    });
    context.words.note('cli.export_png_written', { path: result.path });
    return 0;
  });
}
