// What a page that an adapter did not expect says: an error of the site, a captcha, or a page to look at.
// Never `no_date`: that takes the site's own sentence, which only an adapter knows.
import type { Seen } from './perceive.js';
import { quoted, said } from './said.js';
import { normalizeText } from './text.js';
import type { AdapterResult } from './types.js';
import type { Visit } from './visit.js';

/** Error, maintenance, overload and bot-block pages (SITES.md), in normalised form (see normalizeText). */
const SITE_ERROR_TEXTS = [
  'bad gateway',
  'service unavailable',
  'service temporarily unavailable',
  'gateway time-out',
  'gateway timeout',
  'internal server error',
  'too many requests',
  "page n'est pas disponible pour le moment",
  'service surcharge',
  'service momentanement indisponible',
  'site en maintenance',
  'operation de maintenance',
  'sorry, you have been blocked',
  'cloudflare ray id',
  'incapsula incident',
  'request unsuccessful',
  'access denied',
  "you don't have permission to access",
  'just a moment',
  'checking your browser',
  'checking if the site connection is secure',
  'verify you are human',
  'verifiez que vous etes humain',
  'enable javascript and cookies to continue',
  'attention required',
  'performance & security by cloudflare',
  'datadome',
  'incapsula',
  'imperva',
  'service indisponible',
  'temporairement indisponible',
  'en cours de maintenance',
  'maintenance en cours',
  'error 1020',
];
/** Challenge pages in frames or scripts: Cloudflare Turnstile, DataDome, Imperva (read by perceive.ts). */
export const CHALLENGE_SELECTORS = [
  'iframe[src*="challenges.cloudflare.com"]',
  '.cf-turnstile',
  '#challenge-form',
  'iframe[src*="captcha-delivery.com"]',
  'script[src*="captcha-delivery.com"]',
  'iframe[src*="_Incapsula_Resource"]',
].join(', ');
/** A short error page that only says "Forbidden" (a longer page merely containing the word is not one). */
const SHORT_FORBIDDEN = /^(403 )?forbidden\b/;

/** Captchas a person sees (read by perceive.ts, visible ones only). */
export const CAPTCHA_SELECTORS = [
  'iframe[src*="recaptcha"]',
  '.g-recaptcha',
  'iframe[src*="hcaptcha"]',
  '.h-captcha',
  '#captchaFR_CaptchaImage',
  '[name="captchaUsercode"]',
  'img[id*="captcha" i]',
].join(', ');
const CAPTCHA_TEXTS = ['je ne suis pas un robot', 'code de securite', 'captcha'];

/** What a person would quote of a page: its title, else its first lines. */
function shownOf(seen: Seen): string {
  return quoted(seen.title.trim() || seen.text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' — ') || '(page vide)', 160);
}

/**
 * What the page says before anything else is read: a refusal (HTTP 403, 429, 5xx), a bot wall or challenge, a
 * captcha before the answer. Null when it says none of that.
 */
export function siteVerdict(visit: Visit, seen: Seen): AdapterResult | null {
  const step = visit.stepName();
  const status = visit.status();
  if (status !== null && (status >= 500 || status === 403 || status === 429)) {
    return said('site_error', 'probe.http_error_page', { step, status, said: shownOf(seen) });
  }
  if (seen.challenge) return said('site_error', 'probe.bot_wall', { step, said: shownOf(seen) });
  if (seen.captcha) return said('captcha', 'probe.captcha', { assisted: 'no' });
  return null;
}

/**
 * The outcome of a page the robot could not act on: an error of the site, a captcha, or a page to look at
 * (`unrecognized`). Never `no_date`: that takes the site's own sentence, which only an adapter knows.
 */
export function classifyPage(visit: Visit, seen: Seen): AdapterResult {
  const verdict = siteVerdict(visit, seen);
  if (verdict) return verdict;
  const step = visit.stepName();
  const normal = normalizeText(seen.text);
  const errorText = SITE_ERROR_TEXTS.find((t) => normal.includes(t));
  if (errorText !== undefined || SHORT_FORBIDDEN.test(normal)) {
    const line = errorText === undefined ? shownOf(seen) : quoted(seen.text.split('\n').find((l) => normalizeText(l).includes(errorText))?.trim() ?? errorText);
    return said('site_error', 'probe.error_page', { step, said: line });
  }
  if (CAPTCHA_TEXTS.some((t) => normal.includes(t))) return said('captcha', 'probe.captcha', { assisted: 'no' });
  const status = visit.status();
  return said('unrecognized', 'probe.unrecognized', { step, status: status === 404 ? 's404' : 'none', said: shownOf(seen) });
}
