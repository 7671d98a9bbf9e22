// Consent managers as préfecture sites ship them, taken unmodified from their npm packages (devDependencies, their
// licence files beside them in node_modules) and served by the perturbation server under /__perturb/npm/: the
// State design system's banner and its settings dialog (markup from the package's own example page), tarteaucitron,
// Orejime, vanilla-cookieconsent, Klaro, Osano's cookieconsent. What a site writes around them (its configuration, its few lines of glue) is
// here; nothing of the robot's knows their markup.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HELD_OUT } from './held-out.js';

const require = createRequire(import.meta.url);

/** The packages the server may serve files of. */
export const NPM_PACKAGES = ['@gouvfr/dsfr', 'tarteaucitronjs', 'orejime', 'vanilla-cookieconsent', 'klaro', 'cookieconsent'] as const;

/** The folder of an installed package (its licence file is there). */
export function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

const NPM = '/__perturb/npm';

/** The element `<tag …>` starting at `start` through its matching close tag. */
function balanced(html: string, start: number, tag: string): string {
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  pattern.lastIndex = start;
  let depth = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return html.slice(start, match.index + match[0].length);
  }
  return html.slice(start);
}

let dsfrMarkup: { banner: string; dialog: string } | null = null;

/** The consent banner and its settings dialog as the DSFR's example page gives them. */
function dsfrExample(): { banner: string; dialog: string } {
  if (dsfrMarkup) return dsfrMarkup;
  const example = readFileSync(path.join(packageDir('@gouvfr/dsfr'), 'example/component/consent/index.html'), 'utf8');
  const banner = balanced(example, example.indexOf('<div class="fr-consent-banner">'), 'div');
  const dialog = balanced(example, example.indexOf('<dialog id="fr-consent-modal"'), 'dialog');
  dsfrMarkup = { banner, dialog };
  return dsfrMarkup;
}

/** The site's glue: a choice in the banner is remembered and the banner goes, as DSFR sites do it themselves. */
const DSFR_GLUE = `<script>(function () {
  var banner = document.querySelector('.fr-consent-banner');
  if (!banner) return;
  if (document.cookie.indexOf('dsfr_consent=') >= 0) { banner.remove(); return; }
  banner.querySelectorAll('button:not([aria-controls])').forEach(function (button) {
    button.addEventListener('click', function () { document.cookie = 'dsfr_consent=' + encodeURIComponent(button.textContent.trim()) + '; path=/'; banner.remove(); });
  });
})();</script>`;

/** The DSFR's consent banner, optionally relabelled (`labels`: accept and refuse), with its closed settings dialog. */
export function dsfrConsent(labels?: { accept: string; refuse: string }): { head: string; body: string } {
  const { banner, dialog } = dsfrExample();
  let shown = banner;
  if (labels) {
    shown = shown.replace('>Tout accepter</button>', `>${labels.accept}</button>`).replace('>Tout refuser</button>', `>${labels.refuse}</button>`);
    // The titles say the same: a relabelled banner keeps no label of the package.
    shown = shown.replace(/title="[^"]*"/g, '');
  }
  return {
    head: `<link rel="stylesheet" href="${NPM}/@gouvfr/dsfr/dist/dsfr.min.css">`,
    body: `${shown}\n${dialog}\n<script type="module" src="${NPM}/@gouvfr/dsfr/dist/dsfr.module.min.js"></script>${DSFR_GLUE}`,
  };
}

/** tarteaucitron with one audience-measurement service, its alert in the middle of the page (a cookie wall). */
export function tarteaucitron(): { head: string; body: string } {
  return {
    head: `<script src="${NPM}/tarteaucitronjs/tarteaucitron.min.js"></script>`,
    body: `<script>
tarteaucitron.services.mesure = { key: 'mesure', type: 'analytic', name: "Mesure d'audience", uri: '', needConsent: true, cookies: ['_mesure'], js: function () {}, fallback: function () {} };
tarteaucitron.init({ privacyUrl: '', hashtag: '#tarteaucitron', cookieName: 'tarteaucitron', orientation: 'middle', showAlertSmall: false,
  cookieslist: false, highPrivacy: true, DenyAllCta: true, AcceptAllCta: true, handleBrowserDNTRequest: false, removeCredit: true,
  moreInfoLink: false, useExternalCss: false, mandatory: true, mandatoryCta: true, showIcon: false, iconPosition: 'BottomRight' });
(tarteaucitron.job = tarteaucitron.job || []).push('mesure');
</script>`,
  };
}

