// A chart as HTML, and as a PNG drawn from that HTML by the headless Chromium the project drives. The image
// carries its title, period, source, licence, author, booking address and export date: CC-BY 4.0 asks for
// attribution, and an image travels without the page around it.
import type { Page } from 'playwright-core';
import type { Category, Planning } from '../../shared/domain.js';
import { CATEGORIES } from '../../shared/domain.js';
import type { Bar } from '../../shared/stats.js';
import { coreMessage, type MessageCode, type MessageLang, type MessageParams } from '../../shared/messages/index.js';
import { wordCore } from '../messages.js';
import { CATEGORY_COLOURS, CATEGORY_TEXT_COLOURS, escapeHtml, shares } from './words.js';
import { CATEGORY_WORDS_FR } from '../../shared/words-fr.js';
import { CATEGORY_WORDS_EN } from '../../shared/words-en.js';
import { besideWords, countWords } from './figures.js';
import { withPngText } from './png-text.js';
import { launchHeadless } from '../probe/browser.js';

export interface ChartRow {
  label: string;
  bar: Bar;
}

export interface ChartFacts {
  /** The language of every word on it (its rows' labels and the period come worded in it). */
  lang: MessageLang;
  title: string;
  subtitle: string;
  /** « Période : du … au … » */
  period: string;
  rows: ChartRow[];
  source: string;
  author: string | null;
  licence: string;
  address: string;
  /** « Exporté le … » */
  exported: string;
}

const WIDTH = 1200;

export const CHART_CSS = `
.chart{width:${WIDTH}px;box-sizing:border-box;padding:28px 36px;background:#fff;color:#111;
 font:16px/1.35 "DejaVu Sans",Arial,Helvetica,sans-serif}
.chart h2{font-size:26px;margin:0 0 6px}
.chart .sub{color:#333;margin:0 0 4px}
.chart .rows{margin:18px 0 12px}
.chart .row{display:flex;align-items:center;gap:12px;margin:8px 0}
.chart .label{width:200px;flex:none}
.chart .bar{flex:1;display:flex;height:30px;border:1px solid #999;background:#eee}
.chart .seg{display:flex;align-items:center;justify-content:center;font-weight:bold;font-size:13px;overflow:hidden}
.chart .empty{flex:1;display:flex;align-items:center;justify-content:center;font-style:italic;color:#555;font-size:14px}
.chart .counts{width:270px;flex:none;color:#333;font-size:15px}
.chart .beside{display:block;font-size:13px;color:#444}
.chart .legend{margin:12px 0;padding:0;list-style:none}
.chart .legend li{display:flex;align-items:center;gap:10px;margin:4px 0}
.chart .sw{width:18px;height:18px;border:1px solid #666;flex:none}
.chart .foot{color:#333;font-size:14px;margin-top:14px}
.chart .foot p{margin:2px 0}`;

const say = (lang: MessageLang, code: MessageCode, params?: MessageParams): string => wordCore(coreMessage(code, params), lang);

/** A category as the legend names it, quoted. */
const legendWords = (category: Category, lang: MessageLang): string =>
  say(lang, 'chart.legend', { category: (lang === 'en' ? CATEGORY_WORDS_EN : CATEGORY_WORDS_FR)[category] });

/** The share of a segment written on it: only when the segment is wide enough to hold it. */
const written = (fraction: number): boolean => fraction >= 0.05;

/** A row's texts in the order the image shows them: label, the percents written on the bar, counts, what stays beside. */
function rowTexts(row: ChartRow, lang: MessageLang): { percents: string[]; counts: string; beside: string } {
  const percents = row.bar.conclusive === 0 ? [] : shares(row.bar).filter((share) => share.attempts > 0 && written(share.fraction));
  const words = besideWords(row.bar, lang);
  return {
    percents: percents.map((share) => say(lang, 'chart.percent', { value: share.percent })),
    counts: countWords(row.bar, lang),
    beside: words ? say(lang, 'chart.aside', { words }) : '',
  };
}

function barHtml(bar: Bar, lang: MessageLang): string {
  if (bar.conclusive === 0) return `<div class="bar"><span class="empty">${escapeHtml(say(lang, 'chart.empty'))}</span></div>`;
  const segments = shares(bar)
    .filter((share) => share.attempts > 0)
    .map(
      (share) =>
        `<span class="seg" style="width:${(share.fraction * 100).toFixed(3)}%;background:${CATEGORY_COLOURS[share.category]};color:${CATEGORY_TEXT_COLOURS[share.category]}">${written(share.fraction) ? escapeHtml(say(lang, 'chart.percent', { value: share.percent })) : ''}</span>`,
    )
    .join('');
  return `<div class="bar">${segments}</div>`;
}

