// The pages of the RDV Service Public replica, after the site's public search views (SITES.md §3).
import { DateTime } from 'luxon';
import { PARIS, type LocalDate, type LocalDateTime } from '../../shared/domain.js';
import { escapeHtml } from '../../shared/html.js';
import { frenchHuman, slotInstant } from '../rdvpref/calendar.js';
import type { AnctLieu, AnctMotif, AnctOrganisation } from './scenarios.js';

const STYLE = `
body{font-family:Marianne,Arial,sans-serif;margin:0;color:#161616}
header{border-bottom:1px solid #ddd;padding:12px 24px}
.fr-container{max-width:1000px;margin:0 auto;padding:24px}
.fr-card,.card{border:1px solid #ddd;padding:12px 16px;margin:0 0 12px;list-style:none}
.fr-raw-list{padding:0}
.fr-badge{display:inline-block;background:#e8edff;padding:2px 8px;font-size:12px}
.week{display:flex;gap:8px;align-items:center;position:relative}
.days{display:grid;grid-template-columns:repeat(7,1fr);gap:6px;flex:1;position:relative}
.day p{text-align:center;margin:4px 0}
.fr-btn{display:inline-block;background:#000091;color:#fff;padding:6px 12px;text-decoration:none;margin:2px 0}
.fr-btn--tertiary{background:#fff;color:#000091;border:1px solid #000091;display:block;text-align:center}
.fr-text--sm{font-size:13px;color:#666}
.bg-overlay{position:absolute;inset:0;background:rgba(255,255,255,.8);display:flex;align-items:center;justify-content:center}
.fr-icon-arrow-left-s-line::before{content:'‹'}.fr-icon-arrow-right-s-line::before{content:'›'}
.fr-hidden{display:none}.fr-unhidden-md{display:inline-block}.fr-hidden-md{display:none}
.alert{background:#fff4f4;border-left:4px solid #ce0500;padding:12px 16px}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)} - RDV Service Public</title>
<style>${STYLE}</style></head>
<body><header><strong>RDV Service Public</strong> — Prendre rendez-vous avec un service public</header>
<section class="fr-container">${body}</section></body></html>`;
}

export function motifSelectionPage(organisation: AnctOrganisation, link: (m: AnctMotif) => string): string {
  const cards = organisation.motifs
    .map(
      (m) => `<li class="fr-card fr-enlarge-link fr-card--horizontal"><div class="fr-card__body"><div class="fr-card__content">
<div class="fr-card__title"><a href="${escapeHtml(link(m))}">${escapeHtml(m.name)}</a></div>
<div class="fr-card__start"><ul class="fr-badges-group"><li class="fr-badge">Sur place</li></ul></div></div></div></li>`,
    )
    .join('\n');
  return layout(
    'Sélectionnez le motif',
    `<h1>${escapeHtml(organisation.name)}</h1>
<p class="fr-text--lg">Sélectionnez le motif de votre RDV&nbsp;:</p><ul class="fr-raw-list">${cards}</ul>`,
  );
}

function recap(organisation: AnctOrganisation, motif: AnctMotif, lieu: AnctLieu | null): string {
  const place = lieu
    ? `<div class="card"><h2 class="card-title">${escapeHtml(lieu.name)}</h2><div class="card-subtitle">${escapeHtml(lieu.address)}</div></div>`
    : '';
  return `<div class="card"><h2>${escapeHtml(motif.name)} (Sur place)</h2>${escapeHtml(organisation.name)}</div>${place}`;
}

export function noSlotPage(organisation: AnctOrganisation, motif: AnctMotif): string {
  return layout(
    'Aucun créneau',
    `${recap(organisation, motif, null)}
<div class="card"><div class="card-body"><p class="font-weight-bold">Malheureusement, aucun créneau correspondant à votre
recherche n'a été trouvé. Veuillez réessayer ultérieurement.</p>
<p>Élargissez votre recherche ou contactez directement le service.</p></div></div>`,
  );
}

export function lieuSelectionPage(
  organisation: AnctOrganisation,
  motif: AnctMotif,
  lieux: { lieu: AnctLieu; next: LocalDateTime; href: string }[],
): string {
  const cards = lieux
    .map(
      ({ lieu, next, href }) => `<div class="card mb-3 card-hoverable"><div class="card-body">
<h4 class="card-title">${escapeHtml(lieu.name)}</h4><div>${escapeHtml(organisation.name)}</div>
<div class="card-subtitle">${escapeHtml(lieu.address)}</div>
<a class="d-block stretched-link" href="${escapeHtml(href)}">Prochaine disponibilité<br><strong>${frenchHuman(next)}</strong></a>
</div></div>`,
    )
    .join('\n');
  return layout(
    'Sélectionnez un lieu',
    `${recap(organisation, motif, null)}<h3>Sélectionnez un lieu de RDV&nbsp;:</h3>
<p>${lieux.length} lieux sont disponibles</p>${cards}`,
  );
}

