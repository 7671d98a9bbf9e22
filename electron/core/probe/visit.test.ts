// What a visit blames on the site and how it waits, on small pages of its own: a refusal belongs to the step that
// met it, and a control that changes the page in place is a step like any other.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterContext, launchTestBrowser, serveHandlers, type TestServer } from '../../../test/support/probe-harness.js';
import { dismissOverlays } from './overlays.js';
import { perceive } from './perceive.js';
import { ProbeStop, startVisit } from './visit.js';

const PAGES: Record<string, string> = {
  '/accueil': '<h1>Accueil</h1><p>Prise de rendez-vous.</p><a href="/suite">Suite</a>',
  '/suite': '<h1>Suite</h1><p>Choisissez votre démarche.</p>',
  // A page whose own call is refused while it loads: the site's answer to this step.
  // An information page whose button, and then a "link" without address, change the page in place (a script).
  '/en-place': `<main><h1>Information</h1><p>Munissez-vous de votre passeport.</p>
<button type="button" onclick="montrer()">Continuer</button></main>
<script>
function montrer() {
  document.querySelector('main').innerHTML = '<h1>Rendez-vous</h1><a role="button" tabindex="0" onclick="creneaux(this)">Afficher les créneaux</a>';
}
function creneaux(link) { link.outerHTML = '<p>Aucun créneau disponible</p>'; }
</script>`,
  // A page whose own script can freeze it (a runaway loop): it then answers nothing for 40 s.
  '/figee': `<h1>Rendez-vous</h1><button type="button">Continuer</button>
<script>window.geler = () => { const end = Date.now() + 40000; while (Date.now() < end); };</script>`,
  '/refusee': '<h1>Rendez-vous</h1><p>Choisissez un créneau.</p><script>fetch("/api/creneaux")</script>',
  '/fleche': '<h1>Calendrier</h1><a href="/suite">Semaine suivante »</a>',
  // A consent band whose button a screen reader names in English, and which fades out for a second once pressed.
  '/bandeau-fondu': `<h1>Rendez-vous</h1><div id="b" role="region" aria-label="cookieconsent"
style="position:fixed;left:0;right:0;bottom:0;height:40%;background:#eee;transition:opacity 1s">
<p>Ce site utilise des cookies pour mesurer son audience.</p>
<button type="button" aria-label="deny cookies" onclick="fondre()">Refuser</button></div>
<script>function fondre() { const b = document.getElementById('b'); b.style.opacity = '0'; setTimeout(() => b.remove(), 1000); }</script>`,
  // A layer whose « OK » books: the words it shows accept, the name a screen reader gives confirms the booking.
  '/reservation': `<h1>Rendez-vous</h1><div role="dialog" aria-modal="true" aria-label="Votre créneau"
style="position:fixed;inset:0;background:#fff"><p>Lundi 07/12/2026 à 09:30, Préfecture de Bobigny.</p>
<button type="button" aria-label="Confirmer le rendez-vous" onclick="document.title = 'réservé'">OK</button></div>`,
};

function page(res: ServerResponse, status: number, body: string): true {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Test</title></head><body>${body}</body></html>`);
  return true;
}

function handler(_req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const body = PAGES[url.pathname];
  if (body !== undefined) return Promise.resolve(page(res, 200, body));
  if (url.pathname === '/api/creneaux' || url.pathname === '/traceur') return Promise.resolve(page(res, 403, 'Forbidden'));
  return Promise.resolve(false);
}

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  browser = await launchTestBrowser();
  server = await serveHandlers(handler);
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

async function outcomeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    if (error instanceof ProbeStop) return `${error.result.outcome}: ${error.result.detail}`;
    throw error;
  }
}

describe('refusals of the site', () => {
  it('blames a refusal on the step that met it, never on a later one', async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/accueil`, guichet: null });
    try {
      const visit = startVisit(ctx);
      visit.step('accueil');
      await visit.goto(`${server.origin}/accueil`);
      await visit.settle();
      // A tracker of the site refused once the page was read: that page is behind the robot.
      await ctx.page.evaluate('fetch("/traceur").then(() => true)');
      visit.step('suite');
      await visit.submit(ctx.page.getByRole('link', { name: 'Suite' }));
      expect(await outcomeOf(visit.settle())).toBe('ok');
      expect(await ctx.page.locator('h1').innerText()).toBe('Suite');

      visit.step("créneaux");
      await visit.goto(`${server.origin}/refusee`);
      expect(await outcomeOf(visit.settle())).toMatch(/^site_error: .*HTTP 403 à un appel de la page \(XHR\) \/api\/creneaux/);
    } finally {
      await ctx.close();
    }
  });
});

