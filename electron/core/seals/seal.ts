// A seal: what the data folder holds at one moment (every planning's chain head and count, its gap files and its
// history), in canonical JSON, signed with the installation's key, chained to the seal before it, and time-stamped
// by every outside authority that answers. A later rewrite, even a consistent one, no longer matches the seals.
import { sign } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CoreMessage } from '../../shared/messages/index.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { canonicalJson, sha256, type Store } from '../store/index.js';
import { mkdirDurable, writeFileDurable } from '../store/durable.js';
import { aggregatesKind, gapsKind } from '../store/kinds.js';
import { absolute, aggregatesFile, gapsFile, monthsOf } from '../store/layout.js';
import {
  gapsDigest,
  listSeals,
  listTokens,
  parseSeal,
  prefixDigest,
  rotationStatement,
  SEAL_FORMAT,
  sealFiles,
  sealName,
  tokenFileName,
  type SealedChain,
  type SealedGaps,
  type SealFile,
  type SealV2,
} from './format.js';
import { commitNextKey, loadOrCreateKey, prepareNextKey, SEALS_DIR, settleNextKey, type InstallationKey } from './keys.js';
import { requestTimestamp, type StampOptions } from './tsa.js';
import type { TrustSet } from './trust.js';

export {
  listSeals,
  parseSeal,
  prefixDigest,
  SEAL_FORMAT,
  sealFiles,
  sealName,
  sealNameOfFile,
  sealTime,
  type PrefixDigest,
  type SealContent,
  type SealedChain,
} from './format.js';

async function readJson(dataDir: string, relative: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(absolute(dataDir, relative), 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AppError('storage_corrupt', `Le fichier « ${relative} » est illisible : il ne peut pas être scellé.`);
  }
}

export interface SealOptions {
  store: Store;
  clock: Clock;
  appVersion: string;
  /** Time-stamping authorities, each asked; none: the seal stays unstamped. */
  tsaUrls: readonly string[];
  /** The roots a token must chain to; an authority whose answer does not is refused (and said). */
  trust: TrustSet;
  log: (message: string) => void;
  stamp?: StampOptions;
  /** A new installation key, announced in this seal by a statement the current key signs. */
  newKey?: boolean;
}

export interface SealResult {
  name: string;
  file: string;
  plannings: number;
  probes: number;
  /** The hosts of the authorities that stamped it; empty when none answered (offline, none set, refused). */
  stampedBy: string[];
  /** Why each authority that did not stamp it (or an earlier seal stamped now) gave no token: `tsa.stamp_failed`. */
  stampFailures: CoreMessage[];
  /** Earlier unstamped seals stamped now (their time is this one: they prove from now only). */
  restamped: number;
  /** The new key's fingerprint, when this seal announced one. */
  newKey: string | null;
}

async function planningState(store: Store, planningId: string): Promise<{ chain: SealedChain; gaps: SealedGaps | null }> {
  return store.exclusive(planningId, async () => {
    const raw = await readJson(store.dir, aggregatesFile(planningId));
    const kind = aggregatesKind(planningId);
    if (raw !== undefined && !kind.valid(raw)) {
      throw new AppError('storage_corrupt', `Le fichier « ${aggregatesFile(planningId)} » est illisible : il ne peut pas être scellé.`);
    }
    const aggregates = raw ?? kind.empty();
    const byMonth = new Map<string, unknown[]>();
    for (const month of await monthsOf(store.dir, planningId)) {
      const relative = gapsFile(planningId, month);
      const file = await readJson(store.dir, relative);
      if (file === undefined) continue;
      if (!gapsKind.valid(file)) throw new AppError('storage_corrupt', `Le fichier « ${relative} » est illisible : il ne peut pas être scellé.`);
      byMonth.set(month, file.gaps);
    }
    return {
      chain: { head: aggregates.head?.hash ?? null, lastProbeId: aggregates.head?.probeId ?? null, probes: aggregates.probes },
      gaps: byMonth.size > 0 ? gapsDigest(byMonth) : null,
    };
  });
}

/** Stamps one seal's bytes with every authority that answers with a trusted token; the hosts that did. Why the
 * others did not goes into `failures`, said by whoever asked for the seal. */
async function stamp(options: SealOptions, seal: SealFile, bytes: Buffer, failures: CoreMessage[]): Promise<string[]> {
  const dataDir = options.store.dir;
  const answers = await Promise.all(
    options.tsaUrls.map(async (url) => ({ url, answer: await requestTimestamp(url, bytes, { ...options.stamp, trust: options.trust }) })),
  );
  const hosts: string[] = [];
  for (const { url, answer } of answers) {
    if ('error' in answer) {
      failures.push({ code: 'tsa.stamp_failed', params: { seal: seal.name }, nested: { why: answer.error } });
      continue;
    }
    await writeFileDurable(absolute(dataDir, `${SEALS_DIR}/${tokenFileName(seal.name, url)}`), answer.tsr);
    hosts.push(new URL(url).host);
  }
  return hosts;
}

