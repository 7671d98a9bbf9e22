// What the robot counts is what a person sees: hidden, closed, inert, zero-size and off-page elements never count;
// a styled radio whose label shows does; a consent dialog's radios are never the page's guichet choice.
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser } from '../../../test/support/probe-harness.js';
import { HELD_OUT } from '../../../test/support/perturb/held-out.js';
import { offeredChoices } from './choices.js';
import { consentChoice, forwardRank } from './meaning.js';
import { overlaysOf } from './overlays.js';
import { PAGE_ANSWER_MS } from './page-answer.js';
import { locate, perceive } from './perceive.js';
import { readSlots } from './slots.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchTestBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser.close();
});

const HIDDEN = `
<button style="display:none">Caché display</button>
<button style="visibility:hidden">Caché visibility</button>
<div aria-hidden="true"><button>Caché aria</button></div>
<div inert><button>Caché inert</button></div>
<button style="position:absolute;left:-9999px">Caché hors page</button>
<button style="width:0;height:0;padding:0;border:0;overflow:hidden">Caché taille nulle</button>
<div style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)"><button>Caché lecteur</button></div>
<div style="opacity:0"><button>Caché opacité</button></div>
<details><summary>Plus</summary><button>Caché replié</button></details>
<dialog id="reglages"><fieldset><legend>Préférences pour tous les services</legend>
<input type="radio" id="a" name="c"><label for="a">Tout accepter</label>
<input type="radio" id="r" name="c"><label for="r">Tout refuser</label></fieldset></dialog>
<p style="position:absolute;left:-9999px">Texte hors page</p>`;

