import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type {
  ApiEvent,
  AssistedSessionStatus,
  ApiEvents,
  ApiInput,
  ApiMethod,
  ApiOutput,
  AppApi,
  Envelope,
  PlanningChanges,
  PlanningDetail,
  PlanningInput,
  PlanningOverview,
} from '../../shared/api.js';
import { DateTime } from 'luxon';
import type { Planning, Probe } from '../../shared/domain.js';
import { systemClock, type Clock } from '../clock.js';
import { AppError, toApiError } from '../errors.js';
import { exportCsvFile } from '../export/index.js';
import {
  createAssistedSessions,
  createProber,
  describeStep,
  detectSystem,
  findBrowser,
  type AssistedSessions,
  type Prober,
} from '../probe/index.js';
import { createScheduler, stableMinute, type Scheduler } from '../schedule/index.js';
import { planningStats } from '../stats/index.js';
import { createStore, type Store } from '../store/index.js';
import { acquireScheduleLock } from './lock.js';
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
/** Booking systems that put a captcha before the answer: probed unattended they record `captcha`. */
const CAPTCHA_SYSTEMS: ReadonlySet<Planning['system']> = new Set(['rdvpref']);

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

  let prober: Prober | null = null;
  let proberKey = '';
  async function getProber(): Promise<Prober> {
    const settings = await store.settings.get();
    const browser = findBrowser({ env, settingsPath: settings.browserPath });
    const key = `${browser.path ?? ''}|${settings.probeTimeoutSeconds}`;
    if (prober && key === proberKey) return prober;
    if (prober) await prober.close();
    proberKey = key;
    prober = createProber({
      browserPath: browser.path,
      timeoutMs: settings.probeTimeoutSeconds * 1000,
      appVersion: options.appVersion,
      clock,
      log,
    });
    return prober;
  }

  let assisted: AssistedSessions | null = null;
  /** Visible windows where a person solves a captcha; opened only at the user's request. */
  async function getAssisted(): Promise<AssistedSessions> {
    if (assisted) return assisted;
    const settings = await store.settings.get();
    const browser = findBrowser({ env, settingsPath: settings.browserPath });
    if (!browser.path) throw new AppError('browser_not_found', browser.message ?? 'Aucun navigateur trouvé.');
    assisted = createAssistedSessions({
      dir: path.join(dataDir, 'assisted-profiles'),
      browserPath: browser.path,
      clock,
      appVersion: options.appVersion,
      timeoutMs: settings.probeTimeoutSeconds * 1000,
      log,
      onChange: (status) => emit('assisted:changed', status),
    });
    return assisted;
  }

  function assistedStatus(planning: Planning): AssistedSessionStatus | null {
    if (!CAPTCHA_SYSTEMS.has(planning.system)) return null;
    return (
      assisted?.status(planning.id) ?? {
        planningId: planning.id,
        state: 'closed',
        solvedAt: null,
        message: 'Ce site demande un code de sécurité : ouvrez une session assistée pour que Guichets puisse lire ses créneaux.',
      }
    );
  }

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
    const caption = { probeId: id, planningLabel: `${planning.prefecture} — ${planning.label}` };
    // While a person keeps a captcha site's session open, probes go through it; the probe that finds it expired
    // records so, and later ones go the usual way (and meet the captcha) until the person solves it again.
    const sessions = assisted;
    const session = sessions?.status(planning.id).state;
    const inSession = session === 'ready';
    const result = sessions && inSession
      ? await sessions.probe({ id: planning.id, url: planning.url }, caption)
      : await (await getProber()).probe(
          { url: planning.url, guichet: planning.guichet, system: planning.system, steps: planning.steps },
          caption,
        );
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
        trigger: inSession ? 'assisted' : trigger,
      },
      { screenshot: result.screenshot, pageText: result.pageText },
    );
    emit('probe:finished', probe);
    return probe;
  }

  let scheduler: Scheduler | null = null;
  let releaseLock: (() => Promise<void>) | null = null;
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
    const [aggregates, lastProbe] = await Promise.all([
      store.aggregates(planning.id),
      store.probes.last(planning.id),
    ]);
    const next = scheduler?.nextRunAt(planning.id) ?? null;
    return {
      planning,
      assisted: assistedStatus(planning),
      stats: planningStats(planning.id, aggregates, today),
      lastProbe,
      nextProbeAt: next ? next.toISOString() : null,
      running: scheduler?.isRunning(planning.id) ?? false,
    };
  }

  function planningFromInput(input: PlanningInput, system: Planning['system'], now: string): Planning {
    const id = randomUUID();
    return {
      id,
      label: input.label,
      departement: input.departement,
      prefecture: input.prefecture,
      url: input.url,
      system,
      guichet: input.guichet,
      guichetLabel: input.guichetLabel ?? null,
      procedure: input.procedure,
      onlineMandatory: input.onlineMandatory,
      followed: input.followed ?? true,
      minute: stableMinute(id),
      steps: input.steps ?? null,
      createdAt: now,
      updatedAt: now,
      stoppedAt: null,
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
      const current = await mustGetPlanning(id);
      const next = applyChanges(current, changes, clock.now().toISOString());
      if (changes.url !== undefined && changes.system === undefined) next.system = systemFor(next.url, undefined);
      await store.plannings.put(next);
      await changed([id]);
      return next;
    },
    'plannings:remove': async ({ id }) => {
      await mustGetPlanning(id);
      await store.plannings.remove(id);
      await changed([id]);
      return { removed: true };
    },
    'plannings:discover': async ({ url }) => (await getProber()).discover(url),
    'probes:runNow': async ({ planningId }) => {
      const planning = await mustGetPlanning(planningId);
      const probe = await (await getScheduler()).runNow(planning);
      if (!probe) throw new AppError('busy', 'Le sondage n’a pas pu aboutir à temps. Réessayez dans un instant.');
      return probe;
    },
    'probes:list': async ({ planningId, month }) => {
      await mustGetPlanning(planningId);
      return store.probes.list(planningId, month ? { month } : {});
    },
    'assisted:open': async ({ planningId }) => {
      const planning = await mustGetPlanning(planningId);
      if (!CAPTCHA_SYSTEMS.has(planning.system)) {
        throw new AppError('invalid_input', 'Ce site ne demande pas de code de sécurité : la session assistée est inutile.');
      }
      const sessions = await getAssisted();
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
      await assisted?.close(planningId);
      return assistedStatus(planning) ?? { planningId, state: 'closed', solvedAt: null, message: '' };
    },
    'steps:try': async ({ url, steps }) => {
      const trial = await (await getProber()).trySteps(url, steps);
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
      const settings = await store.settings.update(patch);
      if (scheduler) await getScheduler();
      return settings;
    },
    'export:csv': async ({ planningIds, path: target }) => {
      const stamp = DateTime.fromJSDate(clock.now(), { zone: PARIS }).toFormat('yyyy-MM-dd_HH-mm');
      const out = target ?? path.join(dataDir, 'exports', `guichets-sondages-${stamp}.csv`);
      const rows = await exportCsvFile(store, out, planningIds);
      return { path: out, rows };
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
      releaseLock ??= await acquireScheduleLock(dataDir);
      await (await getScheduler()).start();
    },
    async wake() {
      if (scheduler?.running) await scheduler.refresh();
    },
    async stopSchedule() {
      await scheduler?.stop();
      await releaseLock?.();
      releaseLock = null;
    },
    async close() {
      await scheduler?.stop();
      await assisted?.closeAll();
      await releaseLock?.();
      releaseLock = null;
      if (prober) await prober.close();
      await store.close();
    },
  };
}

function applyChanges(current: Planning, changes: PlanningChanges, now: string): Planning {
  const { stopped, ...rest } = changes;
  // A field given as undefined keeps its value (JSON cannot say undefined anyway).
  const given = Object.fromEntries(Object.entries(rest as Record<string, unknown>).filter((entry) => entry[1] !== undefined)) as Partial<Planning>;
  const next: Planning = { ...current, ...given, updatedAt: now };
  if (stopped !== undefined) next.stoppedAt = stopped ? (current.stoppedAt ?? now) : null;
  return next;
}
