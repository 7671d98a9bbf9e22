// The core, wired: the store, the browsers, the schedule and the handler maps of handlers/, behind one entry that
// validates every input. Transports (Electron IPC, the web host, the command line) see only `Core`.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { ApiEvent, ApiEvents, ApiInput, ApiMethod, ApiOutput, AppApi, Envelope, JobProgress } from '../../shared/api.js';
import type { Probe } from '../../shared/domain.js';
import { systemClock, type Clock } from '../clock.js';
import { AppError, toApiError } from '../errors.js';
import { wordCore } from '../messages.js';
import type { CoreMessage } from '../../shared/messages/index.js';
import { createVerifyRuns, verify, type VerifyReport } from '../evidence/index.js';
import { createAlertService } from '../alerts/service.js';
import { createHandlers, type DataFolderMover, type HandlerContext } from '../handlers/index.js';
import { renderCaptioned } from '../report/captioned.js';
import { createSealService, type RestoreAcceptance } from '../seals/index.js';
import { createBackupService } from '../services/backup-daily.js';
import { readBackupState } from '../services/backup-state.js';
import { createBrowsers } from '../services/browsers.js';
import { createOverview } from '../services/overview.js';
import { createProbeRecorder } from '../services/record-probe.js';
import { createScheduleRunner } from '../services/schedule-runner.js';
import { createWriter } from '../services/writer-lock.js';
import { createStore, EVIDENCE_DIR, EXPORTS_DIR } from '../store/index.js';
import { createPublicNetwork, type Lookup } from '../probe/index.js';
import { callSource, runPublicCall } from './public-calls.js';
import { parseInput } from './schemas.js';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** The demo probes every minute instead of every hour, and says so on screen. */
  demo?: boolean;
  log?: (message: string) => void;
  /** What a person should read (the browser without its sandbox), worded by the caller; by default, on the log. */
  notice?: (message: CoreMessage) => void;
  /** Given by createSwitchableCore: how this process moves to another data folder (else `app:moveDataFolder` refuses). */
  move?: DataFolderMover;
  /**
   * Replicas on this computer (`http://127.0.0.1:PORT`) that the robot may open even for a web page: those the demo
   * or the tests started. Any other loopback or private address is refused to calls made over HTTP.
   */
  localOrigins?: readonly string[];
  /** How the robot's guard resolves names, where the browser connects (the system's resolver; tests give theirs). */
  resolveHost?: Lookup;
  /**
   * The time-stamping roots the person added on this PC (`<per-user config folder>/tsa-roots`, the default), never
   * inside the data folder; null: none (tests).
   */
  trustDir?: string | null;
}

export interface CallOptions {
  /**
   * The call came from a web page (the web host): the addresses it gives or names must be public ones, and the
   * browser it drives reaches public addresses only (and `localOrigins`).
   */
  publicOnly?: boolean;
}

