// « Sauvegarde quotidienne » in the settings, through the desktop's bridge (as Electron's preload gives it, wired to
// the core in this process): a folder inside the data folder is refused by the field, a chosen folder is kept in
// the settings, « Sauvegarder maintenant » copies and checks, and the date of the last good backup is shown.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSwitchableCore } from '../electron/core/api/switchable-core.js';
import type { Core } from '../electron/core/api/create-core.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { BROWSER, RESULTS, STATIC_DIR, desktopPage as openDesktopPage, ensureRendererBuilt, launchBrowser } from './ui-harness.js';

let root: string;
let dataDir: string;
let core: Core;
let host: WebHost;
let browser: Browser;
let chosenFolder: string | null = null;

function desktopPage(): Promise<Page> {
  return openDesktopPage(browser, { handle: (method, input) => core.handle(method, input), chooseFolder: () => chosenFolder });
}

beforeAll(async () => {
  await ensureRendererBuilt();
  root = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-backup-'));
  dataDir = path.join(root, 'donnees');
  await mkdir(path.join(root, 'config'), { recursive: true });
  core = createSwitchableCore({ dataDir, configDir: path.join(root, 'config'), appVersion: '0.0.0-test', env: { ...process.env, GUICHETS_BROWSER: BROWSER }, log: () => undefined });
  host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
  await core.api['plannings:create']({
    label: 'Bobigny — remise de titre',
    departement: '93',
    prefecture: 'Bobigny',
    url: 'http://127.0.0.1:6000/booking/create/9829',
    guichet: null,
    procedure: 'Remise de titre',
    onlineMandatory: false,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await core.close();
  await rm(root, { recursive: true, force: true });
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
    await page.close();
  });
});
