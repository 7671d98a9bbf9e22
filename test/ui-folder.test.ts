// The data folder moved from the settings, at 1280×800: through the desktop's bridge (the page
// gets `window.api` and `window.desktop` as Electron's preload gives them, here wired to the core in this
// process) a refused folder is said by the field in French and in English, then a move puts every file at the new
// place, the app uses it and the old folder is emptied; the web host refuses the move and says where it is done.
// The daily backup's folder, chosen the same way (one inside the data folder refused), and « Sauvegarder
// maintenant » with the date of the last good backup. Also the alerts in English (worded from their kind) and
// replaced by a reload. « Vérifier les preuves » (test/ui-verify.ts) shares this file's browser. Screenshots go to
// test-results/.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSwitchableCore } from '../electron/core/api/switchable-core.js';
import type { Core } from '../electron/core/api/create-core.js';
import { DATA_DIR_POINTER_FILE, readDataDirPointer } from '../electron/core/paths.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { BROWSER, RESULTS, STATIC_DIR, desktopPage as openDesktopPage, ensureRendererBuilt, launchBrowser, logIn } from './ui-harness.js';
import { describeVerifyScreen } from './ui-verify.js';

let root: string;
let configDir: string;
let dataDir: string;
let core: Core;
let host: WebHost;
let browser: Browser;
let planningId: string;
/** What the desktop's folder dialog answers next. */
let chosenFolder: string | null = null;
const calls: string[] = [];

/** A page of the built UI with the desktop's bridges, its calls counted. */
function desktopPage(): Promise<Page> {
  return openDesktopPage(browser, {
    handle: (method, input) => {
      calls.push(method);
      return core.handle(method, input);
    },
    chooseFolder: () => chosenFolder,
  });
}

beforeAll(async () => {
  await ensureRendererBuilt();
  root = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-folder-'));
  configDir = path.join(root, 'config');
  dataDir = path.join(root, 'donnees');
  await mkdir(configDir, { recursive: true });
  core = createSwitchableCore({
    dataDir,
    configDir,
    appVersion: '0.0.0-test',
    env: { ...process.env, GUICHETS_BROWSER: BROWSER },
    trustDir: path.join(configDir, 'tsa-roots'),
    log: () => undefined,
  });
  host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
  const planning = await core.api['plannings:create']({
    label: 'Bobigny — remise de titre',
    departement: '93',
    prefecture: 'Bobigny',
    // A port the browser refuses at once (ERR_UNSAFE_PORT): the alerts' probes fail fast, without leaving the machine.
    url: 'http://127.0.0.1:6000/booking/create/9829',
    guichet: null,
    procedure: 'Remise de titre',
    onlineMandatory: false,
  });
  planningId = planning.id;
  // The alerts' test probes the same (closed) host three times in a row.
  await core.api['settings:update']({ hostSpacingSeconds: 0 });
  // Evidence of its own, to find again at the new place byte for byte.
  await mkdir(path.join(dataDir, 'evidence', planningId, '2026-11'), { recursive: true });
  await writeFile(path.join(dataDir, 'evidence', planningId, '2026-11', 'capture.png'), Buffer.alloc(4096, 7));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await core.close();
  await rm(root, { recursive: true, force: true });
});

describe('trusted time-stamping roots, from the settings', () => {
  it('adds a root from a PEM file on the desktop, shows its fingerprint to compare, and removes it', async () => {
    const pem = path.join(root, 'autorite.pem');
    execFileSync('openssl', ['req', '-utf8', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=Autorité de test', '-days', '30',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-keyout', path.join(root, 'autorite.key'), '-out', pem], { stdio: 'ignore' });
    const fingerprint = execFileSync('openssl', ['x509', '-in', pem, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).split('=')[1]?.trim() ?? '';
    const page = await desktopPage();
    await page.goto(`${host.url}#/settings`);
    const table = page.getByRole('table', { name: 'Autorités d’horodatage de confiance' });
    await table.getByRole('row', { name: /Free TSA Root CA/ }).getByText('livrée avec Guichets').waitFor();
    expect(await table.getByRole('row', { name: /Autorité de test/ }).count()).toBe(0);

    await page.getByLabel('Ajouter une racine (fichier PEM) :').setInputFiles(pem);
    await page.getByText(`Racine ajoutée : Autorité de test, empreinte ${fingerprint}.`).waitFor();
    const added = table.getByRole('row', { name: /Autorité de test/ });
    await added.getByText('ajoutée sur ce PC').waitFor();
    expect((await core.api['seals:roots'](undefined)).some((r) => r.source === 'user' && r.name === 'Autorité de test')).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'roots-added.png') });

    // A file that is not a certificate: one sentence, nothing added.
    await writeFile(path.join(root, 'faux.pem'), 'pas un certificat');
    await page.getByLabel('Ajouter une racine (fichier PEM) :').setInputFiles(path.join(root, 'faux.pem'));
    await page.getByRole('alert').waitFor();
    expect((await core.api['seals:roots'](undefined)).filter((r) => r.source === 'user')).toHaveLength(1);

    await added.getByRole('button', { name: 'Retirer la racine Autorité de test' }).click();
    await added.getByRole('button', { name: 'Confirmer le retrait' }).click();
    await page.getByText('Racine retirée').waitFor();
    expect((await core.api['seals:roots'](undefined)).filter((r) => r.source === 'user')).toEqual([]);
    await page.close();
  });

  it('lists the roots on the web page, which cannot add one, and says where it is done', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    await logIn(page, host.loginUrl());
    await page.goto(`${host.url}#/settings`);
    await page.getByRole('table', { name: 'Autorités d’horodatage de confiance' }).getByRole('row', { name: /Free TSA Root CA/ }).waitFor();
    await page.getByText('npm run cli -- tsa-roots add FICHIER.pem', { exact: false }).waitFor();
    expect(await page.getByLabel('Ajouter une racine (fichier PEM) :').count()).toBe(0);
    await page.close();
  });
});

