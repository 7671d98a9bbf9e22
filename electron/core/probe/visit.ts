// What every adapter does on a site: open a page, submit a form, read the page on screen, know its HTTP status,
// get a cookie banner out of the way, and stop early with an outcome.
import type { Locator, Page, Response } from 'playwright-core';
import type { Outcome } from '../../shared/domain.js';
import type { AdapterContext, AdapterResult } from './types.js';
import { normalizeText } from './text.js';

/** Thrown by an adapter's helpers to end the probe with an outcome (e.g. the site could not be reached). */
export class ProbeStop extends Error {
  constructor(readonly result: AdapterResult) {
    super(result.detail);
    this.name = 'ProbeStop';
  }
}

export function stop(outcome: Outcome, detail: string): ProbeStop {
  return new ProbeStop({ outcome, slots: [], detail });
}

const UNREACHABLE_ERRORS =
  /net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_FAILED|CONNECTION_TIMED_OUT|TIMED_OUT|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|EMPTY_RESPONSE|NETWORK_CHANGED|PROXY_CONNECTION_FAILED|SOCKET_NOT_CONNECTED)/;
const CERTIFICATE_ERRORS = /net::ERR_(CERT_[A-Z_]+|SSL_[A-Z_]+|BAD_SSL_CLIENT_AUTH_CERT)/;

/** The outcome of a navigation error from the browser, or null when it is not the site's doing. */
export function navigationFailure(error: unknown): AdapterResult | null {
  const message = error instanceof Error ? error.message : String(error);
  const unreachable = UNREACHABLE_ERRORS.exec(message);
  if (unreachable) {
    return { outcome: 'unreachable', slots: [], detail: `Le site ne répond pas (${unreachable[0]}).` };
  }
  const certificate = CERTIFICATE_ERRORS.exec(message);
  if (certificate) {
    return { outcome: 'site_error', slots: [], detail: `Le certificat du site est refusé (${certificate[0]}).` };
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return { outcome: 'unreachable', slots: [], detail: "Le site n'a pas répondu à temps." };
  }
  return null;
}

export interface Visit {
  page: Page;
  /** HTTP status of the document on screen (redirects followed). */
  status(): number | null;
  goto(url: string): Promise<void>;
  /** Clicks a submit control and waits for the next document. */
  submit(control: Locator): Promise<void>;
  /** The visible text of the page, normalised (see normalizeText). */
  text(): Promise<string>;
  /** Clicks away a cookie banner when one shows; does nothing otherwise. */
  dismissCookieBanner(): Promise<void>;
}

const BANNER = '#tarteaucitronRoot, #tarteaucitronAlertBig, [id*="cookie" i], [class*="cookie" i], [id*="consent" i]';
const BANNER_BUTTONS = [/tout refuser|refuser|continuer sans accepter/i, /tout accepter|accepter|j'ai compris|^ok$/i];

export function startVisit(ctx: AdapterContext): Visit {
  const { page } = ctx;
  let status: number | null = null;
  const onResponse = (response: Response): void => {
    const request = response.request();
    if (!request.isNavigationRequest() || response.frame() !== page.mainFrame()) return;
    if (response.status() >= 300 && response.status() < 400) return;
    status = response.status();
    ctx.noteResponse(response);
  };
  page.on('response', onResponse);

  function fail(error: unknown): never {
    const failure = navigationFailure(error);
    if (failure) throw new ProbeStop(failure);
    throw error;
  }

  return {
    page,
    status: () => status,
    async goto(url) {
      ctx.log(`Ouverture de ${url}`);
      await page.goto(url, { waitUntil: 'domcontentloaded' }).catch(fail);
    },
    async submit(control) {
      const loaded = page.waitForEvent('domcontentloaded');
      // Handled by the await below; the catch stops an unhandled rejection when the click itself fails.
      loaded.catch(() => undefined);
      await control.click().catch(fail);
      await loaded.catch(fail);
    },
    async text() {
      const text = await page.locator('body').innerText().catch(() => '');
      return normalizeText(text);
    },
    async dismissCookieBanner() {
      const banner = page.locator(BANNER);
      if ((await banner.count().catch(() => 0)) === 0) return;
      for (const name of BANNER_BUTTONS) {
        const button = banner.getByRole('button', { name }).first();
        if (await button.isVisible().catch(() => false)) {
          await button.click({ timeout: 2_000 }).catch(() => undefined);
          return;
        }
      }
    },
  };
}
