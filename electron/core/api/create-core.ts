import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  ApiEvent,
  ApiEvents,
  ApiInput,
  ApiMethod,
  ApiOutput,
  AppApi,
  Envelope,
  PlanningDetail,
  PlanningOverview,
} from '../../shared/api.js';
import { DateTime } from 'luxon';
import type { Planning, Probe } from '../../shared/domain.js';
import { systemClock, type Clock } from '../clock.js';
import { AppError, toApiError } from '../errors.js';
import { assertKnownPlannings, exportCsvFile } from '../export/index.js';
import { checkBrowserProgram, describeStep, detectSystem, findBrowser, SANDBOX } from '../probe/index.js';
import { createSealService } from '../seals/index.js';
import { createScheduler, type Scheduler } from '../schedule/index.js';
import { planningStats } from '../stats/index.js';
import { createStore, type Store } from '../store/index.js';
import { createBrowsers, isCaptchaSystem } from './browsers.js';
import { acquireWriterLock } from './lock.js';
import { applyChanges, planningFromInput } from './planning-records.js';
import { parseInput } from './schemas.js';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  clock?: Clock;
  env?: NodeJS.ProcessEnv;
  /** The demo probes every minute instead of every hour, and says so on screen. */
  demo?: boolean;
  log?: (message: string) => void;
}

export interface Core {
  /** The typed API, every input validated as if it came from outside. */
  api: AppApi;
  /** One entry for the transports: unknown input in, an envelope out, never a throw. */
  handle(method: string, input: unknown): Promise<Envelope<unknown>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  startSchedule(): Promise<void>;
  stopSchedule(): Promise<void>;
  /** After the computer slept: records the missed hours as gaps and reschedules. */
  wake(): Promise<void>;
  store: Store;
  dataDir: string;
  close(): Promise<void>;
}

const PARIS = 'Europe/Paris';
const RECENT_PROBES = 500;

async function mustBeProgram(file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  const runnable = info?.isFile() && (await access(file, constants.X_OK).then(() => true, () => false));
  if (!runnable) {
    throw new AppError(
      'invalid_input',
      `Navigateur : aucun programme à l’adresse « ${file} ». Indiquez le fichier de Chrome, Edge ou Chromium (par exemple /usr/bin/chromium ou C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe).`,
    );
  }
}

