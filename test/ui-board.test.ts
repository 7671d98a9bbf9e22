// The dashboard and the evidence browser, driven in Chromium at 1280×800: the dashboard as a table (fifteen rows on screen,
// filtered to what needs attention), a past day's probes and their screenshots, the captcha banner, and the
// demo whose first screen already shows three-month bars. Screenshots of each screen go to test-results/.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { createStore } from '../electron/core/store/index.js';
import { systemClock } from '../electron/core/clock.js';
import { prepareDemoFolder } from '../electron/core/api/demo-core.js';
import { DEMO_PLANNINGS } from '../electron/replicas/index.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { appendSyntheticProbes, syntheticPlanning, syntheticProbe } from './support/synthetic.js';
import { BROWSER, RESULTS, STATIC_DIR, ensureRendererBuilt, launchBrowser, logIn } from './ui-harness.js';

const VIEWPORT = { width: 1280, height: 800 };
const DEPARTEMENTS = ['93', '92', '75', '95', '77', '76', '67', '69', '13', '31', '33'];
/** The past day whose evidence the lawyer looks for: the 14th of the second month before this one. */
const PAST = DateTime.now().setZone('Europe/Paris').startOf('month').minus({ months: 2 }).set({ day: 14 });
const PAST_DAY = PAST.toISODate() ?? '';
const EVIDENCE_LABEL = 'Bobigny — remise de titre';
const CAPTCHA_LABEL = 'Rouen — premier titre';

