// `plannings list|add|edit|follow|pause|remove`: the plannings as the app's dashboard and form handle them,
// through the same API. `add` reads the site first (its system, guichets and title), as the form's « Chercher ».
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseInput, type Core } from '../../core/api/index.js';
import { coreError } from '../../core/errors.js';
import type { PlanningChanges, PlanningInput, PlanningOverview } from '../../shared/api.js';
import type { Guichet, Planning, StepsSpec } from '../../shared/domain.js';
import { coreMessage } from '../../shared/messages/index.js';
import { departementName, knownPlanning } from '../catalogue.js';
import { parisTime, slotText } from '../format.js';
import type { Words } from '../words.js';
import { actionRefused, printJson, withCore, type Command, type CommandContext } from './context.js';
import { resolvePlanning } from './planning-ids.js';

const same = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
const listed = (guichets: readonly Guichet[]): string => guichets.map((guichet) => `${guichet.value} « ${guichet.label} »`).join(' ; ');

/**
 * The guichet a planning keeps, from those the site offers and the one the person named (its value or its
 * label, case and spacing aside). One guichet offered needs no choice: the planning keeps its label only.
 */
function chooseGuichet(offered: readonly Guichet[], given: string | null): { guichet: string | null; guichetLabel: string | null } {
  const found = given === null ? undefined : offered.find((guichet) => same(guichet.value, given) || same(guichet.label, given));
  if (given !== null && !found) {
    throw coreError('invalid_input', coreMessage('cli.plannings_guichet_unknown', { given, guichets: listed(offered) || '—' }), { field: ['guichet'] });
  }
  const [only] = offered;
  if (offered.length === 1 && only) return { guichet: null, guichetLabel: only.label };
  if (offered.length > 1 && !found) {
    throw coreError('guichet_required', coreMessage('cli.plannings_guichet_required', { guichets: listed(offered) }), { field: ['guichet'] });
  }
  return { guichet: found?.value ?? null, guichetLabel: found?.label ?? null };
}

async function readSteps(file: string): Promise<StepsSpec> {
  try {
    // The core validates the steps themselves; here, only that the file is JSON.
    return JSON.parse(await readFile(path.resolve(file), 'utf8')) as StepsSpec;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw coreError('invalid_input', coreMessage('cli.plannings_steps_unreadable', { file, reason }), { field: ['steps'] });
  }
}

/** What the site offers at `url`, said on standard error. */
async function readSite(core: Core, words: Words, url: string) {
  const found = await core.api['plannings:discover']({ url });
  words.note('cli.plannings_read', { system: found.system, count: found.guichets.length, title: found.title ?? 'none' });
  return found;
}

const stateOf = (planning: Planning): string => (planning.stoppedAt ? 'stopped' : planning.followed ? 'followed' : 'paused');

function printOverview(words: Words, { planning, lastProbe, problem }: PlanningOverview): void {
  words.out('cli.plannings_line', { id: planning.id, state: stateOf(planning), departement: planning.departement, prefecture: planning.prefecture, label: planning.label });
  words.out('cli.plannings_address', { url: planning.url, guichet: planning.guichetLabel ?? planning.guichet ?? 'none' });
  if (lastProbe) {
    words.out('cli.plannings_last_probe', {
      when: parisTime(lastProbe.startedAt),
      outcome: words.say('cli.outcome', { outcome: lastProbe.outcome }),
      slot: lastProbe.firstSlot ? slotText(words, lastProbe.firstSlot) : 'none',
    });
  } else words.out('cli.plannings_never_probed');
  if (problem) words.out('cli.plannings_problem', { problem });
}

async function list(core: Core, context: CommandContext): Promise<number> {
  const overviews = await core.api['plannings:list'](undefined);
  if (context.json) {
    printJson({ plannings: overviews.map(({ planning, lastProbe, problem }) => ({ ...planning, lastProbe, problem })) });
  } else if (overviews.length === 0) context.words.out('cli.plannings_none');
  else for (const overview of overviews) printOverview(context.words, overview);
  // A planning whose figures could not be read is said, and the command says it failed for it.
  return overviews.some((overview) => overview.problem !== null) ? 1 : 0;
}

