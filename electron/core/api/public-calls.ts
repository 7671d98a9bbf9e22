// A call that came from a web page (the web host): the addresses it gives, or those of the planning it names, are
// public ones, and the browser it drives stays on public addresses while it runs (probe/private-network.ts). The
// plannings it writes are marked as a web page's, so that their later probes stay on public addresses too.
import { AsyncLocalStorage } from 'node:async_hooks';
import { addressesIn, givenInputs, inputAt, policyOf, type ApiMethod } from '../../shared/api.js';
import type { Planning, PlanningSource } from '../../shared/domain.js';
import { AppError } from '../errors.js';
import type { PublicNetwork } from '../probe/index.js';

/** The place of an address within the object the person edits: `changes.steps` → `['steps', 'steps', 2, 'url']`. */
function fieldOf(place: string, step: number | null): (string | number)[] {
  const name = place.split('.').pop() ?? place;
  return step === null ? [name] : [name, 'steps', step, 'url'];
}

async function refuseLocal(network: PublicNetwork, url: string, field: (string | number)[]): Promise<void> {
  if (await network.allows(url)) return;
  throw new AppError(
    'invalid_input',
    `Adresse « ${new URL(url).host} » : c’est cet ordinateur ou le réseau local, que Guichets n’ouvre pas à la demande d’une page web. Ajoutez ce planning depuis l’application de bureau ou la ligne de commande.`,
    { field, params: { rule: 'private_address' } },
  );
}

/** The addresses of a planning: its URL and its steps' `goto`. */
const planningAddresses = (planning: Planning): string[] => [planning.url, ...addressesIn(planning.steps).map(({ url }) => url)];

const webCalls = new AsyncLocalStorage<true>();

/** What a call made over HTTP is checked with: the network guard, and the planning it names. */
interface PublicCallDeps {
  network: PublicNetwork;
  planning: (id: string) => Promise<Planning | null>;
}

/** Who the call being served came from: a web page (within runPublicCall) or the person at this PC. */
export const callSource = (): PlanningSource => (webCalls.getStore() ? 'web' : 'desktop');

/** Runs a validated call that came over HTTP, with its addresses checked and its browser kept on public ones. */
export function runPublicCall<T>(
  method: ApiMethod,
  input: unknown,
  deps: PublicCallDeps,
  run: () => Promise<T>,
): Promise<T> {
  return webCalls.run(true, () => checkedCall(method, input, deps, run));
}

async function checkedCall<T>(
  method: ApiMethod,
  input: unknown,
  deps: PublicCallDeps,
  run: () => Promise<T>,
): Promise<T> {
  const { network } = deps;
  for (const { place, use, value } of givenInputs(method, input)) {
    if (use !== 'address') continue;
    for (const { url, step } of addressesIn(value)) await refuseLocal(network, url, fieldOf(place, step));
  }
  const policy = policyOf(method);
  if (policy.browses === 'input') return network.run(run);
  if (policy.browses !== 'planning') return run();
  const planningId = inputAt(input, 'planningId');
  const planning = typeof planningId === 'string' ? await deps.planning(planningId) : null;
  if (!planning) return run();
  for (const url of planningAddresses(planning)) await refuseLocal(network, url, ['url']);
  return network.forPlanning(planning.id, run);
}
