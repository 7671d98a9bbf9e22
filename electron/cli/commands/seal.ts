// `seal [--new-key]`: seals the data folder now (signed, time-stamped by every authority that answers); with
// --new-key, a new installation key announced in the seal and signed by the current one.
import { wordCore } from '../../core/messages.js';
import { printer, printSealWritten } from '../verify-report.js';
import { openCore, type Command } from './context.js';

export const seal: Command = async (context) => {
  const core = openCore(context);
  try {
    const result = await (context.newKey ? core.api['seals:rotateKey'](undefined) : core.api['seals:create'](undefined));
    // Why an authority gave no token, beside the result (standard error), in the person's language.
    for (const failure of result.stampFailures) process.stderr.write(`${wordCore(failure, context.words.lang)}\n`);
    printSealWritten(printer((text) => process.stdout.write(text), context.words.lang), result);
    return 0;
  } finally {
    await core.close();
  }
};
