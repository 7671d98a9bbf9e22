// The assisted session for captcha sites (RDV-Préfecture): the person opens the planning in a visible browser
// window that Guichets drives, solves the captcha there, and Guichets then probes /creneau/ in that session for
// as long as the site keeps it. Guichets never solves or bypasses the captcha itself: it only waits for the
// person, and records `captcha` when the site asks for it again.
import { mkdir } from 'node:fs/promises';
import { release, type as osType, arch } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Page } from 'playwright-core';
import { PARIS, type ProbeEnvironment, type Step } from '../../shared/domain.js';
import type { Clock } from '../clock.js';
import { coreMessage } from '../../shared/messages/index.js';
import { coreError } from '../errors.js';
import { demarcheUrls, probeCreneaux } from './adapters/rdvpref.js';
import { chromiumDriver, LAUNCH_ARGS, OWN_SHUTDOWN, SANDBOX } from './browser.js';
import { refusalOutcome, robotGuard, type Refusal, type RobotGuard } from './private-network.js';
import type { AdapterResult, ProbeResult } from './types.js';
import { said } from './said.js';
import { navigationFailure, ProbeStop } from './visit.js';

export type AssistedState = 'waiting' | 'ready' | 'expired' | 'closed';

/** Where the session stands: its state is what the screens word (each in the person's language). */
export interface AssistedStatus {
  planningId: string;
  state: AssistedState;
  /** ISO instant the person last solved the captcha. */
  solvedAt: string | null;
}

export interface AssistedPlanning {
  id: string;
  url: string;
}

export interface AssistedOptions {
  /** Folder of the browser profiles, one per planning, kept between sessions. */
  dir: string;
  browserPath: string;
  clock: Clock;
  appVersion: string;
  /** Longest one probe may take. */
  timeoutMs?: number;
  /** Environment of the visible browser, e.g. the DISPLAY of a virtual screen. */
  env?: Record<string, string>;
  log?: (message: string) => void;
  /** Told when a session changes state, e.g. to ask the person to solve the captcha again once it expired. */
  onChange?: (status: AssistedStatus) => void;
}

export interface AssistedSessions {
  /** Opens the visible window on the planning's captcha page (or brings it back): the person solves it there. */
  open(planning: AssistedPlanning): Promise<AssistedStatus>;
  /** Resolves once the person solved the captcha (the slot page shows), or with the state at the timeout. */
  waitUntilSolved(planningId: string, timeoutMs: number): Promise<AssistedStatus>;
  /** One probe of the slot page in the session: what the scheduler calls every hour while the session is ready. */
  probe(planning: AssistedPlanning, caption: { probeId: string; planningLabel: string }): Promise<ProbeResult>;
  status(planningId: string): AssistedStatus;
  /** Whether the planning's window was opened kept to public addresses (see probe/private-network.ts). */
  keptPublic(planningId: string): boolean;
  /** The window's page, to bring it forward (and, in tests, to play the person). */
  page(planningId: string): Page | null;
  close(planningId: string): Promise<void>;
  closeAll(): Promise<void>;
}

interface Session {
  context: BrowserContext;
  /** Set when the window was opened for a planning kept to public addresses. */
  guard: RobotGuard | null;
  page: Page;
  state: AssistedState;
  solvedAt: string | null;
  creneauPath: string;
  waiters: (() => void)[];
}

const MAX_SHOT_HEIGHT = 2_400;

