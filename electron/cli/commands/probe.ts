// `probe URL` (one probe of an address, outside any planning), `probe --planning ID` (a planning's probe now,
// recorded in its history, as the app's « Sonder maintenant ») and `discover URL`: through the core's API.
import { coreError } from '../../core/errors.js';
import type { UrlProbeResult } from '../../shared/api.js';
import type { Probe } from '../../shared/domain.js';
import { coreMessage } from '../../shared/messages/index.js';
import { slotText } from '../format.js';
import type { Words } from '../words.js';
import { printJson, withCore, type Command } from './context.js';
import { resolvePlanning } from './planning-ids.js';

function slotJson(probe: Pick<Probe, 'firstSlot' | 'secondSlot'>) {
  return {
    firstSlot: probe.firstSlot,
    secondSlot: probe.secondSlot,
    firstDate: probe.firstSlot?.slice(0, 10) ?? null,
    secondDate: probe.secondSlot?.slice(0, 10) ?? null,
  };
}

/** The outcome, what the robot saw and the slots, in the person's language. */
function printOutcome(words: Words, result: Pick<UrlProbeResult, 'outcome' | 'detail' | 'detailMessage' | 'firstSlot' | 'secondSlot'>): void {
  const outcome = words.say('cli.outcome', { outcome: result.outcome });
  words.out('cli.probe_result', { outcome, detail: words.core(result.detailMessage, result.detail) });
  if (result.firstSlot) words.out('cli.probe_first_slot', { slot: slotText(words, result.firstSlot) });
  if (result.secondSlot) words.out('cli.probe_second_slot', { slot: slotText(words, result.secondSlot) });
}

const probeUrl: Command = (context) =>
  withCore(
    context,
    async (core) => {
      const [url = ''] = context.args;
      const result = await core.api['probes:probeUrl']({ url, guichet: context.guichet });
      const detail = context.words.core(result.detailMessage, result.detail);
      if (context.json) {
        const { outcome, startedAt, durationMs, screenshot, log } = result;
        printJson({ outcome, ...slotJson(result), startedAt, durationMs, url: result.url, screenshot, log, detail });
        return 0;
      }
      printOutcome(context.words, result);
      if (result.screenshot) context.words.out('cli.probe_screenshot', { path: result.screenshot });
      if (result.log) context.words.out('cli.probe_log', { path: result.log });
      return 0;
    },
    false,
  );

const probePlanning: Command = (context) =>
  withCore(
    context,
    async (core) => {
      const planning = await resolvePlanning(core, context.planningIds[0] ?? '');
      const probe = await core.api['probes:runNow']({ planningId: planning.id });
      if (context.json) {
        printJson(probe);
        return 0;
      }
      printOutcome(context.words, probe);
      context.words.out('cli.probe_recorded', { planning: planning.id, id: probe.id });
      return 0;
    },
    false,
  );

export const probe: Command = (context) => {
  if (context.planningIds.length > 0 && context.args.length === 0) return probePlanning(context);
  if (context.args.length !== 1 || context.planningIds.length > 0) throw coreError('invalid_input', coreMessage('cli.probe_usage'));
  return probeUrl(context);
};

export const discover: Command = (context) => {
  const [url] = context.args;
  if (!url) throw coreError('invalid_input', coreMessage('cli.discover_usage'));
  return withCore(
    context,
    async (core) => {
      const result = await core.api['plannings:discover']({ url });
      if (context.json) {
        printJson(result);
        return 0;
      }
      context.words.raw(result.title ?? url);
      context.words.out('cli.discover_system', { system: result.system });
      if (result.guichets.length === 0) context.words.out('cli.discover_none');
      for (const guichet of result.guichets) context.words.raw(`  ${guichet.value}\t${guichet.label}`);
      return 0;
    },
    false,
  );
};
