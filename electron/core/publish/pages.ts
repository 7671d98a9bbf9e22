// The pages of the published site: plain HTML and CSS, no script, relative links only, so that the folder can
// be copied to any web host (or opened from a disk). Tables are real tables with headers that screen readers
// read; each bar is an image with its text alternative.
import { CATEGORIES } from '../../shared/domain.js';
import type { Planning } from '../../shared/domain.js';
import { headlineShares, sumBars, type Bar, type PlanningStats } from '../../shared/stats.js';
import { besideWords, monthLabel, topLabel, topPeriod } from '../report/figures.js';
import { barSentence, CATEGORY_COLOURS, CATEGORY_WORDS, escapeHtml as h, frenchNumber, shares } from '../report/words.js';

export interface SiteIdentity {
  association: string;
  contact: string;
  /** Relative path of the logo in the site, or null. */
  logo: string | null;
  updated: string;
}

export interface PublishedPlanning {
  planning: Planning;
  stats: PlanningStats;
  /** Relative to the site's root. */
  image: string;
  csv: string;
}

export interface Prefecture {
  name: string;
  slug: string;
  departement: string;
  departementName: string;
  plannings: PublishedPlanning[];
}

export const STYLE = `body{font:16px/1.5 "DejaVu Sans",Arial,sans-serif;margin:0;color:#111;background:#fff}
header,main,footer{max-width:1100px;margin:0 auto;padding:12px 20px}
header{display:flex;align-items:center;gap:16px;border-bottom:3px solid #111}
header img{max-height:64px}
a{color:#0b4f9c}
table{border-collapse:collapse;margin:10px 0;width:100%}
th,td{border:1px solid #999;padding:4px 8px;text-align:left}
td.n{text-align:right}
caption{text-align:left;font-weight:bold;padding:4px 0}
img.bar{max-width:100%;height:auto;border:1px solid #ddd}
.sw{display:inline-block;width:.9em;height:.9em;margin-right:.3em;border:1px solid #666;vertical-align:-.1em}
.bar-mini{display:flex;width:8em;height:.9em;border:1px solid #999}
.bar-mini span{display:block;height:100%}
footer{border-top:1px solid #999;font-size:14px;color:#333;margin-top:24px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff}`;

