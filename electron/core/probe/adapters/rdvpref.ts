// RDV-Préfecture (SITES.md §2). Its goal for the walker: its no-slot sentence, its captcha (never solved: an
// unattended probe records `captcha`; in a session a person solved, assisted.ts, the slots are read like any page),
// and its data: the page's `critere.datePremiereDispo` says where the first availability is, which the robot opens
// the way the page's own « Semaine suivante » link is written.
import type { LocalDate } from '../../../shared/domain.js';
import { said } from '../said.js';
import type { Adapter, AdapterContext, AdapterResult } from '../types.js';
import type { Visit } from '../visit.js';
import { ProbeStop, stop } from '../visit.js';
import { probeWalk, walkSite, type Goal } from '../walker.js';
import { parseFrenchDate } from './french-dates.js';
import { isNextWindow } from '../meaning.js';
import type { Seen } from '../perceive.js';

const DEMARCHE_PATH = /^(.*?\/rdvpref\/reservation\/demarche\/(\d+))(?:\/.*)?$/;

export interface DemarcheUrls {
  id: string;
  landing: string;
  cgu: string;
  creneau: string;
}

/** The pages of the démarche a URL belongs to; null when the URL is not one of RDV-Préfecture's. */
export function demarcheUrls(url: string): DemarcheUrls | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const match = DEMARCHE_PATH.exec(parsed.pathname);
  if (!match?.[1] || !match[2]) return null;
  const base = `${parsed.origin}${match[1]}/`;
  return { id: match[2], landing: base, cgu: `${base}cgu/`, creneau: `${base}creneau/` };
}

function captchaResult(url: string): AdapterResult {
  if (new URL(url).searchParams.get('error') === 'errorSessionInvalide') return said('captcha', 'probe.captcha_expired');
  return said('captcha', 'probe.captcha', { assisted: 'yes' });
}

/** The `datePremiereDispo` of the page's `critere` JSON: a day (a LocalDate), '' when nothing is free, null when absent. */
async function firstAvailable(visit: Visit): Promise<string | null> {
  const html = await visit.page.content().catch(() => '');
  const match = /["']?datePremiereDispo["']?\s*:\s*(?:["']([^"']*)["']|null)/.exec(html);
  if (!match) return null;
  const value = match[1] ?? '';
  return value === '' ? '' : (parseFrenchDate(value)?.date ?? null);
}

/** Opens the window of `day` as the page's own « Semaine suivante » link writes its date parameter. */
async function openWindow(visit: Visit, seen: Seen, day: LocalDate): Promise<boolean> {
  const next = seen.controls.find((c) => c.layer === null && c.href && isNextWindow(c.name));
  if (!next?.href) return false;
  const url = new URL(next.href, seen.url);
  const param = [...url.searchParams.entries()].find(([, value]) => /^\d{4}-\d{2}-\d{2}$/.test(value));
  if (!param) return false;
  url.searchParams.set(param[0], day);
  visit.step(`première disponibilité annoncée (${day})`);
  await visit.goto(url.toString());
  return true;
}

export const RDVPREF_GOAL: Goal = {
  noSlot: ['Aucun créneau disponible'],
  captcha: captchaResult,
  firstAvailable,
  openWindow,
  note: (seen) => seen.text.split('\n').find((line) => /derni[eè]re mise en ligne/i.test(line))?.trim() ?? null,
};

/** Opens /creneau/ in the current session (the assisted one) and reads it, or sees the captcha asked again. */
export async function probeCreneaux(ctx: AdapterContext): Promise<AdapterResult> {
  const urls = demarcheUrls(ctx.target.url);
  if (!urls) return said('unrecognized', 'probe.not_demarche', { url: ctx.target.url });
  return probeWalk(ctx, RDVPREF_GOAL, urls.creneau);
}

export const rdvprefAdapter: Adapter = {
  system: 'rdvpref',
  matches: (url) => demarcheUrls(url.toString()) !== null,

  async discover(ctx) {
    const urls = demarcheUrls(ctx.target.url);
    if (!urls) throw stop('unrecognized', 'probe.not_demarche', { url: ctx.target.url });
    // The démarche's first page names it; the walk stops at its captcha (or at what the site answers instead).
    const end = await walkSite(ctx, RDVPREF_GOAL, { discover: true, from: urls.landing });
    const title = end.seen?.h1 ?? '';
    if (end.kind === 'result' && end.result.outcome !== 'captcha' && end.result.outcome !== 'dates' && end.result.outcome !== 'no_date') {
      throw new ProbeStop(end.result);
    }
    if (title === '') throw new ProbeStop(end.kind === 'result' ? end.result : said('unrecognized', 'probe.not_demarche', { url: ctx.target.url }));
    return { title, guichets: [{ value: urls.id, label: title }] };
  },

  // Always from the démarche's first page, as a person arriving from the préfecture's site.
  probe: (ctx) => probeWalk(ctx, RDVPREF_GOAL, demarcheUrls(ctx.target.url)?.landing),
};
