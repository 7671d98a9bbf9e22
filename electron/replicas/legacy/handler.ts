// The legacy booking module (SITES.md §1) as a node:http handler: server-side session in `eZSESSID`, every
// step a form POSTed to /booking/create/<id>/<step>, answered by a 302 to the next step.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReplicaHandler, ReplicaOptions } from '../types.js';
import { calendarWeek } from './calendar.js';
import {
  BAD_GATEWAY_PAGE,
  calendarPage,
  captchaPage,
  choicePage,
  conditionsPage,
  descriptionPage,
  maintenancePage,
  noSlotPage,
  NOT_FOUND_PAGE,
  slotChosenPage,
  unknownLayoutPage,
} from './pages.js';
import { PARIS } from '../../shared/domain.js';
import { legacyForm, shapeAt, slotsFor, type ReplicaForm, type SlotShape } from './scenarios.js';

const BOOKING_PATH = /^(\/index\.php)?\/booking\/create\/(\d+)(?:\/(\d+)(?:\/(\d+))?)?\/?$/;
const CALL_PATH = /^(\/index\.php)?\/ezjscore\/call\/bookingserver::planning::assign::(\d+)::(\d+)::(-?\d+)$/;
const DEFAULT_SLOW_DELAY_MS = 5_000;
const MAX_SESSIONS = 2_000;

/** Where a visitor stands in one form. */
interface FormState {
  accepted: boolean;
  planning: string | null;
  /** What the chosen guichet offers during this visit (see `varies`). */
  shape: SlotShape | null;
}
type Session = Map<string, FormState>;

function send(res: ServerResponse, status: number, html: string, cookie?: string): void {
  const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
  if (cookie) headers['Set-Cookie'] = cookie;
  res.writeHead(status, headers);
  res.end(html);
}

