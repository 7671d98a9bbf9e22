// One planning's figures through every output: the app (dashboard row, planning page), the chart it exports
// (PNG, every text it shows as the file carries it), the published site (table, image text, chart rows) and `stats`. The shares
// must be rounded the same way (summing to 100 %), the inconclusive probes and missed hours said beside every bar,
// and every period label match the bars drawn under it.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { systemClock } from '../electron/core/clock.js';
import { PARIS } from '../electron/core/stats/calendar.js';
import { createStore } from '../electron/core/store/index.js';
import { planningChartRows, topPeriod } from '../electron/core/report/figures.js';
import { printStats } from '../electron/core/report/stats-table.js';
import { pngTexts } from '../electron/core/report/png-text.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { CATEGORIES, type Outcome } from '../electron/shared/domain.js';
import { barShares, type Bar } from '../electron/shared/stats.js';
import type { PlanningDetail } from '../electron/shared/api.js';
import { syntheticPlanning, syntheticProbe } from './support/synthetic.js';
import { BROWSER, RESULTS, STATIC_DIR, ensureRendererBuilt, launchBrowser, logIn } from './ui-harness.js';

const execute = promisify(execFile);
const LABEL = 'Rouen — renouvellement';
const month = (back: number) => DateTime.now().setZone(PARIS).startOf('month').minus({ months: back });
type Kind = 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'captcha' | 'site_error';
/** Three whole months: 4 of 89 far dates, then thirds, then 51 captchas and 12 missed hours. */
const PLAN: { month: DateTime; kinds: [Kind, number][] }[] = [
  { month: month(3), kinds: [['c4', 4], ['c5', 85]] },
  { month: month(2), kinds: [['c1', 1], ['c2', 1], ['c5', 1]] },
  { month: month(1), kinds: [['c3', 5], ['c5', 4], ['captcha', 51], ['site_error', 2]] },
  { month: month(0), kinds: [['c5', 2]] },
];

let dataDir: string;
let siteDir: string;
let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
let detail: PlanningDetail;

/** A local date-time `days` after the probe's day, at 09:15: what categoryOf puts in c1 … c4. */
const slot = (at: DateTime, days: number) => `${at.plus({ days }).toISODate() ?? ''}T09:15`;

beforeAll(async () => {
  await ensureRendererBuilt();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-figures-'));
  siteDir = path.join(dataDir, 'site');
  const store = createStore({ dir: dataDir, clock: systemClock });
  const planning = syntheticPlanning('rouen', { label: LABEL, departement: '76', prefecture: 'Préfecture de la Seine-Maritime', createdAt: month(4).toUTC().toISO() ?? '' });
  await store.plannings.put(planning);
  let n = 0;
  for (const { month: start, kinds } of PLAN) {
    const all = kinds.flatMap(([kind, count]) => Array.from({ length: count }, () => kind));
    for (const [index, kind] of all.entries()) {
      // Spread over the month's first 26 days (all past, even for this month: day 1 only).
      const at = start.plus({ days: start.hasSame(month(0), 'month') ? 0 : index % 26, hours: 8 + (index % 10), minutes: index % 50 });
      const outcome: Outcome = kind === 'captcha' || kind === 'site_error' ? kind : kind === 'c5' ? 'no_date' : 'dates';
      const daysAhead: Partial<Record<Kind, number>> = { c1: 3, c2: 3, c3: 40, c4: 70 };
      const ahead = daysAhead[kind];
      const firstSlot = ahead === undefined ? null : slot(at, ahead);
      const secondSlot = kind === 'c1' ? slot(at, 4) : null;
      await store.probes.append(
        { ...syntheticProbe('rouen', '2020-01-01T00:00:00Z', n), id: `p${String(n).padStart(4, '0')}`, startedAt: at.toUTC().toISO() ?? '', outcome, firstSlot, secondSlot },
        { screenshot: null, pageText: null },
      );
      n += 1;
    }
  }
  const gapStart = month(1).plus({ days: 27, hours: 8 });
  await store.gaps.record({ planningId: 'rouen', from: gapStart.toUTC().toISO() ?? '', to: gapStart.plus({ hours: 12 }).toUTC().toISO() ?? '', hours: 12, reason: 'asleep' });
  await store.settings.update({ associationName: 'Association Test' });
  await store.close();
  core = createCore({ dataDir, appVersion: '0.0.0-test', env: { ...process.env, GUICHETS_BROWSER: BROWSER }, log: () => undefined });
  detail = await core.api['plannings:get']({ id: 'rouen' });
  host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', acceptDownloads: true });
  page.setDefaultTimeout(20_000);
  await logIn(page, host.loginUrl());
}, 120_000);

