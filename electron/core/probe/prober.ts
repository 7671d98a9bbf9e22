// One probe: a fresh incognito context in the shared browser, the adapter's walk bounded by a timeout, then
// the evidence (final page text, HTTP status, screenshot as captured, environment). The caption is drawn from the
// record when the screenshot is shown or filed (report/captioned.ts).
import { release, type as osType, arch } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Page } from 'playwright-core';
import type { DiscoverResult } from '../../shared/api.js';
import { PARIS, type BookingSystem, type ProbeEnvironment, type StepsSpec } from '../../shared/domain.js';
import type { Problem } from '../../shared/messages/index.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { adapterFor } from './adapters/index.js';
import { GuichetChoiceError } from './choices.js';
import { tryStepsSpec, type StepsTrial } from './adapters/steps.js';
import { createBrowserHost, VIEWPORT, type LaunchedBrowser } from './browser.js';
import type { AdapterContext, AdapterResult, ProbeResult, ProbeTarget } from './types.js';
import { pageAnswer, PageNoAnswer } from './page-answer.js';
import { createProbeLog, type ProbeLog } from './probe-log.js';
import { refusalOutcome, robotGuard, type RobotGuard } from './private-network.js';
import { quoted, said } from './said.js';
import { navigationFailure, ProbeStop, STEP_BUDGET_MS, type StepRef, type VisitTrail } from './visit.js';

export interface ProberOptions {
  /** Null when no browser was found: every probe is then a `robot_error` saying so. */
  browserPath: string | null;
  /** Longest a probe (or a discovery) may take. */
  timeoutMs: number;
  appVersion: string;
  clock: Clock;
  log: (message: string) => void;
}

export interface ProbeOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * The guichet is a planning's, not typed just now: a page that no longer offers it (the site renamed or closed
   * it) is what the site shows, recorded with its capture as a planning to correct, never bad input.
   */
  planned?: boolean;
}

/** Who the probe is for, in the log's lines. */
export interface ProbeCaption {
  probeId: string;
  planningLabel: string;
}

export interface Prober {
  /**
   * Never throws for a site's behaviour; throws AppError only for bad input (URL, system, guichet). An aborted
   * `signal` (the schedule gave up on the probe) closes its browser context, which ends the walk at once.
   */
  probe(target: ProbeTarget, caption: ProbeCaption, options?: ProbeOptions): Promise<ProbeResult>;
  /** The guichets offered at a booking URL; AppError when the page cannot be read. */
  discover(url: string, system?: BookingSystem): Promise<DiscoverResult>;
  /** Runs user-defined steps once in a fresh context, with a screenshot after each step. */
  trySteps(url: string, spec: StepsSpec): Promise<StepsTrial>;
  close(): Promise<void>;
}

/** Pages taller than this are cut: the answer is at the top, and the PNG stays small. */
const MAX_SHOT_HEIGHT = 2_400;
const EVIDENCE_TIMEOUT_MS = 10_000;
const FROZEN_EVIDENCE_MS = 1_000;
// Whether the browser itself still answers, when a page does not: a blank page opened and evaluated. A busy PC
// (a backup, an antivirus scan) can take seconds to open one; a browser that is really gone never answers.
const BROWSER_CHECK_MS = 4_000;
const OS = `${osType()} ${release()} (${arch()})`;
// How long the page refused may take to show what the browser put in its place, for the capture.
const REFUSED_SETTLE_MS = 2_000;
const PAGE_HEIGHT = 'Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)';

function checkUrl(url: string): URL {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw new AppError(
      'invalid_input',
      `« ${url} » n'est pas une adresse web (http:// ou https://). Copiez l'adresse complète de la page de rendez-vous.`,
    );
  }
  return parsed;
}

function seconds(ms: number): string {
  return (ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).slice(0, 300);
}

/**
 * Whether the browser itself still answers: a blank page of the same context evaluates at once. Tells a page frozen
 * by its own script (the site's doing) from a browser or a PC too busy to answer anything (ours).
 */
async function browserAnswers(context: BrowserContext): Promise<boolean> {
  const blank = await pageAnswer(context.newPage(), 'blank', BROWSER_CHECK_MS).catch(() => null);
  if (!blank) return false;
  try {
    return (await pageAnswer(blank.evaluate('1 + 1'), 'blank', BROWSER_CHECK_MS)) === 2;
  } catch {
    return false;
  } finally {
    void blank.close().catch(() => undefined);
  }
}