async function add(core: Core, context: CommandContext): Promise<number> {
  const [url] = context.args;
  if (!url) throw coreError('invalid_input', coreMessage('cli.plannings_url_missing'));
  const options = context.planning;
  const known = knownPlanning(url);
  const departement = options.departement ?? known?.departement;
  if (!departement) throw coreError('invalid_input', coreMessage('cli.plannings_departement_missing'), { field: ['departement'] });
  const steps = options.steps ? await readSteps(options.steps) : null;
  const typed: PlanningInput = {
    label: options.label ?? known?.procedure ?? url,
    departement,
    prefecture: options.prefecture ?? known?.prefecture ?? departementName(departement) ?? departement,
    url,
    system: steps ? 'steps' : undefined,
    guichet: null,
    procedure: options.procedure ?? known?.procedure ?? '',
    onlineMandatory: options.onlineMandatory ?? false,
    followed: !options.paused,
    steps,
  };
  // What the person typed (a département « 999 », a label too long…) is refused before the site is read, not after;
  // a label they did not type is the site's title, not known yet (the address stands in for it only at the end).
  parseInput('plannings:create', { ...typed, label: options.label ?? known?.procedure ?? 'site' });
  const site = steps ? null : await readSite(core, context.words, url);
  const { guichet, guichetLabel } = site ? chooseGuichet(site.guichets, context.guichet) : { guichet: null, guichetLabel: null };
  const input: PlanningInput = {
    ...typed,
    label: options.label ?? guichetLabel ?? site?.title ?? known?.procedure ?? url,
    system: steps ? 'steps' : site?.system,
    guichet,
    guichetLabel,
  };
  const planning = await core.api['plannings:create'](input);
  if (context.json) printJson(planning);
  else {
    const { id, label, prefecture } = planning;
    context.words.out('cli.plannings_added', { id, label, departement: planning.departement, prefecture, followed: planning.followed ? 'yes' : 'no' });
  }
  return 0;
}

async function edit(core: Core, context: CommandContext, planning: Planning): Promise<number> {
  const options = context.planning;
  const changes: PlanningChanges = {};
  if (options.label !== undefined) changes.label = options.label;
  if (options.departement !== undefined) changes.departement = options.departement;
  if (options.prefecture !== undefined) changes.prefecture = options.prefecture;
  if (options.procedure !== undefined) changes.procedure = options.procedure;
  if (options.onlineMandatory !== undefined) changes.onlineMandatory = options.onlineMandatory;
  if (options.stopped !== undefined) changes.stopped = options.stopped;
  if (options.steps !== undefined) Object.assign(changes, { system: 'steps', steps: await readSteps(options.steps), guichet: null, guichetLabel: null });
  else if (options.url !== undefined || context.guichet !== null) {
    // A new address or guichet: read from the site, as when the planning was added.
    const url = options.url ?? planning.url;
    const site = await readSite(core, context.words, url);
    Object.assign(changes, { url, system: site.system }, chooseGuichet(site.guichets, context.guichet ?? (options.url ? planning.guichet : null)));
  }
  if (Object.keys(changes).length === 0) throw coreError('invalid_input', coreMessage('cli.plannings_nothing_to_edit'));
  const next = await core.api['plannings:update']({ id: planning.id, changes });
  if (context.json) printJson(next);
  else context.words.out('cli.plannings_edited', { id: next.id, label: next.label });
  return 0;
}

const ACTIONS = ['list', 'add', 'edit', 'follow', 'pause', 'remove'] as const;
type Action = (typeof ACTIONS)[number];
const isAction = (value: string | undefined): value is Action => (ACTIONS as readonly (string | undefined)[]).includes(value);

export const plannings: Command = (context) => {
  const [action, ...rest] = context.args;
  if (!isAction(action)) {
    throw actionRefused('plannings', action, ACTIONS);
  }
  const inner = { ...context, args: rest };
  return withCore(
    context,
    async (core) => {
      if (action === 'list') return list(core, inner);
      if (action === 'add') return add(core, inner);
      const [given] = rest;
      if (!given) throw coreError('invalid_input', coreMessage('cli.plannings_id_missing', { action }));
      const planning = await resolvePlanning(core, given);
      if (action === 'edit') return edit(core, inner, planning);
      if (action === 'remove') {
        await core.api['plannings:remove']({ id: planning.id });
        if (context.json) printJson({ removed: true, id: planning.id });
        else context.words.out('cli.plannings_removed', { id: planning.id });
        return 0;
      }
      const followed = action === 'follow';
      const next = await core.api['plannings:update']({ id: planning.id, changes: { followed } });
      if (context.json) printJson(next);
      else context.words.out(followed ? 'cli.plannings_followed' : 'cli.plannings_paused', { id: next.id });
      return 0;
    },
    false,
  );
};
