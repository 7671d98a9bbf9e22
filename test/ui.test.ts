// The UI as a user meets it: the real core on a temporary data folder, the legacy replica préfecture, the web
// host serving the built renderer, and a headless Chromium clicking through it.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../electron/core/clock.js';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { startReplicaServer, type ReplicaServer } from '../electron/replicas/index.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { BROWSER, RESULTS, STATIC_DIR, ensureRendererBuilt, launchBrowser } from './ui-harness.js';
import { pngTexts } from '../electron/core/report/png-text.js';

const PROBE_TIMEOUT = 60_000;

/** The replica's Bobigny form: four guichets; "remise de titre" has two slots this week (c1). */
const GUICHET_LABEL = "Prendre un rendez-vous pour la remise d'un titre de séjour";
const PLANNING_LABEL = 'Bobigny — remise de titre';
/** A known address of the catalogue (SITES.md §4). */
const KNOWN_URL = 'https://www.hauts-de-seine.gouv.fr/booking/create/12083';
const KNOWN_PREFECTURE = 'Préfecture des Hauts-de-Seine (Nanterre)';
const KNOWN_LABEL = `${KNOWN_PREFECTURE} — Remise de titre de séjour`;

let dataDir: string;
let replicas: ReplicaServer;
let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** What Paris calls this month, as the UI labels it. */
function currentMonthLabel(): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', month: 'long', year: 'numeric' }).format(
    new Date(),
  );
}

async function downloaded(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFile(file);
}

