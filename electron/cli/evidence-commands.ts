// The command line's dossier de preuves, publication and import. Through the API, like the desktop app.
import path from 'node:path';
import type { ApiEvents } from '../shared/api.js';
import { formatFingerprint, type Core } from '../core/api/index.js';
import { coreError } from '../core/errors.js';
import { wordCore } from '../core/messages.js';
import { coreMessage } from '../shared/messages/index.js';
import { parisTime } from './format.js';
import { wordsFor, type Words } from './words.js';

export interface EvidenceCommandContext {
  args: string[];
  out: string | null;
  planningIds: string[];
  from: string | null;
  to: string | null;
  association: string | null;
  /** The person's language (the stages of a dossier are said in it). */
  words?: Words;
}

const say = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** A progress bar on a terminal, a line every tenth otherwise (a log file, CI). */
function progressPrinter(words: Words): (event: ApiEvents['dossier:progress']) => void {
  const { lang } = words;
  let lastTenth = -1;
  let lastPhase = '';
  return (event) => {
    if (event.phase !== lastPhase && event.phase !== 'files') say(wordCore(event.message, lang));
    lastPhase = event.phase;
    if (event.phase !== 'files' || event.total === 0) return;
    const share = event.done / event.total;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)} % ${words.say('cli.dossier_progress_megabytes', { done: event.done / 1e6, total: event.total / 1e6 })}`);
      if (event.done >= event.total) process.stderr.write('\n');
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      say(`${lastTenth * 10} %`);
    }
  };
}

/** The person's language, French when the caller gave none. */
const wordsOf = (context: EvidenceCommandContext): Words => context.words ?? wordsFor('fr');

export async function dossierCommand(core: Core, context: EvidenceCommandContext): Promise<number> {
  const words = wordsOf(context);
  if (context.planningIds.length === 0) throw coreError('invalid_input', coreMessage('cli.dossier_planning_missing'));
  if (!context.out) throw coreError('invalid_input', coreMessage('cli.dossier_out_missing'));
  const jobId = `cli-${process.pid}`;
  const off = core.on('dossier:progress', (event) => {
    if (event.jobId === jobId) print(event);
  });
  const print = progressPrinter(words);
  const cancel = (): void => {
    say(`\n${words.say('cli.dossier_cancelling')}`);
    void core.api['dossier:cancel']({ jobId });
  };
  process.once('SIGINT', cancel);
  try {
    const result = await core.api['dossier:create']({
      planningIds: context.planningIds,
      ...(context.from ? { from: context.from } : {}),
      ...(context.to ? { to: context.to } : {}),
      path: path.resolve(context.out),
      jobId,
    });
    words.note('cli.dossier_written', { path: result.path, probes: result.probes, screenshots: result.screenshots, megabytes: result.payloadBytes / 1e6 });
    words.note('cli.dossier_pdf', { path: result.pdfPath });
    words.note('cli.dossier_seal', { seal: result.seal ?? 'none' });
    for (const file of result.altered) words.note('cli.dossier_altered', { file });
    return result.altered.length > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', cancel);
    off();
  }
}

export async function publishCommand(core: Core, context: EvidenceCommandContext): Promise<number> {
  if (!context.out) throw coreError('invalid_input', coreMessage('cli.publish_out_missing'));
  const result = await core.api['publish:site']({ path: path.resolve(context.out) });
  wordsOf(context).note('cli.publish_written', { path: result.path, pages: result.pages });
  return 0;
}

export async function importCommand(core: Core, context: EvidenceCommandContext): Promise<number> {
  const words = wordsOf(context);
  const [file] = context.args;
  if (!file) throw coreError('invalid_input', coreMessage('cli.import_usage'));
  const result = await core.api['import:file']({
    path: path.resolve(file),
    ...(context.planningIds[0] ? { planningId: context.planningIds[0] } : {}),
    ...(context.association ? { association: context.association } : {}),
  });
  words.note('cli.import_done', { added: result.added, skipped: result.skipped });
  for (const [planning, count] of Object.entries(result.byPlanning)) words.note('cli.import_planning_count', { planning, count });
  const { sealed } = result;
  if (sealed) {
    words.note('cli.import_sealed', {
      seal: sealed.seal,
      association: sealed.association || 'none',
      key: formatFingerprint(sealed.key),
      proven: sealed.provenFrom ? parisTime(sealed.provenFrom) : 'none',
    });
    words.note('cli.import_compare_key');
  } else if (result.added > 0) {
    words.note('cli.import_unsealed');
  }
  if (result.unsigned > 0) words.note('cli.import_unsigned', { count: result.unsigned });
  return 0;
}
