// `stats [--json]`: the category shares per planning.
import { printStats } from '../../core/api/index.js';
import { openCore, type Command } from './context.js';

export const stats: Command = async (context) => {
  const core = openCore(context);
  try {
    const overviews = await core.api['plannings:list'](undefined);
    if (context.json) process.stdout.write(`${JSON.stringify(overviews.map((o) => ({ planning: o.planning, stats: o.stats, problem: o.problem })))}\n`);
    else printStats(overviews, (line) => process.stdout.write(`${line}\n`));
    // A planning whose figures could not be read is not « 0 sondages »: the command says it failed for it.
    return overviews.some((overview) => overview.problem !== null) ? 1 : 0;
  } finally {
    await core.close();
  }
};
