// The legacy module's pages, with the ids, names, values and strings of SITES.md §1.
import { escapeHtml } from '../../shared/html.js';
import type { ReplicaForm, ReplicaGuichet } from './scenarios.js';

// gouv.fr sites use tarteaucitron: a fixed band over the bottom of the page until a choice is made.
const COOKIE_BANNER = `
<div id="tarteaucitronRoot"><div id="tarteaucitronAlertBig" role="dialog" aria-label="Gestion des cookies"
 style="position:fixed;left:0;right:0;bottom:0;padding:24px;background:#333;color:#fff;z-index:1000;font-size:15px">
 <span id="tarteaucitronDisclaimerAlert">Ce site utilise des cookies et vous donne le contrôle sur ce que vous
 souhaitez activer.</span>
 <button type="button" id="tarteaucitronPersonalize2">Tout accepter</button>
 <button type="button" id="tarteaucitronAllDenied2">Tout refuser</button>
 <button type="button" id="tarteaucitronCloseAlert">Personnaliser</button>
</div></div>
<script>
(function () {
  var root = document.getElementById('tarteaucitronRoot');
  if (document.cookie.indexOf('tarteaucitron=') >= 0) { root.remove(); return; }
  root.addEventListener('click', function (event) {
    if (event.target.tagName !== 'BUTTON') return;
    document.cookie = 'tarteaucitron=!choix; path=/';
    root.remove();
  });
})();
</script>`;