const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

async function contentOf(options: SealOptions, key: InstallationKey, createdAt: Date, previous: SealV2['previous']): Promise<{ content: SealV2; probes: number }> {
  const { store } = options;
  const listed = await store.plannings.list();
  const removed = await store.plannings.removed();
  const ids = [...new Set([...listed, ...removed].map((planning) => planning.id).concat(await store.probes.planningIds()))].sort();
  // Plannings from before the history existed: their first version is written now, so it is sealed too.
  for (const planning of [...listed, ...removed]) {
    if ((await store.plannings.history(planning.id)).length === 0) await store.plannings.put(planning);
  }
  const content: SealV2 = {
    format: SEAL_FORMAT,
    createdAt: createdAt.toISOString(),
    appVersion: options.appVersion,
    association: (await store.settings.get()).associationName.trim(),
    installationKey: key.fingerprint,
    key: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    previous,
    plannings: {},
    gaps: {},
    history: {},
  };
  let probes = 0;
  for (const id of ids) {
    let state: Awaited<ReturnType<typeof planningState>>;
    try {
      state = await planningState(store, id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      options.log(`Sceau : planning ${id} non scellé. ${error.message}`);
      continue;
    }
    content.plannings[id] = state.chain;
    probes += state.chain.probes;
    if (state.gaps) content.gaps[id] = state.gaps;
    const versions = await store.plannings.history(id);
    if (versions.length > 0) content.history[id] = prefixDigest(versions);
  }
  return { content, probes };
}

/** Writes a new seal of the data folder, signs it, and has it (and earlier unstamped ones) time-stamped. */
export async function createSeal(options: SealOptions): Promise<SealResult> {
  const { store, clock } = options;
  const dataDir = store.dir;
  const seals = await listSeals(dataDir);
  const last = seals[seals.length - 1];
  const lastBytes = last ? await readFile(absolute(dataDir, last.json)) : null;
  await settleNextKey(dataDir, lastBytes ? (parseSeal(lastBytes)?.installationKey ?? null) : null, options.log);
  const current = await loadOrCreateKey(dataDir, options.log, { sealed: seals.length > 0 });
  let createdAt = clock.now();
  let name = sealName(createdAt);
  if (last?.name === name) {
    // Seals are named by the second: one asked right after another (« Sceller maintenant » just after an export,
    // which seals first) waits for the next second instead of failing.
    await new Promise((resolve) => setTimeout(resolve, 1_010 - (createdAt.getTime() % 1_000)));
    createdAt = clock.now();
    name = sealName(createdAt);
  }
  const files = sealFiles(name);
  if (seals.some((seal) => seal.name >= name)) {
    throw new AppError('busy', 'Un sceau vient d’être écrit à cette seconde (ou l’horloge de l’ordinateur recule) : réessayez dans un instant.');
  }
  const previous = last && lastBytes ? { file: `${last.name}.json`, sha256: sha256(lastBytes) } : null;

  const next = options.newKey ? await prepareNextKey(dataDir) : null;
  const signer = next ?? current;
  const { content, probes } = await contentOf(options, signer, createdAt, previous);
  if (next) {
    content.rotation = {
      from: current.fingerprint,
      to: next.fingerprint,
      signature: sign(null, rotationStatement(current.fingerprint, next.fingerprint), current.privateKey).toString('base64'),
    };
  }
  const bytes = Buffer.from(canonicalJson(content), 'utf8');
  await mkdirDurable(path.join(dataDir, SEALS_DIR));
  await writeFileDurable(absolute(dataDir, files.sig), sign(null, bytes, signer.privateKey));
  // The seal's name appears last: a seal without its signature never exists.
  await writeFileDurable(absolute(dataDir, files.json), bytes);
  if (next) await commitNextKey(dataDir, next, options.log);

  const stampFailures: CoreMessage[] = [];
  const stampedBy = await stamp(options, files, bytes, stampFailures);
  let restamped = 0;
  // The authorities answer again (back online): the seals made offline get a token now, which proves them from
  // now only (said by verify). A seal that has any token is left as it is.
  if (stampedBy.length > 0) {
    const tokens = await listTokens(dataDir);
    for (const seal of seals) {
      if ((tokens.get(seal.name) ?? []).length > 0 || !(await exists(absolute(dataDir, seal.json)))) continue;
      const earlier = await readFile(absolute(dataDir, seal.json));
      if ((await stamp(options, seal, earlier, stampFailures)).length > 0) restamped += 1;
    }
  }
  return {
    name,
    file: absolute(dataDir, files.json),
    plannings: Object.keys(content.plannings).length,
    probes,
    stampedBy,
    stampFailures,
    restamped,
    newKey: next?.fingerprint ?? null,
  };
}
