// The variation test bed: each replica page can be served with one of the real-world variations below (SITES.md:
// "accents, whitespace, an /index.php prefix, a cookie banner, slow pages"; and what sites did over the years:
// consent walls, renamed markup, single-page apps, information pages, blocks in the middle of the flow).
import { dsfrConsent, klaro, orejime, osanoCookieConsent, tarteaucitron, vanillaCookieConsent, withConsent } from './consent.js';
import { HELD_OUT } from './held-out.js';
import * as layers from './overlays.js';
import { addLayer, renameIdsAndClasses, renderLate, varyText } from './transforms.js';
import { anctAsButtons, anctAsList, anctInWords, legacyAsButtons, legacyAsList, legacyInWords } from './widgets.js';

/** A refusal the perturbation server answers instead of the replica, once per visit. */
export interface Refusal {
  status: number;
  /** 'xhr': the visit's first XHR/fetch call; 'page': its second page (the first after the landing page). */
  at: 'xhr' | 'page';
  page: 'cloudflare' | 'challenge' | 'rate' | 'maintenance' | 'akamai' | 'datadome' | 'incapsula';
}

export interface Variation {
  name: string;
  /** In French, for the matrix's printout. */
  label: string;
  /** Rewrites each HTML page (documents and fragments). */
  html?: (html: string, document: boolean) => string;
  /** Extra delay of documents and of XHR/fetch answers, in ms. */
  delay?: { page?: number; xhr?: number };
  refusal?: Refusal;
  /** A page of information served once per visit before the site's first page. */
  interstitial?: boolean;
  /** A page of information served once per visit instead of its second page (between two steps), then the page. */
  noticeAt2?: { heading: string; control: string };
  /** A waiting room served instead of the visit's first page, which refreshes itself into it after `ms`. */
  queueMs?: number;
  /** Text of a layer the variation adds: once the probe is over, the page must no longer show it. */
  marker?: string;
  /** Served instead of the replica's second page, with HTTP 200 (a maintenance page mid-flow). */
  maintenanceAt2?: boolean;
  /** Rewrites the address of the page's XHR/fetch calls (a calendar that does not move, or moves back). */
  rewriteCall?: (path: string) => string;
}

/** The legacy module's week call, `…::<offset>`: the robot must see that the weeks do not move forward. */
const weekOffset = (change: (offset: number) => number) => (path: string) =>
  path.replace(/(bookingserver::planning::assign::\d+::\d+::)(-?\d+)$/, (_m, head: string, offset: string) => `${head}${change(Number(offset))}`);

/**
 * The first document of a visit freezes shortly after it loads: its script waits for a call that never answers,
 * synchronously (a blocked page answers nothing, as one in a runaway loop, without taking a processor).
 */
const freezeAfterLoad = (html: string): string =>
  html.replace(
    /<\/body>/i,
    `<script>if (!sessionStorage.getItem('figee')) { sessionStorage.setItem('figee', '1'); setTimeout(() => { const call = new XMLHttpRequest(); call.open('GET', '/__perturb/never', false); try { call.send(); } catch (e) {} }, 150); }</script></body>`,
  );

const onDocument = (layer: () => string) => (html: string, document: boolean) => (document ? addLayer(html, layer()) : html);

/** The replica's own imitation of a consent band: a site that ships a real consent manager ships only that one. */
const OWN_BANNER = /<div id="tarteaucitronRoot">[\s\S]*?<\/script>/;
const consentOn = (manager: () => { head: string; body: string }) => (html: string, document: boolean) =>
  document && /<\/body>/i.test(html) ? withConsent(html.replace(OWN_BANNER, ''), manager()) : html;

/** A step bar on every page that names every step (« Descriptif » included): a page is not the step its bar names. */
const STEP_BAR = '<ol class="etapes" aria-label="Étapes"><li>Conditions</li><li>Guichet</li><li>Descriptif</li><li>Calendrier</li><li>Confirmation</li></ol>';
const withStepBar = (html: string, document: boolean) => (document ? html.replace(/<body([^>]*)>/i, `<body$1>${STEP_BAR}`) : html);

