// A faithful local replica of RDV-Préfecture (SITES.md §2): JSESSIONID on /rdvpref, landing, /cgu/ with the
// State captcha, /creneau/ only in a session whose captcha was solved, one 7-day window of slot cards at a time.
import { randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DateTime } from 'luxon';
import type { ReplicaHandler, ReplicaOptions } from '../types.js';
import { addDays, frenchLongDate, isLocalDate, localDate, replicaSlots, slotsBetween, todayInParis } from './calendar.js';
import {
  botBlockPage,
  captchaImage,
  cguPage,
  creneauPage,
  landingPage,
  maintenancePage,
  notFoundPage,
  redesignedPage,
  serverErrorPage,
} from './pages.js';
import { delay, readBody, redirect, send } from './http.js';
import { demarchePath, findDemarche, type RdvprefDemarche } from './scenarios.js';
import { PARIS } from '../../shared/domain.js';

export { RDVPREF_DEMARCHES, RDVPREF_DEMO_PLANNINGS, demarchePath, type RdvprefDemarche } from './scenarios.js';

export interface RdvprefReplicaOptions extends ReplicaOptions {
  /** A session unused for this long is forgotten, as a Java server does (default 90 minutes). */
  sessionIdleMs?: number;
  /** A session older than this is forgotten however used (default 12 hours). */
  sessionMaxMs?: number;
}

interface Session {
  id: string;
  createdAt: number;
  lastSeen: number;
  captcha: { id: string; code: string; seed: number } | null;
  /** Démarches whose captcha was solved in this session. */
  solved: Set<number>;
}

const CAPTCHA_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ROUTE = /^\/rdvpref\/reservation\/demarche\/(\d+)\/?(cgu|creneau)?\/?$/;
/** How far ahead the calendar lets a person browse. */
const HORIZON_DAYS = 120;

