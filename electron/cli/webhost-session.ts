// Who may use the web host's API: a page that showed the session secret in an Authorization header. The secret
// is handed once per printed address (its one-time token) to the page's script, which keeps it in that tab's
// sessionStorage: storage is per origin, port included, so no page served by another program on 127.0.0.1 can read
// it, and the browser never sends it by itself (no cookie: cookies are shared by every port of a host).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

export interface WebSession {
  /** A new one-time token, for an address printed to the person who started Guichets. */
  newToken(): string;
  /** The secret for a token not used yet; null for any other value. The token is spent either way. */
  redeem(token: unknown): string | null;
  /** Whether the request shows the secret (`Authorization: Bearer <secret>`). */
  authorized(req: http.IncomingMessage): boolean;
}

export function createWebSession(): WebSession {
  const secret = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${secret}`);
  const tokens = new Set<string>();
  return {
    newToken() {
      const token = randomBytes(24).toString('base64url');
      tokens.add(token);
      return token;
    },
    redeem(token) {
      return typeof token === 'string' && tokens.delete(token) ? secret : null;
    },
    authorized(req) {
      const given = Buffer.from(req.headers.authorization ?? '');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
