// `seals list`: the seals of the data folder as they present themselves; `verify` says whether they hold.
import { formatFingerprint } from '../../core/api/index.js';
import { parisTime } from '../format.js';
import { actionRefused, printJson, withCore, type Command } from './context.js';

export const seals: Command = (context) => {
  const [action] = context.args;
  if (action !== 'list') {
    throw actionRefused('seals', action, ['list']);
  }
  return withCore(
    context,
    async (core) => {
      const list = await core.api['seals:list'](undefined);
      if (context.json) {
        printJson({ seals: list });
        return 0;
      }
      if (list.length === 0) context.words.out('cli.seals_none');
      for (const seal of list) {
        context.words.out('cli.seals_line', {
          name: seal.name,
          when: parisTime(seal.createdAt),
          probes: seal.probes,
          plannings: seal.plannings,
          key: seal.installationKey ? formatFingerprint(seal.installationKey) : '?',
          stamped: seal.stamped ? 'yes' : 'no',
          readable: seal.readable ? 'yes' : 'no',
        });
      }
      if (list.length > 0) context.words.out('cli.seals_footer');
      return 0;
    },
    false,
  );
};