export function createAssistedSessions(options: AssistedOptions): AssistedSessions {
  const { clock } = options;
  const log = options.log ?? (() => undefined);
  const sessions = new Map<string, Session>();

  function statusOf(planningId: string, session: Session | undefined): AssistedStatus {
    const state = session?.state ?? 'closed';
    return { planningId, state, solvedAt: session?.solvedAt ?? null };
  }

  function setState(planningId: string, session: Session, state: AssistedState): void {
    if (session.state === state) return;
    session.state = state;
    if (state === 'ready') session.solvedAt = clock.now().toISOString();
    if (state !== 'waiting') session.waiters.splice(0).forEach((wake) => wake());
    options.onChange?.(statusOf(planningId, session));
  }

  /** The person reached the slot page after the captcha: the session is theirs to keep. */
  function watch(planningId: string, session: Session, page: Page): void {
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || session.state !== 'waiting') return;
      if (new URL(frame.url()).pathname === session.creneauPath) setState(planningId, session, 'ready');
    });
  }

  async function launch(planningId: string, creneauPath: string): Promise<Session> {
    const profile = path.join(options.dir, planningId.replace(/[^\w.-]/g, '_'));
    await mkdir(profile, { recursive: true });
    // Opened for a planning kept to public addresses: the window, the person's browsing in it and every probe
    // through it go by its own proxy.
    const guard = await robotGuard();
    let context: BrowserContext;
    try {
      context = await (await chromiumDriver()).launchPersistentContext(profile, {
        ...(guard ? { proxy: guard.proxy } : {}),
        executablePath: options.browserPath,
        headless: false,
        args: [...LAUNCH_ARGS, '--window-size=1100,850'],
        // Playwright turns Chromium's sandbox off unless asked: this window opens préfecture pages.
        chromiumSandbox: SANDBOX.enabled,
        ...OWN_SHUTDOWN,
        viewport: null,
        locale: 'fr-FR',
        timezoneId: PARIS,
        ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      });
    } catch (error) {
      await guard?.close();
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw coreError('browser_not_found', coreMessage('browser.window_failed', { reason }), {
        params: { problem: 'browserWindow', technical: reason },
      });
    }
    const page = context.pages()[0] ?? (await context.newPage());
    const session: Session = { context, guard, page, state: 'waiting', solvedAt: null, creneauPath, waiters: [] };
    context.on('close', () => {
      if (sessions.get(planningId) === session) sessions.delete(planningId);
      setState(planningId, session, 'closed');
      void guard?.close();
    });
    watch(planningId, session, page);
    return session;
  }

  async function open(planning: AssistedPlanning): Promise<AssistedStatus> {
    const urls = demarcheUrls(planning.url);
    if (!urls) {
      throw coreError('invalid_input', coreMessage('assisted.not_demarche'));
    }
    let session = sessions.get(planning.id);
    if (!session) {
      session = await launch(planning.id, new URL(urls.creneau).pathname);
      sessions.set(planning.id, session);
    } else if (session.state !== 'ready') {
      setState(planning.id, session, 'waiting');
    }
    if (session.state === 'waiting') {
      // The way a person goes: the démarche's page, then "Prendre un rendez-vous", which leads to the captcha.
      await session.page.goto(urls.landing);
      const take = session.page.getByRole('link', { name: /prendre un rendez-vous/i });
      if ((await take.count()) > 0) await take.first().click();
      else await session.page.goto(urls.cgu);
    }
    await session.page.bringToFront();
    log(`Session assistée ${planning.id} : ${session.state}`);
    return statusOf(planning.id, session);
  }

  async function waitUntilSolved(planningId: string, timeoutMs: number): Promise<AssistedStatus> {
    const session = sessions.get(planningId);
    if (session?.state === 'waiting') {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        session.waiters.push(resolve);
        timer = setTimeout(resolve, timeoutMs);
      });
      clearTimeout(timer);
    }
    return statusOf(planningId, session);
  }

  async function probe(planning: AssistedPlanning, caption: { probeId: string; planningLabel: string }): Promise<ProbeResult> {
    const session = sessions.get(planning.id);
    if (!session || session.state !== 'ready') {
      throw coreError('not_found', coreMessage('assisted.not_ready', { state: session?.state ?? 'closed', planning: planning.id }));
    }
    const startedAt = clock.now();
    const t0 = performance.now();
    // A tab of its own, closed after the probe: the person's window stays as they left it.
    const page = await session.context.newPage();
    page.setDefaultTimeout(options.timeoutMs ?? 60_000);
    let httpStatus: number | null = null;
    const lines: string[] = [];
    const trail: { steps: Step[]; step: string | null; after: boolean } = { steps: [], step: null, after: false };
    const ctx = {
      page,
      target: { url: planning.url, guichet: null, system: 'rdvpref' as const },
      // Progress goes to the probe's own log, kept with its evidence.
      log: (line: string) => lines.push(`${clock.now().toISOString()} ${line}`),
      trail,
      noteResponse: (response: { status(): number } | null) => {
        if (response) httpStatus = response.status();
      },
    };
    // What this probe was refused (the window's earlier ones were the person's browsing); the first ends the walk.
    const refused: Refusal[] = [];
    let stopWatching: () => void = () => undefined;
    const refusedNow = new Promise<AdapterResult>((settle) => {
      stopWatching =
        session.guard?.watch((refusal) => {
          refused.push(refusal);
          settle(refusalOutcome(refusal));
        }) ?? (() => undefined);
    });
    let result: AdapterResult;
    try {
      result = await (session.guard ? Promise.race([probeCreneaux(ctx), refusedNow]) : probeCreneaux(ctx));
    } catch (error) {
      if (error instanceof ProbeStop) result = error.result;
      else result = navigationFailure(error) ?? said('robot_error', 'probe.robot_failure', { step: trail.step ?? 'none', error: String(error) });
    }
    if (result.outcome === 'captcha') {
      result = said('captcha', 'probe.assisted_expired');
      setState(planning.id, session, 'expired');
    }
    const pageText = await page.locator('body').innerText().catch(() => null);
    const raw = await page.screenshot({ fullPage: true, type: 'png' }).catch(() => null);
    const shot = raw ? await trimmed(page, raw) : null;
    const environment = await environmentOf(page);
    stopWatching();
    const [refusal] = refused;
    if (refusal) {
      result = refusalOutcome(refusal);
      lines.push(`${clock.now().toISOString()} Adresse locale refusée : ${refusal.host} (${refusal.address})`);
    }
    const [firstSlot = null, secondSlot = null] = result.slots;
    const finalUrl = page.url();
    const durationMs = Math.round(performance.now() - t0);
    await page.close().catch(() => undefined);
    log(`${caption.planningLabel} (session assistée) : ${result.outcome} (${result.detail})`);
    const probeLog = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    return {
      outcome: result.outcome,
      firstSlot,
      secondSlot,
      detail: result.detail,
      detailMessage: result.detailMessage,
      startedAt,
      durationMs,
      url: planning.url,
      finalUrl,
      httpStatus,
      screenshot: shot,
      pageText,
      environment,
      step: trail.step,
      stepsTaken: trail.steps,
      log: probeLog,
    };
  }

  /** Very long pages are cut: the answer is at the top, and the PNG stays small. */
  async function trimmed(page: Page, raw: Buffer): Promise<Buffer> {
    const size = await page.evaluate('[document.documentElement.clientWidth, document.documentElement.scrollHeight]').catch(() => [0, 0]);
    const [width, height] = Array.isArray(size) ? size.map(Number) : [0, 0];
    if (!width || !height || height <= MAX_SHOT_HEIGHT) return raw;
    return page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width, height: MAX_SHOT_HEIGHT } }).catch(() => raw);
  }

  async function environmentOf(page: Page): Promise<ProbeEnvironment> {
    const userAgent = String(await page.evaluate('navigator.userAgent').catch(() => ''));
    return {
      appVersion: options.appVersion,
      browser: /edg/i.test(userAgent) ? 'Microsoft Edge' : 'Chromium',
      browserVersion: /Chrome\/([\d.]+)/.exec(userAgent)?.[1] ?? '',
      userAgent,
      // The person's session: its cookies are what keeps the solved captcha, so the profile is not fresh.
      freshProfile: false,
      timeSource: 'horloge système',
      os: `${osType()} ${release()} (${arch()})`,
    };
  }

  async function close(planningId: string): Promise<void> {
    await sessions.get(planningId)?.context.close().catch(() => undefined);
  }

  return {
    open,
    waitUntilSolved,
    probe,
    status: (planningId) => statusOf(planningId, sessions.get(planningId)),
    keptPublic: (planningId) => Boolean(sessions.get(planningId)?.guard),
    page: (planningId) => sessions.get(planningId)?.page ?? null,
    close,
    async closeAll() {
      await Promise.all([...sessions.keys()].map(close));
    },
  };
}
