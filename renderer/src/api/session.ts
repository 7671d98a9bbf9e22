// The page's session with the web host. The address Guichets prints carries a one-time token (`?token=…`): the
// page trades it once for the session's secret, drops it from the address, and keeps the secret in this tab's
// sessionStorage, so that a reload keeps working. sessionStorage belongs to one origin, port included: a page that
// another program serves on 127.0.0.1 cannot read it, and the browser never sends it by itself (no cookie).
const KEY = 'guichets-session';

export interface PageSession {
  /** The headers that show the secret; empty when this tab has none (the host then answers 401). */
  headers(): Promise<Record<string, string>>;
}

type PageWindow = Pick<Window, 'location' | 'history' | 'sessionStorage'>;

export function pageSession(
  post: (url: string, init: RequestInit) => Promise<Response>,
  baseUrl = '',
  page: PageWindow | undefined = typeof window === 'undefined' ? undefined : window,
): PageSession {
  if (!page) return { headers: () => Promise.resolve({}) };
  let secret = read(page);
  let ready: Promise<void> = Promise.resolve();
  const address = new URL(page.location.href);
  const token = address.searchParams.get('token');
  if (token !== null) {
    // At once, before anything else can read or record the address (history, a bookmark, a copy).
    address.searchParams.delete('token');
    page.history.replaceState(page.history.state, '', `${address.pathname}${address.search}${address.hash}`);
    ready = post(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    })
      .then((response) => response.json() as Promise<{ ok: boolean; value?: { secret?: unknown } }>)
      .then((envelope) => {
        const given = envelope.value?.secret;
        if (!envelope.ok || typeof given !== 'string') return;
        secret = given;
        write(page, given);
      })
      .catch(() => undefined);
  }
  return {
    async headers(): Promise<Record<string, string>> {
      await ready;
      return secret ? { Authorization: `Bearer ${secret}` } : {};
    },
  };
}

function read(page: PageWindow): string | null {
  try {
    return page.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Storage refused (a private mode that disables it): the secret stays in memory, for this page only. */
function write(page: PageWindow, secret: string): void {
  try {
    page.sessionStorage.setItem(KEY, secret);
  } catch {
    // Kept in memory only.
  }
}
