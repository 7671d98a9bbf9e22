import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { ANCT_SCENARIOS, anctPath, createAnctReplica } from '../../../replicas/anct/index.js';
import { replicaSlots } from '../../../replicas/rdvpref/calendar.js';
import { anctAdapter } from './anct.js';
import { adapterContext, launchTestBrowser, serveHandlers, settle, twoTestsAtATime, type TestServer } from '../../../../test/support/probe-harness.js';

/**
 * The latest Saturday, 16:00 UTC, at or before now: the week view starts on a weekend day, and slots skip weekends.
 * Within a week of the day the tests run, because the robot completes a date the site writes without its year
 * (« vendredi 4 déc. ») from its own today, as on a real site; a fixed day in the past made it read « 28 nov. »
 * as next year's once that day was more than a week old.
 */
function latestSaturday(now: Date): string {
  const day = new Date(now);
  day.setUTCHours(16, 0, 0, 0);
  while (day.getUTCDay() !== 6 || day > now) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString();
}
const clock = fixedClock(latestSaturday(new Date()));
let browser: Browser;
let server: TestServer;

// Each test in a context of its own (adapterContext).
twoTestsAtATime();

beforeAll(async () => {
  browser = await launchTestBrowser();
  server = await serveHandlers(createAnctReplica({ clock, slowDelayMs: 150 }));
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

async function probe(path: string, guichet: string | null) {
  const ctx = await adapterContext(browser, { url: `${server.origin}${path}`, guichet });
  try {
    return { outcome: await settle(anctAdapter.probe(ctx)), url: ctx.page.url(), statuses: ctx.statuses };
  } finally {
    await ctx.close();
  }
}

describe.concurrent('RDV Service Public', () => {
  it.each(ANCT_SCENARIOS.map((s) => [s.name, s.expected, s] as const))('%s is recorded as %s', async (_name, expected, scenario) => {
    const { outcome } = await probe(scenario.path, scenario.guichet);
    expect(outcome.outcome, outcome.detail).toBe(expected);
    expect(outcome.slots.slice(0, 2)).toEqual(replicaSlots(scenario.plan, clock).slice(0, 2));
  });

  it('chooses the motif of the planning on the organisation page, by its label', async () => {
    const { outcome, url } = await probe(anctPath('7101'), 'remise de titre de sejour');
    expect(outcome.outcome).toBe('dates');
    expect(outcome.slots.slice(0, 2)).toEqual(replicaSlots('one_to_two_months', clock).slice(0, 2));
    expect(url).toContain('motif_name_with_location_type=remise_de_titre_de_sejour-public_office');
    expect(outcome.detail).toMatch(/^Première plage libre le .*2027/);
  });

  it('follows the short /org/ link and reads the no-slot message', async () => {
    const { outcome } = await probe('/org/7101', 'premiere_demande_de_titre_de_sejour-public_office');
    expect(outcome.outcome).toBe('no_date');
    expect(outcome.detail).toMatch(/aucun créneau correspondant/);
  });

  it('asks which guichet when several are offered and none is chosen, or the one named is absent', async () => {
    await expect(probe(anctPath('7101'), null)).rejects.toSatisfy(
      (error: unknown) => error instanceof AppError && error.code === 'guichet_required' && /Remise de titre/.test(error.message),
    );
    await expect(probe(anctPath('7102', 'premiere_demande_de_titre_de_sejour-public_office'), 'Lyon')).rejects.toThrow(
      /« Lyon » ne figure pas parmi les lieux proposés : « Préfecture du Cantal \(Aurillac\) »/,
    );
  });

  it('says unrecognized for a page that is not a search page', async () => {
    const { outcome } = await probe(anctPath('0000'), null);
    expect(outcome.outcome).toBe('unrecognized');
  });

  it('discovers the motifs of an organisation and the lieux of a motif', async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/org/7101`, guichet: null });
    const found = await anctAdapter.discover(ctx);
    ctx.target = { url: `${server.origin}${anctPath('7102', 'premiere_demande_de_titre_de_sejour-public_office')}`, guichet: null };
    const lieux = await anctAdapter.discover(ctx);
    await ctx.close();
    expect(found.title).toBe('Préfecture de la Creuse — Accueil des étrangers');
    expect(found.guichets).toContainEqual({ value: 'remise_de_titre_de_sejour-public_office', label: 'Remise de titre de séjour' });
    expect(found.guichets).toHaveLength(5);
    expect(lieux.guichets.map((g) => g.label)).toEqual(['Préfecture du Cantal (Aurillac)', 'Sous-préfecture de Saint-Flour']);
  });

  it('discovers motif × lieu pairs for a motif offered in several lieux, and probes each pair', { timeout: 120_000 }, async () => {
    const ctx = await adapterContext(browser, { url: `${server.origin}/org/7102`, guichet: null });
    const found = await anctAdapter.discover(ctx);
    await ctx.close();
    expect(found.guichets).toEqual([
      {
        value: 'premiere_demande_de_titre_de_sejour-public_office@601',
        label: 'Première demande de titre de séjour — Préfecture du Cantal (Aurillac)',
      },
      {
        value: 'premiere_demande_de_titre_de_sejour-public_office@602',
        label: 'Première demande de titre de séjour — Sous-préfecture de Saint-Flour',
      },
    ]);
    const expected = replicaSlots('soon', clock).slice(0, 2);
    for (const [index, guichet] of found.guichets.entries()) {
      const { outcome, url } = await probe('/org/7102', guichet.value);
      expect(outcome.outcome, outcome.detail).toBe('dates');
      expect(outcome.slots.slice(0, 2)).toEqual(expected);
      expect(url).toContain(`lieu_id=${String(601 + index)}`);
    }
    // The pair's label names the same guichet.
    expect((await probe('/org/7102', found.guichets[1]?.label ?? '')).url).toContain('lieu_id=602');
  });

  it('takes the only motif when the planning names a lieu, and asks for the lieu when it names the motif', async () => {
    const { outcome, url } = await probe('/org/7102', 'sous-prefecture de saint-flour');
    expect(outcome.outcome).toBe('dates');
    expect(url).toContain('lieu_id=602');
    await expect(probe('/org/7102', 'Première demande de titre de séjour')).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'guichet_required' &&
        /Première demande de titre de séjour — Sous-préfecture de Saint-Flour/.test(error.message),
    );
    await expect(probe('/org/7102', 'Lyon')).rejects.toThrow(/« Lyon » ne figure pas parmi les lieux proposés/);
  });

  it('refuses a name that matches none of the single choices it passed', async () => {
    await expect(probe(anctPath('7197'), 'Guichet inconnu')).rejects.toThrow(/« Guichet inconnu » ne figure parmi aucun des choix proposés/);
  });

  it('matches the hosts and paths of RDV Service Public only', () => {
    expect(anctAdapter.matches(new URL('https://rdv.anct.gouv.fr/prendre_rdv?public_link_organisation_id=2458'))).toBe(true);
    expect(anctAdapter.matches(new URL('https://www.rdv-solidarites.fr/org/12'))).toBe(true);
    expect(anctAdapter.matches(new URL('https://www.rdv-prefecture.interieur.gouv.fr/rdvpref/reservation/demarche/2246/'))).toBe(false);
  });
});
