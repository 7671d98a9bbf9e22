// Sealing as the core runs it: one seal at a time, with the authorities of the settings (or of
// GUICHETS_TSA_URLS), daily while the schedule runs, on demand and before every export.
import { readFile } from 'node:fs/promises';
import type { Clock } from '../clock.js';
import { wordCore } from '../messages.js';
import { sha256, type Store } from '../store/index.js';
import { acceptRestore, anchorsDirOf, carryAnchor, rememberSeal } from './anchor.js';
import { loadSeals } from './check.js';
import { currentFingerprint } from './keys.js';
import { createSeal, listSeals, sealTime, type SealResult } from './seal.js';
import { loadTrust, userRootsDir, type TrustSet } from './trust.js';

export const TSA_ENV = 'GUICHETS_TSA_URLS';
const DAY_MS = 24 * 3_600_000;
const CHECK_EVERY_MS = 3_600_000;

/** GUICHETS_TSA_URLS (comma-separated; empty or « none »: no authority) wins over the settings. */
export function tsaUrlsFrom(env: NodeJS.ProcessEnv, settings: readonly string[]): string[] {
  const fromEnv = env[TSA_ENV];
  if (fromEnv === undefined) return [...settings];
  return fromEnv
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '' && url.toLowerCase() !== 'none');
}

export interface SealServiceOptions {
  store: Store;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  appVersion: string;
  log: (message: string) => void;
  /** The person's own roots (per-user config folder); undefined: the default one for `env`; null: none. */
  trustDir?: string | null;
  /** Where this PC remembers the seals it made (per-user config folder); undefined: the default one for `env`. */
  anchorsDir?: string;
}

export type SealService = ReturnType<typeof createSealService>;

export function createSealService(options: SealServiceOptions) {
  const { store, clock, log } = options;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setInterval> | null = null;
  let first: ReturnType<typeof setTimeout> | null = null;

  const trustDir = options.trustDir === undefined ? userRootsDir(options.env) : options.trustDir;
  /** Read afresh each time: a root the person adds counts from the next seal or verification. */
  const trust = (): Promise<TrustSet> => loadTrust({ env: options.env, userDir: trustDir });
  const anchorsDir = options.anchorsDir ?? anchorsDirOf(options.env);

  /** The seal just made, remembered outside the data folder; a failure is said, the seal stands. */
  async function remember(result: SealResult): Promise<void> {
    try {
      const bytes = await readFile(result.file);
      await rememberSeal(anchorsDir, store.dir, { name: result.name, sha256: sha256(bytes), probes: result.probes }, clock.now());
    } catch (error) {
      log(`Sceau ${result.name} : ce PC n’a pas pu le retenir (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  function create(input: { newKey?: boolean } = {}): Promise<SealResult> {
    const next = queue.then(async () => {
      const settings = await store.settings.get();
      const result = await createSeal({
        store,
        clock,
        appVersion: options.appVersion,
        tsaUrls: tsaUrlsFrom(options.env, settings.tsaUrls),
        trust: await trust(),
        log,
        ...(input.newKey ? { newKey: true } : {}),
      });
      await remember(result);
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  /**
   * A person acknowledged that the folder was restored in place from an older backup: this PC gives up the seals
   * it lacks (recorded for good) and remembers its newest seal, which must be one the installation's key signed.
   */
  function acceptRestoreHere(record: boolean): ReturnType<typeof acceptRestore> {
    const next = queue.then(async () => {
      const { summary } = await loadSeals(store.dir, await trust());
      const valid = summary.seals.at(-1)?.accepted === true ? summary.seals.filter((seal) => seal.accepted).map((seal) => seal.name) : [];
      return acceptRestore(anchorsDir, store.dir, valid, clock.now(), record);
    });
    queue = next.catch(() => undefined);
    return next;
  }

  /** A seal nobody asked for (daily, before an export): why an authority gave no token goes to the log. */
  function logFailures(result: SealResult): void {
    for (const failure of result.stampFailures) log(wordCore(failure, 'fr'));
  }

  /** Seals when the newest seal is a day old (or there is none yet). */
  async function sealIfDue(): Promise<void> {
    const seals = await listSeals(store.dir);
    const newest = seals[seals.length - 1];
    const newestAt = newest ? sealTime(newest.name).getTime() : 0;
    if (clock.now().getTime() - newestAt < DAY_MS) return;
    const result = await create();
    logFailures(result);
    log(`Sceau ${result.name} : ${result.probes} sondage(s) de ${result.plannings} planning(s) scellé(s)${result.stampedBy.length > 0 ? `, horodaté par ${result.stampedBy.join(', ')}` : ', non horodaté'}.`);
  }

  return {
    create,
    trust,
    trustDir,
    anchorsDir,
    /** The data folder moved to `to`: this PC's memory of its seals follows it. */
    carryAnchor: (to: string): Promise<void> => carryAnchor(anchorsDir, store.dir, to),
    acceptRestore: acceptRestoreHere,
    fingerprint: () => currentFingerprint(store.dir),
    /** Before an export: the export's rows are covered by a seal. A failure is logged, never stops the export. */
    async beforeExport(): Promise<void> {
      try {
        logFailures(await create());
      } catch (error) {
        log(`Sceau avant l’export impossible : ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    startDaily(): void {
      if (timer) return;
      const check = (): void => {
        sealIfDue().catch((error: unknown) => log(`Sceau quotidien : ${error instanceof Error ? error.message : String(error)}`));
      };
      timer = setInterval(check, CHECK_EVERY_MS);
      timer.unref();
      first = setTimeout(check, 60_000);
      first.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
      timer = null;
      await queue;
    },
  };
}
