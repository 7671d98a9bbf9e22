// A chart as HTML, and as a PNG drawn from that HTML by the headless Chromium the project drives. The image
// carries its title, period, source, licence, author, booking address and export date: CC-BY 4.0 asks for
// attribution, and an image travels without the page around it.
import type { Page } from 'playwright-core';
import type { Planning } from '../../shared/domain.js';
import { CATEGORIES } from '../../shared/domain.js';
import type { Bar } from '../../shared/stats.js';
import { CATEGORY_COLOURS, CATEGORY_TEXT_COLOURS, CATEGORY_WORDS, escapeHtml, shares } from './words.js';
import { besideWords, countWords } from './figures.js';

export interface ChartRow {
  label: string;
  bar: Bar;
}

export interface ChartFacts {
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

function barHtml(bar: Bar): string {
  if (bar.conclusive === 0) return '<div class="bar"><span class="empty">Aucun sondage concluant</span></div>';
  const segments = shares(bar)
    .filter((share) => share.attempts > 0)
    .map(
      (share) =>
        `<span class="seg" style="width:${(share.fraction * 100).toFixed(3)}%;background:${CATEGORY_COLOURS[share.category]};color:${CATEGORY_TEXT_COLOURS[share.category]}">${share.fraction >= 0.05 ? `${share.percent} %` : ''}</span>`,
    )
    .join('');
  return `<div class="bar">${segments}</div>`;
}

/** What stays beside the bar (inconclusive probes, missed hours): every chart says it under the counts. */
function besideHtml(bar: Bar): string {
  const words = besideWords(bar);
  return words ? `<span class="beside">À part : ${escapeHtml(words)}</span>` : '';
}

/** The chart as an HTML fragment (class "chart"), for the PDF and for the PNG. */
export function chartFragment(facts: ChartFacts): string {
  const rows = facts.rows
    .map(
      (row) =>
        `<div class="row"><span class="label">${escapeHtml(row.label)}</span>${barHtml(row.bar)}<span class="counts">${escapeHtml(countWords(row.bar))}${besideHtml(row.bar)}</span></div>`,
    )
    .join('');
  const legend = CATEGORIES.map(
    (category) =>
      `<li><span class="sw" style="background:${CATEGORY_COLOURS[category]}"></span>« ${escapeHtml(CATEGORY_WORDS[category])} »</li>`,
  ).join('');
  const foot = [facts.source, facts.address, facts.author, facts.licence, facts.exported]
    .filter((line): line is string => Boolean(line))
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return `<div class="chart"><h2>${escapeHtml(facts.title)}</h2>${facts.subtitle ? `<p class="sub">${escapeHtml(facts.subtitle)}</p>` : ''}<p class="sub">${escapeHtml(facts.period)}</p><div class="rows">${rows}</div><ul class="legend">${legend}</ul><div class="foot">${foot}</div></div>`;
}

/** The chart drawn by Chromium, as PNG bytes. */
export async function renderChartPng(page: Page, facts: ChartFacts): Promise<Buffer> {
  await page.setViewportSize({ width: WIDTH, height: 800 });
  await page.setContent(
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}${CHART_CSS}</style></head><body>${chartFragment(facts)}</body></html>`,
  );
  return page.locator('.chart').screenshot({ type: 'png' });
}

/** A planning's chart, with what CC-BY 4.0 attribution and a court need written into it. */
export function chartFacts(
  planning: Planning,
  rows: ChartFacts['rows'],
  period: string,
  author: string,
  association: string,
  exportedAt: string,
): ChartFacts {
  return {
    title: `${planning.label} — ${planning.prefecture}`,
    subtitle: [planning.procedure, planning.guichetLabel].filter(Boolean).join(' · '),
    period: `Période : ${period}`,
    rows,
    source: `Source : sondages horaires Guichets${association ? ` (${association})` : ''} de la page de rendez-vous de la ${planning.prefecture}`,
    author: author || association ? `Auteur : ${author || association}` : null,
    licence: 'Licence : CC-BY 4.0 (creativecommons.org/licenses/by/4.0/deed.fr)',
    address: `Adresse de prise de rendez-vous : ${planning.url}`,
    exported: `Exporté le ${exportedAt}`,
  };
}
