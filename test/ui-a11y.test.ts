// The screens as a coordinator and a lawyer meet them on the demo, at 1280×800, 1920×1080 and a phone's 390 px,
// in French and in English: axe-core finds no violation on any of them; the table is the first screen; its
// headers sort from the keyboard; alerts fold into one line and end when marked « vu »; the focus follows page
// changes; Escape closes every dialog; the evidence calendar moves with the arrow keys. One page for all of it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { prepareDemoFolder } from '../electron/core/api/demo-core.js';
import { DEMO_PLANNINGS } from '../electron/replicas/index.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { RESULTS, STATIC_DIR, ensureRendererBuilt, launchBrowser, logIn } from './ui-harness.js';

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

let dataDir: string;
let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
let axeSource: string;
/** A captcha planning (its page has the banner and the assisted session) and a planning with dates. */
let captchaId: string;
let openId: string;

beforeAll(async () => {
  await ensureRendererBuilt();
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-a11y-'));
  // The demo folder as `npm run demo` prepares it, served without the minute schedule.
  const originOf = new Map(DEMO_PLANNINGS.map((demo) => [demo.prefecture, 'http://127.0.0.1:9']));
  await prepareDemoFolder({ dataDir, appVersion: '0.0.0-test', log: () => undefined, plannings: DEMO_PLANNINGS, originOf });
  core = createCore({ dataDir, appVersion: '0.0.0-test', demo: true, log: () => undefined });
  const overviews = await core.api['plannings:list'](undefined);
  captchaId = overviews.find((o) => o.planning.system === 'rdvpref')?.planning.id ?? '';
  openId = overviews.find((o) => o.lastProbe?.outcome === 'dates')?.planning.id ?? overviews[0]?.planning.id ?? '';
  host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: WIDTHS[0], locale: 'fr-FR' });
  page.setDefaultTimeout(20_000);
  await logIn(page, host.loginUrl());
}, 180_000);

afterAll(async () => {
  await browser.close();
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** axe-core's violations on the page as it is, one line each. */
async function violations(): Promise<string[]> {
  // Evaluated by the test, not by the page: the page's own Content-Security-Policy stays as users have it.
  if (!(await page.evaluate<boolean>(`'axe' in window`))) await page.evaluate(axeSource);
  // Only the violations are worked out in full: the passes are not needed, and would double the time.
  return page.evaluate<string[]>(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => v.id + ' ×' + v.nodes.length + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') + ')');
  })()`);
}

/** The text of the element that has the focus, and its date in the calendar. */
const focusedText = () => page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""');
const focusedDate = () => page.evaluate<string>('(document.activeElement && document.activeElement.dataset.date) || ""');

async function go(hash: string, heading: RegExp | string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await page.getByRole('heading', { level: 2, name: heading }).first().waitFor();
}

describe('every screen', () => {
  it('has no axe-core violation, at the three widths, in French and in English', async () => {
    const found: Record<string, string[]> = {};
    for (const language of ['fr', 'en'] as const) {
      await page.locator('.language-switch select').selectOption(language);
      await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
      for (const size of WIDTHS) {
        await page.setViewportSize(size);
        const check = async (name: string) => {
          const list = await violations();
          if (list.length > 0) found[`${language} ${size.width} ${name}`] = list;
        };
        await go('#/', /^(Tableau de bord|Dashboard)$/);
        await page.locator('.probe-strip[role="img"]').first().waitFor();
        await check('dashboard');
        await page.locator('.alerts-line button').click();
        await page.locator('.alerts-list li').first().waitFor();
        await check('dashboard, alerts open');
        await page.locator('.alerts-line button').click();
        await page.getByRole('button', { name: /^(Cartes|Cards)$/ }).click();
        await page.locator('.planning-card').first().waitFor();
        await check('dashboard, cards');
        await page.getByRole('button', { name: /^(Tableau|Table)$/ }).click();
        await go(`#/planning/${captchaId}`, /démonstration/);
        await page.locator('table.calendar').waitFor();
        await check('planning (captcha)');
        await go(`#/planning/${openId}`, /démonstration/);
        await page.locator('table.calendar a.day:not(.empty)').last().click();
        await page.getByRole('region', { name: /^(Sondages du|Probes of)/ }).getByRole('button').first().click();
        await page.getByRole('dialog').waitFor();
        await check('planning, a day and its probe viewer');
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
        await page.getByRole('button', { name: /^(Dossier de preuves|Evidence bundle)$/ }).click();
        await page.getByRole('dialog').getByRole('radio').last().check();
        await check('planning, the dossier dialog');
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await go('#/new', /^(Ajouter un planning|Add a planning)$/);
        await check('new planning');
        await go(`#/edit/${openId}`, /^(Modifier le planning|Edit the planning)$/);
        await check('edit planning');
        await go('#/settings', /^(Réglages|Settings)$/);
        await check('settings');
        // Its verdicts and its dialog are checked by test/ui-verify.ts, on folders made for them (the demo's takes long).
        await go('#/verify', /^(Vérifier les preuves|Check the evidence)$/);
        await check('verify');
        await go('#/method', /^(Méthode|Method)$/);
        await check('method');
        await page.screenshot({ path: path.join(RESULTS, `a11y-method-${language}-${size.width}.png`) });
      }
    }
    await page.setViewportSize(WIDTHS[0]);
    await page.locator('.language-switch select').selectOption('fr');
    expect(found).toEqual({});
  }, 300_000);
});

