// The published site as a visitor and a screen reader meet it, opened in Chromium from the folder itself:
// tables with headers, every image with its text, every link leading somewhere, no script at all.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { findBrowser, LAUNCH_ARGS } from '../probe/index.js';
import { createStore } from '../store/store.js';
import { DEMO_NOW, fillDemoFolder } from '../../../test/support/evidence-folder.js';
import { publishSite } from './index.js';

let dir: string;
let site: string;
let browser: Browser;
const browserPath = findBrowser({ env: process.env, settingsPath: null }).path ?? '/usr/bin/chromium';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-publish-'));
  const demo = await fillDemoFolder(dir, 150);
  await demo.store.settings.update({ associationName: 'Association Test', associationContact: 'https://asso.example.org' });
  await demo.store.close();
  site = path.join(dir, 'site');
  const store = createStore({ dir, clock: fixedClock(DEMO_NOW), log: () => undefined });
  await publishSite({ store, out: site, browserPath, now: new Date(DEMO_NOW) });
  await store.close();
  browser = await chromium.launch({ executablePath: browserPath, headless: true, args: LAUNCH_ARGS });
}, 120_000);

afterAll(async () => {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
});

describe('publication', () => {
  it('reads without script: tables with headers, images with text, links that lead somewhere', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const visited = new Set<string>();
    const queue = [pathToFileURL(path.join(site, 'index.html')).href];
    while (queue.length > 0) {
      const url = queue.shift() ?? '';
      if (visited.has(url)) continue;
      visited.add(url);
      await page.goto(url);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('footer').innerText()).toContain('ODbL');
      // Every image is shown and says what it shows.
      for (const image of await page.locator('img').all()) {
        expect((await image.getAttribute('alt'))?.length ?? 0).toBeGreaterThan(10);
        expect(await image.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0)).toBe(true);
      }
      for (const table of await page.locator('table').all()) {
        expect(await table.locator('caption').count()).toBe(1);
        expect(await table.locator('th[scope=col]').count()).toBeGreaterThan(1);
      }
      for (const href of await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as unknown as { href: string }).href))) {
        if (!href.startsWith('file:')) continue;
        const target = fileURLToPath(href.split('#')[0] ?? href);
        expect(existsSync(target), `${url} → ${href}`).toBe(true);
        if (target.endsWith('.html')) queue.push(pathToFileURL(target).href);
      }
    }
    expect(errors).toEqual([]);
    // The index, two préfectures, the licences.
    expect(visited.size).toBe(4);

    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('69 — Rhône');
    expect(rows[1]).toContain('93 — Seine-Saint-Denis');
    await page.getByRole('link', { name: 'Préfecture de la Seine-Saint-Denis' }).click();
    const table = page.getByRole('table', { name: /Bobigny — titres de séjour/ });
    await expect.poll(() => table.getByRole('rowheader').allInnerTexts()).toContain('Trois derniers mois entiers');
    const alt = (await page.getByRole('img', { name: /Bobigny/ }).getAttribute('alt')) ?? '';
    expect(alt).toMatch(/pas de date disponible : \d+ %/);
    const csv = await readFile(path.join(site, 'donnees', 'sondages.csv'), 'utf8');
    expect(csv.split('\n')[0]).toContain('departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date');
    await page.close();
  }, 60_000);

  it('never replaces a folder it did not write', async () => {
    const store = createStore({ dir, clock: fixedClock(DEMO_NOW), log: () => undefined });
    await expect(publishSite({ store, out: path.join(dir, 'probes'), browserPath, now: new Date(DEMO_NOW) })).rejects.toThrow('contient déjà autre chose');
    await store.close();
  });
});