/**
 * What an error thrown during a walk means: the site's doing, or ours. A page that stopped answering the robot is
 * a site that does not answer (DESIGN.md's « unreachable ») when the browser itself still answers, else ours.
 */
function failureResult(error: unknown, browserAlive: boolean, where: StepRef | null): AdapterResult {
  if (error instanceof ProbeStop) return error.result;
  const at = where ?? { step: 'ouverture de la page', after: 'no' as const };
  if (error instanceof PageNoAnswer) {
    const params = { ...at, seconds: Math.round(error.ms / 1000), what: error.what, browser: browserAlive ? 'alive' : 'dead' };
    return said(browserAlive ? 'unreachable' : 'robot_error', 'probe.page_silent', params);
  }
  const failure = navigationFailure(error, at);
  if (failure) return failure;
  return said('robot_error', 'probe.robot_failure', { step: where?.step ?? 'none', error: reasonOf(error) });
}

/** What a failed discovery was, for the screens to word (an error's `params.problem`). */
function problemOf(failure: AdapterResult): Problem {
  const params = failure.detailMessage.params ?? {};
  switch (failure.detailMessage.code) {
    case 'probe.unreachable': {
      const reasons: Record<string, Problem> = { refused: 'refused', name: 'nameNotResolved', timeout: 'timeout', offline: 'offline' };
      return reasons[String(params.reason)] ?? 'unreachable';
    }
    case 'probe.certificate':
      return 'certificate';
    case 'probe.probe_timeout':
    case 'probe.step_timeout':
      return 'timeout';
    case 'probe.page_silent':
      return 'unreachable';
    default:
      if (failure.outcome === 'robot_error') return /ERR_UNSAFE_PORT/.test(String(params.error)) ? 'unsafePort' : 'robot';
      return failure.outcome === 'unreachable' ? 'unreachable' : failure.outcome === 'site_error' ? 'blocked' : 'notRead';
  }
}

type Opened = { context: BrowserContext; page: Page; guard: RobotGuard | null };
type Race<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown } | { kind: 'timeout' };

