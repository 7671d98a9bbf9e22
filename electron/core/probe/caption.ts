// The caption burned into each screenshot, so that a printed capture still says what, where and when.
// Drawn by the same browser: a page showing the screenshot under an HTML band, itself screenshotted.
import type { Browser, Page } from 'playwright-core';
import type { LocalDateTime, Outcome } from '../../shared/domain.js';
import { formatParis, formatUtc, frenchSlot } from './format.js';
import { VIEWPORT } from './browser.js';

export const OUTCOME_WORDS: Record<Outcome, string> = {
  dates: 'Dates disponibles',
  no_date: 'Pas de date disponible',
  captcha: 'Captcha avant la réponse (non résolu)',
  site_error: 'Erreur du site',
  unreachable: 'Site injoignable',
  unrecognized: 'Page non reconnue',
  robot_error: 'Erreur du robot',
};

export interface CaptionFacts {
  planningLabel: string;
  url: string;
  startedAt: Date;
  outcome: Outcome;
  firstSlot: LocalDateTime | null;
  secondSlot: LocalDateTime | null;
  probeId: string;
}

export function outcomeLine(facts: Pick<CaptionFacts, 'outcome' | 'firstSlot' | 'secondSlot'>): string {
  const words = OUTCOME_WORDS[facts.outcome];
  if (facts.outcome !== 'dates' || facts.firstSlot === null) return words;
  const second = facts.secondSlot === null ? 'pas de deuxième date' : `deuxième le ${frenchSlot(facts.secondSlot)}`;
  return `${words} : première le ${frenchSlot(facts.firstSlot)}, ${second}`;
}

/** The caption's lines, label then value. */
export function captionLines(facts: CaptionFacts): [string, string][] {
  return [
    ['Planning', facts.planningLabel],
    ['Adresse', facts.url],
    ['Date (heure de Paris)', formatParis(facts.startedAt)],
    ['Date (UTC)', formatUtc(facts.startedAt)],
    ['Résultat', outcomeLine(facts)],
    ['Sondage', facts.probeId],
  ];
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

export function captionHtml(png: Buffer, facts: CaptionFacts): string {
  const rows = captionLines(facts)
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>
html,body{margin:0;padding:0;background:#fff;width:${VIEWPORT.width}px}
table{width:100%;border-collapse:collapse;background:#fff7d6;border-bottom:3px solid #222;
 font:15px/1.35 Arial,Helvetica,sans-serif;color:#000}
th{text-align:left;white-space:nowrap;padding:3px 10px;width:1%;vertical-align:top}
td{padding:3px 10px;word-break:break-all}
img{display:block;width:${VIEWPORT.width}px}
</style></head><body><table>${rows}</table>
<img alt="" src="data:image/png;base64,${png.toString('base64')}"></body></html>`;
}

export interface Captioner {
  /** The screenshot with its caption band on top, as a PNG. */
  burn(browser: Browser, png: Buffer, facts: CaptionFacts): Promise<Buffer>;
}

/**
 * Draws captions on one page kept open per browser (a context per caption costs more than the caption);
 * captions are drawn one at a time on it.
 */
export function createCaptioner(): Captioner {
  let open: { browser: Browser; page: Page } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function pageFor(browser: Browser): Promise<Page> {
    if (open?.browser === browser && !open.page.isClosed()) return open.page;
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    open = { browser, page: await context.newPage() };
    return open.page;
  }

  async function draw(browser: Browser, png: Buffer, facts: CaptionFacts): Promise<Buffer> {
    const page = await pageFor(browser);
    await page.setContent(captionHtml(png, facts), { waitUntil: 'load' });
    return page.screenshot({ fullPage: true, type: 'png' });
  }

  return {
    burn(browser, png, facts) {
      const next = queue.then(() => draw(browser, png, facts));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