/** Orejime, standard theme in French, one purpose. */
export function orejime(): { head: string; body: string } {
  return {
    head: `<link rel="stylesheet" href="${NPM}/orejime/dist/orejime-standard.css">`,
    body: `<script>window.orejimeConfig = { privacyPolicyUrl: '/', purposes: [{ id: 'mesure', title: "Mesure d'audience", cookies: ['_mesure'] }] };</script>
<script src="${NPM}/orejime/dist/orejime-standard-fr.js"></script>`,
  };
}

/** vanilla-cookieconsent: its texts are the site's own, here wordings the robot's code never contains. */
export function vanillaCookieConsent(): { head: string; body: string } {
  const words = {
    consentModal: {
      title: 'Vos choix en matière de traceurs',
      description: 'Nous déposons des traceurs de mesure d’audience avec votre accord.',
      acceptAllBtn: HELD_OUT.accept[0],
      acceptNecessaryBtn: HELD_OUT.refuse[0],
      showPreferencesBtn: 'Régler mes préférences',
    },
    preferencesModal: {
      title: 'Préférences',
      acceptAllBtn: HELD_OUT.accept[0],
      acceptNecessaryBtn: HELD_OUT.refuse[0],
      savePreferencesBtn: 'Enregistrer',
      sections: [{ title: 'Mesure d’audience', linkedCategory: 'analytics' }],
    },
  };
  const config = {
    guiOptions: { consentModal: { layout: 'box', position: 'middle center' } },
    categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
    language: { default: 'fr', translations: { fr: words } },
  };
  return {
    head: `<link rel="stylesheet" href="${NPM}/vanilla-cookieconsent/dist/cookieconsent.css">`,
    body: `<script src="${NPM}/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
<script>CookieConsent.run(${JSON.stringify(config)});</script>`,
  };
}

/**
 * Klaro with one audience-measurement service, in French from its own translations (the site names only its
 * purpose): its default notice, over the corner of the page, as its example config ships it.
 */
export function klaro(): { head: string; body: string } {
  const config = {
    version: 1,
    lang: 'fr',
    translations: { zz: { privacyPolicyUrl: '/' }, fr: { purposes: { analytics: 'Mesure d’audience' }, matomo: { description: 'Statistiques de fréquentation du site' } } },
    services: [{ name: 'matomo', title: 'Matomo', purposes: ['analytics'], cookies: ['_pk_id', '_pk_ses'] }],
  };
  return {
    head: '',
    body: `<script>window.klaroConfig = ${JSON.stringify(config)};</script>
<script defer src="${NPM}/klaro/dist/klaro.js"></script>`,
  };
}

/**
 * Osano's cookieconsent, opt-in, as its wizard writes it: a band at the foot of the page, worded in French by the
 * site (the package has no translation), its buttons keeping the package's English aria-labels.
 */
export function osanoCookieConsent(): { head: string; body: string } {
  const options = {
    palette: { popup: { background: '#000091' }, button: { background: '#ffffff', text: '#000091' } },
    type: 'opt-in',
    content: {
      message: 'Ce site utilise des cookies pour mesurer son audience, uniquement avec votre accord.',
      allow: 'Accepter',
      deny: 'Refuser',
      link: 'En savoir plus',
      href: '/',
      policy: 'Gestion des cookies',
    },
  };
  return {
    head: `<link rel="stylesheet" href="${NPM}/cookieconsent/build/cookieconsent.min.css">`,
    body: `<script src="${NPM}/cookieconsent/build/cookieconsent.min.js"></script>
<script>window.addEventListener('load', function () { window.cookieconsent.initialise(${JSON.stringify(options)}); });</script>`,
  };
}

/** Adds a consent manager to a page: its head part before </head>, the rest at the end of the body. */
export function withConsent(html: string, manager: { head: string; body: string }): string {
  const headed = /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${manager.head}</head>`) : manager.head + html;
  return /<\/body>/i.test(headed) ? headed.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${manager.body}</body>`) : headed + manager.body;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A file of an allowed package, for the server: its bytes and type, or null (not allowed, or absent). */
export function npmFile(urlPath: string): { body: Buffer; type: string } | null {
  const rest = decodeURIComponent(urlPath.slice(NPM.length + 1));
  const name = NPM_PACKAGES.find((pkg) => rest.startsWith(`${pkg}/`));
  if (!name) return null;
  const root = packageDir(name);
  const file = path.resolve(root, rest.slice(name.length + 1));
  if (!file.startsWith(root + path.sep)) return null;
  try {
    return { body: readFileSync(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

export const NPM_PREFIX = NPM;
