// What a page that an adapter did not expect says: an error of the site, a captcha, or a page to look at.
// Never `no_date`: that takes the site's own sentence, which only an adapter knows.
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
/** Challenge pages in frames or scripts: Cloudflare Turnstile, DataDome, Imperva. */
const CHALLENGE_SELECTORS = [
  'iframe[src*="challenges.cloudflare.com"]',
  '.cf-turnstile',
  '#challenge-form',
  'iframe[src*="captcha-delivery.com"]',
  'script[src*="captcha-delivery.com"]',
  'iframe[src*="_Incapsula_Resource"]',
].join(', ');
/** A short error page that only says "Forbidden" (a longer page merely containing the word is not one). */
const SHORT_FORBIDDEN = /^(403 )?forbidden\b/;

const CAPTCHA_SELECTORS = [
  'iframe[src*="recaptcha"]',
  '.g-recaptcha',
  'iframe[src*="hcaptcha"]',
  '.h-captcha',
  '#captchaFR_CaptchaImage',
  '[name="captchaUsercode"]',
  'img[id*="captcha" i]',
].join(', ');
const CAPTCHA_TEXTS = ['je ne suis pas un robot', 'code de securite', 'captcha'];

/** The line of the page that holds `marker` (normalised), as the page shows it. */
function lineWith(raw: string, marker: string): string {
  return raw.split('\n').find((line) => normalizeText(line).includes(marker))?.trim() ?? marker;
}

function quote(text: string): string {
  const short = text.length > 160 ? `${text.slice(0, 157)}…` : text;
  return `« ${short} »`;
}

/**
 * The outcome of a page the adapter did not recognise. `expected` says, in French, what the adapter was
 * looking for (it goes into the detail of `unrecognized`).
 */
export async function classifyPage(visit: Visit, expected: string): Promise<AdapterResult> {
  const status = visit.status();
  const raw = await visit.page.locator('body').innerText().catch(() => '');
  const text = normalizeText(raw);
  const title = (await visit.page.title().catch(() => '')).trim();
  const seen = title || raw.trim().slice(0, 80);
  if (status !== null && (status >= 500 || status === 403 || status === 429)) {
    return { outcome: 'site_error', slots: [], detail: `Le site a répondu HTTP ${status} : ${quote(seen)}.` };
  }
  const challenge = await visit.page.locator(CHALLENGE_SELECTORS).count().catch(() => 0);
  if (challenge > 0) {
    return { outcome: 'site_error', slots: [], detail: `Le site oppose une page de vérification anti-robot : ${quote(seen)}.` };
  }
  const errorText = SITE_ERROR_TEXTS.find((t) => text.includes(t));
  if (errorText !== undefined || SHORT_FORBIDDEN.test(text)) {
    const line = errorText === undefined ? seen : lineWith(raw, errorText);
    return { outcome: 'site_error', slots: [], detail: `Le site affiche une page d'erreur : ${quote(line)}.` };
  }
  const captchaElements = await visit.page.locator(CAPTCHA_SELECTORS).count().catch(() => 0);
  if (captchaElements > 0 || CAPTCHA_TEXTS.some((t) => text.includes(t))) {
    return {
      outcome: 'captcha',
      slots: [],
      detail: 'Un captcha précède la réponse : le robot ne le résout pas (à vérifier par une personne).',
    };
  }
  const where = status === 404 ? ' (HTTP 404 : adresse retirée ?)' : '';
  return {
    outcome: 'unrecognized',
    slots: [],
    detail: `Page non reconnue${where} : ${expected} attendu, vu ${quote(seen)}.`,
  };
}