function redirect(res: ServerResponse, location: string, cookie?: string): void {
  const headers: Record<string, string> = { Location: location };
  if (cookie) headers['Set-Cookie'] = cookie;
  res.writeHead(302, headers);
  res.end();
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sessionId(req: IncomingMessage): string | null {
  const match = /(?:^|;\s*)eZSESSID=([0-9a-f]+)/.exec(req.headers.cookie ?? '');
  return match?.[1] ?? null;
}

/** The step after the guichet is known: the no-slot page or the guichet's description. */
function stepAfterChoice(shape: SlotShape): number {
  return shape === 'none' ? 2 : 3;
}

export function createLegacyReplica(options: ReplicaOptions): ReplicaHandler {
  const sessions = new Map<string, Session>();
  const slowDelayMs = options.slowDelayMs ?? DEFAULT_SLOW_DELAY_MS;

  function openSession(req: IncomingMessage): { session: Session; cookie?: string } {
    const id = sessionId(req);
    const existing = id ? sessions.get(id) : undefined;
    if (existing) return { session: existing };
    const fresh = randomBytes(16).toString('hex');
    const session: Session = new Map();
    sessions.set(fresh, session);
    // Forget the oldest visitors: the demo runs for days.
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value ?? '');
    return { session, cookie: `eZSESSID=${fresh}; Path=/; HttpOnly` };
  }

  async function booking(req: IncomingMessage, res: ServerResponse, match: RegExpExecArray): Promise<void> {
    const prefix = match[1] ?? '';
    const form = legacyForm(match[2] ?? '');
    if (!form) return send(res, 404, NOT_FOUND_PAGE);
    const base = `${prefix}/booking/create/${form.id}`;
    const step = Number(match[3] ?? '0');
    const post = req.method === 'POST';
    const { session, cookie } = openSession(req);
    const state = session.get(form.id) ?? { accepted: false, planning: null, shape: null };
    session.set(form.id, state);
    const found = form.guichets.find((g) => g.value === state.planning);
    const guichet = found && state.shape ? { ...found, shape: state.shape } : found;

    if (step === 0 && !post) {
      if (form.kind === 'bad_gateway') return send(res, 502, BAD_GATEWAY_PAGE, cookie);
      if (form.kind === 'maintenance') return send(res, 200, maintenancePage(form), cookie);
      if (form.kind === 'captcha') return send(res, 200, captchaPage(form), cookie);
      if (form.kind === 'slow') await sleep(slowDelayMs);
      state.accepted = false;
      state.planning = null;
      state.shape = null;
      return send(res, 200, conditionsPage(form, base, false), cookie);
    }
    if (step === 0) {
      const fields = await readForm(req);
      if (!fields.has('condition')) return send(res, 200, conditionsPage(form, base, true), cookie);
      state.accepted = true;
      const only = form.guichets.length === 1 ? form.guichets[0] : undefined;
      if (!only || form.kind === 'unknown_layout') return redirect(res, `${base}/1`, cookie);
      state.planning = only.value;
      state.shape = shapeAt(only, options.clock.now());
      return redirect(res, `${base}/${stepAfterChoice(state.shape)}`, cookie);
    }
    // Later steps need the conditions accepted in this session: otherwise, back to the start.
    if (!state.accepted) return redirect(res, `${base}/0`, cookie);
    if (step === 1) return choiceStep(req, res, form, base, state, cookie);
    if (!guichet) return redirect(res, `${base}/0`, cookie);
    if (step === 2 && guichet.shape === 'none') {
      if (post) return redirect(res, `${base}/0`, cookie);
      return send(res, 200, noSlotPage(form, base), cookie);
    }
    if (guichet.shape === 'none') return redirect(res, `${base}/2`, cookie);
    if (step === 3) {
      if (post) return redirect(res, `${base}/4`, cookie);
      return send(res, 200, descriptionPage(form, guichet, base), cookie);
    }
    if (step === 4) return send(res, 200, calendarPage(form, guichet, prefix), cookie);
    if (step === 5) return send(res, 200, slotChosenPage(form), cookie);
    return send(res, 404, NOT_FOUND_PAGE, cookie);
  }

  async function choiceStep(
    req: IncomingMessage,
    res: ServerResponse,
    form: ReplicaForm,
    base: string,
    state: FormState,
    cookie: string | undefined,
  ): Promise<void> {
    if (form.kind === 'unknown_layout') return send(res, 200, unknownLayoutPage(form), cookie);
    if (req.method !== 'POST') return send(res, 200, choicePage(form, base, false), cookie);
    const fields = await readForm(req);
    const chosen = form.guichets.find((g) => g.value === fields.get('planning'));
    if (!chosen) return send(res, 200, choicePage(form, base, true), cookie);
    state.planning = chosen.value;
    state.shape = shapeAt(chosen, options.clock.now());
    return redirect(res, `${base}/${stepAfterChoice(state.shape)}`, cookie);
  }

  /** The test forms whose week-table calls get a 502 (see FormKind). */
  function calendarFails(form: ReplicaForm, shape: SlotShape, offset: number): boolean {
    if (form.kind === 'calendar_502') return true;
    if (form.kind !== 'calendar_502_later') return false;
    const now = options.clock.now();
    const first = slotsFor(shape, now)[0];
    if (!first) return true;
    const monday = DateTime.fromJSDate(now, { zone: PARIS }).startOf('week').plus({ days: offset });
    return monday > first.startOf('week');
  }

  function call(req: IncomingMessage, res: ServerResponse, match: RegExpExecArray): void {
    const form = legacyForm(match[2] ?? '');
    const found = form?.guichets.find((g) => g.value === match[3]);
    // The calendar is fetched by the page's script with the session cookie: same visit, same shape.
    const visitShape = form && found ? sessions.get(sessionId(req) ?? '')?.get(form.id)?.shape : null;
    const guichet = found && visitShape ? { ...found, shape: visitShape } : found;
    if (!form || !guichet || guichet.shape === 'none') return send(res, 404, NOT_FOUND_PAGE);
    if (calendarFails(form, guichet.shape, Number(match[4]))) return send(res, 502, BAD_GATEWAY_PAGE);
    send(res, 200, calendarWeek(form, guichet, Number(match[4]), options.clock.now(), match[1] ?? ''));
  }

  return async (req, res, url) => {
    const bookingMatch = BOOKING_PATH.exec(url.pathname);
    if (bookingMatch) {
      await booking(req, res, bookingMatch);
      return true;
    }
    const callMatch = CALL_PATH.exec(url.pathname);
    if (callMatch) {
      call(req, res, callMatch);
      return true;
    }
    return false;
  };
}
