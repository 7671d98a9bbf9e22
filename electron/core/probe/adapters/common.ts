// What every adapter needs to answer honestly: error pages and unanswered requests are never a `no_date`.
import { DateTime } from 'luxon';
import type { Page, Response } from 'playwright-core';
import type { LocalDateTime } from '../../../shared/domain.js';
import type { AdapterContext, AdapterResult } from '../types.js';

export function result(outcome: AdapterResult['outcome'], detail: string, slots: LocalDateTime[] = []): AdapterResult {
  return { outcome, detail, slots: [...new Set(slots)].sort() };
}

/** Bot protections (Cloudflare, Imperva/Incapsula, Akamai): the site refused the robot, it said nothing of slots. */
const BOT_BLOCK_MARKERS = [
  /sorry, you have been blocked/i,
  /cloudflare ray id/i,
  /attention required! \| cloudflare/i,
  /challenges\.cloudflare\.com\/turnstile/i,
  /verify you are human/i,
  /incapsula incident/i,
  /request unsuccessful\. incapsula/i,
  /_incapsula_resource/i,
  /reference #\d+\.[0-9a-f]+\.\d+/i,
];

/** Maintenance, overload and proxy error pages, as préfecture sites show them, sometimes with HTTP 200. */
const UNAVAILABLE_MARKERS = [
  /cette page n.est pas disponible pour le moment/i,
  /service surcharg[ée]/i,
  /site (?:est )?(?:actuellement )?(?:en|en cours de) maintenance/i,
  /op[ée]ration de maintenance/i,
  /temporairement indisponible/i,
  /^\s*(?:502 bad gateway|503 service (?:temporarily )?unavailable|504 gateway time-?out)/im,
  /trop de (?:requ[êe]tes|demandes)/i,
];

const STATUS_LABELS: Record<number, string> = {
  403: 'accès refusé',
  404: 'page introuvable',
  410: 'page supprimée',
  429: 'trop de requêtes',
  500: 'erreur interne du serveur',
  502: 'passerelle en erreur',
  503: 'service indisponible',
  504: 'passerelle sans réponse',
};

/**
 * Recognises an error, maintenance, overload or bot-block page from its HTTP status and visible text.
 * Returns null when the page looks like an ordinary answer, which the adapter must then recognise itself.
 */
export function classifyErrorPage(status: number | null, text: string): AdapterResult | null {
  if (BOT_BLOCK_MARKERS.some((marker) => marker.test(text))) {
    const code = status === null ? '' : ` (HTTP ${status})`;
    return result('site_error', `Le site a bloqué la visite par une protection anti-robot${code}.`);
  }
  if (status !== null && (status >= 500 || status === 403 || status === 429 || status === 404 || status === 410)) {
    const label = STATUS_LABELS[status] ?? 'erreur du serveur';
    return result('site_error', `Le site a répondu par une erreur HTTP ${status} (${label}).`);
  }
  const unavailable = UNAVAILABLE_MARKERS.find((marker) => marker.test(text));
  if (unavailable) {
    const line = firstLineMatching(text, unavailable);
    return result('site_error', `Le site est indisponible (maintenance ou surcharge) : « ${line} ».`);
  }
  if (status !== null && status >= 400) {
    return result('site_error', `Le site a répondu par une erreur HTTP ${status}.`);
  }
  return null;
}

function firstLineMatching(text: string, pattern: RegExp): string {
  const line = text.split('\n').find((candidate) => pattern.test(candidate)) ?? text;
  return line.trim().slice(0, 160);
}

const UNREACHABLE_ERRORS =
  /net::ERR_(?:CONNECTION_REFUSED|CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_TIMED_OUT|TIMED_OUT|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|EMPTY_RESPONSE|NETWORK_CHANGED|PROXY_CONNECTION_FAILED|SOCKET_NOT_CONNECTED|CONNECTION_ABORTED)|Timeout \d+ms exceeded|NS_ERROR_NET|ECONNREFUSED|ENOTFOUND/;

/** True when a navigation failed because the site did not answer (refused, DNS, timeout). */
export function isUnreachableError(error: unknown): boolean {
  return error instanceof Error && UNREACHABLE_ERRORS.test(error.message);
}

export function unreachable(url: string, error: unknown): AdapterResult {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return result('unreachable', `Le site n'a pas répondu (${host(url)}) : ${reason.trim()}`);
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export type Visit = { ok: true; response: Response | null } | { ok: false; result: AdapterResult };

/**
 * Opens a URL like a person typing it or following a link, and notes the answer's status. A failed navigation
 * becomes `unreachable`; an error page becomes `site_error`. Other errors are bugs and propagate.
 */
export async function visit(ctx: AdapterContext, url: string, referer?: string): Promise<Visit> {
  let response: Response | null;
  try {
    response = await ctx.page.goto(url, { waitUntil: 'load', ...(referer === undefined ? {} : { referer }) });
  } catch (error) {
    if (isUnreachableError(error)) return { ok: false, result: unreachable(url, error) };
    throw error;
  }
  ctx.noteResponse(response);
  const failure = classifyErrorPage(response?.status() ?? null, await visibleText(ctx.page));
  return failure ? { ok: false, result: failure } : { ok: true, response };
}

/** Follows a link by its href when it has one (the same request a click makes), else clicks it. */
export async function follow(ctx: AdapterContext, link: ReturnType<Page['locator']>): Promise<Visit> {
  const href = await link.getAttribute('href');
  if (href !== null && href !== '' && !href.startsWith('#') && !href.startsWith('javascript:')) {
    return visit(ctx, new URL(href, ctx.page.url()).toString(), ctx.page.url());
  }
  await link.click();
  await ctx.page.waitForLoadState('load');
  const failure = classifyErrorPage(null, await visibleText(ctx.page));
  return failure ? { ok: false, result: failure } : { ok: true, response: null };
}

/** The text a person reads on the page (empty when the page has no body yet). */
export async function visibleText(page: Page): Promise<string> {
  try {
    return await page.locator('body').innerText({ timeout: 5_000 });
  } catch {
    return '';
  }
}

/** Lower case, no accents, single spaces: French pages vary in accents, apostrophes and spacing. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2019\u2018`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function includesText(haystack: string, needle: string): boolean {
  return normalizeText(haystack).includes(normalizeText(needle));
}

/** "lundi 7 décembre 2026 à 09h30": how a detail line names a slot. */
export function describeSlot(slot: LocalDateTime): string {
  const value = DateTime.fromISO(slot, { zone: 'Europe/Paris' }).setLocale('fr');
  return value.isValid ? `${value.toFormat('cccc d LLLL yyyy')} à ${value.toFormat("HH'h'mm")}` : slot;
}

/** The detail of a `dates` outcome: how many slots were read and the first two. */
export function datesResult(slots: LocalDateTime[], where: string): AdapterResult {
  const sorted = [...new Set(slots)].sort();
  const firstTwo = sorted.slice(0, 2).map(describeSlot).join(' ; ');
  const count = sorted.length === 1 ? 'un créneau libre' : `${sorted.length} créneaux libres`;
  return result('dates', `${where} : ${count} ; premier(s) : ${firstTwo}.`, sorted);
}