describe('the daily backup in the settings', () => {
  it('refuses a folder inside the data folder, keeps a good one, backs up now and shows the last good backup', async () => {
    const page = await desktopPage();
    await page.goto(`${host.url}#/settings`);
    const field = page.getByLabel('Sauvegarde quotidienne', { exact: true });
    await page.getByText('Aucune sauvegarde vérifiée pour l’instant.').waitFor();

    chosenFolder = path.join(dataDir, 'copie');
    await page.getByRole('button', { name: 'Choisir le dossier…' }).click();
    await page.locator('.field-error').filter({ hasText: 'est dans le dossier de données ou le contient' }).waitFor();
    expect(await field.inputValue()).toBe('');

    const usb = path.join(root, 'cle-usb', 'Guichets');
    chosenFolder = usb;
    await page.getByRole('button', { name: 'Choisir le dossier…' }).click();
    await expect.poll(() => field.inputValue()).toBe(usb);
    expect((await core.api['settings:get'](undefined)).backupDir).toBe(usb);

    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await page.getByText(`Sauvegarde vérifiée dans ${usb}`).waitFor({ timeout: 60_000 });
    await page.getByText(/Dernière sauvegarde vérifiée : \d{2}\/\d{2}\/\d{4}/).waitFor();
    expect(JSON.parse(await readFile(path.join(usb, 'guichets-sauvegarde.json'), 'utf8'))).toMatchObject({ state: 'checked' });
    await page.screenshot({ path: path.join(RESULTS, 'backup-settings.png') });
    // The data folder's move below starts from settings without a backup folder.
    await core.api['settings:update']({ backupDir: null });
    await page.close();
  });
});

describe('the data folder, moved from the desktop app', () => {
  it('reads app:info once for the settings screen, and says a refused folder by the field in French and English', async () => {
    calls.length = 0;
    const page = await desktopPage();
    await page.goto(`${host.url}#/settings`);
    const folder = page.getByLabel('Dossier des données', { exact: true });
    await expect.poll(() => folder.inputValue()).toBe(dataDir);
    await page.getByRole('button', { name: 'Tester le navigateur' }).waitFor();
    expect(calls.filter((method) => method === 'app:info')).toHaveLength(1);

    const full = path.join(root, 'plein');
    await mkdir(full);
    await writeFile(path.join(full, 'autre.txt'), 'déjà là');
    chosenFolder = full;
    await page.getByRole('button', { name: 'Déplacer…' }).click();
    const error = page.locator('.field-error').filter({ hasText: 'Ce dossier n’est pas vide' });
    await error.waitFor();
    expect(await folder.getAttribute('aria-invalid')).toBe('true');
    expect(await folder.getAttribute('aria-describedby')).toContain((await error.getAttribute('id')) ?? 'none');
    expect(await page.evaluate('document.activeElement?.value')).toBe(dataDir);
    await page.screenshot({ path: path.join(RESULTS, 'folder-refused-fr.png') });

    await page.getByLabel('Langue', { exact: true }).selectOption('en');
    await page.locator('.field-error').filter({ hasText: 'This folder is not empty' }).waitFor();
    chosenFolder = path.join(dataDir, 'dedans');
    await page.getByRole('button', { name: 'Move…' }).click();
    await page.locator('.field-error').filter({ hasText: 'This is the current folder or a folder inside it' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'folder-refused-en.png') });
    // Nothing moved: the same folder, untouched.
    expect((await core.api['app:info'](undefined)).dataDir).toBe(dataDir);
    expect(await readdir(full)).toEqual(['autre.txt']);
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.close();
  });

  it('copies everything to the new place, uses it, remembers it, and empties the old folder', async () => {
    const page = await desktopPage();
    await page.goto(`${host.url}#/settings`);
    const folder = page.getByLabel('Dossier des données', { exact: true });
    await expect.poll(() => folder.inputValue()).toBe(dataDir);
    const target = path.join(root, 'nouveau', 'Guichets');
    chosenFolder = target;
    await page.getByRole('button', { name: 'Déplacer…' }).click();
    await page.getByText(`Dossier des données déplacé : ${target}`).waitFor({ timeout: 60_000 });
    await page.getByText(`L’ancien dossier (${dataDir}) a été vidé.`).waitFor();
    await expect.poll(() => folder.inputValue()).toBe(target);
    await page.screenshot({ path: path.join(RESULTS, 'folder-moved.png') });

    // Every file at the new place, the old folder gone, the new place remembered for the next start.
    expect(await readFile(path.join(target, 'evidence', planningId, '2026-11', 'capture.png'))).toEqual(Buffer.alloc(4096, 7));
    expect(existsSync(path.join(target, 'plannings.json'))).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
    expect(readDataDirPointer(configDir)).toBe(target);
    expect(JSON.parse(await readFile(path.join(configDir, DATA_DIR_POINTER_FILE), 'utf8'))).toMatchObject({ dataDir: target });

    // The app uses it: its figures are there, and what it writes goes there.
    expect((await core.api['app:info'](undefined)).dataDir).toBe(target);
    expect((await core.api['plannings:list'](undefined)).map((overview) => overview.planning.id)).toEqual([planningId]);
    await core.api['settings:update']({ associationName: 'Association après déplacement' });
    expect(JSON.parse(await readFile(path.join(target, 'settings.json'), 'utf8'))).toMatchObject({ associationName: 'Association après déplacement' });
    expect(existsSync(dataDir)).toBe(false);
    await page.close();
  });
});

