// The layers real sites put over their pages, each in its own markup: consent banners (buttons, links, divs with a
// click handler, an iframe), a full-screen cookie wall, a banner that shows late, an information pop-up, and a cover
// that nothing closes. Ids and classes are invented on purpose: the robot must find them by what they say.

/** Removes the layer and remembers the choice, as consent managers do. */
const REMOVE = (id: string) => `document.cookie='choix_${id}=1; path=/'; var l=document.getElementById('${id}'); if (l) l.remove();`;
const SEEN = (id: string) => `if (document.cookie.indexOf('choix_${id}=') >= 0) { var l0=document.getElementById('${id}'); if (l0) l0.remove(); }`;

/** A band over the lower part of the page: it covers the controls in the middle of the screen, as reported. */
const BAND = 'position:fixed;left:0;right:0;bottom:0;top:35%;background:rgba(30,30,30,.96);color:#fff;padding:24px;z-index:2147483000;font:15px Arial';

export function buttonBanner(): string {
  const id = 'bnr-7k2';
  return `<div id="${id}" class="q-x1" style="${BAND}"><p>Nous utilisons des cookies pour mesurer l'audience du site.</p>
<button type="button" class="q-x2" onclick="${REMOVE(id)}">Tout accepter</button>
<button type="button" class="q-x3" onclick="${REMOVE(id)}">Tout refuser</button>
<button type="button" class="q-x4">Personnaliser</button></div><script>${SEEN(id)}</script>`;
}

export function linkBanner(): string {
  const id = 'lk-55';
  // The reported case: the "Accepter" control is a javascript: link, and there is no refuse control at all.
  return `<div id="${id}" style="${BAND}"><span>Ce site utilise des cookies et des traceurs. En poursuivant votre navigation
vous acceptez leur utilisation.</span> <a href="javascript:void(0)" onclick="${REMOVE(id)}" style="color:#9cf">Accepter</a>
<a href="javascript:void(0)" style="color:#9cf">En savoir plus</a></div><script>${SEEN(id)}</script>`;
}

export function divBanner(): string {
  const id = 'dv-31';
  return `<div id="${id}" style="${BAND}"><div>Votre vie privée : ce site dépose des cookies de mesure d'audience.</div>
<div class="zz-a" style="display:inline-block;border:1px solid #fff;padding:6px;cursor:pointer">J'accepte</div>
<div class="zz-b" style="display:inline-block;border:1px solid #fff;padding:6px;cursor:pointer">Continuer sans accepter</div></div>
<script>(function(){${SEEN(id)} var l=document.getElementById('${id}'); if(!l) return;
l.querySelectorAll('.zz-a,.zz-b').forEach(function(d){ d.addEventListener('click', function(){ ${REMOVE(id)} }); });})();</script>`;
}

/** The iframe's own page (served by the perturbation server under /__perturb/consent-frame). */
export const CONSENT_FRAME = `<!doctype html><html lang="fr"><body style="font:14px Arial;background:#fff;margin:0;padding:16px">
<p>Gestion du consentement aux cookies : nous et nos partenaires utilisons des traceurs.</p>
<button type="button" onclick="parent.postMessage('cmp-close','*')">Accepter tout</button>
<button type="button" onclick="parent.postMessage('cmp-close','*')">Refuser tout</button>
</body></html>`;

export function iframeBanner(): string {
  const id = 'cmp-fr';
  return `<iframe id="${id}" title="Consentement" src="/__perturb/consent-frame"
 style="position:fixed;left:0;right:0;bottom:0;width:100%;height:62%;border:0;z-index:2147483000;background:#fff"></iframe>
<script>${SEEN(id)} window.addEventListener('message', function(e){ if (e.data === 'cmp-close') { ${REMOVE(id)} } });</script>`;
}

export function cookieWall(): string {
  const id = 'wall-9';
  return `<div id="${id}" style="position:fixed;inset:0;background:#fff;z-index:2147483000;padding:80px;font:16px Arial">
<h2>Avant de continuer</h2><p>Ce site et ses partenaires utilisent des cookies. Vous pouvez les accepter ou continuer
sans les accepter.</p>
<input type="button" value="Accepter et continuer" onclick="${REMOVE(id)}">
<a href="#" onclick="${REMOVE(id)} return false;">Continuer sans accepter</a></div><script>${SEEN(id)}</script>`;
}

/** A banner that shows a moment after the page: the robot meets it when its click is intercepted. */
export function lateBanner(): string {
  const id = 'late-b';
  return `<script>setTimeout(function(){ if (document.cookie.indexOf('choix_${id}=') >= 0) return;
var d=document.createElement('div'); d.id='${id}'; d.setAttribute('style','${BAND}');
d.innerHTML='<p>Ce site utilise des cookies.</p><button type="button">Refuser</button> <button type="button">Accepter</button>';
d.querySelectorAll('button').forEach(function(b){ b.addEventListener('click', function(){ ${REMOVE(id)} }); });
document.body.appendChild(d); }, 900);</script>`;
}

export function infoModal(): string {
  const id = 'modal-i';
  return `<div id="${id}" role="dialog" aria-modal="true" aria-label="Information"
 style="position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:2147483000"><div style="background:#fff;max-width:520px;margin:120px auto;padding:24px;font:15px Arial">
<button type="button" aria-label="Fermer" onclick="${REMOVE(id)}" style="float:right">×</button>
<h2>Information</h2><p>En raison d'une forte affluence, les délais de rendez-vous sont allongés. Merci de votre compréhension.</p>
</div></div><script>${SEEN(id)}</script>`;
}

/** A layer without any control: nothing a person could click closes it. */
export function stuckCover(): string {
  return `<div style="position:fixed;inset:0;background:#fafafa;z-index:2147483000;padding:80px;font:18px Arial">
<p>Votre navigateur n'est pas pris en charge. Veuillez le mettre à jour pour accéder au service.</p></div>`;
}
