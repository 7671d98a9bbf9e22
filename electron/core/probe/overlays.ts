// Consent banners, cookie walls and information pop-ups, whatever their markup: a person sees a layer over the
// page and clicks its "refuse" (else "accept", else "close") control, be it a button, a link, an input, a div with
// a click handler, or a control inside an iframe (Didomi, Axeptio, tarteaucitron, Orejime, home-made bands).
// Controls are found by what they say (accents, case and spacing ignored); ids and classes are only hints.
import type { Frame, Locator, Page } from 'playwright-core';
import { onElement } from './in-page.js';
import { pageAnswer, PageNoAnswer, unlessNoAnswer } from './page-answer.js';

/** The labels a person clicks, in order of preference: refuse first, then accept, then close. */
const REFUSE_LABELS = [
  'tout refuser',
  'refuser tout',
  'refuser',
  'je refuse',
  'continuer sans accepter',
  'refuser et fermer',
  'non merci',
  'refuser les cookies',
  'rejeter',
  'tout rejeter',
];
const ACCEPT_LABELS = [
  'tout accepter',
  'accepter tout',
  'accepter',
  "j'accepte",
  'accepter et fermer',
  'accepter et continuer',
  'accepter les cookies',
  "ok, j'ai compris",
  "j'ai compris",
  'ok',
  "d'accord",
  'compris',
];
const CLOSE_LABELS = ['fermer', 'fermer la fenetre', 'fermer ce message', 'x', '×', '✕', 'continuer'];

const MARK = 'data-guichets-dismiss';

/**
 * Runs in the page (and in each frame): marks the controls of overlays with MARK="rank" and returns how many.
 * An overlay is a layer a person sees over the page: fixed or sticky, a dialog, or a consent frame; the words of
 * consent banners (cookies, traceurs, consentement) or a modal's role make a layer count.
 */
const FIND_CONTROLS = `(([refuse, accept, close, mark, isSubFrame]) => {
  const norm = (t) => (t || '').normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/[\\u2018\\u2019\\u02bc]/g, "'")
    .replace(/\\s+/g, ' ').trim().toLowerCase().replace(/[!.:]+$/, '').replace(/^[«"]|[»"]$/g, '').trim();
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.05;
  };
  const consentWords = /cookie|traceur|consentement|consent|vie privee|donnees personnelles|rgpd|gdpr|mesure d'audience/;
  const hint = /cookie|consent|didomi|axeptio|tarteaucitron|orejime|gdpr|rgpd|cmp|banner|bandeau|modal|popup|overlay|dialog|interstitiel/i;
  const layerOf = (el) => {
    for (let n = el; n && n !== document.body && n !== document.documentElement; n = n.parentElement) {
      const s = getComputedStyle(n);
      const role = n.getAttribute('role');
      if (s.position === 'fixed' || s.position === 'sticky' || role === 'dialog' || role === 'alertdialog' ||
          n.getAttribute('aria-modal') === 'true' || n.tagName === 'DIALOG') return n;
    }
    return null;
  };
  for (const old of document.querySelectorAll('[' + mark + ']')) old.removeAttribute(mark);
  const pageText = norm(document.body ? document.body.innerText : '');
  const candidates = document.querySelectorAll('button, a, input[type=button], input[type=submit], [role=button], [onclick], [tabindex], div, span, p, label');
  const found = [];
  for (const el of candidates) {
    if (el.closest('[' + mark + ']')) continue;
    const label = norm(el.tagName === 'INPUT' ? el.value : (el.innerText || el.getAttribute('aria-label') || el.getAttribute('title') || ''));
    const aria = norm(el.getAttribute('aria-label') || el.getAttribute('title') || '');
    if (label.length === 0 && aria.length === 0) continue;
    if (label.length > 40 && aria.length === 0) continue;
    let rank = -1;
    for (const [i, list] of [refuse, accept, close].entries()) {
      if (list.includes(label) || list.includes(aria)) { rank = i; break; }
    }
    if (rank < 0) continue;
    if (!visible(el)) continue;
    // A div or span counts only when it is the innermost element saying the label.
    if (['DIV', 'SPAN', 'P', 'LABEL'].includes(el.tagName) && Array.from(el.children).some((c) => norm(c.innerText) === label)) continue;
    const layer = layerOf(el);
    let overlay = false;
    if (isSubFrame) overlay = consentWords.test(pageText) || rank < 2;
    else if (layer) {
      const text = norm(layer.innerText);
      overlay = consentWords.test(text) || hint.test((layer.id || '') + ' ' + (layer.className || '')) ||
        layer.getAttribute('role') === 'dialog' || layer.getAttribute('aria-modal') === 'true' || layer.tagName === 'DIALOG';
      // A close control counts only on a layer that covers part of the page.
      if (rank === 2 && !overlay) {
        const r = layer.getBoundingClientRect();
        overlay = r.width * r.height > 0.2 * innerWidth * innerHeight;
      }
    }
    if (!overlay) continue;
    el.setAttribute(mark, String(rank));
    found.push(rank);
  }
  return found;
})`;

