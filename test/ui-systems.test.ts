// The UI for every booking system, as a user meets it: a site Guichets does not know, described by its steps in
// the form (tried, saved, probed); and an RDV-Préfecture démarche with its captcha, whose assisted session is
// opened from the UI in a visible window on a virtual screen, where the test plays the person typing the code.
import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../electron/core/clock.js';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { demarchePath, startReplicaServer, type ReplicaServer } from '../electron/replicas/index.js';
import { startXvfb } from './support/probe-harness.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { BROWSER, RESULTS, STATIC_DIR, ensureRendererBuilt, launchBrowser } from './ui-harness.js';

const PROBE_TIMEOUT = 60_000;
const STEPS_LABEL = 'Exemple — titres de séjour';
const RDVPREF_LABEL = 'Palaiseau — remise de titre';

let dataDir: string;
let site: StepsSite;
let replicaClock: ReturnType<typeof fixedClock>;
let replicas: ReplicaServer;
let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
let xvfb: ChildProcess | null = null;
/** The test's own connection to the assisted window, to play the person there. */
let personView: Browser | null = null;
const pageErrors: string[] = [];

/** Two free slots within the month, as the small site writes them and as the UI shows them. */
const today = DateTime.now().setZone('Europe/Paris').startOf('day');
const SLOTS = [today.plus({ days: 5 }).set({ hour: 9, minute: 30 }), today.plus({ days: 12 }).set({ hour: 14 })];
const shown = (slot: DateTime) => slot.toFormat('dd/LL/yyyy HH:mm');

interface StepsSite {
  origin: string;
  setSlots(open: boolean): void;
  close(): Promise<void>;
}