function layout(title: string, identity: SiteIdentity, root: string, body: string): string {
  const logo = identity.logo ? `<img src="${root}${h(identity.logo)}" alt="Logo de ${h(identity.association || 'l’association')}">` : '';
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title><link rel="stylesheet" href="${root}style.css"></head>
<body><a class="skip" href="#contenu">Aller au contenu</a>
<header>${logo}<div><p><strong>${h(identity.association || 'Guichets')}</strong>${identity.contact ? ` — ${h(identity.contact)}` : ''}</p><nav><a href="${root}index.html">Toutes les préfectures</a> · <a href="${root}licences.html">Licences et méthode</a> · <a href="${root}donnees/sondages.csv">Données brutes (CSV)</a></nav></div></header>
<main id="contenu">${body}</main>
<footer><p>Données sous licence ODbL 1.0, graphiques sous licence CC-BY 4.0 — ${h(identity.association || 'Guichets')}. Mis à jour le ${h(identity.updated)}. <a href="${root}licences.html">Licences et méthode</a>.</p></footer>
</body></html>
`;
}

/** The bar in the table's row, drawn with the five colours (the figures are in the cells beside it). */
function tableBar(bar: Bar): string {
  if (bar.conclusive === 0) return '';
  const segments = shares(bar)
    .filter((share) => share.attempts > 0)
    .map((share) => `<span style="width:${(share.fraction * 100).toFixed(2)}%;background:${CATEGORY_COLOURS[share.category]}"></span>`)
    .join('');
  return `<span class="bar-mini" aria-hidden="true">${segments}</span>`;
}

function barTable(caption: string, rows: { label: string; bar: Bar }[]): string {
  const head = `<tr><th scope="col">Période</th><th scope="col">Barre</th>${CATEGORIES.map((category) => `<th scope="col"><span class="sw" style="background:${CATEGORY_COLOURS[category]}"></span>« ${h(CATEGORY_WORDS[category])} »</th>`).join('')}<th scope="col">Sondages concluants</th><th scope="col">Jours distincts</th><th scope="col">À part : non concluants et heures sans sondage</th></tr>`;
  const body = rows
    .map(({ label, bar }) => {
      const cells = shares(bar)
        .map((share) => `<td class="n">${bar.conclusive > 0 ? `${share.percent} % (${frenchNumber(share.attempts)})` : '—'}</td>`)
        .join('');
      return `<tr><th scope="row">${h(label)}</th><td>${tableBar(bar)}</td>${cells}<td class="n">${frenchNumber(bar.conclusive)}</td><td class="n">${frenchNumber(bar.conclusiveDays)}</td><td>${h(besideWords(bar) || '—')}</td></tr>`;
    })
    .join('');
  return `<table><caption>${h(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

export function prefecturePage(prefecture: Prefecture, identity: SiteIdentity): string {
  const sections = prefecture.plannings
    .map(({ planning, stats, image, csv }) => {
      const top = topLabel(stats);
      const beside = besideWords(stats.top);
      const alt = `${planning.label}, ${top.toLowerCase()} (${topPeriod(stats)}) : ${barSentence(stats.top)}${beside ? ` À part : ${beside}.` : ''}`;
      return `<section id="${h(planning.id)}"><h2>${h(planning.label)}</h2>
<p>${h(planning.procedure)}${planning.onlineMandatory ? ' — prise de rendez-vous par internet obligatoire' : ''}. Page sondée : <a href="${h(planning.url)}">${h(planning.url)}</a></p>
<p><img class="bar" src="../${h(image)}" alt="${h(alt)}"></p>
${beside ? `<p>À côté de la barre, jamais comptés dans ses catégories : ${h(beside)}.</p>` : ''}
${barTable(`${planning.label} : ${top.toLowerCase()} (${topPeriod(stats)}), puis chaque mois, du plus ancien au plus récent, comme le graphique`, [
  { label: top, bar: stats.top },
  ...stats.months.map((month) => ({ label: monthLabel(month), bar: month })),
])}
<p><a href="../${h(csv)}">Données brutes de ce planning (CSV)</a></p></section>`;
    })
    .join('\n');
  return layout(
    `${prefecture.name} — rendez-vous en préfecture`,
    identity,
    '../',
    `<h1>${h(prefecture.name)} (${h(prefecture.departement)} — ${h(prefecture.departementName)})</h1>
<p>Chaque heure, un robot consulte la page de rendez-vous comme le ferait une personne, sans réserver, et note les deux premières dates proposées ou leur absence. Les barres donnent la part des sondages dans chacune des cinq catégories de La Cimade.</p>
${sections}`,
  );
}

export function indexPage(prefectures: Prefecture[], identity: SiteIdentity): string {
  const byDepartement = new Map<string, Prefecture[]>();
  for (const prefecture of prefectures) byDepartement.set(prefecture.departement, [...(byDepartement.get(prefecture.departement) ?? []), prefecture]);
  const rows = [...byDepartement]
    .sort(([a], [b]) => a.localeCompare(b, 'fr', { numeric: true }))
    .flatMap(([, list]) =>
      list.map((prefecture) => {
        // The préfecture's plannings as one bar: its « pas de date » share rounded as every other share.
        const all = sumBars(prefecture.plannings.map((p) => p.stats.top));
        const noDate = all ? headlineShares(all)?.noDate : undefined;
        return `<tr><td>${h(prefecture.departement)} — ${h(prefecture.departementName)}</td><th scope="row"><a href="prefectures/${h(prefecture.slug)}.html">${h(prefecture.name)}</a></th><td class="n">${prefecture.plannings.length}</td><td class="n">${noDate === undefined ? '—' : `${noDate} %`}</td></tr>`;
      }),
    )
    .join('');
  return layout(
    'Rendez-vous en préfecture : les guichets sondés',
    identity,
    '',
    `<h1>Rendez-vous en préfecture : les guichets sondés</h1>
<p>Pour chaque préfecture suivie par ${h(identity.association || 'l’association')}, la part des sondages horaires qui n’ont trouvé aucune date, et le détail par planning et par mois.</p>
<table><caption>Préfectures par département</caption><thead><tr><th scope="col">Département</th><th scope="col">Préfecture</th><th scope="col">Plannings</th><th scope="col">Sondages sans aucune date (sur la vue d’ensemble de chaque planning)</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

export function licencesPage(identity: SiteIdentity): string {
  return layout(
    'Licences et méthode',
    identity,
    '',
    `<h1>Licences et méthode</h1>
<h2>Licences</h2>
<p>Les données (fichiers CSV du dossier <a href="donnees/sondages.csv">donnees/</a>) sont mises à disposition sous la licence <a href="https://opendatacommons.org/licenses/odbl/1-0/">Open Database License (ODbL) 1.0</a>. Les graphiques sont sous licence <a href="https://creativecommons.org/licenses/by/4.0/deed.fr">Creative Commons Attribution 4.0 (CC-BY 4.0)</a> : citez « ${h(identity.association || 'Guichets')} » comme auteur et source.</p>
<h2>Méthode</h2>
<p>Chaque heure, un robot (Guichets) ouvre la page de prise de rendez-vous de la préfecture dans un navigateur neuf, choisit le guichet et lit la réponse, sans jamais réserver. Il note les deux premières dates proposées, ou que le site dit n’en avoir aucune. Seuls ces sondages concluants entrent dans les barres ; les erreurs du site, captchas et pages non reconnues sont comptés à part, et les heures où aucun sondage n’a eu lieu ne sont jamais comptées comme des résultats.</p>
<ul>${CATEGORIES.map((category) => `<li>${category.toUpperCase()} : « ${h(CATEGORY_WORDS[category])} »</li>`).join('')}</ul>
<p>Les colonnes du CSV : departement ; planning ; date_sondage ; heure_sondage ; premiere_date ; deuxieme_date (NULL si absente), puis le résultat, la catégorie, les heures, la préfecture, l’adresse, l’identifiant du sondage, l’empreinte de sa capture et sa provenance (NULL pour les sondages du robot, l’origine pour les sondages importés).</p>`,
  );
}
