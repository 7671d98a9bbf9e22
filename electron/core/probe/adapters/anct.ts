// RDV Service Public (rdv.anct.gouv.fr, SITES.md §3). Its goal for the walker: the motif and the lieu wanted among
// the cards the search offers (links carrying `motif_name_with_location_type` and `lieu_id`), its no-slot sentences,
// and its slots' addresses (`starts_at`). Empty weeks, « Prochaine disponibilité le … » and the next weeks are
// the walker's, as for any site. No captcha stands before the answer.
import type { Guichet, LocalDateTime } from '../../../shared/domain.js';
import { chooseGuichet, GuichetChoiceError, type Choice, type Chooser } from '../choices.js';
import { perceive, type Seen } from '../perceive.js';
import { sameText } from '../text.js';
import type { Adapter, AdapterContext } from '../types.js';
import { ProbeStop, startVisit } from '../visit.js';
import { probeWalk, walkSite, type Goal } from '../walker.js';
import { toParisLocal } from './french-dates.js';

const HOSTS = /(^|\.)(rdv\.anct\.gouv\.fr|rdv-solidarites\.fr|rdv-service-public\.fr|rdv\.aide-numerique\.gouv\.fr|rdv-mairie\.fr)$/;
const MOTIF = 'motif_name_with_location_type';
/** Motifs whose lieux discover looks at; an organisation with more lists its motifs alone past this. */
const MAX_DISCOVERED_MOTIFS = 20;

/** The motif or lieu cards of a search page: their links' parameter is the choice's value, their title its label. */
function cardChoices(seen: Seen): Choice[] {
  const pageUrl = new URL(seen.url);
  for (const param of ['lieu_id', MOTIF]) {
    if (pageUrl.searchParams.has(param)) continue;
    const choices: Choice[] = [];
    for (const control of seen.controls) {
      if (control.layer !== null || control.role !== 'link' || !control.href) continue;
      const value = new URL(control.href, seen.url).searchParams.get(param);
      if (value === null || choices.some((c) => c.value === value)) continue;
      const label = param === 'lieu_id' ? (control.card ?? control.name) : control.name.split('\n')[0]?.trim() ?? control.name;
      choices.push({ value, label, control, kind: 'link' });
    }
    if (choices.length > 0) return choices;
  }
  return [];
}

/** The value and label discover gives a motif × lieu pair. */
export function pairGuichet(motif: Guichet, lieu: Guichet): Guichet {
  return { value: `${motif.value}@${lieu.value}`, label: `${motif.label} — ${lieu.label}` };
}

/** The guichet a planning names: a motif or a lieu, or both as discover lists them (`motif@lieu`, `motif — lieu`). */
function parts(raw: string): { motif: string | null; lieu: string | null } {
  const pair = /^(.+)@(\d+)$/.exec(raw.trim()) ?? /^(.+?)\s+—\s+(.+)$/.exec(raw.trim());
  return { motif: pair?.[1] ?? null, lieu: pair?.[2] ?? null };
}

/** Motifs, then lieux: a level with one choice is no choice (the name may be the other level's). */
const chooseCard: Chooser = (choices, state) => {
  const lieux = choices.some((c) => new URL(c.control.href ?? '', 'http://x/').searchParams.has('lieu_id'));
  const wanted = state.wanted;
  if (wanted === null) return chooseGuichet(choices, state);
  const part = lieux ? parts(wanted).lieu : parts(wanted).motif;
  const names = [wanted, part].filter((name): name is string => typeof name === 'string');
  state.levels += 1;
  const found = choices.find((c) => names.some((name) => sameText(c.value, name) || sameText(c.label, name)));
  if (found) {
    state.matched = true;
    state.path.push({ value: found.value, label: found.label });
    return found;
  }
  const only = choices.length === 1 ? choices[0] : undefined;
  if (only) {
    state.path.push({ value: only.value, label: only.label });
    return only;
  }
  const motif = lieux ? state.path[0] : undefined;
  const guichets = choices.map((c) => (motif ? pairGuichet(motif, { value: c.value, label: c.label }) : { value: c.value, label: c.label }));
  const list = guichets.map((g) => `« ${g.label} »`).join(', ');
  const what = lieux ? 'lieux' : 'motifs';
  if (lieux && state.matched) {
    throw new GuichetChoiceError(`Cette page propose plusieurs ${what} : choisissez-en un (sa valeur ou son libellé) parmi ${list}.`, guichets);
  }
  throw new GuichetChoiceError(`« ${wanted} » ne figure pas parmi les ${what} proposés : ${list}.`, guichets);
};

export const ANCT_GOAL: Goal = {
  noSlot: [
    "aucun créneau correspondant à votre recherche n'a été trouvé",
    // « Prochaine disponibilité : aucune »: the site's word, never a dash or an empty value.
    /prochaine disponibilite\s*(?:le)?\s*:?\s*(aucune|aucun creneau|neant|pas de (?:date|creneau))\b/,
  ],
  slotOfLink: (href): LocalDateTime | null => {
    const startsAt = href.searchParams.get('starts_at');
    return startsAt === null ? null : toParisLocal(startsAt);
  },
  linkChoices: cardChoices,
  choose: chooseCard,
};

/**
 * The guichets of a page: its lieux, or its motifs, each motif offered in several lieux being replaced by one
 * motif × lieu pair per lieu (a motif alone would not say where to probe).
 */
async function discoverGuichets(ctx: AdapterContext, choices: Choice[], seen: Seen): Promise<Guichet[]> {
  const lieux = choices.some((c) => new URL(c.control.href ?? '', seen.url).searchParams.has('lieu_id'));
  if (lieux) return choices.map((c) => ({ value: c.value, label: c.label }));
  const visit = startVisit(ctx);
  const guichets: Guichet[] = [];
  for (const [index, motif] of choices.entries()) {
    const guichet = { value: motif.value, label: motif.label };
    if (index >= MAX_DISCOVERED_MOTIFS || !motif.control.href) {
      guichets.push(guichet);
      continue;
    }
    await visit.goto(new URL(motif.control.href, seen.url).toString());
    const next = cardChoices(await perceive(visit.page));
    if (next.length > 1 && next.every((c) => new URL(c.control.href ?? '', seen.url).searchParams.has('lieu_id'))) {
      guichets.push(...next.map((lieu) => pairGuichet(guichet, { value: lieu.value, label: lieu.label })));
    } else {
      guichets.push(guichet);
    }
  }
  return guichets;
}

export const anctAdapter: Adapter = {
  system: 'anct',
  matches: (url) => HOSTS.test(url.hostname) || url.pathname === '/prendre_rdv' || /^\/org\/[\w-]+\/?$/.test(url.pathname),

  async discover(ctx) {
    const end = await walkSite(ctx, ANCT_GOAL, { discover: true });
    const title = end.seen?.h1 || end.seen?.heading || null;
    if (end.kind === 'choices') return { title, guichets: await discoverGuichets(ctx, end.choices, end.seen) };
    if (end.result.outcome !== 'dates' && end.result.outcome !== 'no_date') throw new ProbeStop(end.result);
    return { title, guichets: [] };
  },

  probe: async (ctx) => {
    const result = await probeWalk(ctx, ANCT_GOAL);
    return result;
  },
};