export interface Core {
  /** The typed API, every input validated as if it came from outside. */
  api: AppApi;
  /** One entry for the transports: unknown input in, an envelope out, never a throw. */
  handle(method: string, input: unknown, options?: CallOptions): Promise<Envelope<unknown>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  startSchedule(): Promise<void>;
  stopSchedule(): Promise<void>;
  /** After the computer slept: records the missed hours as gaps and reschedules. */
  wake(): Promise<void>;
  /** The folder of screenshots and page texts, served read-only to the UI (web host, desktop protocol). */
  readonly evidenceDir: string;
  /** Where exports go unless the person chooses (the desktop's save dialogs open there). */
  readonly exportsDir: string;
  /**
   * The captioned PNG of one probe (drawn from its capture and record; a record made before, as stored), or null
   * when there is no such probe or screenshot. For the UI's image viewer (web host, desktop protocol).
   */
  captionedScreenshot(planningId: string, localDate: string, probeId: string): Promise<Buffer | null>;
  /** Checks every record, artefact and chain on disk, waiting for the writes under way; one planning or all. */
  verify(planningId?: string, options?: { onProgress?: (progress: JobProgress) => void; signal?: AbortSignal }): Promise<VerifyReport>;
  /**
   * The folder was restored in place from an older backup: what this PC's memory of its seals would give up (`record`
   * false, to ask the person), or, once the person confirmed, that memory rewritten to say so for good.
   */
  acceptRestore(options: { record: boolean }): Promise<RestoreAcceptance>;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const dataDir = path.resolve(options.dataDir);
  const store = createStore({ dir: dataDir, clock });
  const events = new EventEmitter();
  const writer = createWriter(dataDir);

  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]): void => {
    events.emit(event, payload);
  };
  const network = createPublicNetwork(options.localOrigins ?? [], options.resolveHost);
  const browsers = createBrowsers({
    network,
    store,
    env,
    clock,
    log,
    notice: options.notice ?? ((message) => log(wordCore(message, 'fr'))),
    dataDir,
    appVersion: options.appVersion,
    onAssistedChange: (status) => emit('assisted:changed', status),
  });
  const everyMinutes = options.demo ? 1 : 60;
  const probePlanning = createProbeRecorder({ store, clock, browsers, emit });
  const scheduler = createScheduleRunner({ store, clock, everyMinutes, probePlanning, log });

  const seals = createSealService({ store, clock, env, appVersion: options.appVersion, log, ...(options.trustDir === undefined ? {} : { trustDir: options.trustDir }) });
  const backups = createBackupService({ store, clock, trust: () => seals.trust(), log, onProgress: (progress) => emit('job:progress', progress) });
  // After each probe the alerts are computed afresh (below): the dashboard shows them, the desktop notifies new ones.
  const alerts = createAlertService({
    store,
    clock,
    dataDir,
    log,
    changed: (list) => emit('alerts:changed', list),
    // The demo's folder is a throwaway of made-up probes on replica préfectures: nothing there is worth a backup.
    ...(options.demo
      ? {}
      : {
          lastGoodBackup: async () => {
            const state = await readBackupState(dataDir);
            return state.lastGood ? new Date(state.lastGood.at) : null;
          },
          refusedBackup: async () => {
            const attempt = (await readBackupState(dataDir)).lastAttempt;
            return attempt?.refused ? { at: attempt.at, dest: attempt.dest, refused: attempt.refused } : null;
          },
        }),
  });
  const context: HandlerContext = {
    backups,
    store,
    seals,
    clock,
    env,
    log,
    app: { version: options.appVersion, dataDir, demo: options.demo ?? false, everyMinutes, move: options.move ?? null },
    browsers,
    scheduler,
    alerts,
    verifier: createVerifyRuns({ store, clock, trust: () => seals.trust(), anchorsDir: seals.anchorsDir, onProgress: (progress) => emit('job:progress', progress) }),
    asWriter: writer.asWriter,
    whileWriter: writer.whileWriter,
    emit,
    probePlanning,
    overview: createOverview({ store, clock, browsers, scheduler }),
    async changed(ids) {
      emit('plannings:changed', { ids });
      await scheduler.refresh();
    },
    source: callSource,
  };
  const impl = createHandlers(context);
  let migration: Promise<void> | null = null;
  const closing = new AbortController();
  events.on('probe:finished', (probe: Probe) => {
    // Worked out only for whoever shows them (the desktop, a web page): a one-shot command's probe reads no other
    // planning and measures no folder.
    if (events.listenerCount('alerts:changed') === 0) {
      alerts.forget();
      return;
    }
    alerts.afterProbe(probe.planningId).then(
      (alerts) => emit('alerts:changed', alerts),
      (error: unknown) => log(`Alertes : ${error instanceof Error ? error.message : String(error)}`),
    );
  });

  function callValidated<K extends ApiMethod>(method: K, input: unknown, call: CallOptions = {}): Promise<ApiOutput<K>> {
    const parsed: ApiInput<K> = parseInput(method, input);
    const fn = impl[method] as (value: ApiInput<K>) => Promise<ApiOutput<K>>;
    if (!call.publicOnly) return fn(parsed);
    return runPublicCall(method, parsed, { network, planning: (id) => store.plannings.get(id) }, () => fn(parsed));
  }

  // Every entry validates its input, whoever calls it.
  const api = Object.fromEntries(
    (Object.keys(impl) as ApiMethod[]).map((method) => [method, (input: unknown) => callValidated(method, input)]),
  ) as AppApi;

  return {
    api,
    evidenceDir: path.join(dataDir, EVIDENCE_DIR),
    exportsDir: path.join(dataDir, EXPORTS_DIR),
    async handle(method, input, call) {
      try {
        if (!Object.hasOwn(impl, method)) throw new AppError('invalid_input', `Méthode inconnue : ${method}`);
        const value = await callValidated(method as ApiMethod, input, call);
        return { ok: true, value };
      } catch (error) {
        if (!(error instanceof AppError)) log(`[${method}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { ok: false, error: toApiError(error) };
      }
    },
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    verify: async (planningId, options = {}) => verify(store, planningId, { trust: await seals.trust(), clock, anchorsDir: seals.anchorsDir, ...options }),
    async acceptRestore({ record }) {
      // Recorded as the writer: the app cannot make a seal (and remember it) meanwhile.
      if (record) await writer.asWriter();
      return seals.acceptRestore(record);
    },
    async captionedScreenshot(planningId, localDate, probeId) {
      const probes = await store.probes.list(planningId, { day: localDate }).catch(() => []);
      const probe = probes.find((candidate) => candidate.id === probeId);
      return probe ? renderCaptioned(dataDir, probe) : null;
    },
    async startSchedule() {
      await writer.asWriter();
      await (await scheduler.get()).start();
      seals.startDaily();
      backups.startDaily();
      // Once per folder written by an older version: its per-probe logs moved into monthly packs, in the background.
      migration ??= store.migrateLogs(closing.signal).then(
        () => undefined,
        (error: unknown) => log(`Journaux des sondages : migration interrompue (${error instanceof Error ? error.message : String(error)}) ; elle reprendra au prochain démarrage.`),
      );
    },
    wake: () => scheduler.refresh(),
    stopSchedule: () => scheduler.stop(),
    async close() {
      closing.abort();
      await migration;
      await scheduler.shutdown();
      await seals.stop();
      await backups.stop();
      await browsers.close();
      await network.close();
      await writer.release();
      await store.close();
    },
  };
}