export const VARIATIONS: readonly Variation[] = [
  { name: 'telle-quelle', label: 'réplique telle quelle' },
  { name: 'bandeau-boutons', label: 'bandeau de cookies à boutons', html: onDocument(layers.buttonBanner), marker: 'mesurer l\'audience du site' },
  { name: 'bandeau-lien', label: 'bandeau « Accepter » en lien javascript:', html: onDocument(layers.linkBanner), marker: 'En poursuivant votre navigation' },
  { name: 'bandeau-div', label: 'bandeau en div cliquables', html: onDocument(layers.divBanner), marker: 'Votre vie privée' },
  { name: 'bandeau-iframe', label: 'bandeau dans une iframe', html: onDocument(layers.iframeBanner) },
  { name: 'mur-cookies', label: 'mur de cookies plein écran', html: onDocument(layers.cookieWall), marker: 'Avant de continuer' },
  { name: 'bandeau-tardif', label: 'bandeau affiché après la page', html: onDocument(layers.lateBanner) },
  { name: 'fenetre-info', label: 'fenêtre d’information (×)', html: onDocument(layers.infoModal), marker: 'forte affluence' },
  { name: 'couverture-fixe', label: 'couche sans bouton', html: onDocument(layers.stuckCover) },
  { name: 'ids-renommes', label: 'ids et classes renommés', html: (html) => renameIdsAndClasses(html) },
  { name: 'texte-varie', label: 'espaces, apostrophes, capitales', html: (html) => varyText(html) },
  { name: 'rendu-tardif', label: 'contenu rendu 300–800 ms après', html: (html, document) => (document ? renderLate(html, 300 + Math.floor(Math.random() * 500)) : html) },
  { name: 'page-information', label: 'page d’information avant le site', interstitial: true },
  { name: 'lent', label: 'pages et XHR lents', delay: { page: 1_200, xhr: 2_000 } },
  { name: 'refus-403-xhr', label: '403 Cloudflare sur un XHR', refusal: { status: 403, at: 'xhr', page: 'cloudflare' } },
  { name: 'refus-429-xhr', label: '429 sur un XHR', refusal: { status: 429, at: 'xhr', page: 'rate' } },
  { name: 'refus-503-xhr', label: '503 Incapsula sur un XHR', refusal: { status: 503, at: 'xhr', page: 'incapsula' } },
  { name: 'refus-403-page', label: '403 Cloudflare à la 2e page', refusal: { status: 403, at: 'page', page: 'cloudflare' } },
  { name: 'defi-page', label: '« Just a moment… » à la 2e page', refusal: { status: 503, at: 'page', page: 'challenge' } },
  { name: 'akamai-page', label: 'Akamai « Access Denied » à la 2e page', refusal: { status: 403, at: 'page', page: 'akamai' } },
  { name: 'datadome-page', label: 'DataDome à la 2e page', refusal: { status: 403, at: 'page', page: 'datadome' } },
  { name: 'refus-429-page', label: '429 à la 2e page', refusal: { status: 429, at: 'page', page: 'rate' } },
  // The page's own script blocks it 150 ms after it loads: from then on it answers nothing at all.
  { name: 'page-figee', label: 'page figée par son propre script', html: (html, document) => (document ? freezeAfterLoad(html) : html) },
  { name: 'maintenance-page', label: 'maintenance (HTTP 200) à la 2e page', maintenanceAt2: true },
  { name: 'calendrier-fige', label: '« semaine suivante » qui ne bouge pas', rewriteCall: weekOffset(() => 0) },
  { name: 'calendrier-recule', label: '« semaine suivante » qui recule', rewriteCall: weekOffset((offset) => -offset) },
  // Consent managers as published on npm, unmodified (see consent.ts).
  { name: 'dsfr-consentement', label: 'bandeau et panneau de consentement du DSFR (@gouvfr/dsfr)', html: consentOn(() => dsfrConsent()), marker: 'Bienvenue ! Nous utilisons des cookies' },
  {
    name: 'dsfr-libelles-inedits',
    label: `bandeau du DSFR aux libellés « ${HELD_OUT.accept[1]} » / « ${HELD_OUT.refuse[1]} »`,
    html: consentOn(() => dsfrConsent({ accept: HELD_OUT.accept[1], refuse: HELD_OUT.refuse[1] })),
    marker: 'Bienvenue ! Nous utilisons des cookies',
  },
  { name: 'tarteaucitron', label: 'tarteaucitron (tarteaucitronjs), alerte au milieu', html: consentOn(tarteaucitron), marker: 'vous donne le contrôle sur ceux que vous souhaitez activer' },
  { name: 'orejime', label: 'Orejime (orejime)', html: consentOn(orejime), marker: 'Nous collectons et traitons vos informations personnelles' },
  { name: 'cookieconsent', label: 'vanilla-cookieconsent, libellés inédits', html: consentOn(vanillaCookieConsent), marker: 'Vos choix en matière de traceurs' },
  { name: 'klaro', label: 'Klaro (klaro), notice en français', html: consentOn(klaro), marker: 'Pourrions-nous activer des services supplémentaires' },
  { name: 'osano-cookieconsent', label: 'cookieconsent d’Osano, opt-in, bandeau en bas', html: consentOn(osanoCookieConsent), marker: 'Ce site utilise des cookies pour mesurer son audience' },
  // What sites do between and instead of their pages.
  {
    name: 'informations-importantes',
    label: '« Informations importantes » et un seul « Continuer » entre deux étapes, barre d’étapes sur chaque page',
    noticeAt2: { heading: HELD_OUT.notice[0], control: 'Continuer' },
    html: withStepBar,
  },
  { name: 'information-inedite', label: `page d’information au seul bouton « ${HELD_OUT.forward[0]} »`, noticeAt2: { heading: 'À lire avant de prendre rendez-vous', control: HELD_OUT.forward[0] } },
  { name: 'file-attente', label: 'file d’attente qui se recharge en la vraie page après 4 s', queueMs: 4_000 },
  // Slots in other widgets.
  { name: 'creneaux-liste', label: 'créneaux en liste déroulante « Choisissez un créneau »', html: (html) => anctAsList(legacyAsList(html)) },
  { name: 'creneaux-boutons', label: 'créneaux en boutons (l’heure seule, le jour en colonne)', html: (html) => anctAsButtons(legacyAsButtons(html)) },
  { name: 'dates-en-lettres', label: 'créneaux en liens « Lundi 7 décembre 2026 à 9 h 30 »', html: (html) => anctInWords(legacyInWords(html)) },
  {
    name: 'semaine-vide-seule',
    label: 'semaine vide dont le seul chemin est « Prochaine disponibilité le … »',
    html: (html) =>
      html.includes('bg-overlay')
        ? html.replace(/<p class="fr-text--sm">Pas de créneau disponible<\/p>/g, '').replace(/<a class="fr-btn[^"]*"[^>]*aria-label="semaine (suivante|précédente)"[^>]*>[^<]*<\/a>/gi, '').replace(/<a class="fr-btn[^"]*"[^>]*aria-label="Semaine précédente"[^>]*>[^<]*<\/a>/g, '')
        : html,
  },
  {
    name: 'sans-prochaine-dispo',
    label: 'semaine vide sans « Prochaine disponibilité »',
    html: (html) => html.replace(/<div class="position-absolute bg-overlay">[\s\S]*?<\/a><\/div>/, ''),
  },
  {
    name: 'prochaine-dispo-tiret',
    label: '« Prochaine disponibilité : — » (un tiret, pas de mot)',
    html: (html) => html.replace(/<div class="position-absolute bg-overlay">[\s\S]*?<\/a><\/div>/, '<div class="position-absolute bg-overlay"><div>Prochaine disponibilité : —</div></div>'),
  },
  {
    name: 'prochaine-dispo-aucune',
    label: '« Prochaine disponibilité : aucune »',
    html: (html) =>
      html.replace(/<div class="position-absolute bg-overlay">[\s\S]*?<\/a><\/div>/, '<div class="position-absolute bg-overlay"><div>Prochaine disponibilité : aucune</div></div>'),
  },
];