/** A booking site no adapter knows: tick the conditions, press a button, then slots or « Aucun créneau disponible ». */
async function startStepsSite(): Promise<StepsSite> {
  let open = true;
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (url.pathname === '/rdv/') {
      res.end(
        page(
          'Rendez-vous — Préfecture d’Exemple',
          `<h1>Prendre rendez-vous</h1><form action="/rdv/creneaux" method="get">
           <p><input type="checkbox" id="conditions" name="conditions"><label for="conditions">J'ai lu les conditions</label></p>
           <button type="submit">Voir les créneaux</button></form>`,
        ),
      );
    } else if (url.pathname === '/rdv/creneaux' && url.searchParams.get('conditions') === 'on') {
      const cards = SLOTS.map((slot) => `<li class="creneau">${slot.setLocale('fr').toFormat("cccc d LLLL yyyy 'à' HH'h'mm")}</li>`);
      const list = open ? `<ul>${cards.join('')}</ul>` : '<p>Aucun créneau disponible pour le moment.</p>';
      res.end(page('Créneaux', `<h1>Créneaux de la semaine</h1>${list}`));
    } else if (url.pathname === '/rdv/creneaux') {
      res.end(page('Conditions', '<h1>Conditions</h1><p>Veuillez accepter les conditions.</p>'));
    } else {
      res.statusCode = 404;
      res.end(page('Introuvable', '<h1>Page introuvable</h1>'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    setSlots: (next) => (open = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}


/**
 * The browser the core launches, with a DevTools port on visible windows only: the test reaches the assisted
 * window through it, as the person's eyes and hands. Headless probes are launched unchanged.
 */
async function debuggableBrowser(dir: string): Promise<string> {
  const file = path.join(dir, 'chromium-debuggable');
  await writeFile(
    file,
    `#!/bin/sh\ncase " $* " in *" --headless"*) exec ${BROWSER} "$@";; esac\nexec ${BROWSER} --remote-debugging-port=0 "$@"\n`,
  );
  await chmod(file, 0o755);
  return file;
}

/** What the person does in the window: read the code (the replica's test mode prints it) and type it. */
async function typeTheCode(planningId: string): Promise<void> {
  const portFile = path.join(dataDir, 'assisted-profiles', planningId, 'DevToolsActivePort');
  const [port = ''] = (await readFile(portFile, 'utf8')).split('\n');
  personView = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const window = personView.contexts().flatMap((context) => context.pages()).find((tab) => tab.url().includes('/cgu/'));
  if (!window) throw new Error('No assisted window on the captcha page');
  expect(await window.evaluate('navigator.userAgent')).not.toMatch(/Headless/);
  await window.screenshot({ path: path.join(RESULTS, 'assisted-window.png') });
  const code = (await window.locator('#replica-captcha-code strong').innerText()).trim();
  await window.locator('#captchaFormulaireExtInput').click();
  await window.keyboard.type(code, { delay: 10 });
  await window.getByRole('button', { name: 'Suivant' }).click();
  await window.waitForURL(/\/creneau\/$/);
}

const step = (n: number) => page.getByRole('group', { name: `Étape ${String(n)}`, exact: true });
const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

beforeAll(async () => {
  await ensureRendererBuilt();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-systems-'));
  site = await startStepsSite();
  replicaClock = fixedClock(new Date().toISOString());
  replicas = await startReplicaServer({ clock: replicaClock, revealCaptcha: true });
  core = createCore({
    dataDir,
    appVersion: '0.0.0-test',
    env: { ...process.env, GUICHETS_BROWSER: await debuggableBrowser(dataDir) },
    log: () => undefined,
    // The sites here are on 127.0.0.1: the local addresses the page may have the robot open.
    localOrigins: [site.origin, replicas.origin],
  });
  // Every site here is on 127.0.0.1: probes in a row must not wait the 30 s kept between visits of one host.
  await core.api['settings:update']({ hostSpacingSeconds: 0 });
  host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${message.text()} ${message.location().url}`);
  });
  // The assisted window first meets a machine without a screen.
  delete process.env.DISPLAY;
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await core.close();
  await personView?.close();
  xvfb?.kill();
  await replicas.close();
  await site.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('user-defined steps, from the form', () => {
  it('offers custom steps when the site is not recognised, tries them with a screenshot per step', async () => {
    await page.goto(host.loginUrl());
    await nav('Ajouter un planning');
    await page.getByLabel('Adresse (URL)').fill(`${site.origin}/rdv/`);
    await page.getByRole('button', { name: 'Chercher les guichets' }).click();
    await page.getByRole('alert').filter({ hasText: 'ne reconnaît pas' }).waitFor({ timeout: PROBE_TIMEOUT });
    await page.getByText('Le mode « Étapes personnalisées » est choisi ci-dessous').waitFor();
    expect(await page.getByRole('radio', { name: 'Étapes personnalisées' }).isChecked()).toBe(true);

    await step(1).getByLabel('Action').selectOption({ label: 'Cocher une case' });
    await step(1).getByLabel('Texte de la case').fill("J'ai lu les conditions");
    await page.getByRole('button', { name: 'Ajouter une étape' }).click();
    await step(2).getByLabel('Texte du bouton ou du lien').fill('Voir les créneaux');
    await page.getByRole('button', { name: 'Ajouter une étape' }).click();
    await step(3).getByLabel('Action').selectOption({ label: 'Attendre un texte' });
    await step(3).getByLabel('Texte attendu').fill('Créneaux de la semaine');
    // Moved up, the step is now second; moved down again, back in its place.
    await step(3).getByRole('button', { name: 'Monter' }).click();
    expect(await step(2).getByLabel('Texte attendu').inputValue()).toBe('Créneaux de la semaine');
    await step(2).getByRole('button', { name: 'Descendre' }).click();
    expect(await step(3).getByLabel('Texte attendu').inputValue()).toBe('Créneaux de la semaine');
    await page.getByLabel('Texte affiché quand rien n’est libre').fill('Aucun créneau disponible');
    await page.getByLabel('Sélecteur CSS des créneaux').fill('li.creneau');

    await page.getByRole('button', { name: 'Essayer ces étapes' }).click();
    const trial = page.getByRole('region', { name: 'Résultat de l’essai' });
    await trial.waitFor({ timeout: PROBE_TIMEOUT });
    const items = trial.getByRole('listitem');
    expect(await items.allInnerTexts()).toEqual([
      expect.stringMatching(/^Ouverture de l’adresse — ✓ réussie/),
      expect.stringMatching(/^Étape 1 : cocher une case « J'ai lu les conditions » — ✓ réussie/),
      expect.stringMatching(/^Étape 2 : cliquer « Voir les créneaux » — ✓ réussie/),
      expect.stringMatching(/^Étape 3 : attendre un texte « Créneaux de la semaine » — ✓ réussie/),
    ]);
    const outcome = `Un sondage enregistrerait : dates disponibles — ${SLOTS.map(shown).join(', ')}`;
    await trial.getByText(outcome).waitFor();
    // Every screenshot arrived and shows a page of the site's width.
    const widths = await trial.locator('img').evaluateAll((images) =>
      // In the page: each picture's width as decoded, 0 when it did not load.
      images.map((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
    );
    expect(widths).toHaveLength(4);
    for (const width of widths) expect(width).toBeGreaterThan(600);

    await page.getByRole('button', { name: /Agrandir : Capture après « Étape 2 : cliquer/ }).click();
    const viewer = page.getByRole('dialog', { name: /Capture après « Étape 2/ });
    await viewer.waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'steps-trial-enlarged.png') });
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(RESULTS, 'steps-form.png'), fullPage: true });
  });

  it('saves the steps with the planning, probes it now and shows the bar', async () => {
    await page.getByLabel('Nom du planning').fill(STEPS_LABEL);
    await page.getByLabel('Département', { exact: true }).selectOption('95');
    await page.getByLabel('Préfecture').fill('Préfecture d’Exemple');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 2, name: STEPS_LABEL }).waitFor();
    await page.getByText('étapes décrites par vous').waitFor();
    expect(await page.getByRole('region', { name: 'Session assistée' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sonder maintenant' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Résultat : dates disponibles' });
    await result.waitFor({ timeout: PROBE_TIMEOUT });
    expect(await result.textContent()).toContain(SLOTS.map(shown).join(', '));
    await page.getByRole('img', { name: /au moins deux dates sous un mois : 100 %/ }).first().waitFor();

    // The probe's captioned screenshot opens over the page, served by the web host.
    await page.locator('table.probes tbody tr').first().getByRole('button', { name: 'voir' }).click();
    const viewer = page.getByRole('dialog', { name: /^Capture du sondage du \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/ });
    await viewer.waitFor();
    await expect.poll(() => viewer.locator('img').evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(600);
    await viewer.getByRole('button', { name: 'Fermer' }).click();
    await viewer.waitFor({ state: 'detached' });
  });

  it('shows the steps again when editing, and names the step a validation error is about', async () => {
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.getByRole('heading', { name: 'Modifier le planning' }).waitFor();
    await step(3).waitFor();
    expect(await page.getByRole('radio', { name: 'Étapes personnalisées' }).isChecked()).toBe(true);
    expect(await step(1).getByLabel('Texte de la case').inputValue()).toBe("J'ai lu les conditions");
    expect(await page.getByLabel('Sélecteur CSS des créneaux').inputValue()).toBe('li.creneau');

    const clickText = step(2).getByLabel('Texte du bouton ou du lien');
    await clickText.fill('');
    await page.getByRole('button', { name: 'Essayer ces étapes' }).click();
    await step(2).getByRole('alert').filter({ hasText: 'Étape 2 : donnez le texte à cliquer ou à cocher, ou un sélecteur CSS.' }).waitFor();
    expect(await clickText.getAttribute('aria-invalid')).toBe('true');
    // Saving is refused the same way: the core checks the steps whoever sends them.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await step(2).getByRole('alert').filter({ hasText: 'Étape 2 :' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'steps-validation.png'), fullPage: true });
    // Typing in another field while the error shows: every key stays there (the editor does not pull the focus back).
    const slotSelector = page.getByLabel('Sélecteur CSS des créneaux');
    await slotSelector.fill('');
    await slotSelector.pressSequentially('li.creneau');
    expect(await slotSelector.inputValue()).toBe('li.creneau');
    expect(await clickText.inputValue()).toBe('');

    await clickText.fill('Voir les créneaux');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 2, name: STEPS_LABEL }).waitFor();
    site.setSlots(false);
    await page.getByRole('button', { name: 'Sonder maintenant' }).click();
    await page.getByRole('status').filter({ hasText: 'Résultat : aucune date' }).waitFor({ timeout: PROBE_TIMEOUT });
    // The site's own line, as the site wrote it around the words the planning looks for.
    await page.getByText('Le site affiche « Aucun créneau disponible pour le moment. ».').first().waitFor();
  });
});

describe('RDV-Préfecture: the assisted session', () => {
  let planningId = '';

  it('shows the assisted-session panel; an unattended probe records « captcha »', async () => {
    // From the known addresses; checked as the form asks, the address is corrected to the replica's host.
    await nav('Ajouter un planning');
    await page
      .getByLabel('Adresses connues (facultatif)')
      .selectOption({ label: 'Sous-préfecture de Palaiseau — Remise de titre de séjour (n° 2246)' });
    expect(await page.getByLabel('Adresse (URL)').inputValue()).toBe(
      `https://www.rdv-prefecture.interieur.gouv.fr${demarchePath(2246)}`,
    );
    await page.getByLabel('Adresse (URL)').fill(`${replicas.origin}${demarchePath(2246)}`);
    await page.getByRole('button', { name: 'Chercher les guichets' }).click();
    await page.getByText('1 guichet trouvé').waitFor({ timeout: PROBE_TIMEOUT });
    await page.getByLabel('Nom du planning').fill(RDVPREF_LABEL);
    expect(await page.getByLabel('Département', { exact: true }).inputValue()).toBe('91');
    expect(await page.getByLabel('Préfecture').inputValue()).toBe('Sous-préfecture de Palaiseau');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 2, name: RDVPREF_LABEL }).waitFor();
    planningId = decodeURIComponent(new URL(page.url()).hash.replace('#/planning/', ''));

    const panel = page.getByRole('region', { name: 'Session assistée' });
    await panel.getByText('Ce site demande un code de sécurité').first().waitFor();
    await panel.getByText('Guichets ne saisit jamais le code à votre place.', { exact: false }).waitFor();
    expect(await panel.getByRole('button', { name: 'Fermer la session' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sonder maintenant' }).click();
    await page.getByRole('status').filter({ hasText: 'Résultat : captcha' }).waitFor({ timeout: PROBE_TIMEOUT });
  });

  it('says why the window cannot open on a machine without a screen', async () => {
    const panel = page.getByRole('region', { name: 'Session assistée' });
    await panel.getByRole('button', { name: 'Ouvrir la session assistée' }).click();
    await panel.getByRole('alert').filter({ hasText: 'La fenêtre du navigateur n\'a pas pu s\'ouvrir' }).waitFor({ timeout: PROBE_TIMEOUT });
  });

  it('opens the window on a screen; once the person typed the code, probes record dates', async () => {
    let display: string;
    ({ child: xvfb, display } = await startXvfb());
    process.env.DISPLAY = display;
    const panel = page.getByRole('region', { name: 'Session assistée' });
    await panel.getByRole('button', { name: 'Ouvrir la session assistée' }).click();
    await panel.getByText('Saisissez le code de sécurité dans la fenêtre ouverte par Guichets').waitFor({ timeout: PROBE_TIMEOUT });
    expect(await panel.getByRole('alert').count()).toBe(0);

    await typeTheCode(planningId);
    await panel.getByText('Session ouverte : Guichets sonde les créneaux dans cette session').waitFor();
    await panel.getByText(/^Code saisi le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();
    await page.getByRole('button', { name: 'Sonder maintenant' }).click();
    await page.getByRole('status').filter({ hasText: 'Résultat : dates disponibles' }).waitFor({ timeout: PROBE_TIMEOUT });
    await page.screenshot({ path: path.join(RESULTS, 'assisted-ready.png'), fullPage: true });
  });

  it('asks the person to type the code again once the site dropped the session, here and on the dashboard', async () => {
    // Two hours without a visit: the site forgets the session, as its Java server does.
    replicaClock.advance(2 * 60 * 60_000);
    await page.getByRole('button', { name: 'Sonder maintenant' }).click();
    await page.getByRole('status').filter({ hasText: 'Résultat : captcha' }).waitFor({ timeout: PROBE_TIMEOUT });
    const panel = page.getByRole('region', { name: 'Session assistée' });
    await panel.getByRole('alert').filter({ hasText: 'La session a expiré : le site redemande le code de sécurité.' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'assisted-expired.png'), fullPage: true });

    await nav('Tableau de bord');
    const notice = page.getByRole('alert').filter({ hasText: 'Code de sécurité à saisir à nouveau' });
    await notice.getByText(`« ${RDVPREF_LABEL} » : la session assistée a expiré`).waitFor();
    // Its row in the dashboard's table says a session is needed.
    await page.locator('table.board-table tr', { hasText: RDVPREF_LABEL }).getByText('captcha — session à ouvrir').waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'dashboard-expired.png'), fullPage: true });

    await notice.getByRole('link', { name: 'Aller à la session assistée' }).click();
    await panel.getByRole('button', { name: 'Fermer la session' }).click();
    await panel.getByText('Aucune session assistée ouverte', { exact: false }).waitFor();
    expect(await panel.getByRole('button', { name: 'Fermer la session' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
