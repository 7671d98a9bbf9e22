// What every adapter does on a site, the way a person does it: open a page, wait until it has settled, get
// banners and pop-ups out of the way, click and tick controls found by what they say, know the HTTP status and
// the site's refusals (also on the page's own XHR/fetch calls), and stop early with an outcome that names the step.
import type { Locator, Page, Request, Response } from 'playwright-core';
import type { Outcome, Step } from '../../shared/domain.js';
import type { MessageCode, MessageParams } from '../../shared/messages/index.js';
import { onElement } from './in-page.js';
import { pageAnswer, PAGE_ANSWER_MS, STEP_BUDGET_MS, unlessNoAnswer } from './page-answer.js';
import { coverOf, dismissOverlays, interceptorOf } from './overlays.js';
import { settle, watchPage, type PageState, type PageWatch, type Refusal } from './page-watch.js';
import { controlName, quoted, said } from './said.js';
import { normalizeText } from './text.js';
import type { AdapterContext, AdapterResult } from './types.js';

export { STEP_BUDGET_MS };
/** Longest an action waits for its control before the robot looks for what stands in the way. */
const ACTION_TIMEOUT_MS = 6_000;
/** A submit that starts no new document within this time changed the page in place (a button of a script). */
const NAVIGATION_GRACE_MS = 2_000;
/** Once the page changed in place, a new document that has not started within this time will not. */
const IN_PLACE_GRACE_MS = 150;
/** Watches the document for changes made in place (a script's answer to a click). */
const WATCH_CHANGES = `(() => { window.__guichetsChanged = false; try { new MutationObserver(() => { window.__guichetsChanged = true; })
  .observe(document, { subtree: true, childList: true, attributes: true, characterData: true }); } catch (e) {} return true; })()`;

/** Thrown by an adapter's helpers to end the probe with an outcome (e.g. the site could not be reached). */
export class ProbeStop extends Error {
  constructor(readonly result: AdapterResult) {
    super(result.detail);
    this.name = 'ProbeStop';
  }
}

export function stop(outcome: Outcome, code: MessageCode, params?: MessageParams): ProbeStop {
  return new ProbeStop(said(outcome, code, params));
}

/** Where the robot was, as the messages name it: the step and whether its control had just been pressed. */
export interface StepRef {
  step: string;
  after: 'yes' | 'no';
}

const UNREACHABLE_ERRORS =
  /net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_FAILED|CONNECTION_TIMED_OUT|TIMED_OUT|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|EMPTY_RESPONSE|NETWORK_CHANGED|PROXY_CONNECTION_FAILED|SOCKET_NOT_CONNECTED)/;
const CERTIFICATE_ERRORS = /net::ERR_(CERT_[A-Z_]+|SSL_[A-Z_]+|BAD_SSL_CLIENT_AUTH_CERT)/;

/**
 * What a person would call the browser's network error: the words go to the screens, the browser's own code
 * (kept in the params and in the probe's log) is for whoever reads the log.
 */
function networkReason(code: string): 'refused' | 'name' | 'timeout' | 'closed' | 'offline' | 'other' {
  if (code === 'CONNECTION_REFUSED') return 'refused';
  if (code.startsWith('NAME_')) return 'name';
  if (code.endsWith('TIMED_OUT')) return 'timeout';
  if (code === 'INTERNET_DISCONNECTED' || code === 'NETWORK_CHANGED') return 'offline';
  if (/^(CONNECTION_(RESET|CLOSED)|EMPTY_RESPONSE|SOCKET_NOT_CONNECTED)$/.test(code)) return 'closed';
  return 'other';
}

/** The outcome of a navigation error from the browser at `where`, or null when it is not the site's doing. */
export function navigationFailure(error: unknown, where: StepRef = { step: 'ouverture de la page', after: 'no' }): AdapterResult | null {
  const message = error instanceof Error ? error.message : String(error);
  const unreachable = UNREACHABLE_ERRORS.exec(message);
  if (unreachable) return said('unreachable', 'probe.unreachable', { ...where, reason: networkReason(unreachable[1] ?? ''), error: unreachable[0] });
  const certificate = CERTIFICATE_ERRORS.exec(message);
  if (certificate) return said('site_error', 'probe.certificate', { step: where.step, error: certificate[0] });
  if (error instanceof Error && error.name === 'TimeoutError') return said('unreachable', 'probe.step_timeout', { ...where });
  return null;
}

