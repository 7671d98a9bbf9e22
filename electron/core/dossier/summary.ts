// The PDF summary of a dossier, as HTML that the headless Chromium prints (page.pdf): a title page, then for
// each planning its figures per month and bars, its gaps, the chronological table of its attempts and a
// selection of screenshots.
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { CATEGORIES, INCONCLUSIVE_OUTCOMES, type Probe } from '../../shared/domain.js';
import type { Bar } from '../../shared/stats.js';
import { frenchSlot } from '../probe/format.js';
import { PARIS } from '../stats/calendar.js';
import { CHART_CSS, chartFragment, type ChartFacts } from '../report/chart.js';
import { frenchMonth } from '../report/period.js';
import type { PlanningPeriod } from './collect.js';
import { proofSentences, sealSentences } from './proof-words.js';
import type { CarriedSeals } from './seals.js';
import type { PlanningProof } from '../seals/index.js';
import { CATEGORY_WORDS, escapeHtml, frenchNumber, GAP_WORDS, outcomeWords, shares } from '../report/words.js';

export interface SummaryFacts {
  association: string;
  contact: string;
  period: string;
  exportedAt: string;
  version: string;
  seals: CarriedSeals;
  /** Per planning, in the order of `plannings`: from when its records are proven. */
  proof: { label: string; proof: PlanningProof | null; imported: number }[];
  plannings: { data: PlanningPeriod; chart: ChartFacts; screenshots: Map<string, string> }[];
}

/** The first screenshot of each week with no date, and every one with dates: what shows the pattern. */
export function selectScreenshots(probes: readonly Probe[]): Probe[] {
  const weeks = new Set<string>();
  return probes.filter((probe) => {
    if (!probe.screenshot) return false;
    if (probe.outcome === 'dates') return true;
    if (probe.outcome !== 'no_date') return false;
    const week = DateTime.fromISO(probe.localDate, { zone: PARIS }).toFormat("kkkk-'W'WW");
    if (weeks.has(week)) return false;
    weeks.add(week);
    return true;
  });
}

const dateOnly = (slot: string | null): string => (slot ? DateTime.fromISO(slot.slice(0, 10)).toFormat('dd/MM/yyyy') : '—');
const when = (probe: Probe): string => `${DateTime.fromISO(probe.localDate).toFormat('dd/MM/yyyy')} ${probe.localTime.slice(0, 5)}`;

function figuresTable(rows: { label: string; bar: Bar }[]): string {
  const head = `<tr><th scope="col">Période</th><th scope="col">Sondages concluants</th><th scope="col">Jours distincts</th>${CATEGORIES.map(
    (category) => `<th scope="col">${category.toUpperCase()}</th>`,
  ).join('')}<th scope="col">Non concluants</th><th scope="col">Heures de trou</th></tr>`;
  const body = rows
    .map(({ label, bar }) => {
      const cells = shares(bar)
        .map((share) => `<td>${frenchNumber(share.attempts)} (${bar.conclusive > 0 ? `${share.percent} %` : '—'})</td>`)
        .join('');
      const inconclusive = INCONCLUSIVE_OUTCOMES.reduce((sum, outcome) => sum + bar.inconclusive[outcome], 0);
      return `<tr><th scope="row">${escapeHtml(label)}</th><td>${frenchNumber(bar.conclusive)}</td><td>${frenchNumber(bar.conclusiveDays)}</td>${cells}<td>${frenchNumber(inconclusive)}</td><td>${frenchNumber(bar.gapHours)}</td></tr>`;
    })
    .join('');
  return `<table class="figures"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

const paragraphs = (lines: readonly string[]): string => lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');

function planningSection(entry: SummaryFacts['plannings'][number], proof: SummaryFacts['proof'][number] | undefined): string {
  const { data, chart, screenshots } = entry;
  const { planning, probes, gaps } = data;
  const outcomes = new Map<string, number>();
  for (const probe of probes) outcomes.set(probe.outcome, (outcomes.get(probe.outcome) ?? 0) + 1);
  const outcomeList = [...outcomes]
    .map(([outcome, count]) => `<li>${escapeHtml(outcomeWords(outcome as Probe['outcome']))} : ${frenchNumber(count)}</li>`)
    .join('');
  const imported = probes.filter((probe) => probe.imported).length;
  const gapRows = gaps
    .map((gap) => {
      const from = DateTime.fromISO(gap.from, { zone: PARIS }).toFormat('dd/MM/yyyy HH:mm');
      const to = DateTime.fromISO(gap.to, { zone: PARIS }).toFormat('dd/MM/yyyy HH:mm');
      return `<tr><td>${from}</td><td>${to}</td><td>${frenchNumber(gap.hours)}</td><td>${escapeHtml(GAP_WORDS[gap.reason] ?? gap.reason)}</td></tr>`;
    })
    .join('');
  const gapHours = gaps.reduce((sum, gap) => sum + gap.hours, 0);
  const attempts = probes
    .map(
      (probe) =>
        `<tr><td>${when(probe)}</td><td>${escapeHtml(outcomeWords(probe.outcome))}${probe.imported ? ' (importé)' : ''}</td><td>${dateOnly(probe.firstSlot)}</td><td>${dateOnly(probe.secondSlot)}</td></tr>`,
    )
    .join('');
  const shots = selectScreenshots(probes)
    .map((probe) => {
      const file = screenshots.get(probe.id);
      if (!file) return '';
      const caption = `${when(probe)} — ${outcomeWords(probe.outcome)}${probe.firstSlot ? ` : première date ${frenchSlot(probe.firstSlot)}` : ''} — sondage ${probe.id}`;
      return `<figure><img src="${pathToFileURL(file).href}" alt="${escapeHtml(caption)}"><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
    })
    .join('');
  return `<section class="planning">
<h1>${escapeHtml(planning.label)}</h1>
<p>${escapeHtml(planning.prefecture)} (${escapeHtml(planning.departement)}) — ${escapeHtml(planning.procedure)}${planning.onlineMandatory ? ' — prise de rendez-vous par internet obligatoire' : ''}</p>
<p>Adresse sondée : ${escapeHtml(planning.url)}</p>
<h2>Chiffres</h2>
<p class="counts">Tentatives : ${frenchNumber(probes.length)} sur ${frenchNumber(data.probeDays)} jours distincts. Sondages concluants : ${frenchNumber(data.top.conclusive)} sur ${frenchNumber(data.top.conclusiveDays)} jours distincts.${imported > 0 ? ` Dont ${frenchNumber(imported)} importés d’une autre source.` : ''}</p>
<ul>${outcomeList}</ul>
${figuresTable([{ label: 'Période entière', bar: data.top }, ...data.months.map((month) => ({ label: frenchMonth(month.month), bar: month }))])}
${chartFragment(chart)}
<h2>Preuve dans le temps</h2>
${paragraphs(proofSentences(proof?.proof ?? null, proof?.imported ?? 0))}
<h2>Trous</h2>
${gaps.length === 0 ? '<p>Aucun trou : chaque heure prévue a eu son sondage.</p>' : `<p>${frenchNumber(gaps.length)} trous, ${frenchNumber(gapHours)} heures sans sondage.</p><table><thead><tr><th>Du</th><th>Au</th><th>Heures</th><th>Raison</th></tr></thead><tbody>${gapRows}</tbody></table>`}
<h2>Tous les sondages</h2>
<table class="attempts"><thead><tr><th>Date et heure (Paris)</th><th>Résultat</th><th>Première date</th><th>Deuxième date</th></tr></thead><tbody>${attempts}</tbody></table>
<h2>Captures choisies</h2>
<p>La première capture de chaque semaine sans date, et chaque capture avec des dates. Toutes les captures sont dans data/captures/.</p>
${shots || '<p>Aucune capture sur la période.</p>'}
</section>`;
}

