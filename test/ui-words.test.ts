// The words a volunteer reads, at 1280×800: errors by their field in French and in English with no technical
// text, every screen of the English UI free of French words, the « Méthode » page reached from the legend.
// Screenshots of each screen go to test-results/.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { wordCore } from '../electron/core/messages.js';
import { createStore } from '../electron/core/store/index.js';
import { systemClock } from '../electron/core/clock.js';
import { coreMessage } from '../electron/shared/messages/index.js';
import { syntheticPlanning, syntheticProbe } from './support/synthetic.js';
import { BROWSER, RESULTS, STATIC_DIR, ensureRendererBuilt, launchBrowser, logIn } from './ui-harness.js';

/** Words of the French UI that no English screen may show (planning names and places are the user's own). */
const FRENCH_WORDS = [
  'sondage', 'Réglages', 'Tableau de bord', 'Enregistrer', 'Aucun', 'Aucune', 'Modifier', 'Supprimer', 'Chercher',
  'Adresse', 'Navigateur', 'Légende', 'Exporter', 'Résultat', 'Capture', 'Heures', 'jours', 'mois', 'dossier',
  'Méthode', 'Détails', 'Étape', 'Saisissez', 'Erreur', 'erreur', 'injoignable', 'introuvable', 'Vérifiez',
  'à remplir', 'catégorie', 'Démarche', 'Suivi', 'Renseignez', 'Choisissez', 'Le site', 'ne répond',
];
/** What a volunteer should never read as such. */
const TECHNICAL = /net::|ERR_[A-Z]|page\.goto|Too small|expected|Error:|at http/;

let dataDir: string;
let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
let closedPort: number;
let planningId: string;
/** A planning whose last probe read two slots: its detail carries them as dates, worded in the reader's language. */
const DATES_PLANNING = 'lyon-dates';
const SLOTS = coreMessage('probe.slots_two', { first: '2027-01-01T09:00', second: '2027-01-12T14:30', count: 3, windows: 1, said: 'none' });

/** A port nothing listens on: the connection is refused at once, without leaving the machine. */
async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** The text a person sees: closed « Détails » toggles are not rendered, so innerText leaves them out. */
const visibleText = (target: Page) => target.locator('body').innerText();

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `words-${name}.png`) });
}