export interface Visit {
  page: Page;
  /** HTTP status of the document on screen (redirects followed). */
  status(): number | null;
  /** Names the step the robot is at (the page's heading, as a person names it): details and logs use it. */
  step(name: string): void;
  stepName(): string;
  /** The step as the messages name it (see StepRef). */
  where(): StepRef;
  goto(url: string): Promise<void>;
  /**
   * Clicks a control that loads the next document, and waits for it; when no new document starts within ~2 s, the
   * control changed the page in place, which is then waited for until settled. `what` names the control in details.
   */
  submit(control: Locator, what?: string): Promise<'navigated' | 'in-place'>;
  /** Ends the probe on a refusal of the site met since the last action (see settle). */
  checkRefusals(): Promise<void>;
  /** Clicks a control that changes the page in place. `timeout`: longest wait for the control to be there. */
  click(control: Locator, what?: string, timeout?: number): Promise<void>;
  /** Ticks a box or a radio (or the label a styled theme puts over it). */
  check(control: Locator, what?: string, timeout?: number): Promise<void>;
  /** The visible text of the page, normalised (see normalizeText). */
  text(): Promise<string>;
  /** Waits until the page has settled (see page-watch.ts); a refusal of the site meanwhile ends the probe. */
  settle(): Promise<PageState>;
  /** The refusals of the site noted since `since` (a mark of the page's watch). */
  refusals(since?: number): Refusal[];
  /** Closes banners and pop-ups on screen; does nothing when there is none. */
  dismissCookieBanner(): Promise<void>;
}

/** The user-defined steps equivalent to what the robot did, and where it was when it stopped (see prober). */
export interface VisitTrail {
  steps: Step[];
  step: string | null;
  /** True once the step's control was pressed. */
  after: boolean;
}

function refusalResult(refusal: Refusal, shown: string): AdapterResult {
  let where = refusal.url;
  try {
    const url = new URL(refusal.url);
    where = url.pathname + url.search;
  } catch {
    // keep the raw address
  }
  return said('site_error', 'probe.refusal', {
    step: refusal.step,
    after: refusal.after ? 'yes' : 'no',
    status: refusal.status,
    kind: refusal.kind === 'document' ? 'document' : 'xhr',
    address: quoted(where, 100),
    said: shown ? quoted(shown, 100) : 'none',
  });
}

const NAME_OF = onElement<string>(`
  if (el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) {
    const label = (el.labels && el.labels[0]) || el.closest('label');
    return (label && label.textContent) || el.getAttribute('aria-label') || el.value || '';
  }
  if (el.tagName === 'INPUT') return el.value || '';
  return el.textContent || el.getAttribute('aria-label') || el.getAttribute('title') || '';
`);

/** The control's name, or its first words when it is long (a prefix still finds it, as the steps editor does). */
async function accessibleName(control: Locator): Promise<string> {
  // A control no longer there (re-rendered since it was found) is the action's to say, not a page that froze:
  // counted first, without waiting for it.
  if ((await pageAnswer(control.count(), 'name')) === 0) return '';
  const reading = control.evaluate(NAME_OF, undefined, { timeout: PAGE_ANSWER_MS });
  // A page that no longer answers is said as such; a control that is not there is the action's to say.
  const said = await pageAnswer(reading, 'name').catch(unlessNoAnswer(''));
  const name = said.replace(/\s+/g, ' ').trim();
  if (name.length <= 80) return name;
  return name.slice(0, 80).replace(/\s+\S*$/, '');
}

/** How long a refused page is given to show before its words are read: at least, and at most. */
const REFUSED_PAGE_MIN_MS = 2_000;
const REFUSED_PAGE_MAX_MS = 8_000;
/** Kept before the probe's deadline for its evidence (text, capture): a refused page and a waiting room stop short of it. */
export const EVIDENCE_MARGIN_MS = 6_000;