/** Sortable, unique: the start instant then a random tail. */
export function newProbeId(at: Date): string {
  const stamp = DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  return `${stamp}-${randomUUID().slice(0, 8)}`;
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const dataDir = path.resolve(options.dataDir);
  const store = createStore({ dir: dataDir, clock });
  const events = new EventEmitter();
  const everyMinutes = options.demo ? 1 : 60;
  const seals = createSealService({ store, clock, env, appVersion: options.appVersion, log });

  const browsers = createBrowsers({
    store,
    env,
    clock,
    log,
    dataDir,
    appVersion: options.appVersion,
    onAssistedChange: (status) => emit('assisted:changed', status),
  });

  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]): void => {
    events.emit(event, payload);
  };

  async function mustGetPlanning(id: string): Promise<Planning> {
    const planning = await store.plannings.get(id);
    if (!planning) throw new AppError('not_found', `Aucun planning « ${id} » : il a peut-être été supprimé.`);
    return planning;
  }

  /** One probe of one planning, stored with its evidence. Site behaviour never throws: it is an outcome. */
  async function probePlanning(planning: Planning, trigger: string): Promise<Probe> {
    emit('probe:started', { planningId: planning.id });
    const startedAt = clock.now();
    const id = newProbeId(startedAt);
    const { result, trigger: actualTrigger } = await browsers.probe(planning, id, trigger);
    const probe = await store.probes.append(
      {
        id,
        planningId: planning.id,
        startedAt: result.startedAt.toISOString(),
        durationMs: result.durationMs,
        url: result.url,
        finalUrl: result.finalUrl,
        outcome: result.outcome,
        firstSlot: result.firstSlot,
        secondSlot: result.secondSlot,
        detail: result.detail,
        httpStatus: result.httpStatus,
        environment: result.environment,
        trigger: actualTrigger,
      },
      { screenshot: result.screenshot, pageText: result.pageText },
    );
    emit('probe:finished', probe);
    return probe;
  }

  let scheduler: Scheduler | null = null;
  let writerLock: Promise<() => Promise<void>> | null = null;
  /** Taken before the first write, kept until close: one writing process per data folder. */
  async function asWriter(): Promise<void> {
    writerLock ??= acquireWriterLock(dataDir);
    try {
      await writerLock;
    } catch (error) {
      writerLock = null;
      throw error;
    }
  }
  async function releaseWriter(): Promise<void> {
    const lock = writerLock;
    writerLock = null;
    if (lock) await (await lock.catch(() => () => Promise.resolve()))();
  }
  let schedulerKey = '';
  /** The schedule follows the settings (spacing, timeout): it is rebuilt when they change. */
  async function getScheduler(): Promise<Scheduler> {
    const settings = await store.settings.get();
    const key = `${settings.hostSpacingSeconds}|${settings.probeTimeoutSeconds}`;
    if (scheduler && key === schedulerKey) return scheduler;
    const wasRunning = scheduler?.running ?? false;
    if (scheduler) await scheduler.stop();
    schedulerKey = key;
    scheduler = createScheduler({
      clock,
      everyMinutes,
      hostSpacingMs: settings.hostSpacingSeconds * 1000,
      // The prober ends a slow site itself (and records it); this only catches a probe that hangs on our side.
      timeoutMs: (settings.probeTimeoutSeconds + 60) * 1000,
      listPlannings: () => store.plannings.list(),
      runProbe: (planning, trigger) => probePlanning(planning, trigger),
      lastProbeAt: async (planningId) => {
        const last = await store.probes.last(planningId);
        return last ? new Date(last.startedAt) : null;
      },
      lastGapEnd: async (planningId) => {
        const now = DateTime.fromJSDate(clock.now(), { zone: PARIS });
        const months = [now.minus({ months: 1 }), now].map((month) => month.toFormat('yyyy-MM'));
        const gaps = (await Promise.all(months.map((month) => store.gaps.list(planningId, month)))).flat();
        const ends = gaps.map((gap) => Date.parse(gap.to));
        return ends.length > 0 ? new Date(Math.max(...ends)) : null;
      },
      recordGap: (gap) => store.gaps.record(gap),
      log,
    });
    if (wasRunning) await scheduler.start();
    return scheduler;
  }

  async function overview(planning: Planning): Promise<PlanningOverview> {
    const today = DateTime.fromJSDate(clock.now(), { zone: PARIS }).toISODate() ?? '';
    let problem: string | null = null;
    // One damaged file must not hide every other planning: this one says what is wrong, the others show.
    const readable = <T>(read: Promise<T>, fallback: T): Promise<T> =>
      read.catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        problem = error.message;
        return fallback;
      });
    const [aggregates, lastProbe] = await Promise.all([
      readable(store.aggregates(planning.id), []),
      readable(store.probes.last(planning.id), null),
    ]);
    const next = scheduler?.nextRunAt(planning.id) ?? null;
    return {
      planning,
      problem,
      assisted: browsers.assistedStatus(planning),
      stats: planningStats(planning.id, aggregates, today),
      lastProbe,
      nextProbeAt: next ? next.toISOString() : null,
      running: scheduler?.isRunning(planning.id) ?? false,
    };
  }

  function systemFor(url: string, given: Planning['system'] | undefined): Planning['system'] {
    if (given) return given;
    const detected = detectSystem(url);
    if (!detected) {
      throw new AppError(
        'unsupported_site',
        'Ce site de rendez-vous n’est pas reconnu. Vérifiez l’adresse, ou décrivez ses étapes (système « étapes »).',
      );
    }
    return detected;
  }

  async function changed(ids: string[]): Promise<void> {
    emit('plannings:changed', { ids });
    if (scheduler?.running) await scheduler.refresh();
  }

  const impl: AppApi = {
    'app:info': async () => {
      const settings = await store.settings.get();
      return {
        version: options.appVersion,
        demo: options.demo ?? false,
        scheduleEveryMinutes: everyMinutes,
        schedulerRunning: scheduler?.running ?? false,
        dataDir,
        browser: findBrowser({ env, settingsPath: settings.browserPath }),
        installationKey: await seals.fingerprint(),
        sandbox: { enabled: SANDBOX.enabled, reason: SANDBOX.reason },
      };
    },
    'plannings:list': async () => {
      const plannings = await store.plannings.list();
      return Promise.all(plannings.map(overview));
    },
    'plannings:get': async ({ id }): Promise<PlanningDetail> => {
      const planning = await mustGetPlanning(id);
      const month = DateTime.fromJSDate(clock.now(), { zone: PARIS }).toFormat('yyyy-MM');
      const [base, recentProbes, gaps] = await Promise.all([
        overview(planning),
        store.probes.list(id, { limit: 50 }),
        store.gaps.list(id, month),
      ]);
      return { ...base, recentProbes, gaps };
    },
    'plannings:create': async (input) => {
      await asWriter();
      const system = systemFor(input.url, input.system);
      if (system === 'steps' && !input.steps) {
        throw new AppError('invalid_input', 'Système « étapes » : décrivez les étapes à suivre sur le site.');
      }
      const planning = planningFromInput(input, system, clock.now().toISOString());
      await store.plannings.put(planning);
      await changed([planning.id]);
      return planning;
    },
    'plannings:update': async ({ id, changes }) => {
      await asWriter();
      const current = await mustGetPlanning(id);
      const next = applyChanges(current, changes, clock.now().toISOString());
      if (changes.url !== undefined && changes.system === undefined) next.system = systemFor(next.url, undefined);
      await store.plannings.put(next);
      await changed([id]);
      return next;
    },
    'plannings:remove': async ({ id }) => {
      await asWriter();
      await mustGetPlanning(id);
      await store.plannings.remove(id);
      await changed([id]);
      return { removed: true };
    },
    'plannings:discover': async ({ url }) => (await browsers.prober()).discover(url),
    'probes:runNow': async ({ planningId }) => {
      await asWriter();
      const planning = await mustGetPlanning(planningId);
      const probe = await (await getScheduler()).runNow(planning);
      if (!probe) throw new AppError('busy', 'Le sondage n’a pas pu aboutir à temps. Réessayez dans un instant.');
      return probe;
    },
    'probes:list': async ({ planningId, month }) => {
      await mustGetPlanning(planningId);
      // Without a month, the newest ones only: three years of a planning are 26 000 probes.
      return store.probes.list(planningId, month ? { month } : { limit: RECENT_PROBES });
    },
    'assisted:open': async ({ planningId }) => {
      await asWriter();
      const planning = await mustGetPlanning(planningId);
      if (!isCaptchaSystem(planning.system)) {
        throw new AppError('invalid_input', 'Ce site ne demande pas de code de sécurité : la session assistée est inutile.');
      }
      const sessions = await browsers.assisted();
      try {
        return await sessions.open({ id: planning.id, url: planning.url });
      } catch (error) {
        if (error instanceof AppError) throw error;
        log(error instanceof Error ? (error.stack ?? error.message) : String(error));
        throw new AppError(
          'internal',
          'La fenêtre de la session assistée n’a pas pu s’ouvrir. Elle demande un écran : lancez Guichets sur un poste avec affichage (l’application de bureau).',
        );
      }
    },
    'assisted:close': async ({ planningId }) => {
      const planning = await mustGetPlanning(planningId);
      await browsers.assistedIfOpen()?.close(planningId);
      return browsers.assistedStatus(planning) ?? { planningId, state: 'closed', solvedAt: null, message: '' };
    },
    'steps:try': async ({ url, steps }) => {
      const trial = await (await browsers.prober()).trySteps(url, steps);
      const [firstSlot = null, secondSlot = null] = [...trial.result.slots].sort();
      return {
        steps: trial.steps.map((step) => ({
          index: step.index,
          description: describeStep(step.step),
          ok: step.ok,
          detail: step.detail,
          screenshot: `data:image/png;base64,${step.screenshot.toString('base64')}`,
        })),
        outcome: trial.result.outcome,
        firstSlot,
        secondSlot,
        detail: trial.result.detail,
        finalUrl: trial.finalUrl,
      };
    },
    'settings:get': () => store.settings.get(),
    'settings:update': async (patch) => {
      await asWriter();
      if (patch.browserPath) {
        await mustBeProgram(patch.browserPath);
        await checkBrowserProgram(patch.browserPath);
      }
      const settings = await store.settings.update(patch);
      if (scheduler) await getScheduler();
      return settings;
    },
    'export:csv': async ({ planningIds, path: target }) => {
      const stamp = DateTime.fromJSDate(clock.now(), { zone: PARIS }).toFormat('yyyy-MM-dd_HH-mm');
      const out = target ?? path.join(dataDir, 'exports', `guichets-sondages-${stamp}.csv`);
      await assertKnownPlannings(store, planningIds);
      // Sealed first, when this process may write: another Guichets holding the folder seals it daily itself.
      const writer = await asWriter().then(() => true, () => false);
      if (writer) await seals.beforeExport();
      const skipped: string[] = [];
      const rows = await exportCsvFile(store, out, planningIds, skipped);
      return { path: out, rows, ...(skipped.length > 0 ? { skipped } : {}) };
    },
    'seals:create': async () => {
      await asWriter();
      const { name, plannings, probes, stampedBy, restamped } = await seals.create();
      return { name, plannings, probes, stampedBy, restamped };
    },
  };

  // Every entry validates its input, whoever calls it.
  const api = Object.fromEntries(
    (Object.keys(impl) as ApiMethod[]).map((method) => [
      method,
      (input: unknown) => callValidated(method, input),
    ]),
  ) as AppApi;

  function callValidated<K extends ApiMethod>(method: K, input: unknown): Promise<ApiOutput<K>> {
    const parsed: ApiInput<K> = parseInput(method, input);
    const fn = impl[method] as (value: ApiInput<K>) => Promise<ApiOutput<K>>;
    return fn(parsed);
  }

  return {
    api,
    store,
    dataDir,
    async handle(method, input) {
      try {
        if (!(method in impl)) throw new AppError('invalid_input', `Méthode inconnue : ${method}`);
        const value = await callValidated(method as ApiMethod, input);
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
    async startSchedule() {
      await asWriter();
      await (await getScheduler()).start();
      seals.startDaily();
    },
    async wake() {
      if (scheduler?.running) await scheduler.refresh();
    },
    async stopSchedule() {
      await scheduler?.stop();
    },
    async close() {
      await scheduler?.stop();
      await seals.stop();
      await browsers.close();
      await releaseWriter();
      await store.close();
    },
  };
}