let dataDir: string;
let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureRendererBuilt();
  browser = await launchBrowser();
  // A real captioned-looking PNG for the past day's probes, drawn by the browser itself.
  const painter = await browser.newPage({ viewport: { width: 640, height: 360 } });
  await painter.setContent('<h1 style="font:32px sans-serif">Capture de test — 14</h1>');
  const png = await painter.screenshot();
  await painter.close();

  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-board-'));
  const store = createStore({ dir: dataDir, clock: systemClock });
  const start = PAST.minus({ days: 20 }).toUTC().toISO() ?? '';
  for (let i = 0; i < 22; i += 1) {
    const departement = DEPARTEMENTS[i % DEPARTEMENTS.length] ?? '93';
    const planning = syntheticPlanning(`p${String(i).padStart(2, '0')}`, {
      label: i === 0 ? EVIDENCE_LABEL : i === 1 ? CAPTCHA_LABEL : `Guichet ${departement} n° ${i}`,
      departement,
      system: i === 1 ? 'rdvpref' : 'legacy',
    });
    await store.plannings.put(planning);
    if (i === 0) {
      // Three probes on the past day, each with its screenshot.
      for (const [n, hour] of [9, 12, 15].entries()) {
        const probe = syntheticProbe(planning.id, start, n === 0 ? 2 : 0);
        const startedAt = PAST.set({ hour, minute: 5 }).toUTC().toISO() ?? '';
        await store.probes.append({ ...probe, startedAt, id: `${PAST_DAY.replace(/-/g, '')}-${hour}` }, { screenshot: png, pageText: 'page' });
      }
    } else if (i === 1) {
      await appendSyntheticProbes(store, { planningId: planning.id, count: 7, start, artefacts: false });
    } else {
      await appendSyntheticProbes(store, { planningId: planning.id, count: 6 + (i % 5), start, artefacts: false });
    }
  }
  await store.close();
  core = createCore({ dataDir, appVersion: '0.0.0-test', env: { ...process.env, GUICHETS_BROWSER: BROWSER }, log: () => undefined });
  host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
  page = await browser.newPage({ viewport: VIEWPORT, locale: 'fr-FR' });
  // As the person who started the web host: its printed address gives the page the session, once.
  await logIn(page, host.loginUrl());
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the dashboard table', () => {
  it('fits fifteen plannings or more on a 1280×800 screen, with a summary line', async () => {
    // What the page asks the host: 500 plannings must open as fast as 22, so nothing is asked row by row.
    const asked: { method: string; ids: string[] }[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() !== 'POST' || !url.pathname.startsWith('/api/')) return;
      const input = (request.postData() ? request.postDataJSON() : {}) as { planningIds?: string[] } | null;
      asked.push({ method: decodeURIComponent(url.pathname.slice(5)), ids: input?.planningIds ?? [] });
    });
    await page.goto(host.url);
    const rows = page.locator('table.board-table tbody tr');
    await rows.nth(21).waitFor();
    await page.locator('.board-summary').filter({ hasText: '22 plannings · ' }).waitFor();
    await rows.first().getByRole('img', { name: /sondages? concluants? sur/ }).waitFor();
    await rows.first().locator('.probe-strip[role="img"]').waitFor();
    const onScreen = await page.evaluate<string[]>(
      `[...document.querySelectorAll('table.board-table tbody tr')].filter((row) => row.getBoundingClientRect().top < ${VIEWPORT.height}).map((row) => row.dataset.planning)`,
    );
    expect(asked.filter((call) => call.method === 'plannings:list')).toHaveLength(1);
    expect(asked.filter((call) => !['plannings:list', 'probes:recent', 'alerts:list', 'app:info', 'settings:get', 'session'].includes(call.method))).toEqual([]);
    const strips = asked.filter((call) => call.method === 'probes:recent').flatMap((call) => call.ids);
    expect(strips.length).toBeGreaterThan(0);
    expect(onScreen).toEqual(expect.arrayContaining(strips));
    await page.screenshot({ path: path.join(RESULTS, 'board-dashboard.png') });
    const fifteenth = await rows.nth(14).boundingBox();
    expect(fifteenth && fifteenth.y + fifteenth.height).toBeLessThanOrEqual(VIEWPORT.height);
  });

  it('filters to the plannings that need attention: the captcha one', async () => {
    await page.getByLabel('État').selectOption({ label: 'demandent votre attention' });
    const rows = page.locator('table.board-table tbody tr');
    await page.screenshot({ path: path.join(RESULTS, 'board-attention.png') });
    await page.getByText('(filtre : 1 affiché sur 22)').waitFor();
    expect(await rows.count()).toBe(1);
    await rows.first().getByText('captcha — session à ouvrir').waitFor();
    await rows.first().getByRole('link', { name: CAPTCHA_LABEL }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'board-attention.png') });

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('bobigny');
    expect(await rows.count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('');
    await page.getByRole('columnheader', { name: 'Dép.' }).getByRole('button').click();
    expect(await rows.first().locator('td').first().textContent()).toBe('13');
  });

  it('shows the captcha banner with its action on the planning’s page', async () => {
    await page.getByRole('link', { name: CAPTCHA_LABEL }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Captcha : une session assistée est nécessaire' });
    await banner.getByRole('button', { name: 'Ouvrir la session assistée' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'board-captcha-banner.png') });
  });
});

describe('the evidence browser', () => {
  it('finds the probes of a given past day from its month bar and opens their screenshots in turn', async () => {
    await page.goto(host.url);
    await page.getByRole('link', { name: EVIDENCE_LABEL }).click();
    await page.getByRole('heading', { level: 2, name: EVIDENCE_LABEL }).waitFor();
    const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(PAST.toJSDate());
    const month = page.locator('details.month').filter({ hasText: monthName });
    await month.evaluate('(details) => { details.open = true; }');
    await month.getByRole('link', { name: `Voir les sondages de ${monthName}` }).click();
    const calendar = page.getByRole('grid', { name: `Calendrier de ${monthName}` });
    const day = calendar.getByRole('link', { name: new RegExp(`^\\w+ 14 .*: 3 sondages`) });
    await day.click();
    const panel = page.getByRole('region', { name: /^Sondages du / });
    const times = await panel.locator('tbody tr td:first-child').allTextContents();
    expect(times).toEqual(['09:05', '12:05', '15:05']);
    await page.screenshot({ path: path.join(RESULTS, 'board-evidence-day.png') });

    await panel.getByRole('button', { name: 'voir' }).first().click();
    const viewer = page.getByRole('dialog');
    await viewer.getByText('Sondage 1 sur 3').waitFor();
    const loaded = async () =>
      viewer.locator('img').evaluate((img) => {
        const image = img as unknown as { complete: boolean; naturalWidth: number };
        return image.complete && image.naturalWidth > 0;
      });
    await expect.poll(loaded).toBe(true);
    await page.keyboard.press('ArrowRight');
    await viewer.getByText('Sondage 2 sur 3').waitFor();
    expect(await viewer.locator('#probe-viewer-title').textContent()).toContain('12:05');
    await expect.poll(loaded).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'board-evidence-screenshot.png') });
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'hidden' });
  });
});