/** Runs `work` against `timeoutMs`; the caller closes the context, which ends any work still pending. */
async function within<T>(work: Promise<T>, timeoutMs: number): Promise<Race<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Race<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
  });
  const settled = work.then(
    (value): Race<T> => ({ kind: 'done', value }),
    (error: unknown): Race<T> => ({ kind: 'failed', error }),
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The page's capture within what `left()` says is left of the evidence's time. */
async function screenshot(page: Page, left: () => number): Promise<Buffer | null> {
  try {
    // A page still loading (the probe timed out) would hold evaluate() until it loads: do not wait for it. The
    // race's timer is cleared once measured, or it would keep a one-off command's process alive for its length.
    const measured = await within(page.evaluate(PAGE_HEIGHT), left());
    const height = measured.kind === 'done' ? Number(measured.value) : 0;
    const clipHeight = Math.min(Math.max(height || 0, VIEWPORT.height), MAX_SHOT_HEIGHT);
    return await page.screenshot({
      fullPage: true,
      clip: { x: 0, y: 0, width: VIEWPORT.width, height: clipHeight },
      timeout: left(),
    });
  } catch {
    // A page stuck loading can still be captured as it shows; a dead one cannot.
    return await page.screenshot({ timeout: left() }).catch(() => null);
  }
}

export function createProber(options: ProberOptions): Prober {
  const { clock, log } = options;
  const host = createBrowserHost(options.browserPath);

  function environment(launched: LaunchedBrowser | null): ProbeEnvironment {
    return {
      appVersion: options.appVersion,
      browser: launched?.name ?? '',
      browserVersion: launched?.version ?? '',
      userAgent: launched?.userAgent ?? '',
      freshProfile: true,
      timeSource: 'horloge système',
      os: OS,
    };
  }

  async function openContext(launched: LaunchedBrowser, timeoutMs: number, probeLog?: ProbeLog): Promise<Opened> {
    const guard = await robotGuard();
    let context: BrowserContext;
    try {
      // A fresh incognito context each time: no cookie, no cache, as a constat requires.
      context = await launched.browser.newContext({
        viewport: VIEWPORT,
        deviceScaleFactor: 1,
        locale: 'fr-FR',
        timezoneId: PARIS,
        userAgent: launched.userAgent,
        ...(guard ? { proxy: guard.proxy } : {}),
      });
    } catch (error) {
      await guard?.close();
      throw error;
    }
    if (guard) context.once('close', () => void guard.close());
    const page = await context.newPage();
    // Each step has its own budget, well inside the probe's: a step that cannot succeed ends early, named.
    const step = Math.min(timeoutMs, STEP_BUDGET_MS);
    page.setDefaultTimeout(step);
    page.setDefaultNavigationTimeout(step);
    probeLog?.watch(page);
    return { context, page, guard };
  }

  async function probe(
    target: ProbeTarget,
    caption: ProbeCaption,
    overrides?: ProbeOptions,
  ): Promise<ProbeResult> {
    checkUrl(target.url);
    const adapter = adapterFor(target.url, target.system);
    const timeoutMs = overrides?.timeoutMs ?? options.timeoutMs;
    const startedAt = clock.now();
    const t0 = performance.now();
    const base = {
      startedAt,
      url: target.url,
      finalUrl: null,
      httpStatus: null,
      screenshot: null,
      pageText: null,
      firstSlot: null,
      secondSlot: null,
      step: null,
      stepsTaken: [],
    };
    const probeLog = createProbeLog(clock);

    let launched: LaunchedBrowser;
    try {
      launched = await host.get();
    } catch (error) {
      const failure = said('robot_error', 'probe.robot_failure', {
        step: 'none',
        error: error instanceof AppError ? error.message : reasonOf(error),
      });
      log(`Sondage impossible : ${failure.detail}`);
      probeLog.add(error instanceof Error ? (error.stack ?? error.message) : String(error));
      const durationMs = Math.round(performance.now() - t0);
      const { detail, detailMessage } = failure;
      return { ...base, outcome: 'robot_error', detail, detailMessage, durationMs, environment: environment(null), log: probeLog.text() };
    }

    let opened: Opened;
    try {
      opened = await openContext(launched, timeoutMs, probeLog);
    } catch (error) {
      const durationMs = Math.round(performance.now() - t0);
      const { detail, detailMessage } = said('robot_error', 'probe.robot_failure', { step: 'none', error: reasonOf(error) });
      probeLog.add(error instanceof Error ? (error.stack ?? error.message) : String(error));
      log(`${caption.planningLabel} : robot_error (${detail})`);
      return { ...base, outcome: 'robot_error', detail, detailMessage, durationMs, environment: environment(launched), log: probeLog.text() };
    }
    const { context, page, guard } = opened;
    const abandon = () => void context.close().catch(() => undefined);
    if (overrides?.signal?.aborted) abandon();
    overrides?.signal?.addEventListener('abort', abandon, { once: true });
    let httpStatus: number | null = null;
    const trail: VisitTrail = { steps: [], step: null, after: false };
    const ctx: AdapterContext = {
      page,
      target,
      // The robot's progress goes to the probe's own log, kept with its evidence; the caller gets one line.
      log: (line) => probeLog.add(line),
      noteResponse: (response) => {
        if (response) httpStatus = response.status();
      },
      trail,
      deadline: Date.now() + timeoutMs,
    };

    let result: AdapterResult;
    // A page that stopped answering the robot will not answer for its evidence either: tried briefly.
    let frozen = false;
    try {
      // Kept to public addresses: the first address refused ends the walk, whatever it was doing.
      const walk = guard ? Promise.race([adapter.probe(ctx), guard.refused.then(refusalOutcome)]) : adapter.probe(ctx);
      const race = await within(walk, timeoutMs);
      if (race.kind === 'timeout') {
        result = said('unreachable', 'probe.probe_timeout', { step: trail.step ?? 'none', seconds: seconds(timeoutMs) });
      } else if (race.kind === 'failed' && race.error instanceof GuichetChoiceError && overrides?.planned === true) {
        result = said('robot_error', 'probe.guichet_not_offered', {
          wanted: target.guichet ?? 'none',
          step: trail.step ?? 'none',
          offered: quoted(race.error.guichets.map((g) => g.label).join(' ; '), 300),
        });
      } else if (race.kind === 'failed') {
        if (race.error instanceof AppError) throw race.error;
        frozen = race.error instanceof PageNoAnswer;
        const where: StepRef | null = trail.step === null ? null : { step: trail.step, after: trail.after ? 'yes' : 'no' };
        result = failureResult(race.error, frozen && (await browserAnswers(context)), where);
        if (race.error instanceof Error && !(race.error instanceof ProbeStop)) probeLog.add(race.error.stack ?? race.error.message);
      } else {
        result = race.value;
      }
      // Through the guard's proxy the browser sees only a closed connection where the site could not be reached:
      // the proxy knows why (the latest failure is the navigation's that ended the walk).
      const failed = guard?.failures().at(-1);
      if (failed && result.detailMessage.code === 'probe.unreachable' && result.detailMessage.params?.reason === 'closed') {
        result = said('unreachable', 'probe.unreachable', { ...result.detailMessage.params, reason: failed.reason });
      }
      // What the browser put in place of a page refused, shown before it is captured.
      if (guard?.refusals().length) await page.waitForLoadState('load', { timeout: REFUSED_SETTLE_MS }).catch(() => undefined);
      const finalUrl = page.url() === 'about:blank' ? null : page.url();
      // One deadline for the whole evidence (text, height, capture and its fallback), not one each: a probe that
      // ran out of time must not wait four times as long again for what its page shows.
      const evidenceEnd = Date.now() + (frozen ? FROZEN_EVIDENCE_MS : EVIDENCE_TIMEOUT_MS);
      const left = () => Math.max(1, evidenceEnd - Date.now());
      const pageText = await page.locator('body').innerText({ timeout: left() }).catch(() => null);
      const raw = await screenshot(page, left);
      // Refused until the capture: whatever the page showed, the visit was not the site's alone, so the refusal is
      // the outcome.
      const [refusal] = guard?.refusals() ?? [];
      if (refusal) {
        result = refusalOutcome(refusal);
        probeLog.add(`Adresse locale refusée : ${refusal.host} (${refusal.address})`);
      }
      const [firstSlot = null, secondSlot = null] = [...result.slots].sort();
      const durationMs = Math.round(performance.now() - t0);
      await context.close().catch(() => undefined);
      // The outcome is the caller's to say, in the person's words (the terminal's line, the screens); the probe's
      // own log keeps it below.
      probeLog.add(`Résultat : ${result.outcome} — ${result.detail}`);
      return {
        outcome: result.outcome,
        firstSlot,
        secondSlot,
        detail: result.detail,
        detailMessage: result.detailMessage,
        startedAt,
        durationMs,
        url: target.url,
        finalUrl,
        httpStatus,
        screenshot: raw,
        pageText,
        environment: environment(launched),
        step: trail.step,
        stepsTaken: trail.steps,
        log: probeLog.text(),
      };
    } finally {
      overrides?.signal?.removeEventListener('abort', abandon);
      await context.close().catch(() => undefined);
    }
  }

  async function discover(url: string, system?: BookingSystem): Promise<DiscoverResult> {
    checkUrl(url);
    const adapter = adapterFor(url, system);
    const launched = await host.get();
    const { context, page } = await openContext(launched, options.timeoutMs);
    const target = { url, guichet: null, system: adapter.system };
    const ctx: AdapterContext = { page, target, log, noteResponse: () => undefined };
    try {
      const race = await within(adapter.discover(ctx), options.timeoutMs);
      if (race.kind === 'done') return { url, system: adapter.system, ...race.value };
      if (race.kind === 'failed' && race.error instanceof AppError) throw race.error;
      const failure: AdapterResult =
        race.kind === 'timeout'
          ? said('unreachable', 'probe.probe_timeout', { step: 'none', seconds: seconds(options.timeoutMs) })
          : failureResult(race.error, race.error instanceof PageNoAnswer && (await browserAnswers(context)), null);
      const params = { problem: problemOf(failure), technical: String(failure.detailMessage.params?.error ?? failure.detail) };
      if (failure.outcome === 'unreachable' || failure.outcome === 'site_error') {
        throw new AppError('not_found', `${failure.detail} Vérifiez l'adresse, ou réessayez plus tard.`, { params });
      }
      if (failure.outcome === 'robot_error') throw new AppError('internal', failure.detail, { params });
      throw new AppError('unsupported_site', `Cette page n'a pas pu être lue : ${failure.detail}`, { params });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async function trySteps(url: string, spec: StepsSpec): Promise<StepsTrial> {
    checkUrl(url);
    const launched = await host.get();
    const { context, page } = await openContext(launched, options.timeoutMs);
    try {
      const race = await within(tryStepsSpec(page, spec, { url, log }), options.timeoutMs);
      if (race.kind === 'done') return race.value;
      if (race.kind === 'failed') throw race.error;
      throw new AppError('busy', `Les étapes n'ont pas abouti dans le délai de ${seconds(options.timeoutMs)} s.`, {
        params: { problem: 'stepsTimeout' },
      });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  return { probe, discover, trySteps, close: () => host.close() };
}