beforeAll(async () => {
  await ensureRendererBuilt();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-words-'));
  closedPort = await freePort();
  const store = createStore({ dir: dataDir, clock: systemClock });
  await store.plannings.put(syntheticPlanning(DATES_PLANNING, { label: 'Lyon — naturalisation', prefecture: 'Lyon', procedure: 'Naturalisation', departement: '69' }));
  const probe = syntheticProbe(DATES_PLANNING, new Date(Date.now() - 3_600_000).toISOString(), 2);
  await store.probes.append(
    { ...probe, outcome: 'dates', firstSlot: '2027-01-01T09:00', secondSlot: '2027-01-12T14:30', detail: wordCore(SLOTS, 'fr'), detailMessage: SLOTS },
    { screenshot: null, pageText: null },
  );
  await store.close();
  core = createCore({
    dataDir,
    appVersion: '0.0.0-test',
    env: { ...process.env, GUICHETS_BROWSER: BROWSER },
    log: () => undefined,
    // The addresses these tests give on purpose (a port nothing listens on, a port the browser refuses) are on
    // 127.0.0.1: the page may have the robot open them, so that it meets what a person would.
    localOrigins: [`http://127.0.0.1:${closedPort}`, 'http://127.0.0.1:6000'],
  });
  host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
  const planning = await core.api['plannings:create']({
    label: 'Bobigny — remise de titre',
    departement: '93',
    prefecture: 'Bobigny',
    url: `http://127.0.0.1:${closedPort}/booking/create/9829`,
    guichet: null,
    procedure: 'Remise de titre',
    onlineMandatory: false,
  });
  planningId = planning.id;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  // As the person who started the web host: its printed address gives the page the session, once.
  await logIn(page, host.loginUrl());
  page.setDefaultTimeout(20_000);
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('errors where the field is, in words a volunteer understands', () => {
  it('lists every missing field at once and moves the focus to the first; Enter in the address does not save', async () => {
    await page.goto(`${host.url}#/new`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    for (const label of ['Adresse (URL)', 'Nom du planning', 'Préfecture']) {
      expect(await page.getByLabel(label, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    }
    expect(await page.getByLabel('Département', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByText('4 champs sont à corriger').waitFor();
    expect(await page.evaluate('document.activeElement?.getAttribute("type")')).toBe('url');
    await shoot('form-missing');

    // Enter in the address looks for guichets, it never saves: every field is valid, so a save would succeed
    // (and leave this page) if Enter submitted the form.
    await page.getByLabel('Nom du planning').fill('Essai de la touche Entrée');
    await page.getByLabel('Département', { exact: true }).selectOption('93');
    await page.getByLabel('Préfecture').fill('Bobigny');
    const before = (await core.api['plannings:list'](undefined)).length;
    const url = page.getByLabel('Adresse (URL)');
    await url.fill('http://127.0.0.1:6000/booking/create/1');
    await url.press('Enter');
    await page.locator('.field-error').filter({ hasText: 'Le navigateur refuse cette adresse' }).waitFor({ timeout: 60_000 });
    expect(page.url()).toContain('#/new');
    expect((await core.api['plannings:list'](undefined)).length).toBe(before);
  });

  it('says « refused » for a site that refuses the connection, by the address, with the detail folded', async () => {
    const url = page.getByLabel('Adresse (URL)');
    await url.fill(`http://127.0.0.1:${closedPort}/booking/create/9829`);
    await page.getByRole('button', { name: 'Chercher les guichets' }).click();
    const alert = page.locator('.field-error').filter({ hasText: 'Le site refuse la connexion' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    expect(await alert.innerText()).not.toMatch(TECHNICAL);
    await alert.getByText('Détails').click();
    expect(await alert.innerText()).toContain('ERR_CONNECTION_REFUSED');

    // A port the browser refuses outright (ERR_UNSAFE_PORT) is said as such.
    await url.fill('http://127.0.0.1:6000/booking/create/1');
    await page.getByRole('button', { name: 'Chercher les guichets' }).click();
    await page.locator('.field-error').filter({ hasText: 'Le navigateur refuse cette adresse' }).waitFor({ timeout: 60_000 });
    await shoot('form-unsafe-port');
  });

  it('puts an invalid address by its field when editing, in French then in English', async () => {
    await page.goto(`${host.url}#/edit/${planningId}`);
    const url = page.getByLabel('Adresse (URL)');
    // The planning is loaded first: typing before would be overwritten.
    await expect.poll(() => url.inputValue()).toContain('/booking/create/9829');
    await url.fill('ftp://exemple');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const error = page.locator('.field-error').filter({ hasText: 'commençant par https://' });
    await error.waitFor();
    expect(await url.getAttribute('aria-describedby')).toContain((await error.getAttribute('id')) ?? 'none');
    expect(await page.evaluate('document.activeElement?.getAttribute("type")')).toBe('url');

    await page.getByLabel('Langue').selectOption('en');
    await page.locator('.field-error').filter({ hasText: 'Give the full address of the booking page, starting with https://' }).waitFor();
    await shoot('edit-invalid-url-en');
  });

  it('says in English what the settings expect, by each field, with no library text', async () => {
    await page.goto(`${host.url}#/settings`);
    await page.getByLabel('Minimum interval between two requests to the same site (seconds)').fill('-5');
    await page.getByLabel('Maximum duration of a probe').fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A whole number of seconds, from 0 to 3600.').waitFor();
    await page.getByText('A whole number of seconds, from 20 to 300.').waitFor();
    expect(await visibleText(page)).not.toMatch(TECHNICAL);
    await page.getByLabel('Minimum interval between two requests to the same site (seconds)').fill('30');
    await page.getByLabel('Maximum duration of a probe').fill('120');
    await page.getByRole('button', { name: 'Test the browser' }).click();
    await page.getByText(/starts correctly/).waitFor({ timeout: 60_000 });
    await shoot('settings-en');
  });
});

describe('the English UI', () => {
  it('shows no French word on any screen, and reaches the Method page from the legend', async () => {
    await core.api['probes:runNow']({ planningId }).catch(() => undefined);
    const screens: [string, string][] = [
      ['dashboard', '#/'],
      ['planning', `#/planning/${planningId}`],
      ['planning-dates', `#/planning/${DATES_PLANNING}`],
      ['new', '#/new'],
      ['edit', `#/edit/${planningId}`],
      ['settings', '#/settings'],
      ['method', '#/method'],
    ];
    for (const [name, hash] of screens) {
      await page.goto(`${host.url}${hash}`);
      await page.locator('main h2').first().waitFor();
      await page.getByText('Loading…').waitFor({ state: 'detached' });
      const text = (await visibleText(page))
        .replaceAll('Bobigny — remise de titre', '')
        .replaceAll('Remise de titre', '')
        .replaceAll('Lyon — naturalisation', '');
      const found = FRENCH_WORDS.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(text));
      expect(found, name).toEqual([]);
      expect(text, name).not.toMatch(TECHNICAL);
      await page.screenshot({ path: path.join(RESULTS, `words-en-${name}.png`), fullPage: true });
    }

    // The slots a probe read, in English words.
    await page.goto(`${host.url}#/planning/${DATES_PLANNING}`);
    await page.getByText('First free slot on Friday 1 January 2027 at 09:00, second on Tuesday 12 January 2027 at 14:30', { exact: false }).first().waitFor();

    await page.goto(`${host.url}#/planning/${planningId}`);
    await page.getByRole('link', { name: 'How these categories are worked out' }).click();
    await page.getByRole('heading', { level: 3, name: 'The five categories' }).waitFor();
    await page.getByText('Open Database License (ODbL)', { exact: false }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 3, name: 'Les cinq catégories' }).waitFor();
    await shoot('methode');
  });
});

describe('the English evidence bundle dialog', () => {
  it('asks for the association’s name, says the period and its errors, and a cancel, all in English', async () => {
    await page.goto(`${host.url}#/planning/${planningId}`);
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Evidence bundle', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Evidence bundle' });
    await dialog.getByLabel(/^The last three whole months: from 1 \S+ \d{4} to \d{1,2} \S+ \d{4}$/).waitFor();
    const words = async () => {
      const text = (await dialog.innerText()).replaceAll('Bobigny — remise de titre', '').replaceAll('Lyon — naturalisation', '');
      expect(FRENCH_WORDS.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(text))).toEqual([]);
      expect(text).not.toMatch(TECHNICAL);
    };
    await words();

    // The settings have no association name: asked for here, as the PNG export requires one.
    await dialog.getByRole('button', { name: 'Create the bundle' }).click();
    await dialog.getByText('Give the name of the association: it is written on the bundle.').waitFor();
    expect(await dialog.getByLabel('Name of the association').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Name of the association').fill('Association Test');
    await dialog.getByLabel('Another period, up to today').check();
    await dialog.getByLabel('From', { exact: true }).fill('2026-11-02');
    await dialog.getByLabel('To', { exact: true }).fill('2026-11-01');
    await dialog.getByRole('button', { name: 'Create the bundle' }).click();
    await dialog.getByText('The last day must come after the first.').waitFor();
    await words();
    await page.screenshot({ path: path.join(RESULTS, 'words-en-dossier-dialog.png') });

    // Started, then cancelled: the stage and the cancellation in English, and the name kept in the settings.
    await dialog.getByLabel('To', { exact: true }).fill('2026-11-30');
    await dialog.getByRole('button', { name: 'Create the bundle' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByText('Evidence bundle cancelled: no file was written.').waitFor({ timeout: 60_000 });
    await words();
    expect((await core.api['settings:get'](undefined)).associationName).toBe('Association Test');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 120_000);
});
