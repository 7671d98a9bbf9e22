// The pages of the RDV-Préfecture replica, after SITES.md §2: DSFR look, French texts as the site writes them.
import type { LocalDate, LocalDateTime } from '../../shared/domain.js';
import { escapeHtml } from '../../shared/html.js';
import { frenchLongDate } from './calendar.js';
import { demarchePath, type RdvprefDemarche } from './scenarios.js';

const STYLE = `
body{font-family:Marianne,Arial,sans-serif;margin:0;color:#161616;background:#fff}
.fr-header{border-bottom:1px solid #ddd;padding:12px 24px;display:flex;gap:24px;align-items:center}
.fr-logo{font-weight:700;text-transform:uppercase;font-size:13px;line-height:1.1}
.fr-container{max-width:880px;margin:0 auto;padding:24px}
.fr-btn{display:inline-block;background:#000091;color:#fff;padding:8px 16px;text-decoration:none;border:0;font-size:16px}
.fr-link{color:#000091;margin-left:16px}
.fr-alert{border-left:4px solid #0063cb;padding:8px 16px;margin:16px 0;background:#e8edff}
.fr-alert--error{border-color:#ce0500;background:#ffe9e9}
.captcha{border:1px solid #ddd;padding:16px;margin:16px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:8px}
.card{display:flex;gap:8px;border:1px solid #ddd;padding:12px;cursor:pointer}
.nav{display:flex;justify-content:space-between;margin:16px 0}
.consent{position:fixed;bottom:0;left:0;right:0;background:#f6f6f6;padding:8px 24px;font-size:14px}
.replica-test{background:#fff4c2;padding:4px 8px}
`;

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)} - RDV-Préfecture</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style>${head}</head>
<body><header class="fr-header"><div class="fr-logo">République<br>Française</div>
<div><strong>RDV-Préfecture</strong><br>Ministère de l'Intérieur et des Outre-mer</div></header>
<main class="fr-container" id="app">${body}</main>
<div class="consent" role="dialog" aria-label="Gestion des cookies">Ce site utilise uniquement des cookies nécessaires
à son fonctionnement. <button type="button" onclick="this.parentNode.remove()">OK, j'ai compris</button></div>
</body></html>`;
}

export function landingPage(demarche: RdvprefDemarche): string {
  return layout(
    demarche.title,
    `<p>${escapeHtml(demarche.prefecture)}</p>
<h1>${escapeHtml(demarche.title)}</h1>
<h2>Que souhaitez-vous faire ?</h2>
<p><a class="fr-btn" href="${demarchePath(demarche.id, 'cgu/')}">Prendre un rendez-vous</a>
<a class="fr-link" href="/rdvpref/reservation/gestion/">Gérer mes rendez-vous</a></p>`,
  );
}

export interface CaptchaView {
  captchaId: string;
  /** Shown only in the replica's test mode, so that the test (playing the person) can read it. */
  revealedCode: string | null;
  error: string | null;
}

const ERRORS: Record<string, string> = {
  invalidCaptcha: 'Le code de sécurité saisi est incorrect. Veuillez recommencer.',
  errorSessionInvalide: 'Votre session a expiré ou est invalide. Veuillez recommencer votre demande.',
};

export function cguPage(demarche: RdvprefDemarche, view: CaptchaView): string {
  const error = view.error === null ? '' : (ERRORS[view.error] ?? 'Une erreur est survenue.');
  const reveal =
    view.revealedCode === null
      ? ''
      : `<p class="replica-test" id="replica-captcha-code">Réplique, mode test : le code est
<strong>${escapeHtml(view.revealedCode)}</strong></p>`;
  const id = escapeHtml(view.captchaId);
  return layout(
    `${demarche.title} - Conditions`,
    `<h1>${escapeHtml(demarche.title)}</h1>
${error === '' ? '' : `<div class="fr-alert fr-alert--error" role="alert"><p>${error}</p></div>`}
<h2>Conditions d'utilisation</h2>
<p>Le rendez-vous est personnel. Munissez-vous des pièces justificatives demandées pour votre démarche.
Un rendez-vous non honoré pénalise les autres usagers.</p>
<form method="post" action="${demarchePath(demarche.id, 'cgu/')}">
<div class="captcha">
<label for="captchaFormulaireExtInput">Pour continuer, recopiez le code de sécurité affiché dans l'image</label>
<p><img id="captchaFR_CaptchaImage" src="/rdvpref/api/captcha/image?captchaId=${id}" alt="Code de sécurité"
width="200" height="60"></p>
<p><a id="captchaFR_SoundLink" href="/rdvpref/api/captcha/sound?captchaId=${id}">Énoncer le code du captcha</a></p>
${reveal}
<input type="text" id="captchaFormulaireExtInput" name="captchaUsercode" autocomplete="off" required>
<input type="hidden" name="captchaId" value="${id}">
</div>
<button class="fr-btn" type="submit">Suivant</button>
</form>`,
  );
}

/** The captcha image: letters on noise, for a person's eyes (the replica's test mode shows the code as text). */
export function captchaImage(code: string, seed: number): string {
  const letters = Array.from(code)
    .map((letter, index) => {
      const rotate = ((seed * (index + 3)) % 31) - 15;
      return `<text x="${18 + index * 28}" y="40" transform="rotate(${rotate} ${18 + index * 28} 40)">${escapeHtml(letter)}</text>`;
    })
    .join('');
  const lines = [0, 1, 2, 3]
    .map((n) => `<line x1="0" y1="${(seed * (n + 7)) % 60}" x2="200" y2="${(seed * (n + 11)) % 60}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">