export function summaryHtml(facts: SummaryFacts): string {
  const legend = CATEGORIES.map((category) => `<li>${category.toUpperCase()} « ${escapeHtml(CATEGORY_WORDS[category])} »</li>`).join('');
  const list = facts.plannings
    .map(({ data }) => `<li>${escapeHtml(data.planning.label)} — ${escapeHtml(data.planning.prefecture)}</li>`)
    .join('');
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Dossier de preuves</title><style>
@page{size:A4;margin:14mm 12mm}
body{font:10.5pt/1.35 "DejaVu Sans",Arial,sans-serif;color:#000}
.title{page-break-after:always;padding-top:40mm}
.title h1{font-size:26pt}
section.planning{page-break-before:always}
h1{font-size:17pt;margin:0 0 4pt}h2{font-size:13pt;margin:14pt 0 4pt}
table{border-collapse:collapse;width:100%;margin:6pt 0}
th,td{border:1px solid #888;padding:2pt 4pt;text-align:left;vertical-align:top}
thead{display:table-header-group}tr{page-break-inside:avoid}
table.attempts{font-size:9pt}
table.figures{font-size:8.5pt}table.figures td{white-space:nowrap}
.chart{zoom:0.58}
${CHART_CSS}
figure{page-break-inside:avoid;margin:8pt 0}figure img{max-width:100%;max-height:200mm;border:1px solid #888}
figcaption{font-size:9pt}
</style></head><body>
<div class="title">
<h1>Dossier de preuves</h1>
<p><strong>Association :</strong> ${escapeHtml(facts.association || '(non renseignée)')}${facts.contact ? ` — ${escapeHtml(facts.contact)}` : ''}</p>
<p><strong>Période :</strong> ${escapeHtml(facts.period)} (heure de Paris)</p>
<p><strong>Plannings :</strong></p><ul>${list}</ul>
<p><strong>Exporté le :</strong> ${escapeHtml(facts.exportedAt)}, par Guichets ${escapeHtml(facts.version)}</p>
<h2>Sceau et horodatage</h2>
${paragraphs(sealSentences(facts.seals))}
${facts.proof.map((entry) => `<p><strong>${escapeHtml(entry.label)} :</strong></p>${paragraphs(proofSentences(entry.proof, entry.imported))}`).join('')}
<p>Catégories de La Cimade, parmi les sondages concluants :</p><ul>${legend}</ul>
<p>La méthode, le sens des résultats et la manière de vérifier chaque fichier sont dans data/LISEZMOI.txt.</p>
</div>
${facts.plannings.map((entry, index) => planningSection(entry, facts.proof[index])).join('\n')}
</body></html>`;
}