export function variation(name: string): Variation {
  const found = VARIATIONS.find((v) => v.name === name);
  if (!found) throw new Error(`Variation inconnue : ${name}`);
  return found;
}

/** The pages of the blocks (no request leaves 127.0.0.1: no external script or frame). */
export function refusalPage(refusal: Refusal): string {
  switch (refusal.page) {
    case 'cloudflare':
      return `<!doctype html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1>
<p>You are unable to access this website.</p><p>Cloudflare Ray ID: <strong>8c1f2a9e4b7d0e11</strong></p></body></html>`;
    case 'challenge':
      return `<!doctype html><html><head><title>Just a moment...</title></head><body><h1>Vérification que vous êtes humain…</h1>
<p>Checking if the site connection is secure.</p><div class="cf-turnstile" data-sitekey="x"></div>
<p>Enable JavaScript and cookies to continue</p></body></html>`;
    case 'rate':
      return `<html><head><title>429 Too Many Requests</title></head><body><h1>429 Too Many Requests</h1></body></html>`;
    case 'maintenance':
      return maintenancePage();
    case 'akamai':
      return `<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>
<p>You don't have permission to access "http://www.example.gouv.fr/" on this server.</p><p>Reference #18.6a2d3e17.1733050000.1c2b3a</p></body></html>`;
    case 'datadome':
      return `<html><head><title>rdv</title></head><body><p>Please enable JS and disable any ad blocker</p>
<p style="display:none">DataDome</p><script>var dd={'rt':'c','cid':'AHrlqAAAAAMA','host':'geo.captcha-delivery.com'}</script></body></html>`;
    case 'incapsula':
      return `<html><head><title>Request unsuccessful</title></head><body>Request unsuccessful. Incapsula incident ID: 1234000980123</body></html>`;
  }
}