afterAll(async () => {
  await browser.close();
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The figures of one bar as every output must say them. */
function expected(bar: Bar) {
  return {
    percents: barShares(bar).map((share) => share.percent),
    conclusive: bar.conclusive,
    days: bar.conclusiveDays,
    captcha: bar.inconclusive.captcha,
    gaps: bar.gapHours,
  };
}
/** « 1er septembre 2026 », as the chart writes a day. */
const day = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
  return `${d === 1 ? '1er' : d} ${month} ${y}`;
};
const french = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const numbers = (text: string) => [...text.matchAll(/(\d[\d\u202f\u00a0 ]*) %/g)].map((m) => Number((m[1] ?? '').replace(/\D/g, '')));

describe('one planning’s figures', () => {
  it('are the ones the core computes: rounded to 100 %, with what stays beside', () => {
    const { top, topMonths } = detail.stats;
    expect(detail.stats.topScope).toBe('three_months');
    expect(topMonths).toHaveLength(3);
    // 4 of 89 is 4 %, and the bar sums to 100.
    expect(expected(topMonths[0] as Bar).percents).toEqual([0, 0, 0, 4, 96]);
    expect(expected(topMonths[1] as Bar).percents).toEqual([34, 33, 0, 0, 33]);
    for (const bar of [top, ...topMonths]) expect(expected(bar).percents.reduce((a, b) => a + b, 0)).toBe(100);
    expect(expected(top)).toMatchObject({ conclusive: 101, captcha: 51, gaps: 12 });
  });

  it('say the same in the app: the dashboard row, the top bar, each month', async () => {
    const { top, topMonths } = detail.stats;
    await page.goto(`${host.url}#/`);
    const row = page.locator('table.board-table tbody tr').first();
    await row.getByRole('link', { name: LABEL }).waitFor();
    const cells = await row.locator('td').allInnerTexts();
    const shares = barShares(top);
    const percent = (category: string) => shares.find((share) => share.category === category)?.percent ?? -1;
    expect(cells[3]).toBe(`${percent('c1') + percent('c2')} %`);
    expect(cells[4]).toBe(`${percent('c5')} %`);
    expect(cells[5]).toContain(`${top.conclusive} / ${top.conclusiveDays} j`);
    expect(cells[6]).toBe(String(top.inconclusive.captcha + top.inconclusive.site_error));
    expect(cells[7]).toBe(String(top.gapHours));

    await row.getByRole('link', { name: LABEL }).click();
    const overview = page.getByRole('region', { name: 'Vue d’ensemble' });
    expect(numbers((await overview.getByRole('img').first().getAttribute('aria-label')) ?? '')).toEqual(expected(top).percents);
    await overview.getByText(`${top.conclusive} sondages sur ${top.conclusiveDays} jours · du ${french(top.from)} au ${french(top.to)}`).waitFor();
    await overview.getByText('51 captchas', { exact: true }).waitFor();
    await overview.getByText('12 heures sans sondage', { exact: true }).waitFor();
    for (const bar of topMonths) {
      const name = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: PARIS }).format(new Date(`${bar.month}-15T12:00:00Z`));
      const details = page.locator('details.month').filter({ has: page.getByRole('heading', { name, exact: true }) });
      // The top bar's months are open at first.
      expect(await details.getAttribute('open')).not.toBeNull();
      const rows = details.locator('table.shares tbody tr');
      expect(numbers((await rows.locator('td:nth-child(2)').allInnerTexts()).join(' '))).toEqual(expected(bar).percents);
      expect((await rows.locator('td:nth-child(3)').allInnerTexts()).map(Number)).toEqual(CATEGORIES.map((c) => bar.categories[c].attempts));
    }
    // This month is in progress: it says so, and ends on its last day with a probe, the 1st.
    const current = detail.stats.months.at(-1);
    expect(current?.inProgress).toBe(true);
    await page.getByRole('heading', { name: /\(en cours\)$/ }).click();
    await page.getByText(`2 sondages sur 1 jour · du ${french(current?.from ?? '')} au ${french(current?.to ?? '')}`).waitFor();
    expect(current?.to).toBe(current?.from);
    await page.screenshot({ path: path.join(RESULTS, 'figures-app.png'), fullPage: true });
  });

  it('say the same on the chart the app exports (PNG): its period is its top row’s, its months those of the bar', async () => {
    const { top, topMonths } = detail.stats;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le graphique (PNG)' }).click()]);
    expect(download.suggestedFilename()).toBe(`guichets-rouen-renouvellement-${top.from}-${top.to}.png`);
    await page.getByText(`Graphique téléchargé : « ${download.suggestedFilename()} »`).waitFor();
    // Every text the image shows, in the order drawn, as the PNG itself carries it (its Description).
    const png = await readFile(await download.path());
    await writeFile(path.join(RESULTS, 'figures-chart.png'), png);
    expect(png.readUInt32BE(16)).toBe(1200);
    const texts = pngTexts(png);
    expect(texts.Title).toBe(`${LABEL} — Préfecture de la Seine-Maritime`);
    const drawn = (texts.Description ?? '').split('\n');
    expect(drawn).toContain(`Période : du ${day(top.from)} au ${day(top.to)}`);
    expect(drawn).toContain('Source : sondages horaires Guichets (Association Test) de la page de rendez-vous de la Préfecture de la Seine-Maritime');
    const labels = ['Trois derniers mois entiers', ...topMonths.map((bar) => new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: PARIS }).format(new Date(`${bar.month}-15T12:00:00Z`)))];
    for (const [index, bar] of [top, ...topMonths].entries()) {
      const at = drawn.indexOf(labels[index] ?? '');
      expect(at, labels[index]).toBeGreaterThanOrEqual(0);
      // After the label, up to the next one: the percents wide enough to be written, the counts, what stays beside.
      const end = index + 1 < labels.length ? drawn.indexOf(labels[index + 1] ?? '') : at + 9;
      const next = drawn.slice(at + 1, end);
      const written = next.filter((text) => /^\d+ %$/.test(text)).map((text) => Number.parseInt(text, 10));
      const shares = barShares(bar).filter((share) => share.attempts > 0).map((share) => share.percent);
      expect(written.length).toBeGreaterThan(0);
      expect(written.every((value) => shares.includes(value))).toBe(true);
      expect(next).toContain(`${bar.conclusive} sondage${bar.conclusive > 1 ? 's concluants' : ' concluant'} sur ${bar.conclusiveDays} jour${bar.conclusiveDays > 1 ? 's' : ''}`);
      if (bar.inconclusive.captcha > 0) expect(next.find((text) => text.includes('captchas'))).toBe(`À part : 51 captchas, 2 erreurs du site ; 12 heures sans sondage`);
    }
    expect(drawn.filter((text) => /en cours/.test(text))).toEqual([]);
  });

  it('say the same on the chart exported in English, worded in English', async () => {
    const { top, topMonths } = detail.stats;
    await core.api['settings:update']({ language: 'en' });
    try {
      await page.goto(`${host.url}#/`);
      await page.reload();
      await page.locator('table.board-table').getByRole('link', { name: LABEL }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the chart (PNG)' }).click()]);
      expect(download.suggestedFilename()).toBe(`guichets-rouen-renouvellement-${top.from}-${top.to}.png`);
      const png = await readFile(await download.path());
      await writeFile(path.join(RESULTS, 'figures-chart-en.png'), png);
      expect(png.readUInt32BE(16)).toBe(1200);
      const drawn = (pngTexts(png).Description ?? '').split('\n');
      const english = (date: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
      expect(drawn).toContain(`Period: ${english(top.from)} to ${english(top.to)}`);
      expect(drawn).toContain('Last three whole months');
      for (const bar of topMonths) expect(drawn).toContain(new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: PARIS }).format(new Date(`${bar.month}-15T12:00:00Z`)));
      expect(drawn).toContain(`${top.conclusive} conclusive probes over ${top.conclusiveDays} days`);
      expect(drawn).toContain('Aside: 51 captchas, 2 site errors; 12 hours without a probe');
      expect(drawn).toContain('“no date available”');
      for (const share of barShares(top).filter((one) => one.fraction >= 0.05)) expect(drawn).toContain(`${share.percent}%`);
      expect(drawn.filter((text) => /[«»]|Période|sondage/.test(text))).toEqual([]);
    } finally {
      await core.api['settings:update']({ language: 'fr' });
    }
  });

  it('say the same on the published site and in `stats`', async () => {
    const { top, topMonths } = detail.stats;
    await core.api['publish:site']({ path: siteDir });
    const html = await readFile(path.join(siteDir, 'prefectures', '76-prefecture-de-la-seine-maritime.html'), 'utf8');
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    const rows = table.split('<tr>').slice(2);
    // The top bar, then every month oldest first, as the chart draws them.
    const monthRows = rows.slice(1);
    expect(monthRows).toHaveLength(detail.stats.months.length);
    for (const [index, bar] of [top, ...topMonths].entries()) {
      const cells = [...(rows[index] ?? '').matchAll(/<td class="n">([^<]*)<\/td>/g)].map((m) => m[1] ?? '');
      expect(numbers(cells.slice(0, 5).join(' '))).toEqual(expected(bar).percents);
      expect(cells.slice(5, 7)).toEqual([String(bar.conclusive), String(bar.conclusiveDays)]);
    }
    expect(rows[3]).toContain('51 captchas, 2 erreurs du site ; 12 heures sans sondage');
    expect(html).toContain(`background:#1b5e20`);
    expect(html).toMatch(/alt="[^"]*À part : 51 captchas, 2 erreurs du site ; 12 heures sans sondage\./);
    // The chart's rows and period, as the site draws them: the top bar's months under the top bar's period.
    const chart = planningChartRows(detail.stats);
    expect(chart.map((row) => row.bar)).toEqual([top, ...topMonths]);
    expect(topPeriod(detail.stats)).toBe(`du 1er ${month(3).setLocale('fr').toFormat('LLLL yyyy')} au ${month(1).endOf('month').day} ${month(1).setLocale('fr').toFormat('LLLL yyyy')}`);

    const lines: string[] = [];
    printStats(await core.api['plannings:list'](undefined), (line) => lines.push(line));
    const topLine = lines.find((line) => line.startsWith('  Trois derniers mois entiers')) ?? '';
    const percentOf = (line: string) => CATEGORIES.map((c) => Number(line.match(new RegExp(`${c} (\\d+) %`))?.[1] ?? -1));
    expect(percentOf(topLine)).toEqual(expected(top).percents);
    expect(topLine).toContain(`${top.conclusive} sondages concluants sur ${top.conclusiveDays} jours ; à part : 51 captchas, 2 erreurs du site ; 12 heures sans sondage`);
    for (const [index, bar] of topMonths.entries()) expect(percentOf(lines[lines.indexOf(topLine) + 1 + index] ?? '')).toEqual(expected(bar).percents);
  }, 120_000);

  it('say the same in the dossier’s PDF summary, read back with pdftotext', async () => {
    const { top, topMonths } = detail.stats;
    // The dossier's default period is the top bar's: the three whole months.
    const dossier = await core.api['dossier:create']({ planningIds: ['rouen'] });
    const { stdout } = await execute('pdftotext', ['-layout', dossier.pdfPath, '-']);
    await writeFile(path.join(RESULTS, 'figures-dossier.txt'), stdout);
    const lines = stdout.split('\n');
    // A row's label may wrap (« Période / entière »): its first word starts the line of figures.
    const rowOf = (label: string) => lines.find((line) => line.trimStart().startsWith(label.split(' ')[0] ?? label) && line.includes('%'))?.trimStart() ?? '';
    // Its months named as the app names them.
    const monthName = (one: Bar & { month: string }) => new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: PARIS }).format(new Date(`${one.month}-15T12:00:00Z`));
    for (const [label, bar] of [['Période entière', top], ...topMonths.map((one) => [monthName(one), one] as const)] as const) {
      const row = rowOf(label);
      expect(numbers(row), label).toEqual(expected(bar).percents);
      // Conclusive probes, days, then the five counts, the inconclusive ones and the missed hours.
      const counts = [...row.slice((label.split(' ')[0] ?? label).length).replace(/\(\d+ %\)/g, '').matchAll(/\d[\d\u202f\u00a0]*/g)].map((m) => Number(m[0].replace(/\D/g, '')));
      const inconclusive = bar.inconclusive.captcha + bar.inconclusive.site_error;
      expect(counts, label).toEqual([bar.conclusive, bar.conclusiveDays, ...CATEGORIES.map((c) => bar.categories[c].attempts), inconclusive, bar.gapHours]);
    }
  }, 180_000);
});