beforeAll(async () => {
  await ensureRendererBuilt();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-'));
  replicas = await startReplicaServer({ clock: systemClock });
  core = createCore({
    dataDir,
    appVersion: '0.0.0-test',
    env: { ...process.env, GUICHETS_BROWSER: BROWSER },
    log: () => undefined,
    // The replica préfecture is on 127.0.0.1: the one local address the page may have the robot open.
    localOrigins: [replicas.origin],
  });
  host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'fr-FR' });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${message.text()} ${message.location().url}`);
  });
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await core.close();
  await replicas.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the Guichets UI, driven like a user', () => {
  it('shows the header: name, data folder and the browser found', async () => {
    await page.goto(host.loginUrl());
    await page.getByRole('heading', { level: 1, name: 'Guichets' }).waitFor();
    await page.getByText(dataDir, { exact: true }).waitFor();
    await page.getByText(`Navigateur : ${BROWSER}`).waitFor();
    // Not the demo: no demo banner.
    expect(await page.getByText('Mode démonstration').count()).toBe(0);
    await page.getByText("Aucun planning suivi pour l'instant.").waitFor();
  });

  it('explains in French what is wrong with an unknown address or a bad département', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Ajouter un planning' }).click();
    const url = page.getByLabel('Adresse (URL)');
    await url.fill(`${replicas.origin}/rendez-vous/inconnu`);
    await page.getByRole('button', { name: 'Chercher les guichets' }).click();
    await page.getByRole('alert').filter({ hasText: 'ne reconnaît pas' }).waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');

    await url.fill(`${replicas.origin}/booking/create/9829`);
    await page.getByLabel('Nom du planning').fill('Essai');
    // A code outside the 101 départements goes through « Autre code… », and the core says what it expects.
    await page.getByLabel('Département', { exact: true }).selectOption({ label: 'Autre code…' });
    await page.getByLabel('Code du département').fill('999');
    await page.getByLabel('Préfecture').fill('Bobigny');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('alert').filter({ hasText: 'un code comme « 93 », « 2A » ou « 971 »' }).waitFor();
  });

  it('adds a planning: looks for the guichets, chooses one, saves', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Ajouter un planning' }).click();
    await page.getByLabel('Adresse (URL)').fill(`${replicas.origin}/booking/create/9829`);
    await page.getByRole('button', { name: 'Chercher les guichets' }).click();
    await page.getByText('4 guichets trouvés').waitFor({ timeout: PROBE_TIMEOUT });
    // Four guichets and none chosen: the form asks for one before saving.
    await page.getByLabel('Département', { exact: true }).selectOption('93');
    await page.getByLabel('Préfecture').fill('Bobigny');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choisissez un guichet.' }).waitFor();
    expect(await page.getByLabel('Guichet', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Guichet', { exact: true }).selectOption({ label: GUICHET_LABEL });
    // The label is prefilled from the guichet, then shortened by the user.
    expect(await page.getByLabel('Nom du planning').inputValue()).toBe(GUICHET_LABEL);
    await page.getByLabel('Nom du planning').fill(PLANNING_LABEL);
    await page.getByLabel('Démarche').fill('Remise de titre');
    await page.getByLabel('« prise de rendez-vous par internet obligatoire »').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    await page.getByRole('heading', { level: 2, name: PLANNING_LABEL }).waitFor();
    await page.getByText(GUICHET_LABEL).waitFor();
    await page.getByText('Pas encore de sondage').waitFor();
  });

  it('probes it now and shows the result, then the bar', async () => {
    await page.getByRole('button', { name: 'Sonder maintenant' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Résultat : dates disponibles' });
    await result.waitFor({ timeout: PROBE_TIMEOUT });
    // The first two free slots, as people in France write them.
    expect(await result.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    const top = page.getByRole('img', { name: /au moins deux dates sous un mois : 100 %/ }).first();
    await top.waitFor();
    const label = (await top.getAttribute('aria-label')) ?? '';
    expect(label).toContain('pas de date disponible : 0 %');
    expect(label).toContain('1 sondage concluant sur 1 jour.');
    await page.getByText("Moins de trois mois d'historique : barre calculée sur les données existantes").first().waitFor();
  });

  it("opens its months: this month's bar, with attempts and days per share, and the recent probes", async () => {
    const month = page.locator('details.month').filter({ hasText: currentMonthLabel() });
    await month.getByRole('heading', { name: currentMonthLabel() }).waitFor();
    const c1 = month.getByRole('row', { name: /au moins deux dates sous un mois/ });
    expect((await c1.locator('td').allTextContents()).map((text) => text.trim())).toEqual(['100 %', '1', '1']);
    expect(await month.getByRole('img').getAttribute('aria-label')).toContain('au moins deux dates sous un mois : 100 %');

    const probeRow = page.locator('table.probes tbody tr').first();
    const cells = await probeRow.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(cells[1]).toMatch(/^\d{2}:\d{2}$/);
    expect(cells[2]).toBe('dates disponibles');
    expect(cells[3]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.screenshot({ path: path.join(RESULTS, 'planning.png'), fullPage: true });

    // The captioned screenshot of the probe, served by the web host to the page's session, shown as its bytes.
    await probeRow.getByRole('button', { name: 'voir' }).click();
    const viewer = page.getByRole('dialog', { name: /^Capture du sondage du / });
    const image = viewer.locator('img');
    await expect.poll(() => image.evaluate((shown) => (shown as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(600);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    // In a new tab too, the same bytes: no bare link to the host.
    const [tab] = await Promise.all([page.context().waitForEvent('page'), viewer.getByRole('link', { name: 'Ouvrir dans un nouvel onglet' }).click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();
    await viewer.getByRole('button', { name: 'Fermer' }).click();
  });

  it('exports the CSV with La Cimade-compatible columns', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter le CSV' }).click(),
    ]);
    // Named after the planning and the period of its probes, and the page says so under the buttons.
    const name = download.suggestedFilename();
    expect(name).toMatch(/^guichets-bobigny-remise-de-titre-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.locator('.action-status').getByText(`CSV téléchargé : « ${name} »`).waitFor();
    const text = (await downloaded(download)).toString('utf8');
    const [header = '', firstRow = ''] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header.startsWith('departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date')).toBe(true);
    expect(firstRow.startsWith(`93;${PLANNING_LABEL};`)).toBe(true);
  });

  it('exports the chart as a PNG that carries its own colours and text', async () => {
    // The chart names the association: asked for before the first export.
    await page.getByRole('button', { name: 'Exporter le graphique (PNG)' }).click();
    await page.getByRole('alert').filter({ hasText: "indiquez le nom de l'association dans les réglages" }).getByRole('link', { name: 'Aller aux réglages' }).click();
    await page.getByLabel("Nom de l'association").fill('Association Test');
    await page.getByLabel('Auteur des graphiques').fill('Camille Martin');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Réglages enregistrés.').waitFor();
    // Sealed on demand (no authority in tests: « non horodaté »), the key's fingerprint there for an expert to note.
    await page.getByRole('button', { name: 'Sceller maintenant' }).click();
    await page.getByText(/^Sceau \d{8}T\d{6}Z : \d+ sondages? scellés?, non horodaté/).waitFor();
    await page.getByText(/Empreinte de la clé de l’installation \(SHA-256\) : ([0-9a-f]{4} ){15}[0-9a-f]{4}/).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('link', { name: PLANNING_LABEL }).click();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter le graphique (PNG)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^guichets-bobigny-remise-de-titre-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.png$/);
    await page.locator('.action-status').getByText(`Graphique téléchargé : « ${download.suggestedFilename()} »`).waitFor();
    const png = await downloaded(download);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await writeFile(path.join(RESULTS, 'chart.png'), png);
    // Drawn by the core, as in the dossier: the texts it shows travel in the file, the association and author among them.
    const texts = pngTexts(png);
    expect(texts.Title?.startsWith(`${PLANNING_LABEL} — `)).toBe(true);
    expect(texts.Description?.split('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Période : du \d{1,2}(er)? \p{L}+ \d{4} au \d{1,2}(er)? \p{L}+ \d{4}$/u),
        expect.stringMatching(/^Source : sondages horaires Guichets \(Association Test\) de la page de rendez-vous de la /),
        'Auteur : Camille Martin',
      ]),
    );

    // Decoded by the browser on a blank page: the c1 green of the bar and plenty of dark text are there.
    const viewer = await browser.newPage();
    const pixels = await viewer.evaluate<{ width: number; height: number; green: number; dark: number }>(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${png.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      let green = 0, dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === 0x1b && data[i + 1] === 0x5e && data[i + 2] === 0x20) green += 1;
        else if (data[i] + data[i + 1] + data[i + 2] < 200) dark += 1;
      }
      return { width: image.width, height: image.height, green, dark };
    })()`);
    await viewer.close();
    expect(pixels.width).toBe(1200);
    expect(pixels.green).toBeGreaterThan(10_000);
    expect(pixels.dark).toBeGreaterThan(2_000);
  });

  it('writes the dossier de preuves from its dialog, twice in the same minute under two names, and downloads its ZIP and PDF', async () => {
    const open = async () => {
      await page.getByRole('button', { name: 'Dossier de preuves', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Dossier de preuves' });
      await dialog.getByText('Au nom de : Association Test').waitFor();
      return dialog;
    };
    let dialog = await open();
    // The default period said in words on screen, not only in a tooltip.
    await dialog.getByLabel(/^Les trois derniers mois entiers : du 1er \S+ \d{4} au \d{1,2} \S+ \d{4}$/).waitFor();
    await dialog.getByText('C’est la période que La Cimade compare', { exact: false }).waitFor();
    // Today's probe is in a period chosen up to today.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    await dialog.getByLabel('Une autre période, jusqu’à aujourd’hui').check();
    await dialog.getByLabel('Du', { exact: true }).fill(`${today.slice(0, 8)}01`);
    await dialog.getByLabel('Au', { exact: true }).fill(today);
    const create = dialog.getByRole('button', { name: 'Créer le dossier' });
    const before = await create.boundingBox();
    await create.click();
    await dialog.getByRole('progressbar', { name: 'Préparation du dossier' }).waitFor();
    // The progress sits below the buttons: they do not move.
    expect(await create.boundingBox()).toEqual(before);
    const written = dialog.getByText(/^Dossier écrit : « guichets-dossier-bobigny-remise-de-titre-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(-\d+)?\.zip »/);
    await written.waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(RESULTS, 'dossier-dialog.png') });
    const firstName = /« (.+?) »/.exec(await written.innerText())?.[1] ?? '';
    for (const [label, magic, extension] of [
      ['Télécharger le dossier (ZIP)', 'PK', '.zip'],
      ['Télécharger le résumé (PDF)', '%PDF', '.pdf'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toBe(firstName.replace(/\.zip$/, extension));
      expect((await downloaded(download)).subarray(0, magic.length).toString('latin1'), label).toBe(magic);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Made again at once: another name, the first one still there.
    dialog = await open();
    await dialog.getByLabel('Une autre période, jusqu’à aujourd’hui').check();
    await dialog.getByLabel('Du', { exact: true }).fill(`${today.slice(0, 8)}01`);
    await dialog.getByLabel('Au', { exact: true }).fill(today);
    await dialog.getByRole('button', { name: 'Créer le dossier' }).click();
    await written.waitFor({ timeout: 120_000 });
    const secondName = /« (.+?) »/.exec(await written.innerText())?.[1] ?? '';
    expect(secondName).not.toBe(firstName);
    const exports = await readdir(path.join(dataDir, 'exports'));
    for (const name of [firstName, secondName]) expect(exports).toEqual(expect.arrayContaining([name, name.replace(/\.zip$/, '.pdf')]));

    // Cancelled: said as such, nothing written.
    await dialog.getByRole('button', { name: 'Créer le dossier' }).click();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.getByText('Dossier annulé : aucun fichier n’a été écrit.').waitFor({ timeout: 60_000 });
    expect(await dialog.getByText('Une saisie est invalide').count()).toBe(0);
    expect((await readdir(path.join(dataDir, 'exports'))).sort()).toEqual(exports.sort());
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached' });
  }, 300_000);

  it('shows the dashboard grouped by département and préfecture, with the legend', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    // The table is the default view; the cards stay as an option (remembered from here on).
    await page.locator('table.board-table').getByRole('link', { name: PLANNING_LABEL }).waitFor();
    await page.getByRole('group', { name: 'Affichage' }).getByRole('button', { name: 'Cartes' }).click();
    const departement = page.getByRole('region', { name: '93 — Seine-Saint-Denis' });
    await departement.getByRole('heading', { level: 3, name: '93 — Seine-Saint-Denis' }).waitFor();
    await departement.getByRole('heading', { name: 'Bobigny', exact: true }).waitFor();
    const card = departement.getByRole('article', { name: PLANNING_LABEL });
    await card
      .getByText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — dates disponibles \(première date : \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)$/)
      .waitFor();
    expect(await card.getByRole('img').getAttribute('aria-label')).toMatch(
      /^au moins deux dates sous un mois : 100 %, .* 1 sondage concluant sur 1 jour\.$/,
    );
    await card.getByText('1 sondage sur 1 jour', { exact: false }).waitFor();
    for (const words of ['au moins deux dates sous un mois', 'pas de date disponible']) {
      await page.locator('.legend').getByText(`« ${words} »`).waitFor();
    }
    // The colours are told before the first bar, not only at the bottom of the page.
    const legendTop = (await page.locator('.legend').boundingBox())?.y ?? Infinity;
    const firstBarTop = (await card.getByRole('img').boundingBox())?.y ?? -Infinity;
    expect(legendTop).toBeLessThan(firstBarTop);
    await page.screenshot({ path: path.join(RESULTS, 'dashboard.png'), fullPage: true });
  });

  it('switches to English, and remembers it', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Add a planning' }).waitFor();
    await page.getByText('“at least two dates within a month”').waitFor();
    await page.getByRole('heading', { level: 3, name: '93 — Seine-Saint-Denis' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
    await page.getByText(/ — dates available \(first date: /).waitFor();
    // English quotes and percents: “…”, 100%.
    await page.locator('.planning-card').getByText('100%', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'dashboard-en.png'), fullPage: true });
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 2, name: 'Tableau de bord' }).waitFor();
  });

  it('unfollows, then removes the planning after saying its probes are kept', async () => {
    await page.getByRole('link', { name: PLANNING_LABEL }).click();
    await page.getByRole('button', { name: 'Ne plus suivre' }).click();
    await page.getByRole('button', { name: 'Suivre', exact: true }).waitFor();
    await page.getByText('Non suivi', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Supprimer' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Les sondages déjà enregistrés sont conservés.').waitFor();
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByText("Aucun planning suivi pour l'instant.").waitFor();
  });

  it('starts from a known address, says to check it, and names the département', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Ajouter un planning' }).click();
    await page
      .getByLabel('Adresses connues (facultatif)')
      .selectOption({ label: 'Préfecture des Hauts-de-Seine (Nanterre) — Remise de titre de séjour (n° 12083)' });
    expect(await page.getByLabel('Adresse (URL)').inputValue()).toBe(KNOWN_URL);
    const departement = page.getByLabel('Département', { exact: true });
    expect(await departement.inputValue()).toBe('92');
    expect(await departement.locator('option:checked').textContent()).toBe('92 — Hauts-de-Seine');
    expect(await page.getByLabel('Préfecture').inputValue()).toBe(KNOWN_PREFECTURE);
    expect(await page.getByLabel('Démarche').inputValue()).toBe('Remise de titre de séjour');
    await page.getByRole('status').filter({ hasText: 'À vérifier avant usage : les préfectures changent les numéros' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'form-known-address.png'), fullPage: true });

    // Saved as it is (no network here to look for its guichets): it is the planning that no longer answers below.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 2, name: KNOWN_LABEL }).waitFor();
    await page.getByRole('region', { name: 'Détails' }).getByText('92 — Hauts-de-Seine', { exact: true }).waitFor();
  });

  it('marks the planning as no longer answering, shows it on the dashboard, and undoes it', async () => {
    const stoppedBadge = /^Ne répond plus depuis le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;
    await page.getByText('Un planning qui ne répond plus n’est plus sondé chaque heure ; son historique est conservé.').waitFor();
    await page.getByRole('button', { name: 'Marquer « ne répond plus »' }).click();
    await page.getByRole('button', { name: 'Retirer « ne répond plus »' }).waitFor();
    await page.locator('.page-title').getByText(stoppedBadge).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    const card = page.getByRole('region', { name: '92 — Hauts-de-Seine' }).getByRole('article', { name: KNOWN_LABEL });
    await card.getByText(stoppedBadge).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'dashboard-stopped.png'), fullPage: true });

    await card.getByRole('link', { name: KNOWN_LABEL }).click();
    await page.getByRole('button', { name: 'Retirer « ne répond plus »' }).click();
    await page.getByRole('button', { name: 'Marquer « ne répond plus »' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await card.getByText('Suivi', { exact: true }).waitFor();
    expect(await card.getByText(stoppedBadge).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('imports a file the page sends: the file itself, never a path of this computer', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByText('Importer des sondages').click();
    const csv = `departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date\n92;${KNOWN_LABEL};2020-01-06;09:00;NULL;NULL\n`;
    await page.getByLabel('Fichier').setInputFiles({ name: 'sondages-cimade.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText(/^1 sondage importé/).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('the demo', () => {
  it('says on every page that the préfectures are fictitious and probed every minute', async () => {
    const demoDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-demo-'));
    const demoCore = createCore({ dataDir: demoDir, appVersion: '0.0.0-test', demo: true, log: () => undefined });
    const demoHost = await startWebHost({ core: demoCore, port: 0, staticDir: STATIC_DIR, log: () => undefined });
    const demoPage = await browser.newPage();
    try {
      await demoPage.goto(demoHost.loginUrl());
      await demoPage
        .getByText(
          'Mode démonstration : préfectures fictives (répliques locales), sondées chaque minute au lieu de chaque heure.',
        )
        .waitFor();
    } finally {
      await demoPage.close();
      await demoHost.close();
      await demoCore.close();
      await rm(demoDir, { recursive: true, force: true });
    }
  });
});
