import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepsSpec } from '../../../shared/domain.js';
import { AppError } from '../../errors.js';
import type { ReplicaHandler } from '../../../replicas/types.js';
import { parseStepsSpec, readSlot, stepsAdapter, tryStepsSpec } from './steps.js';
import { adapterContext, launchTestBrowser, serveHandlers, settle, twoTestsAtATime, type TestServer } from '../../../../test/support/probe-harness.js';

const page = (body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mairie</title></head><body>${body}</body></html>`;

/** A small booking site of the kind no adapter knows: a link, conditions, a form, then slots or not. */
const site: ReplicaHandler = (req, res, url) => {
  const html = (status: number, body: string) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    return Promise.resolve(true);
  };
  switch (url.pathname) {
    case '/start':
      // The closed mobile menu holds a hidden twin of the link, first in the page: a person clicks the one they see.
      return html(200, page('<nav hidden><a href="/menu-ferme">Prendre rendez-vous</a></nav><h1>Rendez-vous</h1><a href="/conditions">Prendre rendez-vous</a>'));
    case '/conditions':
      return html(
        200,
        page(`<form action="/result"><label><input type="checkbox" name="ok" required> J'accepte les conditions</label>
<label>Motif <select id="motif" name="motif"><option value="">—</option><option value="titre">Titre de séjour</option>
<option value="none">Naturalisation</option><option value="odd">Autre</option></select></label>
<label>Code postal <input id="cp" name="cp"></label><button>Valider</button></form>`),
      );
    case '/result': {
      const motif = url.searchParams.get('motif');
      if (url.searchParams.get('ok') !== 'on' || url.searchParams.get('cp') !== '91120') return html(400, page('Formulaire incomplet'));
      if (motif === 'none') return html(200, page('<p>Aucun rendez-vous n’est disponible pour le moment.</p>'));
      if (motif === 'odd') return html(200, page('<p>Veuillez choisir une date dans le calendrier.</p>'));
      return html(
        200,
        page(`<ul><li class="slot">Mardi 8 décembre 2026 à 14h15</li><li class="slot">lundi 7 décembre 2026 à 09h30</li>
<li class="slot">07/12/2026 10:00</li></ul>`),
      );
    }
    case '/spa':
      return html(
        200,
        page(`<div id="app">Chargement…</div><script>setTimeout(() => { document.getElementById('app').innerHTML =
'<h2>Créneaux</h2><span class="c" data-d="x">Créneau n° 1 : le 2026-12-09 à 11:45</span>'; }, 150);</script>`),
      );
    // What a person does not see: a no-slot sentence kept transparent, a slot of a template left hidden.
    case '/masked':
      return html(200, page('<p style="opacity:0">Aucun rendez-vous n’est disponible pour le moment.</p><p>Veuillez choisir une date.</p>'));
    case '/template':
      return html(
        200,
        page(`<ul><li class="slot">lundi 7 décembre 2026 à 09h30</li><li class="slot" style="display:none">mardi 8 décembre 2026 à 14h15</li>
<li class="slot" aria-hidden="true">mercredi 9 décembre 2026 à 10h00</li></ul>`),
      );
    case '/blocked':
      return html(403, page('<h1>Sorry, you have been blocked</h1><p>Cloudflare Ray ID: 8c1f2a</p>'));
    default:
      return Promise.resolve(false);
  }
};

let browser: Browser;
let server: TestServer;

// Each test in a context of its own (adapterContext).
twoTestsAtATime();

beforeAll(async () => {
  browser = await launchTestBrowser();
  server = await serveHandlers(site);
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

const spec = (motif: string, extra: Partial<StepsSpec> = {}): StepsSpec => ({
  steps: [
    { kind: 'goto', url: `${server.origin}/start` },
    { kind: 'click', text: 'Prendre rendez-vous' },
    { kind: 'check', text: "J'accepte les conditions" },
    { kind: 'select', selector: '#motif', option: motif },
    { kind: 'fill', selector: '#cp', value: '91120' },
    { kind: 'click', text: 'Valider' },
  ],
  noSlotText: 'Aucun rendez-vous n’est disponible',
  slotSelector: 'li.slot',
  ...extra,
});

async function probe(steps: StepsSpec, url = `${server.origin}/start`, timeoutMs = 10_000) {
  const ctx = await adapterContext(browser, { url, guichet: null, system: 'steps', steps });
  ctx.page.setDefaultTimeout(timeoutMs);
  try {
    return await settle(stepsAdapter.probe(ctx));
  } finally {
    await ctx.close();
  }
}

describe('user-defined steps', () => {
  it.concurrent('runs the steps and reads the slots, in order, whatever their French format', async () => {
    const outcome = await probe(spec('Titre de séjour'));
    expect(outcome.outcome).toBe('dates');
    expect(outcome.slots).toEqual(['2026-12-07T09:30', '2026-12-07T10:00', '2026-12-08T14:15']);
    expect(outcome.detail).toContain('lundi 7 décembre 2026 à 09:30');
  });

  it.concurrent('records no_date only on the no-slot text, and unrecognized on any other page', async () => {
    expect((await probe(spec('Naturalisation'))).outcome).toBe('no_date');
    const other = await probe(spec('Autre'));
    expect(other.outcome).toBe('unrecognized');
    expect(other.detail).toMatch(/^Étape « .+ » : page non reconnue, sans créneau/);
  });

  it.concurrent('reads neither a no-slot sentence nor slots a person cannot see', async () => {
    const only = (path: string): StepsSpec => ({ ...spec('x'), steps: [{ kind: 'goto', url: `${server.origin}${path}` }] });
    const masked = await probe(only('/masked'));
    expect(masked.outcome, masked.detail).toBe('unrecognized');
    const template = await probe(only('/template'));
    expect(template.outcome).toBe('dates');
    expect(template.slots).toEqual(['2026-12-07T09:30']);
  });

  // Alone, as the trial below: their two-second step limit is what they check.
  it('calls a step that cannot be done unrecognized, naming the step', async () => {
    const broken = spec('Titre de séjour');
    broken.steps.splice(1, 1, { kind: 'click', text: 'Réserver' });
    const outcome = await probe(broken, undefined, 2_000);
    expect(outcome.outcome).toBe('unrecognized');
    expect(outcome.detail).toMatch(/^Étape 2 \(cliquer sur « Réserver »\) impossible/);
  });

  it.concurrent('calls an error page a site error and a silent site unreachable', async () => {
    const blocked = await probe({ ...spec('x'), steps: [{ kind: 'goto', url: `${server.origin}/blocked` }] });
    expect(blocked.outcome).toBe('site_error');
    const closed = await serveHandlers();
    await closed.close();
    const silent = await probe({ ...spec('x'), steps: [{ kind: 'goto', url: `${closed.origin}/` }] });
    expect(silent.outcome).toBe('unreachable');
  });

  it.concurrent('opens the planning address first when the steps do not, and waits for a text', async () => {
    const outcome = await probe(
      { steps: [{ kind: 'waitForText', text: 'Créneaux' }], noSlotText: 'Aucun', slotSelector: '.c', datePattern: 'le (\\S+ à \\d+:\\d+)' },
      `${server.origin}/spa`,
    );
    expect(outcome.outcome).toBe('dates');
    expect(outcome.slots).toEqual(['2026-12-09T11:45']);
  });

  it('tries the steps once, with a screenshot and a status per step', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const broken = spec('Titre de séjour');
    broken.steps.push({ kind: 'waitForText', text: 'Confirmation' });
    const trial = await tryStepsSpec(tab, broken, { url: `${server.origin}/start`, stepTimeoutMs: 2_000 });
    await context.close();
    expect(trial.steps.map((s) => [s.index, s.ok])).toEqual([[0, true], [1, true], [2, true], [3, true], [4, true], [5, true], [6, false]]);
    expect(trial.steps[6]?.detail).toMatch(/Étape 7 \(attendre le texte « Confirmation »\) impossible/);
    for (const s of trial.steps) expect(s.screenshot.subarray(1, 4).toString()).toBe('PNG');
    expect(trial.result.outcome).toBe('unrecognized');
    expect(trial.finalUrl).toContain('/result?');
  });
});

describe('readSlot', () => {
  it('uses the pattern: its first group, or its named parts', () => {
    expect(readSlot('RDV #12 — 07/12/2026 09:30', 'RDV #\\d+ — (.*)')).toBe('2026-12-07T09:30');
    expect(readSlot('jour=7 mois=12 an=2026 h=9 m=05', 'jour=(?<day>\\d+) mois=(?<month>\\d+) an=(?<year>\\d+) h=(?<hour>\\d+) m=(?<minute>\\d+)')).toBe(
      '2026-12-07T09:05',
    );
    expect(readSlot('le 7 décembre 2026 à 9h', undefined)).toBe('2026-12-07T09:00');
    expect(readSlot('complet', 'le (.*)')).toBeNull();
  });
});

describe('parseStepsSpec', () => {
  it('accepts a valid spec', () => {
    const valid = { steps: [{ kind: 'click', text: 'Suivant' }], noSlotText: 'Aucun créneau', slotSelector: '.slot', datePattern: '' };
    expect(parseStepsSpec(valid)).toEqual({ steps: [{ kind: 'click', text: 'Suivant' }], noSlotText: 'Aucun créneau', slotSelector: '.slot' });
  });

  it.each([
    [{ steps: [], noSlotText: 'x', slotSelector: '.s' }, 'Étapes : ajoutez au moins une étape.'],
    [{ steps: [{ kind: 'goto', url: 'x' }, { kind: 'click' }], noSlotText: 'x', slotSelector: '.s' }, 'Étape 2 : donnez le texte à cliquer ou un sélecteur CSS.'],
    [{ steps: [{ kind: 'goto', url: 'ftp://a' }], noSlotText: 'x', slotSelector: '.s' }, 'Étape 1 : Adresse : donnez une adresse complète commençant par https://'],
    [{ steps: [{ kind: 'dance' }], noSlotText: 'x', slotSelector: '.s' }, 'Étape 1 : Type d’étape inconnu'],
    [{ steps: [{ kind: 'fill', selector: '#a', value: '1' }], noSlotText: ' ', slotSelector: '.s' }, 'Texte « aucun créneau » : à remplir.'],
    [{ steps: [{ kind: 'waitForText', text: 'a' }], noSlotText: 'x', slotSelector: '.s', datePattern: '(\\d+' }, 'Motif de date : expression régulière invalide'],
  ])('explains what to fix: %j', (input, message) => {
    expect(() => parseStepsSpec(input)).toThrow(AppError);
    expect(() => parseStepsSpec(input)).toThrow(message);
  });
});