export function createRdvprefReplica(options: RdvprefReplicaOptions): ReplicaHandler {
  const { clock } = options;
  const idleMs = options.sessionIdleMs ?? 90 * 60_000;
  const maxMs = options.sessionMaxMs ?? 12 * 3_600_000;
  const sessions = new Map<string, Session>();

  /** The request's session: `expired` when its cookie names a session the server no longer keeps. */
  function sessionOf(req: IncomingMessage, res: ServerResponse): { session: Session; expired: boolean } {
    const now = clock.now().getTime();
    const cookieId = /(?:^|;\s*)JSESSIONID=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const known = cookieId === undefined ? undefined : sessions.get(cookieId);
    if (known && now - known.lastSeen <= idleMs && now - known.createdAt <= maxMs) {
      known.lastSeen = now;
      return { session: known, expired: false };
    }
    if (known) sessions.delete(known.id);
    const session: Session = {
      id: randomBytes(16).toString('hex').toUpperCase(),
      createdAt: now,
      lastSeen: now,
      captcha: null,
      solved: new Set(),
    };
    sessions.set(session.id, session);
    res.setHeader('Set-Cookie', `JSESSIONID=${session.id}; Path=/rdvpref; HttpOnly; SameSite=Lax`);
    return { session, expired: cookieId !== undefined };
  }

  function captchaImageFor(captchaId: string | null): string | null {
    for (const session of sessions.values()) {
      if (session.captcha && session.captcha.id === captchaId) {
        return captchaImage(session.captcha.code, session.captcha.seed);
      }
    }
    return null;
  }

  async function demarcheRoute(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    demarche: RdvprefDemarche,
    page: string | undefined,
  ): Promise<void> {
    const { scenario } = demarche;
    if (scenario.kind === 'no_answer') {
      req.socket.destroy();
      return;
    }
    if (scenario.kind === 'bot_block') {
      send(res, 403, botBlockPage(randomBytes(8).toString('hex')));
      return;
    }
    if (scenario.kind === 'server_error') {
      send(res, 502, serverErrorPage(502, 'Bad Gateway'));
      return;
    }
    if (scenario.kind === 'maintenance') {
      send(res, 503, maintenancePage());
      return;
    }
    if (scenario.kind === 'rate_limited') {
      send(res, 429, serverErrorPage(429, 'Too Many Requests'));
      return;
    }
    if (scenario.kind === 'slow') await delay(options.slowDelayMs ?? 3_000);

    const { session, expired } = sessionOf(req, res);
    const cgu = demarchePath(demarche.id, 'cgu/');
    if (page === undefined) {
      send(res, 200, landingPage(demarche));
    } else if (page === 'cgu' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const code = (form.get('captchaUsercode') ?? '').trim().toUpperCase();
      const captcha = session.captcha;
      if (expired || !captcha) {
        redirect(res, `${cgu}?error=errorSessionInvalide`);
      } else if (form.get('captchaId') !== captcha.id || code !== captcha.code) {
        redirect(res, `${cgu}?error=invalidCaptcha`);
      } else {
        session.captcha = null;
        session.solved.add(demarche.id);
        redirect(res, demarchePath(demarche.id, 'creneau/'));
      }
    } else if (page === 'cgu') {
      // A new code at every display, as CaptchEtat does.
      session.captcha = {
        id: randomBytes(12).toString('hex'),
        code: Array.from({ length: 6 }, () => CAPTCHA_LETTERS[randomInt(CAPTCHA_LETTERS.length)]).join(''),
        seed: randomInt(1, 1000),
      };
      const error = url.searchParams.get('error');
      const revealedCode = options.revealCaptcha ? session.captcha.code : null;
      send(res, 200, cguPage(demarche, { captchaId: session.captcha.id, revealedCode, error }));
    } else if (expired) {
      redirect(res, `${cgu}?error=errorSessionInvalide`);
    } else if (!session.solved.has(demarche.id)) {
      redirect(res, cgu);
    } else if (scenario.kind === 'session_expired') {
      sessions.delete(session.id);
      redirect(res, `${cgu}?error=errorSessionInvalide`);
    } else if (scenario.kind === 'redesigned') {
      send(res, 200, redesignedPage(demarche));
    } else if (scenario.kind === 'silent') {
      send(res, 200, creneauPageFor(demarche, 'none', null, false, { silent: true }));
    } else {
      const opensOnToday = scenario.kind === 'slots' && scenario.opensOnToday === true;
      const saysNone = scenario.kind === 'slots' && scenario.saysNoneOnEmptyWeek === true;
      send(res, 200, creneauPageFor(demarche, scenario.plan, url.searchParams.get('debut'), opensOnToday, { saysNone }));
    }
  }

  function creneauPageFor(
    demarche: RdvprefDemarche,
    plan: Parameters<typeof replicaSlots>[0],
    debut: string | null,
    opensOnToday = false,
    shown: { saysNone?: boolean; silent?: boolean } = {},
  ): string {
    const today = todayInParis(clock).toISODate() ?? '';
    const slots = replicaSlots(plan, clock);
    const first = slots[0];
    const from = isLocalDate(debut) && debut >= today ? debut : first === undefined || opensOnToday ? today : localDate(first);
    const next = addDays(from, 7);
    return creneauPage(demarche, {
      from,
      to: addDays(from, 6),
      windowSlots: slotsBetween(slots, from, 7).map((slot) => ({ id: 1_834_000 + slots.indexOf(slot), slot })),
      firstAvailable: first === undefined ? null : localDate(first),
      lastPublished: lastPublication(),
      previous: from > today ? (addDays(from, -7) > today ? addDays(from, -7) : today) : null,
      next: next <= addDays(today, HORIZON_DAYS) ? next : null,
      ...shown,
    });
  }

  /** Slots are published at fixed instants: 08:00 and 14:00, Paris time. */
  function lastPublication(): string {
    const now = DateTime.fromJSDate(clock.now(), { zone: PARIS });
    const candidates = [now.set({ hour: 14, minute: 0 }), now.set({ hour: 8, minute: 0 }), now.minus({ days: 1 }).set({ hour: 14, minute: 0 })];
    const last = candidates.find((instant) => instant <= now) ?? now;
    return `le ${frenchLongDate(last.toISODate() ?? '')} à ${last.toFormat("HH'h'mm")}`;
  }

  return async (req, res, url) => {
    if (!url.pathname.startsWith('/rdvpref/')) return false;
    if (url.pathname === '/rdvpref/api/captcha/image') {
      const svg = captchaImageFor(url.searchParams.get('captchaId'));
      if (svg === null) send(res, 404, notFoundPage());
      else send(res, 200, svg, 'image/svg+xml');
      return true;
    }
    if (url.pathname === '/rdvpref/api/captcha/sound') {
      send(res, 200, 'Audio indisponible dans la réplique.', 'text/plain; charset=utf-8');
      return true;
    }
    const match = ROUTE.exec(url.pathname);
    const demarche = match ? findDemarche(Number(match[1])) : undefined;
    if (!match || !demarche) {
      send(res, 404, notFoundPage());
      return true;
    }
    await demarcheRoute(req, res, url, demarche, match[2]);
    return true;
  };
}
