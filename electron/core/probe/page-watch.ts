// What the page does on the network while the robot reads it: the requests still running (a page is read only
// once they are quiet) and the refusals of the site (403, 429, 5xx) on its documents and its XHR/fetch calls,
// which single-page applications use to load their steps.
import type { Page, Request, Response } from 'playwright-core';
import { PAGE_ANSWER_MS, pageAnswer, PageNoAnswer, unlessNoAnswer } from './page-answer.js';

/** A refusal the site answered to the page. */
export interface Refusal {
  status: number;
  url: string;
  /** 'document', 'xhr' or 'fetch'. */
  kind: string;
  /** The robot's step when it happened, and whether the robot had just pressed its control (« after »). */
  step: string;
  after: boolean;
}

const WATCHED = new Set(['document', 'xhr', 'fetch']);

export interface PageWatch {
  /** Requests of the page still without an answer. */
  inFlight(): number;
  /** Milliseconds since the last request started or ended. */
  quietFor(): number;
  /** Refusals noted since `since` (an index from `mark()`), oldest first. */
  refusals(since?: number): Refusal[];
  mark(): number;
  setStep(step: string, after?: boolean): void;
  step(): string;
  /** True once the step's control was pressed: what happens next is said « after » it. */
  after(): boolean;
}

function isRefusal(status: number): boolean {
  return status === 403 || status === 429 || status >= 500;
}

/** Two-label public suffixes of the sites probed: under them, one more label names the owner (one préfecture). */
const TWO_LABEL_SUFFIXES = new Set(['gouv.fr', 'asso.fr', 'com.fr', 'nom.fr', 'presse.fr', 'tm.fr']);

/**
 * The part of a host that names its owner: « essonne.gouv.fr » for www.essonne.gouv.fr and rdv.essonne.gouv.fr,
 * never « gouv.fr » (every ministry and préfecture is under it). An IP address is only itself.
 */
export function siteOf(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(name) || name.includes(':')) return name;
  const labels = name.split('.');
  const suffix = TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 2 : 1;
  return labels.slice(-(suffix + 1)).join('.');
}

/** True when both addresses belong to one site (see siteOf): another site's refusal is not this site's answer. */
export function sameSite(a: string, b: string): boolean {
  try {
    const hostA = new URL(a).hostname;
    const hostB = new URL(b).hostname;
    return hostA === hostB || siteOf(hostA) === siteOf(hostB);
  } catch {
    return false;
  }
}

export function watchPage(page: Page): PageWatch {
  const pending = new Set<Request>();
  const refusals: Refusal[] = [];
  let last = Date.now();
  let step = 'ouverture de la page';
  let after = false;
  const touch = () => {
    last = Date.now();
  };
  page.on('request', (request) => {
    if (!WATCHED.has(request.resourceType())) return;
    pending.add(request);
    touch();
  });
  const done = (request: Request) => {
    if (pending.delete(request)) touch();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (response: Response) => {
    const request = response.request();
    const kind = request.resourceType();
    if (!WATCHED.has(kind) || !isRefusal(response.status())) return;
    // Documents of sub-frames (ads, widgets) and other sites' calls (analytics) are not the site's answer.
    if (kind === 'document' && response.frame() !== page.mainFrame()) return;
    const pageUrl = page.url();
    if (kind !== 'document' && pageUrl !== 'about:blank' && !sameSite(response.url(), pageUrl)) return;
    refusals.push({ status: response.status(), url: response.url(), kind, step, after });
  });
  return {
    inFlight: () => pending.size,
    quietFor: () => Date.now() - last,
    refusals: (since = 0) => refusals.slice(since),
    mark: () => refusals.length,
    setStep: (name, isAfter = false) => {
      step = name;
      after = isAfter;
    },
    step: () => step,
    after: () => after,
  };
}

/** What the page shows now: its visible text, and whether it says it is still loading. */
const PAGE_STATE = `(() => {
  const body = document.body;
  const text = body ? body.innerText : '';
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const busy = Array.from(document.querySelectorAll('[aria-busy="true"], .spinner, .loader, .loading, [class*="spinner"], [class*="skeleton"], [role="progressbar"]')).some(visible);
  const lines = text.split('\\n').map((l) => l.trim().toLowerCase()).filter(Boolean);
  const placeholder = lines.length > 0 && lines.length <= 3 && lines.some((l) => /^(chargement|loading|veuillez patienter|patientez)/.test(l));
  return { length: text.trim().length, text: text.length > 20000 ? text.slice(0, 20000) : text, busy: busy || placeholder };
})()`;

export interface PageState {
  length: number;
  text: string;
  busy: boolean;
}

const STILL_LOADING: PageState = { length: 0, text: '', busy: true };

/**
 * The page's state now. A page between two documents answers nothing yet: it is still loading. A page that does
 * not answer within `ms` (busy, or frozen by its own script) ends the reading with PageNoAnswer.
 */
export function pageState(page: Page, ms = PAGE_ANSWER_MS): Promise<PageState> {
  return pageAnswer(page.evaluate<PageState>(PAGE_STATE), 'page', ms).catch(unlessNoAnswer(STILL_LOADING));
}

/**
 * Waits, as a person does, until the page shows something, says no more that it is loading, and its requests have
 * been quiet and its text unchanged for a moment; at most `budgetMs`, and no longer once `done()` says the answer
 * is known (a refusal of the site: a refused call may never be marked finished). Returns the state read last.
 * A page may be too busy to answer a reading for a moment; one that still answers nothing when the budget is
 * spent (frozen by its own script) ends with PageNoAnswer, instead of holding the probe until its own limit.
 */
export async function settle(page: Page, watch: PageWatch, budgetMs: number, quietMs = 250, done: () => boolean = () => false): Promise<PageState> {
  const deadline = Date.now() + budgetMs;
  await page.waitForLoadState('domcontentloaded', { timeout: budgetMs }).catch(() => undefined);
  /** Since when the page has answered no reading (null: it answered the last one). */
  const silence: { since: number | null } = { since: null };
  const read = async (fallback: PageState): Promise<PageState> => {
    const asked = Date.now();
    try {
      const state = await pageState(page, Math.max(1, Math.min(PAGE_ANSWER_MS, deadline - asked)));
      silence.since = null;
      return state;
    } catch (error) {
      if (!(error instanceof PageNoAnswer)) throw error;
      silence.since ??= asked;
      return { ...fallback, busy: true };
    }
  };
  let previous = await read(STILL_LOADING);
  let stableSince = Date.now();
  for (;;) {
    const quiet = watch.inFlight() === 0 && watch.quietFor() >= quietMs;
    if (silence.since === null && previous.length > 0 && !previous.busy && quiet && Date.now() - stableSince >= quietMs) return previous;
    // A page closed meanwhile (the probe abandoned) has nothing more to show.
    if (page.isClosed() || done()) return previous;
    if (Date.now() >= deadline) {
      const silent = silence.since === null ? 0 : Date.now() - silence.since;
      if (silent >= PAGE_ANSWER_MS) throw new PageNoAnswer('page', Math.round(silent / 1000) * 1000);
      return previous;
    }
    await page.waitForTimeout(100).catch(() => undefined);
    const state = await read(previous);
    if (state.text !== previous.text || state.busy !== previous.busy) stableSince = Date.now();
    previous = state;
  }
}