const footLines = (facts: ChartFacts): string[] =>
  [facts.source, facts.address, facts.author, facts.licence, facts.exported].filter((line): line is string => Boolean(line));

/** The chart as an HTML fragment (class "chart"), for the PDF and for the PNG. */
export function chartFragment(facts: ChartFacts): string {
  const { lang } = facts;
  const rows = facts.rows
    .map((row) => {
      const { counts, beside } = rowTexts(row, lang);
      const besideHtml = beside ? `<span class="beside">${escapeHtml(beside)}</span>` : '';
      return `<div class="row"><span class="label">${escapeHtml(row.label)}</span>${barHtml(row.bar, lang)}<span class="counts">${escapeHtml(counts)}${besideHtml}</span></div>`;
    })
    .join('');
  const legend = CATEGORIES.map(
    (category) => `<li><span class="sw" style="background:${CATEGORY_COLOURS[category]}"></span>${escapeHtml(legendWords(category, lang))}</li>`,
  ).join('');
  const foot = footLines(facts)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return `<div class="chart"><h2>${escapeHtml(facts.title)}</h2>${facts.subtitle ? `<p class="sub">${escapeHtml(facts.subtitle)}</p>` : ''}<p class="sub">${escapeHtml(facts.period)}</p><div class="rows">${rows}</div><ul class="legend">${legend}</ul><div class="foot">${foot}</div></div>`;
}

/**
 * Every text the image shows, one per line in the order drawn: written into the PNG as its description, so that
 * the file says in text what it shows (a screen reader, a file's properties, a search).
 */
export function chartText(facts: ChartFacts): string[] {
  const { lang } = facts;
  const rows = facts.rows.flatMap((row) => {
    const { percents, counts, beside } = rowTexts(row, lang);
    return [row.label, ...(row.bar.conclusive === 0 ? [say(lang, 'chart.empty')] : percents), counts, ...(beside ? [beside] : [])];
  });
  const legend = CATEGORIES.map((category) => legendWords(category, lang));
  return [facts.title, ...(facts.subtitle ? [facts.subtitle] : []), facts.period, ...rows, ...legend, ...footLines(facts)];
}

/** The chart drawn by Chromium, as PNG bytes. */
export async function renderChartPng(page: Page, facts: ChartFacts): Promise<Buffer> {
  await page.setViewportSize({ width: WIDTH, height: 800 });
  await page.setContent(
    `<!DOCTYPE html><html lang="${facts.lang}"><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}${CHART_CSS}</style></head><body>${chartFragment(facts)}</body></html>`,
  );
  const png = await page.locator('.chart').screenshot({ type: 'png' });
  return withPngText(png, { Title: facts.title, Description: chartText(facts).join('\n') });
}

/** One chart drawn by a headless Chromium launched for it (the app's export: one image, now). */
export async function drawChartPng(browserPath: string, facts: ChartFacts): Promise<Buffer> {
  const browser = await launchHeadless(browserPath, 'chart');
  try {
    return await renderChartPng(await browser.newPage(), facts);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/**
 * A planning's chart, with what CC-BY 4.0 attribution and a court need written into it; `period` and `exportedAt`
 * come worded in `lang`, as do the rows' labels.
 */
export function chartFacts(
  planning: Planning,
  rows: ChartFacts['rows'],
  period: string,
  author: string,
  association: string,
  exportedAt: string,
  lang: MessageLang = 'fr',
): ChartFacts {
  const by = author || association;
  return {
    lang,
    title: `${planning.label} — ${planning.prefecture}`,
    subtitle: [planning.procedure, planning.guichetLabel].filter(Boolean).join(' · '),
    period: say(lang, 'chart.period', { period }),
    rows,
    source: say(lang, 'chart.source', { by: association ? 'yes' : 'no', association, prefecture: planning.prefecture }),
    author: by ? say(lang, 'chart.author', { author: by }) : null,
    licence: say(lang, 'chart.licence'),
    address: say(lang, 'chart.address', { url: planning.url }),
    exported: say(lang, 'chart.exported', { at: exportedAt }),
  };
}