describe('the dashboard, first screen', () => {
  it('shows 15 whole rows at 1280×800, each with its whole name, préfecture and La Cimade’s reading', async () => {
    await page.setViewportSize(WIDTHS[0]);
    await go('#/', 'Tableau de bord');
    const rows = page.locator('table.board-table tbody tr');
    await rows.nth(14).locator('.probe-strip[role="img"]').waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'a11y-dashboard-1280.png') });
    const fifteenth = await rows.nth(14).boundingBox();
    expect(fifteenth && fifteenth.y + fifteenth.height).toBeLessThanOrEqual(800);
    const cells = await page.locator('table.board-table tbody th').evaluateAll((all) =>
      all.map((cell) => {
        const box = cell as unknown as { innerText: string; scrollWidth: number; clientWidth: number };
        return { text: box.innerText, cut: box.scrollWidth > box.clientWidth };
      }),
    );
    const names = (await core.api['plannings:list'](undefined)).map((o) => `${o.planning.label} ${o.planning.prefecture}`);
    expect(cells.every((cell) => !cell.cut)).toBe(true);
    expect(cells.map((cell) => cell.text.replace(/\s+/g, ' ')).sort()).toEqual(names.map((name) => name.replace(/\s+/g, ' ')).sort());
    const first = rows.first();
    await first.getByRole('img', { name: /^Les 48 derniers sondages, du / }).waitFor();
    await first.getByRole('img', { name: /^Par mois\. \w+ \d{4} : \d+ % sous un mois/ }).waitFor();
    // Département, then bar, months, « sous un mois », « pas de date », attempts and days.
    expect(await first.locator('td').nth(3).innerText()).toMatch(/^\d+ %$/);
    expect(await first.locator('td').nth(4).innerText()).toMatch(/^\d+ %$/);
    expect(await first.locator('td').nth(5).innerText()).toMatch(/^[\d\u202f ]+ \/ \d+ j/);
  });

  it('sorts on any column from the keyboard, and says how (aria-sort)', async () => {
    const header = page.getByRole('columnheader', { name: 'Pas de date' });
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const shares = async () =>
      (await page.locator('table.board-table tbody tr td:nth-child(6)').allInnerTexts()).map((text) => Number.parseInt(text, 10)).filter(Number.isFinite);
    const down = await shares();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const up = await shares();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.locator('th[aria-sort]').count()).toBe(1);
  });

  it('folds the alerts into one line; one marked « vu » is gone, also after a reload', async () => {
    const line = page.locator('.alerts-line');
    const count = async () => Number((await line.innerText()).match(/(\d+) plannings? (?:a|ont) de nouveau des dates/)?.[1] ?? 0);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await line.getByRole('button', { name: 'voir' }).click();
    const first = page.locator('.alerts-list li').first();
    const text = await first.locator('span').first().innerText();
    await first.getByRole('button', { name: 'Vu' }).click();
    await expect.poll(count).toBe(before - 1);
    await page.reload();
    await line.waitFor();
    expect(await count()).toBe(before - 1);
    await line.getByRole('button', { name: 'voir' }).click();
    expect(await page.locator('.alerts-list li span').allInnerTexts()).not.toContain(text);
  });
});

describe('moving through the app with a keyboard', () => {
  it('puts the focus on the new page’s heading, and Escape closes the delete confirmation', async () => {
    await go('#/', 'Tableau de bord');
    const link = page.locator('table.board-table tbody th a').first();
    const name = await link.innerText();
    await link.click();
    await expect.poll(focusedText).toBe(name);
    await page.getByRole('button', { name: 'Supprimer' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.getByRole('link', { name: 'Méthode' }).click();
    await expect.poll(focusedText).toBe('Méthode');
  });

  it('moves in the evidence calendar with the arrow keys, one Tab stop, Enter opens the day', async () => {
    await go(`#/planning/${openId}`, /démonstration/);
    const grid = page.getByRole('grid', { name: /^Calendrier de / });
    await grid.waitFor();
    expect(await grid.locator('a[tabindex="0"]').count()).toBe(1);
    const start = grid.locator('a[tabindex="0"]');
    await start.focus();
    const focused = focusedDate;
    const from = await focused();
    const day = (date: string, by: number) => {
      const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d + by)).toISOString().slice(0, 10);
    };
    await page.keyboard.press('ArrowRight');
    // The first day with probes may be the month's last: then the arrow stays on it.
    const right = await focused();
    expect([day(from, 1), from]).toContain(right);
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(right === from ? day(from, -1) : from);
    await page.keyboard.press('Home');
    const monday = await focused();
    expect(new Date(`${monday}T12:00:00Z`).getUTCDay() === 1 || monday.endsWith('-01')).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /^Sondages du / }).waitFor();
    expect(await page.evaluate<string>('window.location.hash')).toContain(monday);
  });
});

describe('on a phone (390 px)', () => {
  it('shows one card per planning, its name as the link, no horizontal scroll, « Méthode » within reach', async () => {
    await page.setViewportSize(WIDTHS[2]);
    await go('#/', 'Tableau de bord');
    const cards = page.locator('.board-card');
    await cards.first().waitFor();
    const overviews = await core.api['plannings:list'](undefined);
    expect(await cards.count()).toBe(overviews.length);
    expect(await cards.first().getByRole('heading', { level: 3 }).getByRole('link').innerText()).toMatch(/démonstration/);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const method = await page.getByRole('link', { name: 'Méthode' }).boundingBox();
    expect(method && method.x >= 0 && method.x + method.width <= 390).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'a11y-dashboard-390.png') });
    await page.setViewportSize(WIDTHS[0]);
  });
});