describe('the data folder over the web host', () => {
  it('refuses the move and a logo path, and says on the page where moving is done', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    page.setDefaultTimeout(20_000);
    await logIn(page, host.loginUrl());
    await page.getByRole('heading', { level: 1, name: 'Guichets' }).waitFor();
    const before = (await core.api['app:info'](undefined)).dataDir;
    // As the page's own script would: a JSON POST with the session's secret, which the page keeps in its tab.
    const post = (method: string, input: unknown) =>
      page.evaluate(
        async ([name, body]) => {
          // Node's types, not the DOM's: the tab's storage as the page script reads it.
          const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
          const secret = storage.getItem('guichets-session') ?? '';
          const response = await fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
            body: JSON.stringify(body),
          });
          return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { field?: string[]; params?: { rule?: string } } } };
        },
        [method, input] as const,
      );
    const move = await post('app:moveDataFolder', { to: path.join(root, 'par-le-web') });
    expect(move.status).toBe(403);
    expect(move.body.error).toMatchObject({ field: ['to'], params: { rule: 'desktop_only' } });
    expect(existsSync(path.join(root, 'par-le-web'))).toBe(false);
    expect((await core.api['app:info'](undefined)).dataDir).toBe(before);
    const logo = await post('settings:update', { associationLogo: '/etc/hostname' });
    expect(logo.status).toBe(403);
    expect((await core.api['settings:get'](undefined)).associationLogo).toBeNull();

    await page.goto(`${host.url}#/settings`);
    await expect.poll(() => page.getByLabel('Dossier des données', { exact: true }).inputValue()).toBe(before);
    await page.getByText('se déplace depuis l’application de bureau (Réglages › Déplacer…) ou en ligne de commande').waitFor();
    expect(await page.getByRole('button', { name: 'Déplacer…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Choisir une image…' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Tester le navigateur' }).click();
    // The browser test names the program and its version.
    await page.getByText(/démarre correctement/).waitFor({ timeout: 60_000 });
    expect(await page.locator('p.ok').filter({ hasText: 'démarre correctement' }).innerText()).toMatch(/\d+\.\d+/);
    await page.screenshot({ path: path.join(RESULTS, 'folder-web.png') });
    await page.close();
  });

  it('words the alerts in English from their kind, and a reload replaces the alerts pushed before it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    page.setDefaultTimeout(20_000);
    // English before the page opens: it reads the language once, when it starts.
    await core.api['settings:update']({ language: 'en' });
    await logIn(page, host.loginUrl());
    await page.goto(`${host.url}#/`);
    await page.locator('main h2').first().waitFor();
    // Three probes of a refused address in a row: the « failing » alert is pushed after the third.
    for (let round = 0; round < 3; round += 1) await core.api['probes:runNow']({ planningId });
    // Folded into one line above the table, opened to read it.
    await page.locator('.alerts-line').filter({ hasText: '1 planning gives no usable answer' }).getByRole('button', { name: 'show' }).click({ timeout: 60_000 });
    const line = page.locator('.alerts li').filter({ hasText: '3 probes in a row without a usable answer' });
    await line.waitFor();
    expect(await line.innerText()).not.toMatch(/sondage|dernier|Ouvrez/);
    await page.screenshot({ path: path.join(RESULTS, 'folder-alert-en.png') });
    // The planning stopped: the alerts are reloaded and the pushed line goes.
    await core.api['plannings:update']({ id: planningId, changes: { stopped: true } });
    await line.waitFor({ state: 'detached' });
    await core.api['settings:update']({ language: 'fr' });
    await page.close();
  }, 150_000);
});

// « Vérifier les preuves », on folders of its own, in this file's browser.
describeVerifyScreen(() => browser);
