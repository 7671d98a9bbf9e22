// `tsa-roots [add FILE.pem | remove SHA256]`: the roots that time-stamps must chain to, on this PC (never read
// from the data folder). Without an action, lists them with their fingerprints.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { coreError } from '../../core/errors.js';
import { coreMessage } from '../../shared/messages/index.js';
import { openCore, type Command } from './context.js';

export const tsaRoots: Command = async (context) => {
  const [action, value] = context.args;
  const { words } = context;
  if (action !== undefined && action !== 'add' && action !== 'remove') {
    throw coreError('invalid_input', coreMessage('cli.unknown_action', { command: 'tsa-roots', action, actions: 'add, remove' }));
  }
  if (action !== undefined && !value) throw coreError('invalid_input', coreMessage('cli.tsa_roots_usage', { action }));
  const core = openCore(context);
  try {
    if (action === 'add' && value) {
      const pem = await readFile(path.resolve(value), 'utf8').catch(() => {
        throw coreError('invalid_input', coreMessage('cli.tsa_root_unreadable', { file: value }));
      });
      const root = await core.api['seals:addRoot']({ pem });
      words.out('cli.tsa_root_added', { name: root.name, sha256: root.sha256 });
    } else if (action === 'remove' && value) {
      const { removed } = await core.api['seals:removeRoot']({ sha256: value });
      words.out(removed ? 'cli.tsa_root_removed' : 'cli.tsa_root_not_found');
    } else {
      const roots = await core.api['seals:roots'](undefined);
      if (context.json) words.raw(JSON.stringify({ roots }));
      else for (const root of roots) words.out('cli.tsa_root_line', { sha256: root.sha256, name: root.name, source: root.source, published: root.published ?? 'none' });
    }
    return 0;
  } finally {
    await core.close();
  }
};