export function startVisit(ctx: AdapterContext): Visit {
  const { page } = ctx;
  const log = (line: string): void => {
    ctx.log(line);
  };
  const watch: PageWatch = watchPage(page);
  const trail = ctx.trail;
  let status: number | null = null;
  // Refusals before the last action were the previous page's (a tracker refused at its load, say): never blamed
  // on what the robot does next.
  let sinceAction = 0;
  const beginAction = (): void => {
    sinceAction = watch.mark();
  };
  const onResponse = (response: Response): void => {
    const request = response.request();
    if (!request.isNavigationRequest() || response.frame() !== page.mainFrame()) return;
    if (response.status() >= 300 && response.status() < 400) return;
    status = response.status();
    ctx.noteResponse(response);
  };
  page.on('response', onResponse);

  const where = (): StepRef => ({ step: watch.step(), after: watch.after() ? 'yes' : 'no' });

  function fail(error: unknown): never {
    const failure = navigationFailure(error, where());
    if (failure) {
      ctx.log(`Erreur du navigateur : ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      throw new ProbeStop(failure);
    }
    throw error;
  }

  function record(step: Step): void {
    trail?.steps.push(step);
  }

  async function shownText(refusal: Refusal): Promise<string> {
    // The refused page's answer is noted before the browser puts that page in place of the last one: its words are
    // read once it is the page shown, not the last page's or a blank one's. A busy PC shows it late: it is waited
    // for as long as the probe's budget allows, keeping the evidence's margin, and at least briefly.
    const until = Date.now() + Math.max(REFUSED_PAGE_MIN_MS, Math.min(REFUSED_PAGE_MAX_MS, (ctx.deadline ?? Infinity) - Date.now() - EVIDENCE_MARGIN_MS));
    await page.waitForURL((url) => url.href === refusal.url, { timeout: until - Date.now(), waitUntil: 'domcontentloaded' }).catch(() => undefined);
    const raw = await page.locator('body').innerText({ timeout: Math.max(1_000, until - Date.now()) }).catch(() => '');
    return raw.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' — ');
  }

  const refused = (): boolean => watch.refusals(sinceAction).length > 0;

  async function checkRefusalsNow(): Promise<void> {
    const refusal = watch.refusals(sinceAction)[0];
    if (!refusal) return;
    const shown = refusal.kind === 'document' ? await shownText(refusal) : '';
    throw new ProbeStop(refusalResult(refusal, shown));
  }

  /** What keeps `control` from being clicked: dismisses it, or ends the probe naming it. */
  async function clearPath(control: Locator, what: string, error?: unknown): Promise<void> {
    const covering = await coverOf(control);
    const intercepting = interceptorOf(error);
    if (covering === null && intercepting === null && error === undefined) return;
    const dismissed = await dismissOverlays(page, log);
    const still = await coverOf(control);
    if (dismissed.clicked.length > 0 && still === null) return;
    const named = controlName(what);
    if (still === null && intercepting === null) {
      if (error === undefined) return;
      // Not covered: the control itself never became usable (hidden, disabled, gone).
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'action impossible';
      throw timedOut
        ? stop('unrecognized', 'probe.control_missing', { step: watch.step(), control: named })
        : stop('unrecognized', 'probe.control_failed', { step: watch.step(), control: named, error: quoted(reason, 160) });
    }
    const cover = still ?? covering ?? intercepting ?? '';
    throw stop('robot_error', 'probe.covered', { step: watch.step(), control: named || 'none', said: quoted(cover, 140) });
  }

  /** Runs a pointer action; when something stands in the way, gets it out of the way once and tries again. */
  async function act(control: Locator, what: string, action: (timeout: number) => Promise<void>, wait?: number): Promise<void> {
    // A control that never shows is the page's doing (another layout), said by the caller: the error goes up as is.
    // (The adapters act on controls they have just found: only user-defined steps wait for theirs.)
    if (wait !== undefined) await control.waitFor({ state: 'attached', timeout: wait });
    await clearPath(control, what);
    try {
      await action(ACTION_TIMEOUT_MS);
      return;
    } catch (error) {
      if (navigationFailure(error) && !(error instanceof Error && error.name === 'TimeoutError')) fail(error);
      ctx.log(`Action empêchée (${what}) : ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
      if (error instanceof Error) ctx.log(error.message);
      await clearPath(control, what, error);
    }
    await action(ACTION_TIMEOUT_MS).catch(async (error: unknown) => {
      if (error instanceof Error) ctx.log(error.message);
      await clearPath(control, what, error);
      fail(error);
    });
  }

  const visit: Visit = {
    page,
    status: () => status,
    step(name) {
      watch.setStep(name);
      if (trail) {
        trail.step = name;
        trail.after = false;
      }
      ctx.log(`Étape : ${name}`);
    },
    stepName: () => watch.step(),
    where,
    async goto(url) {
      ctx.log(`Ouverture de ${url}`);
      record({ kind: 'goto', url });
      beginAction();
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: STEP_BUDGET_MS }).catch(fail);
    },
    async submit(control, what) {
      const name = what ?? (await accessibleName(control));
      record({ kind: 'click', text: name });
      beginAction();
      // Set by the listeners below: whether a new document started (or already arrived) after the click.
      const seen = { navigating: false, arrived: false };
      const onRequest = (request: Request): void => {
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) seen.navigating = true;
      };
      page.on('request', onRequest);
      await page.evaluate(WATCH_CHANGES).catch(() => undefined);
      const loaded = page.waitForEvent('domcontentloaded', { timeout: STEP_BUDGET_MS });
      // Handled by the await below; the catch stops an unhandled rejection when the click itself fails.
      loaded.then(() => (seen.arrived = true), () => undefined);
      try {
        await act(control, name, async (timeout) => {
          // A click that starts a slow navigation is done once the next document is there.
          const clicking = control.click({ timeout });
          clicking.catch(() => undefined);
          await Promise.race([clicking, loaded]);
        });
        // What the next page's loading meets (a refusal of its calls) is said after this step's control.
        watch.setStep(controlName(name) || watch.step(), true);
        if (trail) {
          trail.step = watch.step();
          trail.after = true;
        }
        const grace = Date.now() + NAVIGATION_GRACE_MS;
        let changedAt: number | null = null;
        while (!seen.navigating && !seen.arrived && Date.now() < grace && !page.isClosed()) {
          await page.waitForTimeout(100).catch(() => undefined);
          if (changedAt === null && (await page.evaluate('window.__guichetsChanged === true').catch(() => false))) changedAt = Date.now();
          // The page changed in place and no new document started meanwhile: a script answered the click.
          if (changedAt !== null && Date.now() - changedAt >= IN_PLACE_GRACE_MS) break;
        }
        if (!seen.navigating && !seen.arrived) {
          ctx.log(`« ${name} » n'a pas ouvert de nouvelle page : la page a changé sur place.`);
          await settle(page, watch, STEP_BUDGET_MS, undefined, refused);
          return 'in-place';
        }
        await loaded.catch(fail);
        return 'navigated';
      } finally {
        page.off('request', onRequest);
      }
    },
    async click(control, what, timeout) {
      const name = what ?? (await accessibleName(control));
      record({ kind: 'click', text: name });
      beginAction();
      await act(control, name, (t) => control.click({ timeout: t }), timeout);
    },
    async check(control, what, wait) {
      const name = what ?? (await accessibleName(control));
      record({ kind: 'check', text: name });
      beginAction();
      // Some themes hide the input behind a styled label, which then takes the click.
      const visible = await control.isVisible().catch(() => false);
      const target = visible ? control : control.locator('xpath=ancestor::label[1]').or(page.locator('label', { has: control })).first();
      const shown = visible || (await target.count().catch(() => 0)) > 0;
      await act(
        shown ? target : control,
        name,
        async (timeout) => {
          if (visible) await control.check({ timeout });
          else if (shown) {
            await target.click({ timeout });
            if (!(await control.isChecked({ timeout }))) await control.check({ force: true, timeout });
          } else await control.check({ force: true, timeout });
        },
        wait,
      );
    },
    async text() {
      // A page between two documents has no text yet; one that does not answer at all says so (PageNoAnswer).
      // Playwright's own limit comes first, so that a page with no body yet (a slow next document) reads as ''.
      const text = await pageAnswer(page.locator('body').innerText({ timeout: PAGE_ANSWER_MS - 1_000 }), 'text').catch(
        unlessNoAnswer(''),
      );
      return normalizeText(text);
    },
    async settle() {
      const state = await settle(page, watch, STEP_BUDGET_MS, undefined, refused);
      await checkRefusalsNow();
      return state;
    },
    refusals: (since) => watch.refusals(since),
    checkRefusals: checkRefusalsNow,
    async dismissCookieBanner() {
      await dismissOverlays(page, log);
    },
  };
  return visit;
}