<rect width="200" height="60" fill="#eef"/><g stroke="#99a" stroke-width="2">${lines}</g>
<g font-family="monospace" font-size="30" font-weight="700" fill="#223">${letters}</g></svg>`;
}

export interface CreneauView {
  /** First day of the window shown. */
  from: LocalDate;
  /** Free slots of that window. */
  windowSlots: { id: number; slot: LocalDateTime }[];
  firstAvailable: LocalDate | null;
  lastPublished: string;
  previous: LocalDate | null;
  next: LocalDate | null;
  to: LocalDate;
  /** A week without slots says « Aucun créneau disponible », as the whole page does when nothing is free. */
  saysNone?: boolean;
  /** Neither slots nor the no-slot message: the page's script failed to show them. */
  silent?: boolean;
}

const NO_SLOT_ALERT = '<div class="fr-alert"><h3>Aucun créneau disponible</h3><p>Veuillez réessayer ultérieurement.</p></div>';

export function creneauPage(demarche: RdvprefDemarche, view: CreneauView): string {
  const critere = JSON.stringify({
    idDemarche: demarche.id,
    datePremiereDispo: view.firstAvailable ?? '',
    dateDebut: view.from,
    dateFin: view.to,
  });
  const script = `<script>window.__rdvpref = { critere: ${critere} };</script>`;
  const published = `<p class="fr-text--sm">Dernière mise en ligne de créneaux : ${escapeHtml(view.lastPublished)}</p>`;
  if (view.silent === true) {
    return layout('Choisissez votre créneau', `<h1>Choisissez votre créneau</h1><p>${escapeHtml(demarche.title)}</p>\n${published}`, script);
  }
  if (view.firstAvailable === null) {
    return layout(
      'Choisissez votre créneau',
      `<h1>Choisissez votre créneau</h1><p>${escapeHtml(demarche.title)}</p>
${NO_SLOT_ALERT}
${published}`,
      script,
    );
  }
  const cards = view.windowSlots
    .map(({ id, slot }) => {
      const day = frenchLongDate(slot.slice(0, 10));
      return `<label class="card" for="trhId_${id}"><input type="radio" name="trhId" id="trhId_${id}" value="${id}">
<span class="date">${day}</span> <span class="heure">${slot.slice(11, 16)}</span></label>`;
    })
    .join('\n');
  const link = (date: LocalDate | null, label: string): string =>
    date === null ? '<span></span>' : `<a class="fr-link" href="?debut=${date}">${label}</a>`;
  return layout(
    'Choisissez votre créneau',
    `<h1>Choisissez votre créneau</h1><p>${escapeHtml(demarche.title)}</p>
${published}
<p>Du ${frenchLongDate(view.from)} au ${frenchLongDate(view.to)}</p>
<fieldset class="fr-fieldset"><legend>Créneaux disponibles</legend><div class="cards">
${cards !== '' ? cards : view.saysNone === true ? NO_SLOT_ALERT : '<p>Pas de créneau sur cette période.</p>'}
</div></fieldset>
<div class="nav">${link(view.previous, 'Semaine précédente')}${link(view.next, 'Semaine suivante')}</div>
<button class="fr-btn" type="button">Suivant</button>`,
    script,
  );
}

/** A page of a new design: what a robot must call `unrecognized`, never `no_date`. */
export function redesignedPage(demarche: RdvprefDemarche): string {
  return layout(
    'Nouveau parcours',
    `<h1>${escapeHtml(demarche.title)}</h1><p>Sélectionnez une date dans le calendrier pour afficher les horaires.</p>
<div class="calendar" aria-label="Calendrier"></div>`,
  );
}

export function notFoundPage(): string {
  return layout('Page introuvable', '<h1>Page introuvable</h1><p>La démarche demandée n’existe pas.</p>');
}

/** Cloudflare's block page, as préfecture sites behind it show it. */
export function botBlockPage(rayId: string, host = 'www.rdv-prefecture.interieur.gouv.fr'): string {
  return `<!doctype html><html lang="en-US"><head><title>Attention Required! | Cloudflare</title></head>
<body><div id="cf-wrapper"><h1>Sorry, you have been blocked</h1>
<h2>You are unable to access ${escapeHtml(host)}</h2>
<p>This website is using a security service to protect itself from online attacks.</p>
<p>Cloudflare Ray ID: <strong>${escapeHtml(rayId)}</strong> • Performance &amp; security by Cloudflare</p>
</div></body></html>`;
}

export function serverErrorPage(status: number, title: string): string {
  return `<!doctype html><html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1>
<hr><center>nginx</center></body></html>`;
}

export function maintenancePage(): string {
  return layout(
    'Maintenance',
    `<h1>Site en maintenance</h1><p>Le site est actuellement en maintenance. Veuillez nous excuser pour la gêne
occasionnée et réessayer ultérieurement.</p>`,
  );
}