describe('the demo', () => {
  // The demo folder as `npm run demo` prepares it (its plannings, then their synthetic past), served without the
  // minute schedule: what a newcomer sees first. The live probing of the demo is tested in core.test.ts.
  it('opens on three-month bars filled by hourly synthetic records, their gaps and captures labelled as the demonstration', async () => {
    const demoDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-board-demo-'));
    const originOf = new Map(DEMO_PLANNINGS.map((demo) => [demo.prefecture, 'http://127.0.0.1:9']));
    await prepareDemoFolder({ dataDir: demoDir, appVersion: '0.0.0-test', log: () => undefined, plannings: DEMO_PLANNINGS, originOf });
    const demoCore = createCore({ dataDir: demoDir, appVersion: '0.0.0-test', demo: true, log: () => undefined });
    const demoHost = await startWebHost({ core: demoCore, port: 0, staticDir: STATIC_DIR, log: () => undefined });
    const demoPage = await browser.newPage({ viewport: VIEWPORT, locale: 'fr-FR' });
    try {
      await logIn(demoPage, demoHost.loginUrl());
      // The most open planning last (the table opens on the most closed first).
      const open = demoPage.locator('table.board-table tbody tr').last();
      await open.getByRole('img', { name: /sondages? concluants? sur/ }).waitFor();
      await open.getByText('(démonstration)').waitFor();
      await demoPage.screenshot({ path: path.join(RESULTS, 'board-demo.png') });
      await open.getByRole('link').click();
      await demoPage.getByText('Trois mois entiers avant le mois en cours').waitFor();
      // The PC slept at night and was off at weekends: the missed hours are beside the bar (runs, in the demo).
      await demoPage.getByRole('list', { name: 'À côté de la barre' }).first().getByText(/^[\d\u202f]+ sondages manqués$/).waitFor();
      // A past day: hourly probes that say they are synthetic, the ones with dates with a capture that says so.
      await demoPage.getByRole('link', { name: 'Mois précédent' }).click();
      const day = demoPage.getByRole('grid', { name: /^Calendrier de / }).getByRole('link', { name: /: \d+ sondages, « au moins deux/ }).first();
      await day.click();
      const probes = demoPage.getByRole('region', { name: /^Sondages du / });
      await probes.getByText('démonstration', { exact: true }).first().waitFor();
      expect(await probes.locator('tbody tr').count()).toBe(11);
      await probes.getByRole('row', { name: /dates disponibles/ }).first().getByRole('button', { name: 'voir' }).click();
      const viewer = demoPage.getByRole('dialog');
      await expect
        .poll(() => viewer.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(0);
      await demoPage.screenshot({ path: path.join(RESULTS, 'board-demo-capture.png') });
      await demoPage.keyboard.press('Escape');
      await demoPage.screenshot({ path: path.join(RESULTS, 'board-demo-planning.png'), fullPage: true });
      expect((await demoCore.verify()).problems).toEqual([]);
    } finally {
      await demoPage.close();
      await demoHost.close();
      await demoCore.close();
      await rm(demoDir, { recursive: true, force: true });
    }
  }, 120_000);
});
