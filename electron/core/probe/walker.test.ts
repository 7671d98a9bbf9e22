// The walker on pages no replica has: a date picker whose enabled days show their times when chosen, and a page
// that comes back after its form is sent (a loop, told by its content and address, never by a step's name).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterContext, launchTestBrowser, serveHandlers, settle, type TestServer } from '../../../test/support/probe-harness.js';
import { probeWalk } from './walker.js';

const PICKER = `<h1>Choisissez une date</h1><div role="grid" aria-label="décembre 2026">
<button disabled aria-label="lundi 7 décembre 2026">7</button>
<button aria-label="mardi 8 décembre 2026" onclick="montrer('8')">8</button>
<button aria-label="mercredi 9 décembre 2026" onclick="montrer('9')">9</button></div>
<div id="horaires"></div>
<script>function montrer(jour) { document.getElementById('horaires').innerHTML = '<h2>Horaires disponibles</h2>' +
  (jour === '8' ? '<button>14:30</button>' : '<button>09:15</button><button>11:00</button>'); }</script>`;

const PAGES: Record<string, string> = {
  '/calendrier': PICKER,
  '/formulaire': `<form action="/formulaire"><p class="error" role="alert">Le formulaire est incomplet.</p>
<label><input type="checkbox" name="x"> Je m’abonne à la lettre</label><button>Valider</button></form>`,
};

function handler(_req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const body = PAGES[url.pathname];
  if (body === undefined) return Promise.resolve(false);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Rendez-vous</title></head><body><main>${body}</main></body></html>`);
  return Promise.resolve(true);
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

describe('the walker', () => {
  it('chooses the enabled days of a date picker, reads the times each shows, and keeps the two earliest', { timeout: 60_000 }, async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/calendrier`, guichet: null });
    try {
      const result = await settle(probeWalk(ctx, { noSlot: [] }));
      expect(result.outcome, result.detail).toBe('dates');
      expect(result.slots).toEqual(['2026-12-08T14:30', '2026-12-09T09:15', '2026-12-09T11:00']);
      expect(result.detailMessage.code).toBe('probe.slots_two');
      // The slots travel as local date-times; the record's French detail words them as it always did.
      expect(result.detailMessage.params).toMatchObject({ first: '2026-12-08T14:30', second: '2026-12-09T09:15' });
      expect(result.detail).toContain('le mardi 8 décembre 2026 à 14:30, deuxième le mercredi 9 décembre 2026 à 09:15');
    } finally {
      await ctx.close();
    }
  });

  it('says a page that comes back after its form was sent is a loop, quoting what the page says', { timeout: 60_000 }, async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/formulaire`, guichet: null });
    try {
      const result = await settle(probeWalk(ctx, { noSlot: [] }));
      expect(result.outcome, result.detail).toBe('unrecognized');
      expect(result.detail).toMatch(/la page revient après « Valider » : « Le formulaire est incomplet\. »/);
    } finally {
      await ctx.close();
    }
  });
});
