import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { replicaSlots } from '../../../replicas/rdvpref/calendar.js';
import { createRdvprefReplica, demarchePath, RDVPREF_DEMARCHES } from '../../../replicas/rdvpref/index.js';
import { probeCreneaux, rdvprefAdapter } from './rdvpref.js';
import { adapterContext, launchTestBrowser, serveHandlers, settle, twoTestsAtATime, type TestServer } from '../../../../test/support/probe-harness.js';

const clock = fixedClock('2026-11-26T09:00:00Z');
let browser: Browser;
let server: TestServer;

// Each test in a context of its own (adapterContext).
twoTestsAtATime();

beforeAll(async () => {
  browser = await launchTestBrowser();
  server = await serveHandlers(createRdvprefReplica({ clock, revealCaptcha: true, slowDelayMs: 150 }));
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

const urlOf = (id: number, page: '' | 'cgu/' | 'creneau/' = '') => `${server.origin}${demarchePath(id, page)}`;

/** What the person does in the visible window; the test reads the code the replica reveals in test mode. */
async function solveAsPerson(page: Page, code?: string): Promise<void> {
  const shown = (await page.locator('#replica-captcha-code strong').innerText()).trim();
  await page.locator('#captchaFormulaireExtInput').fill(code ?? shown);
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.waitForLoadState('load');
}

describe.concurrent('RDV-Préfecture, unattended', () => {
  it.each(RDVPREF_DEMARCHES.map((d) => [d.id, d.scenario.kind, d.expected.unattended] as const))(
    'démarche %i (%s) is recorded as %s',
    async (id, _kind, expected) => {
      const ctx = await adapterContext(browser, { url: urlOf(id), guichet: null });
      try {
        const outcome = await settle(rdvprefAdapter.probe(ctx));
        expect(outcome.outcome).toBe(expected);
        expect(outcome.slots).toEqual([]);
        if (expected === 'captcha') {
          expect(ctx.page.url()).toBe(urlOf(id, 'cgu/'));
          expect(outcome.detail).toMatch(/ne le résout jamais seul/);
        }
      } finally {
        await ctx.close();
      }
    },
  );

  it('meets the captcha even when the planning URL is the slot page itself', async () => {
    const ctx = await adapterContext(browser, { url: urlOf(2246, 'creneau/'), guichet: null });
    const outcome = await settle(probeCreneaux(ctx));
    await ctx.close();
    expect(outcome.outcome).toBe('captcha');
  });

  it('calls an unknown démarche (HTTP 404) and an unrelated page unrecognized', async () => {
    const missing = await adapterContext(browser, { url: urlOf(9999), guichet: null });
    const withdrawn = await settle(rdvprefAdapter.probe(missing));
    expect(withdrawn.outcome).toBe('unrecognized');
    expect(withdrawn.detail).toMatch(/HTTP 404/);
    expect(missing.statuses).toContain(404);
    await missing.close();
    const other = await adapterContext(browser, { url: `${server.origin}/rdvpref/api/captcha/sound`, guichet: null });
    expect((await settle(rdvprefAdapter.probe(other))).outcome).toBe('unrecognized');
    await other.close();
  });

  it('matches and discovers démarches', async () => {
    expect(rdvprefAdapter.matches(new URL('https://www.rdv-prefecture.interieur.gouv.fr/rdvpref/reservation/demarche/2246/'))).toBe(true);
    expect(rdvprefAdapter.matches(new URL('https://www.essonne.gouv.fr/booking/create/32237'))).toBe(false);
    const ctx = await adapterContext(browser, { url: urlOf(2246, 'cgu/'), guichet: null });
    const found = await rdvprefAdapter.discover(ctx);
    await ctx.close();
    expect(found).toEqual({ title: 'Remise de titre de séjour', guichets: [{ value: '2246', label: 'Remise de titre de séjour' }] });
  });
});

describe('RDV-Préfecture, in a session whose captcha a person solved', () => {
  const reachable = RDVPREF_DEMARCHES.filter((d) => d.expected.unattended === 'captcha');

  it.concurrent.each(reachable.map((d) => [d.id, d.scenario.kind, d.expected.solved, d] as const))(
    'démarche %i (%s) is recorded as %s',
    async (id, _kind, expected, demarche) => {
      const ctx = await adapterContext(browser, { url: urlOf(id), guichet: null });
      try {
        await ctx.page.goto(urlOf(id, 'cgu/'));
        await solveAsPerson(ctx.page);
        const outcome = await settle(probeCreneaux(ctx));
        expect(outcome.outcome, outcome.detail).toBe(expected);
        const plan = 'plan' in demarche.scenario ? demarche.scenario.plan : 'none';
        expect(outcome.slots.slice(0, 2)).toEqual(replicaSlots(plan, clock).slice(0, 2));
        if (expected === 'no_date') expect(outcome.detail).toContain('Aucun créneau disponible');
        if (expected === 'dates') expect(outcome.detail).toMatch(/Dernière mise en ligne/);
      } finally {
        await ctx.close();
      }
    },
  );

  it.concurrent('refuses a wrong code and keeps asking for it', async () => {
    const ctx = await adapterContext(browser, { url: urlOf(2246), guichet: null });
    await ctx.page.goto(urlOf(2246, 'cgu/'));
    await solveAsPerson(ctx.page, 'WRONG1');
    expect(ctx.page.url()).toBe(`${urlOf(2246, 'cgu/')}?error=invalidCaptcha`);
    await expect(ctx.page.getByRole('alert').innerText()).resolves.toMatch(/Le code de sécurité saisi est incorrect/);
    expect((await settle(probeCreneaux(ctx))).outcome).toBe('captcha');
    await ctx.close();
  });

  // Alone: it moves the clock the other tests read.
  it('records the expired session as a captcha asking to solve it again', async () => {
    const ctx = await adapterContext(browser, { url: urlOf(2246), guichet: null });
    await ctx.page.goto(urlOf(2246, 'cgu/'));
    await solveAsPerson(ctx.page);
    expect((await settle(probeCreneaux(ctx))).outcome).toBe('dates');
    clock.advance(60 * 60_000);
    expect((await settle(probeCreneaux(ctx))).outcome).toBe('dates');
    clock.advance(2 * 60 * 60_000);
    const expired = await settle(probeCreneaux(ctx));
    clock.set('2026-11-26T09:00:00Z');
    await ctx.close();
    expect(expired.outcome).toBe('captcha');
    expect(expired.detail).toMatch(/session a expiré/);
    expect(expired.slots).toEqual([]);
  });

  it('keeps the session cookie on /rdvpref only', async () => {
    const ctx = await adapterContext(browser, { url: urlOf(2246), guichet: null });
    await ctx.page.goto(urlOf(2246));
    const cookies = await ctx.context.cookies();
    await ctx.close();
    expect(cookies.map((c) => [c.name, c.path, c.httpOnly])).toEqual([['JSESSIONID', '/rdvpref', true]]);
  });
});
