// Controls found the way a person finds them: by their role and what they say (accents, case and spacing aside),
// ids, classes and names only as hints; and wrapper pages (an information page before the service) passed.
import type { Locator, Page } from 'playwright-core';
import { onElement } from '../in-page.js';
import { pageAnswer, unlessNoAnswer } from '../page-answer.js';
import { normalizeText } from '../text.js';
import type { Visit } from '../visit.js';
import { isErrorStatus } from './common.js';

const CONTROLS = 'button, a[href], input[type="submit"], input[type="button"], [role="button"], [role="link"]';

/** Marks the control found: a locator on the mark keeps to that element even when the page adds others. */
const MARK = 'data-guichets-control';
let found = 0;

/**
 * Runs in the page: finds the visible, enabled control whose name (text, value, aria-label or title; accents, case,
 * spacing and apostrophes aside) starts with the earliest of `names`, else the first usable element of `hint`, and
 * adds `token` to its MARK. Returns whether one was found. One round trip.
 */
const PICK = onElement<boolean>(`
  const [names, hint, mark, token] = arg;
  const norm = (t) => (t || '').normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/[\\u2018\\u2019\\u02bc]/g, "'")
    .replace(/\\s+/g, ' ').trim().toLowerCase();
  const usable = (node) => {
    const r = node.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(node);
    return !(s.visibility === 'hidden' || s.display === 'none' || node.disabled || node.getAttribute('aria-disabled') === 'true');
  };
  let best = null;
  let bestRank = names.length;
  for (const node of el) {
    if (!usable(node)) continue;
    const said = [node.tagName === 'INPUT' ? node.value : node.innerText, node.getAttribute('aria-label'), node.getAttribute('title')]
      .map(norm).filter(Boolean);
    for (let rank = 0; rank < bestRank; rank++) {
      const name = names[rank];
      if (said.some((text) => text === name || text.startsWith(name + ' ') || text.replace(/[^a-z0-9' ]/g, '').trim() === name.replace(/[^a-z0-9' ]/g, '').trim())) {
        best = node;
        bestRank = rank;
        break;
      }
    }
  }
  if (best === null && hint) {
    let hinted = [];
    try { hinted = Array.from(document.querySelectorAll(hint)); } catch { hinted = []; }
    best = hinted.find(usable) || null;
  }
  if (best === null) return false;
  best.setAttribute(mark, ((best.getAttribute(mark) || '') + ' ' + token).trim());
  return true;
`);

/**
 * The visible button or link that says the earliest of `names` (words as a person reads them; see normalizeText),
 * else the first visible element of `hint` (a selector: ids and classes only as hints), else null. The locator
 * points at that very element (marked in the page), never at "the n-th control", which a re-render would change.
 */
export async function findControl(page: Page, names: string[], hint?: string): Promise<Locator | null> {
  found += 1;
  const token = `c${found}`;
  const args = [names.map((name) => normalizeText(name)), hint ?? null, MARK, token];
  const reading = page.locator(CONTROLS).evaluateAll(PICK, args);
  const marked = await pageAnswer(reading, 'controls').catch(unlessNoAnswer(false));
  return marked ? page.locator(`[${MARK}~="${token}"]`) : null;
}

/** The words of the controls that lead past an information page to the service. */
const CONTINUE = [
  'continuer',
  'poursuivre',
  'acceder au service',
  'acceder a la prise de rendez-vous',
  'acceder au formulaire',
  'prendre rendez-vous',
  "j'ai lu et compris",
  "j'ai compris",
  'commencer',
];

/** Information pages a visit passes at most: past that, the page is what the site answers. */
const MAX_PASSES = 2;
const passes = new WeakMap<Visit, number>();

/**
 * On a page the adapter does not know (and not an HTTP error), a "Continuer"-like control is an information page
 * to pass, as a person would, at most twice a visit. Returns true when it was passed (the next page, or the page
 * changed in place, is then on screen and settled).
 */
export async function passInterstitial(visit: Visit): Promise<boolean> {
  const passed = passes.get(visit) ?? 0;
  if (passed >= MAX_PASSES || isErrorStatus(visit)) return false;
  const control = await findControl(visit.page, CONTINUE);
  if (!control) return false;
  passes.set(visit, passed + 1);
  visit.step('page d’information');
  await visit.submit(control);
  return true;
}