describe('controls that change the page in place', () => {
  it('passes an information page and follows a link without address that start no new page', async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/en-place`, guichet: null });
    try {
      const visit = startVisit(ctx);
      await visit.goto(`${server.origin}/en-place`);
      await visit.settle();
      expect(await outcomeOf(visit.submit(ctx.page.getByRole('button', { name: 'Continuer' })))).toBe('ok');
      expect(await visit.text()).toContain('afficher les creneaux');
      visit.step('créneaux');
      expect(await outcomeOf(visit.submit(ctx.page.getByRole('button', { name: 'Afficher les créneaux' })))).toBe('ok');
      expect(await visit.text()).toContain('aucun creneau disponible');
      expect(visit.where()).toEqual({ step: 'Afficher les créneaux', after: 'yes' });
    } finally {
      await ctx.close();
    }
  });
});

describe('a control gone from a page that answers', () => {
  it('is said to be missing, not blamed on a page that no longer answers', async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/figee`, guichet: null });
    try {
      const visit = startVisit(ctx);
      await visit.goto(`${server.origin}/figee`);
      await visit.settle();
      const failure = await visit.submit(ctx.page.locator('#parti-depuis')).then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      expect(failure).not.toBeNull();
      expect(failure).not.toMatch(/n'a pas répondu/);
    } finally {
      await ctx.page.close({ runBeforeUnload: false }).catch(() => undefined);
    }
  }, 40_000);
});

describe('a page that no longer answers', () => {
  it('ends each reading within its budget, saying what the robot was reading', async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/figee`, guichet: null });
    try {
      const visit = startVisit(ctx);
      await visit.goto(`${server.origin}/figee`);
      await visit.settle();
      await ctx.page.evaluate('setTimeout(() => window.geler(), 50)');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const button = ctx.page.getByRole('button', { name: 'Continuer' });
      await expect(perceive(ctx.page)).rejects.toThrow(/n'a pas répondu en 5 s au robot, qui lisait ce que la page affiche/);
      await expect(dismissOverlays(ctx.page)).rejects.toThrow(/qui lisait ce que la page affiche/);
      await expect(visit.submit(button)).rejects.toThrow(/qui lisait le nom du contrôle/);
    } finally {
      await ctx.page.close({ runBeforeUnload: false }).catch(() => undefined);
    }
  }, 40_000);
});

describe('the step a detail names', () => {
  it('is the control pressed, without the chevron that decorates it', async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/fleche`, guichet: null });
    try {
      const visit = startVisit(ctx);
      visit.step('calendrier');
      await visit.goto(`${server.origin}/fleche`);
      await visit.settle();
      await visit.submit(ctx.page.getByRole('link', { name: 'Semaine suivante »' }), 'Semaine suivante »');
      // Said « Étape « Semaine suivante » : … », never with the chevron as a second closing quote.
      expect(visit.stepName()).toBe('Semaine suivante');
    } finally {
      await ctx.page.close().catch(() => undefined);
    }
  });
});

describe('a layer over the page', () => {
  it('closes a fading band once, and logs its button as the screenshot shows it', async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/bandeau-fondu`, guichet: null });
    try {
      await ctx.page.goto(`${server.origin}/bandeau-fondu`);
      const lines: string[] = [];
      const { clicked, stuck } = await dismissOverlays(ctx.page, (line) => lines.push(line));
      expect(stuck).toBeNull();
      expect(clicked).toHaveLength(1);
      expect(lines.filter((line) => line.startsWith('Bandeau'))).toEqual(['Bandeau ou fenêtre fermé : « Refuser » (nommé « deny cookies »)']);
      expect(await ctx.page.locator('#b').count()).toBe(0);
    } finally {
      await ctx.page.close().catch(() => undefined);
    }
  });
});

describe('a layer that books', () => {
  it('is never closed by its button that confirms the booking, whatever words it shows', async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/reservation`, guichet: null });
    try {
      await ctx.page.goto(`${server.origin}/reservation`);
      const { clicked } = await dismissOverlays(ctx.page);
      expect(clicked).toEqual([]);
      expect(await ctx.page.title()).toBe('Test');
    } finally {
      await ctx.page.close().catch(() => undefined);
    }
  });
});
