// Consent banners, cookie walls and information pop-ups, whatever their markup: a person sees a layer over the
// page and presses the control of that layer that refuses (else accepts, else closes), be it a button, a link, a
// box made clickable by a script, or a control in the layer's own frame (see perceive.ts). What a control means is
// read from its name (meaning.ts), never from a list of labels, ids or classes.
import type { Locator, Page } from 'playwright-core';
import { onElement } from './in-page.js';
import { commits, consentChoice, speaksOfConsent, type ConsentChoice } from './meaning.js';
import { pageAnswer, unlessNoAnswer } from './page-answer.js';
import { locate, overlays, perceive, type Control, type Layer, type Seen } from './perceive.js';

export interface Dismissal {
  /** What was pressed, e.g. « Tout refuser ». */
  clicked: string[];
  /** The text of a layer over the page that nothing closed (it covers the page or one of its controls), or null. */
  stuck: string | null;
}

const RANK: Record<ConsentChoice, number> = { refuse: 0, accept: 1, close: 2 };
const TRIES = 2;

/** The controls of a layer that close it, surest first: refuse, then accept, then close. */
export function closers(seen: Seen, layer: Layer): Control[] {
  return seen.controls
    .filter((c) => c.layer === layer.index && !c.disabled && (c.role === 'button' || c.role === 'link'))
    // A control that says it books, in any of its words, is never pressed to close a layer (« OK » named « Confirmer
    // le rendez-vous »).
    .filter((c) => ![c.name, c.shown ?? '', c.description].some(commits))
    .map((c) => ({ control: c, choice: consentChoice(c.name) ?? (c.shown ? consentChoice(c.shown) : null) ?? (c.description ? consentChoice(c.description) : null) }))
    .filter((entry): entry is { control: Control; choice: ConsentChoice } => entry.choice !== null)
    // A control under another layer cannot be reached by a person: that layer comes first.
    .filter((entry) => entry.control.coveredBy === undefined)
    .sort((a, b) => RANK[a.choice] - RANK[b.choice])
    .map((entry) => entry.control);
}

/** True when the layer stands in a person's way: it covers a control of the page, or most of the window. */
export function blocks(seen: Seen, layer: Layer): boolean {
  return layer.share >= 0.5 || seen.controls.some((c) => c.layer === null && c.coveredBy === layer.index);
}

const DOM_CLICK = onElement<boolean>('el.click(); return true;');

/** Clicks like a person (a real click at the control); a control that a real click cannot reach gets a DOM click. */
async function press(control: Locator): Promise<boolean> {
  try {
    await control.click({ timeout: 3_000 });
    return true;
  } catch {
    return control.evaluate(DOM_CLICK).catch(() => false);
  }
}

/** The layers over the page, as `seen` shows them. */
export function overlaysOf(seen: Seen): Layer[] {
  return overlays(seen, speaksOfConsent);
}

/**
 * Presses, on the topmost layer that a control still untried can close, its surest closing control (refuse, else
 * accept, else close). `tried` keeps what was pressed already, so that a layer that stays gets its next control.
 * Returns what was pressed (null when nothing was), and the text of a layer in the way that nothing can close.
 */
export async function dismissOnce(page: Page, seen: Seen, tried: Map<string, number>, log: (line: string) => void): Promise<{ pressed: string | null; stuck: string | null }> {
  const layers = overlaysOf(seen);
  for (const layer of layers) {
    // Each closing control twice at most (a click a busy page let pass unanswered), surest first.
    const control = closers(seen, layer).find((c) => (tried.get(key(layer, c)) ?? 0) < TRIES);
    if (!control) continue;
    tried.set(key(layer, control), (tried.get(key(layer, control)) ?? 0) + 1);
    const pressed = locate(page, control);
    if (!(await press(pressed))) continue;
    // Said as the screenshot shows it, with the name a screen reader gives when it differs.
    log(`Bandeau ou fenêtre fermé : « ${control.shown ?? control.name} »${control.shown ? ` (nommé « ${control.name} »)` : ''}`);
    // The banner's script may reload the page, or fade the layer out before removing it: pressing again what is
    // still fading would close it twice.
    await page.waitForLoadState('domcontentloaded', { timeout: 3_000 }).catch(() => undefined);
    await pressed.waitFor({ state: 'hidden', timeout: 1_500 }).catch(() => undefined);
    await page.waitForTimeout(150).catch(() => undefined);
    return { pressed: control.name, stuck: null };
  }
  const left = layers.find((l) => blocks(seen, l));
  return { pressed: null, stuck: left ? left.text || '<sans texte>' : null };
}

/** Dismisses the layers on screen, a few rounds at most (a refusal may open a second layer). */
export async function dismissOverlays(page: Page, log: (line: string) => void = () => undefined): Promise<Dismissal> {
  const clicked: string[] = [];
  const tried = new Map<string, number>();
  for (let round = 0; round < 6; round++) {
    const seen = await perceive(page);
    const { pressed, stuck } = await dismissOnce(page, seen, tried, log);
    if (pressed === null) return { clicked, stuck };
    clicked.push(pressed);
  }
  return { clicked, stuck: null };
}

function key(layer: Layer, control: Control): string {
  return `${layer.text.slice(0, 80)}|${control.name}`;
}

const COVER_OF = onElement<string | null>(`
  let r = el.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight) {
    el.scrollIntoView({ block: 'center' });
    r = el.getBoundingClientRect();
  }
  if (r.width === 0 || r.height === 0) return null;
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return null;
  const hit = document.elementFromPoint(x, y);
  if (!hit || hit === el || el.contains(hit) || hit.contains(el)) return null;
  // A label of the target takes its clicks: not a cover.
  const label = hit.closest('label');
  if (label && (label.control === el || label.contains(el))) return null;
  let layer = hit;
  for (let n = hit; n && n !== document.body; n = n.parentElement) {
    const position = getComputedStyle(n).position;
    if (position === 'fixed' || position === 'sticky' || position === 'absolute') layer = n;
  }
  const described = ((layer.innerText ?? layer.textContent) || '').replace(/\\s+/g, ' ').trim();
  if (described) return described;
  if (layer.tagName === 'IFRAME') return ('cadre ' + (layer.getAttribute('title') || layer.getAttribute('src') || '')).trim();
  return '<' + layer.tagName.toLowerCase() + '>';
`);

/** What covers the centre of `target`, as a person would name it (its text), or null when nothing does. */
export async function coverOf(target: Locator): Promise<string | null> {
  // Only a page that no longer answers stops the reading (PageNoAnswer): anything else is « not covered ».
  const what = 'cover';
  // A control that is not on the page is covered by nothing; never wait for it here (the step's own wait did).
  if ((await pageAnswer(target.count(), what).catch(unlessNoAnswer(0))) === 0) return null;
  const found = await pageAnswer(target.evaluate(COVER_OF, undefined, { timeout: 1_000 }), what).catch(unlessNoAnswer(null));
  return typeof found === 'string' ? found : null;
}

/** The element Playwright names in "… intercepts pointer events", shortened; null when the error is not that. */
export function interceptorOf(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const match = /(<[^\n]*?>[^\n]*?)\s+(?:from <[^\n]*?> )?(?:subtree )?intercepts pointer events/.exec(message);
  return match?.[1] ? match[1].slice(0, 160) : null;
}

export function shorten(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