export interface Dismissal {
  /** What was clicked, e.g. « Tout refuser ». */
  clicked: string[];
}

async function markedControls(frame: Frame, isSubFrame: boolean): Promise<number[]> {
  try {
    const reading = frame.evaluate(`${FIND_CONTROLS}(${JSON.stringify([REFUSE_LABELS, ACCEPT_LABELS, CLOSE_LABELS, MARK, isSubFrame])})`);
    const ranks = await pageAnswer(reading, 'les bandeaux et fenêtres de la page');
    return Array.isArray(ranks) ? ranks.map(Number) : [];
  } catch (error) {
    // A frame of the page that never answers (an advert, a widget) is passed over; the page itself is not.
    if (error instanceof PageNoAnswer && !isSubFrame) throw error;
    return [];
  }
}

const LABEL_OF = onElement<string>(
  "return (el.tagName === 'INPUT' ? el.value : el.textContent || el.getAttribute('aria-label') || '') || '';",
);
const DOM_CLICK = onElement<boolean>('el.click(); return true;');

async function labelOf(control: Locator): Promise<string> {
  const text = await control.evaluate(LABEL_OF).catch(() => '');
  return text.replace(/\s+/g, ' ').trim();
}

/** Clicks like a person (a real click at the control); a control that a real click cannot reach gets a DOM click. */
async function press(control: Locator): Promise<boolean> {
  try {
    await control.click({ timeout: 1_500 });
    return true;
  } catch {
    return control.evaluate(DOM_CLICK).catch(() => false);
  }
}

/**
 * Dismisses the overlays on screen: up to a few rounds (a refusal may open a second layer), preferring refuse,
 * then accept, then close. Returns what was clicked; an empty list when nothing was there or nothing worked.
 */
export async function dismissOverlays(page: Page, log: (line: string) => void = () => undefined): Promise<Dismissal> {
  const clicked: string[] = [];
  for (let round = 0; round < 4; round++) {
    let best: { frame: Frame; rank: number } | null = null;
    for (const frame of page.frames()) {
      const ranks = await markedControls(frame, frame !== page.mainFrame());
      for (const rank of ranks) if (best === null || rank < best.rank) best = { frame, rank };
    }
    if (best === null) break;
    const control = best.frame.locator(`[${MARK}="${best.rank}"]`).first();
    const label = await labelOf(control);
    if (!(await press(control))) break;
    clicked.push(label);
    log(`Bandeau ou fenêtre fermé : « ${label} »`);
    // The banner's script may reload the page or remove the layer a moment later.
    await page.waitForLoadState('domcontentloaded', { timeout: 3_000 }).catch(() => undefined);
    await page.waitForTimeout(150);
  }
  return { clicked };
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
  const what = 'ce qui recouvre le contrôle à utiliser';
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