export function maintenancePage(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Maintenance</title></head><body>
<h1>Site en maintenance</h1><p>Le service de prise de rendez-vous est en cours de maintenance. Veuillez réessayer plus tard.</p></body></html>`;
}

/** A page of information between two steps: a heading, some text, one control that goes on. */
export function noticePage(target: string, notice: { heading: string; control: string }): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${notice.heading}</title></head><body>
${STEP_BAR}<h1>${notice.heading}</h1><p>Les rendez-vous sont attribués dans l’ordre des demandes. Présentez-vous muni de l’original de
chacune des pièces demandées ; un dossier incomplet ne sera pas examiné.</p>
<p><a class="bouton" href="${target.replace(/"/g, '&quot;')}">${notice.control}</a></p></body></html>`;
}

/** A waiting room that reloads itself every two seconds, until the site lets the visitor in. */
export function queuePage(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>File d’attente</title></head>
<body><h1>Vous êtes dans la file d’attente</h1><p>En raison d’une forte affluence, vous êtes dans la file d’attente pour accéder au
service.</p><p>Temps d’attente estimé : moins d’une minute.</p><p>Cette page s’actualisera automatiquement : merci de ne pas la
fermer.</p></body></html>`;
}

export function interstitialPage(target: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Information</title></head><body>
<h1>Information importante</h1><p>Avant de prendre rendez-vous, munissez-vous de votre passeport et de votre titre de
séjour en cours de validité. Aucun document ne sera accepté par courrier électronique.</p>
<p><a href="${target.replace(/"/g, '&quot;')}">Continuer vers la prise de rendez-vous</a></p></body></html>`;
}

export { layers };
