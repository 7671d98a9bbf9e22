import path from 'node:path';
import type { AssistedSessionStatus, BrowserStatus } from '../../shared/api.js';
import type { BookingSystem, Planning, ProbeTrigger } from '../../shared/domain.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { CoreMessage } from '../../shared/messages/index.js';
import {
  checkBrowserProgram,
  createAssistedSessions,
  createProber,
  findBrowser,
  SANDBOX,
  type AssistedSessions,
  type Prober,
  type PublicNetwork,
} from '../probe/index.js';
import type { ProbeResult } from '../probe/types.js';
import { ASSISTED_PROFILES_DIR, type Store } from '../store/index.js';

/** Booking systems that put a captcha before the answer: probed unattended they record `captcha`. */
const CAPTCHA_SYSTEMS: ReadonlySet<BookingSystem> = new Set(['rdvpref']);
export const isCaptchaSystem = (system: BookingSystem): boolean => CAPTCHA_SYSTEMS.has(system);

export interface BrowsersOptions {
  store: Store;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  log: (message: string) => void;
  /** What a person should read, worded in their language by the caller. */
  notice: (message: CoreMessage) => void;
  dataDir: string;
  appVersion: string;
  onAssistedChange: (status: AssistedSessionStatus) => void;
  /** Keeps the probes a web page asked for or gave off this computer and its local network. */
  network?: PublicNetwork;
}

/**
 * The browsers the core drives: the headless prober (rebuilt when the settings change the browser or the
 * timeout) and the visible windows of assisted sessions (opened only at the user's request).
 */
export function createBrowsers(options: BrowsersOptions) {
  const { store, env, clock, log } = options;
  let prober: Prober | null = null;
  let proberKey = '';
  let assisted: AssistedSessions | null = null;
  let sandboxSaid = false;
  /** Said once, when a browser is first needed; the settings page says it too (app:info). */
  function sayNoSandbox(): void {
    if (sandboxSaid || SANDBOX.enabled || !SANDBOX.reason) return;
    sandboxSaid = true;
    options.notice(SANDBOX.reason);
  }

  /**
   * The browser Guichets uses, the one place it is looked for: GUICHETS_BROWSER, else the settings' path (or the
   * one given; null: none), else one installed.
   */
  async function find(settingsPath?: string | null): Promise<BrowserStatus> {
    return findBrowser({ env, settingsPath: settingsPath === undefined ? (await store.settings.get()).browserPath : settingsPath });
  }

  /** The path of that browser, or AppError browser_not_found saying where it goes wrong (`why`: what it is for). */
  async function browserPath(why = ''): Promise<string> {
    const browser = await find();
    // Said where it goes wrong: the path given (GUICHETS_BROWSER, the settings) that is not there, or none found.
    if (!browser.path) throw new AppError('browser_not_found', browser.message ?? `Aucun navigateur trouvé${why}.`);
    return browser.path;
  }

  async function getProber(): Promise<Prober> {
    const settings = await store.settings.get();
    const browser = { path: await browserPath() };
    const key = `${browser.path}|${settings.probeTimeoutSeconds}`;
    if (prober && key === proberKey) return prober;
    if (prober) await prober.close();
    sayNoSandbox();
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

  async function getAssisted(): Promise<AssistedSessions> {
    if (assisted) return assisted;
    const settings = await store.settings.get();
    const browser = { path: await browserPath() };
    // The visible window is launched by the assisted sessions: the same check as for the probing browser.
    await checkBrowserProgram(browser.path);
    sayNoSandbox();
    assisted = createAssistedSessions({
      dir: path.join(options.dataDir, ASSISTED_PROFILES_DIR),
      browserPath: browser.path,
      clock,
      appVersion: options.appVersion,
      timeoutMs: settings.probeTimeoutSeconds * 1000,
      log,
      onChange: options.onAssistedChange,
    });
    return assisted;
  }

  function assistedStatus(planning: Planning): AssistedSessionStatus | null {
    if (!isCaptchaSystem(planning.system)) return null;
    return assisted?.status(planning.id) ?? { planningId: planning.id, state: 'closed', solvedAt: null };
  }

  /** Whether the browsers that open this planning's pages are kept to public addresses now. */
  function keptPublic(planning: Planning): boolean {
    if (!options.network) return false;
    return keepsPublic(planning) || options.network.guards(planning.id);
  }

  /** Runs `work` with the browser contexts it opens kept to public addresses when the planning's are. */
  function asKept<T>(planning: Planning, work: () => Promise<T>): Promise<T> {
    const { network } = options;
    return network && keptPublic(planning) ? network.run(work) : work();
  }

  /**
   * One probe of a planning. While a person keeps a captcha site's session open, it goes through that session;
   * the probe that finds it expired records so, and later ones go the usual way (and meet the captcha) until the
   * person solves it again.
   */
  async function probe(
    planning: Planning,
    probeId: string,
    trigger: ProbeTrigger,
    signal?: AbortSignal,
  ): Promise<{ result: ProbeResult; trigger: ProbeTrigger }> {
    const caption = { probeId, planningLabel: captionLabel(planning) };
    const sessions = assisted;
    // A window opened before the planning was to be kept to public addresses is not used for it.
    if (sessions?.status(planning.id).state === 'ready' && (sessions.keptPublic(planning.id) || !keptPublic(planning))) {
      return { result: await sessions.probe({ id: planning.id, url: planning.url }, caption), trigger: 'assisted' };
    }
    const startedAt = clock.now();
    try {
      const target = { url: planning.url, guichet: planning.guichet, system: planning.system, steps: planning.steps };
      const prober = await getProber();
      const run = () => prober.probe(target, caption, signal ? { signal, planned: true } : { planned: true });
      return { result: await asKept(planning, run), trigger };
    } catch (error) {
      // A planning the robot cannot follow as set up (a guichet that no longer exists, say): recorded, so that
      // the hour shows what went wrong instead of a silent gap, and the message says what to fix.
      if (!(error instanceof AppError)) throw error;
      return { result: configurationFailure(planning.url, startedAt, error.message, options.appVersion), trigger };
    }
  }

  return {
    find,
    path: browserPath,
    prober: getProber,
    assisted: getAssisted,
    assistedIfOpen: () => assisted,
    assistedStatus,
    asKept,
    probe,
    async close() {
      await assisted?.closeAll();
      if (prober) await prober.close();
    },
  };
}

function configurationFailure(url: string, startedAt: Date, message: string, appVersion: string): ProbeResult {
  return {
    outcome: 'robot_error',
    firstSlot: null,
    secondSlot: null,
    detail: `Planning à corriger : ${message}`,
    startedAt,
    durationMs: 0,
    url,
    finalUrl: null,
    httpStatus: null,
    screenshot: null,
    pageText: null,
    step: null,
    stepsTaken: [],
    log: '',
    environment: {
      appVersion,
      browser: '',
      browserVersion: '',
      userAgent: '',
      freshProfile: true,
      timeSource: 'horloge système',
      os: process.platform,
    },
  };
}

export type Browsers = ReturnType<typeof createBrowsers>;

/**
 * Whether a planning's probes are kept to public addresses: all but those the person at this PC gave (a web page's,
 * and one saved before plannings said where they came from, which nobody can vouch for).
 */
export const keepsPublic = (planning: Pick<Planning, 'source'>): boolean => planning.source !== 'desktop';

/** How a planning is named in its probes' captions (and log lines). */
export const captionLabel = (planning: Pick<Planning, 'prefecture' | 'label'>): string => `${planning.prefecture} — ${planning.label}`;