export interface WeekView {
  organisation: AnctOrganisation;
  motif: AnctMotif;
  lieu: AnctLieu;
  days: { date: LocalDate; slots: LocalDateTime[] }[];
  /** Shown over an empty week when a later slot exists. */
  nextAvailability: LocalDateTime | null;
  link: (params: Record<string, string>) => string;
  showPrevious: boolean;
}

function dayColumn(date: LocalDate, slots: LocalDateTime[], view: WeekView): string {
  const day = DateTime.fromISO(date, { zone: PARIS }).setLocale('fr');
  const buttons = slots
    .map((slot) => {
      const at = DateTime.fromISO(slot, { zone: PARIS }).setLocale('fr');
      // Rails writes a Time parameter as "2026-12-07 09:30:00 +0100".
      const startsAt = at.toFormat('yyyy-MM-dd HH:mm:ss ZZZ');
      const href = `/users/rdv_wizard_step/new?motif_id=${view.motif.serviceId}${view.lieu.id}&starts_at=${encodeURIComponent(startsAt)}&lieu_id=${view.lieu.id}`;
      return `<a class="fr-col-12 fr-btn fr-btn--tertiary" href="${escapeHtml(href)}" aria-label="Choisir le créneau du ${at.toFormat('cccc d LLL')} à ${at.toFormat('HH:mm')}">${at.toFormat('HH:mm')}</a>`;
    })
    .join('');
  const content = slots.length > 0 ? `<div class="fr-grid-row">${buttons}</div>` : '<p class="fr-text--sm">Pas de créneau disponible</p>';
  return `<div class="day"><p><strong>${day.toFormat('cccc')}</strong><br>${day.toFormat('d LLL')}</p>${content}</div>`;
}

export function weekPage(view: WeekView): string {
  const first = view.days[0]?.date ?? '';
  const last = view.days[view.days.length - 1]?.date ?? first;
  const previousDate = DateTime.fromISO(first).minus({ days: 7 }).toISODate() ?? first;
  const nextDate = DateTime.fromISO(last).plus({ days: 1 }).toISODate() ?? last;
  const previous = view.showPrevious
    ? `<a class="fr-btn fr-icon-arrow-left-s-line fr-hidden fr-unhidden-md" href="${escapeHtml(view.link({ date: previousDate, autofocus: 'last' }))}" aria-label="Semaine précédente"></a>
<a class="fr-btn fr-hidden-md" href="${escapeHtml(view.link({ date: previousDate, autofocus: 'last' }))}" aria-label="Semaine précédente">sem. précédente</a>`
    : '';
  const next = `<a class="fr-btn fr-icon-arrow-right-s-line fr-hidden fr-unhidden-md" href="${escapeHtml(view.link({ date: nextDate, autofocus: 'first' }))}" aria-label="semaine suivante"></a>
<a class="fr-btn fr-hidden-md" href="${escapeHtml(view.link({ date: nextDate, autofocus: 'first' }))}" aria-label="semaine suivante">sem. prochaine</a>`;
  const overlay = view.nextAvailability
    ? `<div class="position-absolute bg-overlay"><a class="fr-btn fr-btn--secondary" href="${escapeHtml(
        view.link({ date: slotInstant(view.nextAvailability), autofocus: 'first' }),
      )}"><div>Prochaine disponibilité le<br><strong>${frenchHuman(view.nextAvailability)}</strong></div></a></div>`
    : '';
  return layout(
    'Sélectionnez un créneau',
    `${recap(view.organisation, view.motif, view.lieu)}
<h3 class="font-weight-bold">Sélectionnez un créneau :</h3>
<div class="card mb-3"><div class="card-body"><div id="creneaux-lieu-${view.lieu.id}" class="week">
<div>${previous}</div>
<div class="days">${view.days.map((day) => dayColumn(day.date, day.slots, view)).join('\n')}${overlay}</div>
<div>${next}</div></div></div></div>`,
  );
}

export function redesignedPage(organisation: AnctOrganisation): string {
  return layout(
    'Nouvelle recherche',
    `<h1>${escapeHtml(organisation.name)}</h1><p>Indiquez votre adresse pour voir les lieux proches de chez vous.</p>
<form><input name="where" aria-label="Adresse"><button>Rechercher</button></form>`,
  );
}

export function notAvailablePage(): string {
  return layout(
    'Indisponible',
    `<div class="card"><div class="card-body"><p class="font-weight-bold">La prise de rendez-vous n'est pas disponible pour ce département.</p></div></div>`,
  );
}