export function layout(form: Pick<ReplicaForm, 'prefecture' | 'title'>, body: string, script = ''): string {
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(form.title)} - Les services de l'État</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#222;background:#fff}
#header{background:#000091;color:#fff;padding:12px 24px;font-size:18px}
#inner_Booking{max-width:900px;margin:16px auto;padding:0 16px}
.error{color:#b00;font-weight:bold}
table.planning{border-collapse:collapse;width:100%}
table.planning td,table.planning th{border:1px solid #ccc;padding:4px;text-align:center;font-size:13px}
td.status-1.free{background:#cfc}
td.status-3{background:#eee;color:#888}
</style></head>
<body>
<div id="header">Les services de l'État — ${escapeHtml(form.prefecture)}</div>
<div id="inner_Booking">
<h1 class="Bh1">${escapeHtml(form.title)}</h1>
${body}
</div>
${COOKIE_BANNER}
${script}
</body></html>`;
}

function bookingForm(base: string, step: number, content: string): string {
  return `<form name="create" id="FormBookingCreate" method="post" action="${base}/${step}">${content}</form>`;
}

export function conditionsPage(form: ReplicaForm, base: string, error: boolean): string {
  const message = error
    ? '<p class="error">Vous devez accepter les conditions d\'utilisation pour poursuivre votre demande.</p>'
    : '';
  return layout(
    form,
    bookingForm(
      base,
      0,
      `${message}
<h2>Conditions d'utilisation</h2>
<p>Ce service vous permet de prendre rendez-vous au guichet de la préfecture. Un seul rendez-vous par personne :
les demandes multiples seront annulées. Munissez-vous des pièces justificatives listées sur le site.</p>
<div id="condition_Booking">
<input type="checkbox" id="condition" name="condition" value="on">
<label for="condition">Veuillez cocher la case pour accepter les conditions d'utilisation avant de continuer le
processus de prise de rendez-vous.</label>
</div>
<div id="submit_Booking"><input type="submit" name="nextButton" class="Bbutton"
 value="Effectuer une demande de rendez-vous"></div>`,
    ),
  );
}

export function choicePage(form: ReplicaForm, base: string, error: boolean): string {
  const lines = form.guichets
    .map(
      (g) => `<p class="Bligne"><input type="radio" name="planning" id="planning${g.value}" value="${g.value}">
<label for="planning${g.value}">${escapeHtml(g.label)}</label></p>`,
    )
    .join('\n');
  const message = error ? '<p class="error">Veuillez choisir un guichet.</p>' : '';
  return layout(
    form,
    bookingForm(
      base,
      1,
      `${message}
<fieldset id="fchoix_Booking"><legend>Choix de la nature du rendez-vous</legend>
${lines}
</fieldset>
<div id="submit_Booking"><input type="submit" name="nextButton" class="Bbutton" value="Etape suivante"></div>`,
    ),
  );
}

export function noSlotPage(form: ReplicaForm, base: string): string {
  return layout(
    form,
    bookingForm(
      base,
      2,
      `<h2>Vérification de disponibilité</h2>
<p>Il n'existe plus de plage horaire libre pour votre demande de rendez-vous. Veuillez recommencer ultérieurement.</p>
<div id="submit_Booking"><input type="submit" name="finishButton" class="Bbutton" value="Terminer"></div>`,
    ),
  );
}

export function descriptionPage(form: ReplicaForm, guichet: ReplicaGuichet, base: string): string {
  return layout(
    form,
    bookingForm(
      base,
      3,
      `<h2>Descriptif</h2>
<h3>${escapeHtml(guichet.label)}</h3>
<p>Le rendez-vous est individuel. Présentez-vous au guichet dix minutes avant l'heure avec l'original de vos
pièces. Tout retard entraîne l'annulation du rendez-vous.</p>
<div id="submit_Booking"><input type="submit" name="nextButton" class="Bbutton" value="Etape suivante"></div>`,
    ),
  );
}

/** Step 4: the week table is loaded by JavaScript, as on the real module. */
export function calendarPage(form: ReplicaForm, guichet: ReplicaGuichet, prefix: string): string {
  const call = `${prefix}/ezjscore/call/bookingserver::planning::assign::${form.id}::${guichet.value}::`;
  const script = `<script>
(function () {
  var box = document.getElementById('planning_Booking');
  var offset = 0;
  function load(next) {
    box.setAttribute('aria-busy', 'true');
    fetch(${JSON.stringify(call)} + next, { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (html) { offset = next; box.innerHTML = html; box.removeAttribute('aria-busy'); })
      .catch(function () { box.innerHTML = '<p class="error">Erreur lors du chargement du planning.</p>'; });
  }
  box.addEventListener('click', function (event) {
    var control = event.target.closest('[data-offset]');
    if (!control || control.disabled) return;
    event.preventDefault();
    load(offset + Number(control.getAttribute('data-offset')));
  });
  load(0);
})();
</script>`;
  return layout(
    form,
    `<h2>Choix de l'horaire</h2>
<h3>${escapeHtml(guichet.label)}</h3>
<div id="planning_Booking" aria-busy="true"><p>Chargement du planning…</p></div>`,
    script,
  );
}

export function slotChosenPage(form: ReplicaForm): string {
  return layout(
    form,
    `<h2>Confirmation de l'horaire</h2>
<p>Veuillez cocher la case « Je ne suis pas un robot » pour réserver cette plage horaire.</p>
<div class="g-recaptcha" data-sitekey="replica"></div>`,
  );
}

export function unknownLayoutPage(form: ReplicaForm): string {
  return layout(
    form,
    `<h2>Nouveau service en ligne</h2>
<p>Cette démarche évolue. Retrouvez prochainement toutes les informations utiles sur notre site.</p>`,
  );
}

export function maintenancePage(form: ReplicaForm): string {
  return layout(form, `<h2>Attention : Cette page n'est pas disponible pour le moment !</h2>`);
}

export function captchaPage(form: ReplicaForm): string {
  return layout(
    form,
    `<h2>Vérification</h2>
<p>Afin de vérifier que vous n'êtes pas un robot, veuillez recopier le code de sécurité.</p>
<div class="g-recaptcha" data-sitekey="replica"><iframe title="reCAPTCHA" src="about:blank"></iframe></div>`,
  );
}

export const BAD_GATEWAY_PAGE = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>`;

export const NOT_FOUND_PAGE = `<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>
<p>The requested URL was not found on this server.</p></body></html>`;