describe('perception', () => {
  it('never counts what a person cannot see', async () => {
    await page.setContent(`<main><h2>Choix</h2>${HIDDEN}<button>Visible</button></main>`);
    const seen = await perceive(page);
    expect(seen.controls.map((c) => c.name)).toEqual(['Plus', 'Visible']);
    expect(seen.text).not.toMatch(/Caché|Texte hors page|Tout refuser/);
    expect(offeredChoices(seen)).toEqual([]);
  });

  it('counts a styled radio whose label shows, and acts on that very element', async () => {
    await page.setContent(`<main><fieldset><legend>Choix du guichet</legend>
<p><input type="radio" name="g" id="g1" value="1" style="opacity:0;position:absolute"><label for="g1">Renouvellement</label></p>
<p><input type="radio" name="g" id="g2" value="2" style="opacity:0;position:absolute"><label for="g2">Première demande</label></p></fieldset>
<input type="submit" value="Etape suivante"></main>`);
    const seen = await perceive(page);
    expect(offeredChoices(seen).map((c) => [c.value, c.label])).toEqual([['1', 'Renouvellement'], ['2', 'Première demande']]);
    const second = seen.controls.find((c) => c.name === 'Première demande');
    if (!second) throw new Error('no second radio');
    expect(await locate(page, second).getAttribute('id')).toBe('g2');
  });

  it('sees an open consent dialog as a layer over the page, its radios never the guichet choice', async () => {
    await page.setContent(`<main><p>Prise de rendez-vous</p><a href="#suite">Continuer</a></main>
<dialog open aria-modal="true" style="position:fixed;inset:0;width:100%;height:100%">
<p>Nous utilisons des cookies.</p><fieldset><legend>Cookies de mesure</legend>
<input type="radio" id="x" name="m"><label for="x">Accepter</label><input type="radio" id="y" name="m"><label for="y">Refuser</label></fieldset>
<div style="cursor:pointer;display:inline-block">${HELD_OUT.refuse[0]}</div></dialog>`);
    const seen = await perceive(page);
    const [layer] = overlaysOf(seen);
    expect(layer?.text).toContain('Nous utilisons des cookies');
    expect(offeredChoices(seen)).toEqual([]);
    const clickable = seen.controls.find((c) => c.name === HELD_OUT.refuse[0]);
    expect(clickable?.layer).toBe(layer?.index);
  });

  it('reads a consent frame until it freezes, then no more: later looks at the page do not wait for it', { timeout: 60_000 }, async () => {
    // The consent manager's frame comes from another site than the page's, so that it freezes alone, in its own
    // process, as it does on a person's browser.
    const frozen = await browser.newPage();
    await frozen.route('http://consentement.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html lang="fr"><body><p>Nous utilisons des cookies.</p><button>Tout refuser</button></body></html>',
      }),
    );
    try {
      await frozen.route('http://prefecture.example/**', (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="fr"><body><main><h1>Prise de rendez-vous</h1><a href="#suite">Continuer</a></main>
<iframe src="http://consentement.example/cmp" style="position:fixed;inset:0;width:100%;height:100%;border:0"></iframe></body></html>`,
        }),
      );
      await frozen.goto('http://prefecture.example/');
      const cmp = frozen.frames().find((frame) => frame.url().startsWith('http://consentement.example/'));
      await cmp?.waitForSelector('button');
      expect((await perceive(frozen)).controls.map((control) => control.name)).toContain('Tout refuser');
      // The loop starts at once, before any later question to the frame: a timer here could let the next reading
      // through first, and that reading would then not learn that the frame is frozen.
      void cmp?.evaluate('for (;;) {}').catch(() => undefined);
      const answered = await Promise.race([
        cmp?.evaluate('1').then(
          () => 'answered',
          () => 'closed',
        ),
        delay(1_000, 'silent'),
      ]);
      expect(answered).toBe('silent');
      await perceive(frozen);
      const started = Date.now();
      const seen = await perceive(frozen);
      expect(Date.now() - started).toBeLessThan(PAGE_ANSWER_MS);
      expect(seen.h1).toBe('Prise de rendez-vous');
      expect(overlaysOf(seen)).toHaveLength(1);
    } finally {
      await frozen.close();
    }
  });

  it('reads slots in any widget: a list, buttons under their day, links in words', async () => {
    await page.setContent(`<main><h2>Semaine du lundi 7 décembre 2026 au dimanche 13 décembre 2026</h2>
<label for="s">Choisissez un créneau</label><select id="s"><option value="">Choisissez un créneau</option>
<option value="1">mardi 8 décembre 2026 à 9 h 30</option></select>
<table><thead><tr><th>lun. 07/12</th><th>mar. 08/12</th></tr></thead><tbody><tr><td><button>10:00</button></td><td>complet</td></tr></tbody></table>
<a href="#c">Mercredi 9 décembre 2026, 14 h 05</a><a href="?d=2">Semaine suivante</a></main>`);
    const seen = await perceive(page);
    expect(readSlots(seen, new Date('2026-12-01T12:00:00Z')).slots).toEqual(['2026-12-07T10:00', '2026-12-08T09:30', '2026-12-09T14:05']);
  });
});

describe('meaning', () => {
  it('understands consent controls by what they say, not by a list of labels', () => {
    for (const refuse of [...HELD_OUT.refuse, 'Tout refuser', 'Continuer sans accepter', 'Accepter uniquement les cookies nécessaires']) {
      expect(consentChoice(refuse), refuse).toBe('refuse');
    }
    for (const accept of [...HELD_OUT.accept, 'Tout accepter', "OK, j'ai compris"]) expect(consentChoice(accept), accept).toBe('accept');
    for (const neither of ['Personnaliser', 'Paramétrer les cookies', 'En savoir plus', 'Gérer mes préférences']) expect(consentChoice(neither), neither).toBeNull();
    expect(consentChoice('×')).toBe('close');
  });

  it('knows what leads on, and never what books or goes back', () => {
    for (const forward of [...HELD_OUT.forward, 'Etape suivante', 'Continuer', 'Prendre un rendez-vous', 'Effectuer une demande de rendez-vous']) {
      expect(forwardRank(forward), forward).not.toBeNull();
    }
    for (const never of ['Réserver ce créneau', 'Confirmer le rendez-vous', 'Terminer', 'Semaine précédente', 'Gérer mes rendez-vous', 'Retour']) {
      expect(forwardRank(never), never).toBeNull();
    }
  });
});
