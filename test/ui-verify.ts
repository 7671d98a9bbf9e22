// « Vérifier les preuves » as a volunteer meets it, at 1280×800 (registered by ui-folder.test.ts, whose browser it
// shares): a folder sealed and time-stamped checks « Tout est intact » with its figures, the progress and the
// estimated end the core tells shown on the way; a capture altered afterwards is named in French and in English; a
// folder restored in place from an older backup fails, the web page says where a restore is accepted, the desktop
// app shows the seals given up and the seal relied on, records nothing until confirmed, then checks again and
// passes, saying the restore. A check stopped half-way says that nothing was concluded, in French and in English,
// and starts again to a verdict; the web page watching a check the desktop started stops it too, and is told when the
// desktop stops it. axe-core on each state of the screen.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../electron/shared/api.js';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { wordCore } from '../electron/core/messages.js';
import { fixedClock } from '../electron/core/clock.js';
import { anchorsDirOf } from '../electron/core/seals/anchor.js';
import { createStore } from '../electron/core/store/store.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { startLocalTsa, type LocalTsa } from './support/local-tsa.js';
import { restoreInPlace, sealedFolder } from './support/restored-folder.js';
import { appendSyntheticProbes, syntheticPlanning } from './support/synthetic.js';
import { RESULTS, STATIC_DIR, desktopPage, logIn, pushEvent } from './ui-harness.js';

/** A minute passes at each reading: a check of a few probes has the pace of a long one, and an estimated end. */
function slowClock(): { now: () => Date } {
  let at = Date.now();
  return { now: () => new Date((at += 60_000)) };
}

export function describeVerifyScreen(browser: () => Browser): void {
  let root: string;
  let tsa: LocalTsa;
  let axeSource: string;
  const closing: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'guichets-ui-verify-'));
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    tsa = await startLocalTsa();
    // The seals are stamped half a minute after they are made, as by an authority on line.
    tsa.fakeTime = '2026-03-10 12:00:30';
  }, 120_000);

  afterAll(async () => {
    for (const close of closing.reverse()) await close();
    await tsa.close();
    await rm(root, { recursive: true, force: true });
  });

  async function openCore(name: string, env: NodeJS.ProcessEnv, clock?: { now: () => Date }): Promise<{ core: Core; host: WebHost; dir: string }> {
    const dir = path.join(root, name);
    const core = createCore({ dataDir: dir, appVersion: '0.0.0-test', env, trustDir: null, log: () => undefined, ...(clock ? { clock } : {}) });
    const host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
    closing.push(async () => {
      await host.close();
      await core.close();
    });
    return { core, host, dir };
  }

  /** Three plannings with probes in four months: the check runs on worker threads, the way a large folder is checked. */
  async function monthsFolder(name: string): Promise<void> {
    const store = createStore({ dir: path.join(root, name), clock: fixedClock('2026-05-20T12:00:00Z'), log: () => undefined });
    for (const id of ['p1', 'p2', 'p3']) {
      await store.plannings.put(syntheticPlanning(id));
      for (const month of ['01', '02', '03', '04']) await appendSyntheticProbes(store, { planningId: id, count: 3, start: `2026-${month}-10T06:00:00Z` });
    }
    await store.close();
  }

  async function violations(page: Page): Promise<string[]> {
    if (!(await page.evaluate<boolean>(`'axe' in window`))) await page.evaluate(axeSource);
    return page.evaluate<string[]>(`(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => v.id + ' ×' + v.nodes.length + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') + ')');
    })()`);
  }

  describe('« Vérifier les preuves »', () => {
    it('shows the progress with its estimated end, then « Tout est intact » with what was checked; an altered capture in French and English', async () => {
      const env = { GUICHETS_TSA_URLS: tsa.url, GUICHETS_TSA_ROOTS: tsa.caFile, XDG_CONFIG_HOME: path.join(root, 'config-intact') };
      await sealedFolder(path.join(root, 'intact'), env, ['p1', 'p2', 'p3']);
      const { core, dir, host } = await openCore('intact', env, slowClock());
      // The desktop's bridge: each progress event the core tells during the check is delivered to the page, which
      // must show it before the check's answer comes.
      let page: Page | null = null;
      const shown: string[] = [];
      page = await desktopPage(browser(), {
        chooseFolder: () => null,
        handle: async (method, input) => {
          if (method !== 'verify:run') return core.handle(method, input);
          const told: JobProgress[] = [];
          const stop = core.on('job:progress', (progress) => told.push(progress));
          const answer = await core.handle(method, input);
          stop();
          for (const progress of told) {
            await pushEvent(page as Page, 'job:progress', progress);
            const line = page?.getByRole('status').filter({ hasText: wordCore(progress.message, 'fr') }) ?? null;
            if (progress.done < progress.total) await line?.waitFor();
            if (progress.estimatedEnd && progress.done < progress.total) await page?.screenshot({ path: path.join(RESULTS, 'verify-progress.png') });
            shown.push(wordCore(progress.message, 'fr'));
          }
          return answer;
        },
      });
      await page.goto(`${host.url}#/`);
      await page.getByRole('link', { name: 'Vérifier les preuves' }).click();
      await page.getByRole('heading', { level: 2, name: 'Vérifier les preuves' }).waitFor();
      await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
      const verdict = page.getByRole('heading', { level: 3, name: '✓ Tout est intact' });
      await verdict.waitFor({ timeout: 60_000 });
      expect(shown.some((line) => /^Vérification : 5 sur 15 sondages \(33 %\), fin estimée vers \d{2}:\d{2}/.test(line))).toBe(true);
      await page.getByText(/^15 sondages vérifiés, 1 sceau et 1 horodatage contrôlés, le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/).waitFor();
      await page.getByText('Ce PC se souvient du dernier scellement qu’il a fait pour ce dossier (20260310T120000Z, 15 sondages) : il est là, identique.').waitFor();
      expect(await page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""')).toBe('✓ Tout est intact');
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: path.join(RESULTS, 'verify-intact.png') });
      // Left for the settings and back: the verdict is still there, the focus on the page's heading.
      await page.getByRole('link', { name: 'Réglages' }).click();
      await page.getByRole('heading', { level: 2, name: 'Réglages' }).waitFor();
      await page.getByRole('link', { name: 'Vérifier les preuves' }).click();
      await verdict.waitFor();
      await expect.poll(() => page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""')).toBe('Vérifier les preuves');

      // A capture changed after its probe (stored once, shared by the same probe of each planning).
      const probe = (await core.api['probes:list']({ planningId: 'p2', day: '2026-03-10' })).at(-1);
      const capture = path.join(dir, probe?.screenshot?.path ?? 'none');
      await writeFile(capture, Buffer.concat([await readFile(capture), Buffer.from('retouche')]));
      await page.getByLabel('Quoi vérifier').selectOption({ label: 'Guichet p2' });
      await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
      await page.getByRole('heading', { level: 3, name: '✗ 1 problème trouvé' }).waitFor({ timeout: 60_000 });
      const french = `Sondage ${probe?.id ?? ''} du 2026-03-10 à ${probe?.localTime ?? ''} : la capture d’écran « ${probe?.screenshot?.path ?? ''} » a été modifié(e) depuis le sondage (empreinte SHA-256 différente).`;
      await page.locator('.verify-problems li').filter({ hasText: french }).waitFor();
      await page.getByText(/^5 sondages vérifiés \(planning Guichet p2\), 1 sceau/).waitFor();
      // A changed capture is no restore: nothing to accept.
      expect(await page.getByRole('button', { name: 'Accepter la restauration…' }).count()).toBe(0);
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: path.join(RESULTS, 'verify-altered-fr.png') });
      await page.locator('.language-switch select').selectOption('en');
      await page.getByRole('heading', { level: 3, name: '✗ 1 problem found' }).waitFor();
      const english = `Probe ${probe?.id ?? ''} of 2026-03-10 at ${probe?.localTime ?? ''}: the screenshot “${probe?.screenshot?.path ?? ''}” was modified after the probe (different SHA-256 hash).`;
      await page.locator('.verify-problems li').filter({ hasText: english }).waitFor();
      expect(await page.locator('.verdict').innerText()).not.toMatch(/sondage|capture d’écran/);
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: path.join(RESULTS, 'verify-altered-en.png') });
      await page.locator('.language-switch select').selectOption('fr');
      await page.close();
    }, 180_000);

    it('stops a check under way: says nothing was concluded in French and English, no verdict, then starts again to one', async () => {
      const env = { GUICHETS_TSA_URLS: 'none', XDG_CONFIG_HOME: path.join(root, 'config-stop') };
      await monthsFolder('arret');
      const { core, host } = await openCore('arret', env, slowClock());
      const cancels: unknown[] = [];
      let page: Page | null = null;
      const off = core.on('job:progress', (progress) => void pushEvent(page as Page, 'job:progress', progress).catch(() => undefined));
      page = await desktopPage(browser(), {
        chooseFolder: () => null,
        handle: async (method, input) => {
          const answer = await core.handle(method, input);
          if (method === 'verify:cancel') cancels.push(answer);
          return answer;
        },
      });
      await page.goto(`${host.url}#/verify`);
      await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
      await page.getByRole('button', { name: 'Arrêter la vérification' }).click();
      const stopped = page.getByRole('status').filter({ hasText: 'Vérification arrêtée avant sa fin : rien n’est conclu, ni intact ni altéré. Relancez-la pour obtenir un verdict.' });
      await stopped.waitFor({ timeout: 60_000 });
      // The stop reached the check while it ran: no verdict of any kind, the keyboard on « Relancer ».
      expect(cancels).toEqual([{ ok: true, value: { cancelled: true } }]);
      expect(await page.locator('.verdict').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Arrêter la vérification' }).count()).toBe(0);
      await expect.poll(() => page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""')).toBe('Relancer la vérification');
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: path.join(RESULTS, 'verify-stopped-fr.png') });
      await page.locator('.language-switch select').selectOption('en');
      await page.getByRole('status').filter({ hasText: 'Check stopped before its end: nothing is concluded, neither intact nor altered. Start it again to get a verdict.' }).waitFor();
      await page.getByRole('button', { name: 'Start the check again' }).waitFor();
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: path.join(RESULTS, 'verify-stopped-en.png') });
      await page.locator('.language-switch select').selectOption('fr');

      await page.getByRole('button', { name: 'Relancer la vérification' }).click();
      await page.getByRole('heading', { level: 3, name: '✓ Intact, avec une réserve' }).waitFor({ timeout: 60_000 });
      await page.getByText(/^36 sondages vérifiés, aucun sceau/).waitFor();
      expect(await stopped.count()).toBe(0);
      off();
      await page.close();
    }, 180_000);

    it('lets a second window that only watches a check started elsewhere stop it too', async () => {
      const env = { GUICHETS_TSA_URLS: 'none', XDG_CONFIG_HOME: path.join(root, 'config-watch') };
      await monthsFolder('regard');
      const { core, host } = await openCore('regard', env, slowClock());
      // The web page, open on the screen before the check starts: it sees the check only through its progress.
      const web = await browser().newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
      web.setDefaultTimeout(20_000);
      await logIn(web, host.loginUrl());
      await web.goto(`${host.url}#/verify`);
      await web.getByRole('button', { name: 'Vérifier maintenant' }).waitFor();
      let page: Page | null = null;
      const off = core.on('job:progress', (progress) => void pushEvent(page as Page, 'job:progress', progress).catch(() => undefined));
      page = await desktopPage(browser(), { chooseFolder: () => null, handle: (method, input) => core.handle(method, input) });
      await page.goto(`${host.url}#/verify`);
      await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
      await web.getByRole('button', { name: 'Arrêter la vérification' }).click();
      const said = 'Vérification arrêtée avant sa fin : rien n’est conclu, ni intact ni altéré. Relancez-la pour obtenir un verdict.';
      // Stopped for the window that started it as for the one that watched it: no verdict in either.
      await page.getByRole('status').filter({ hasText: said }).waitFor({ timeout: 60_000 });
      await web.getByRole('status').filter({ hasText: said }).waitFor();
      for (const each of [page, web]) {
        expect(await each.locator('.verdict').count()).toBe(0);
        expect(await each.getByRole('button', { name: 'Arrêter la vérification' }).count()).toBe(0);
      }
      await expect.poll(() => web.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""')).toBe('Relancer la vérification');
      expect(await violations(web)).toEqual([]);
      await web.screenshot({ path: path.join(RESULTS, 'verify-stopped-watcher.png') });

      // The other way round: the window that started a check stops it; the page that only watched it stops showing
      // its progress and says that nothing was concluded.
      await page.getByRole('button', { name: 'Relancer la vérification' }).click();
      await web.getByRole('button', { name: 'Arrêter la vérification' }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Arrêter la vérification' }).click();
      await page.getByRole('status').filter({ hasText: said }).waitFor({ timeout: 60_000 });
      await web.getByRole('button', { name: 'Arrêter la vérification' }).waitFor({ state: 'detached', timeout: 20_000 });
      await web.getByRole('status').filter({ hasText: said }).waitFor();
      expect(await web.locator('.verdict').count()).toBe(0);
      off();
      await Promise.all([page.close(), web.close()]);
    }, 180_000);

    it('after a restore in place: the web page says where it is accepted; the desktop shows what is given up, records once confirmed, and passes', async () => {
      const env = { GUICHETS_TSA_URLS: 'none', XDG_CONFIG_HOME: path.join(root, 'config-restore') };
      const dir = path.join(root, 'restaure');
      await sealedFolder(dir, env, ['p1']);
      const lost = await restoreInPlace(dir, path.join(root, 'sauvegarde'), env, 'p1');
      const { core, host } = await openCore('restaure', env);
      const memory = async (): Promise<string[]> => {
        const folder = anchorsDirOf(env);
        return Promise.all((await readdir(folder)).map((file) => readFile(path.join(folder, file), 'utf8')));
      };
      const missing = `Le scellement du 11/03/2026 19:00 (${lost}, 8 sondages) connu de ce PC a disparu`;

      const web = await browser().newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
      web.setDefaultTimeout(20_000);
      await logIn(web, host.loginUrl());
      await web.goto(`${host.url}#/verify`);
      await web.getByRole('button', { name: 'Vérifier maintenant' }).click();
      await web.getByRole('heading', { level: 3, name: '✗ 1 problème trouvé' }).waitFor({ timeout: 60_000 });
      await web.locator('.verify-problems li').filter({ hasText: missing }).waitFor();
      await web.getByText('npm run cli -- verify --accept-restore', { exact: false }).waitFor();
      expect(await web.getByRole('button', { name: 'Accepter la restauration…' }).count()).toBe(0);
      await web.close();

      const remembered = await memory();
      const page = await desktopPage(browser(), { chooseFolder: () => null, handle: (method, input) => core.handle(method, input) });
      await page.goto(`${host.url}#/verify`);
      await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
      await page.locator('.verify-problems li').filter({ hasText: missing }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Accepter la restauration…' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Accepter la restauration ?' });
      await dialog.getByText('Ce PC se souvient de ce scellement, que le dossier n’a plus :').waitFor();
      await dialog.getByRole('listitem').filter({ hasText: 'scellement du 11/03/2026 19:00, 8 sondages' }).waitFor();
      await dialog.getByText('Ce PC se fiera désormais au scellement du 10/03/2026 13:00 (5 sondages), le plus récent du dossier restauré.').waitFor();
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: path.join(RESULTS, 'verify-restore-dialog.png') });
      // Escape, as « Annuler »: nothing recorded.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await memory()).toEqual(remembered);

      await page.getByRole('button', { name: 'Accepter la restauration…' }).click();
      await dialog.getByRole('button', { name: 'Confirmer la restauration' }).click();
      await page.getByText('Restauration enregistrée sur ce PC.').waitFor();
      await page.getByRole('heading', { level: 3, name: '✓ Intact, avec une réserve' }).waitFor({ timeout: 60_000 });
      const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(new Date());
      const restored = `Le ${day}, une restauration acceptée sur ce PC a abandonné 1 scellement fait après le 10/03/2026 13:00 (le 11/03/2026 19:00, le plus récent sur 8 sondages) : les sondages faits après la sauvegarde restaurée ne sont plus dans ce dossier.`;
      await page.locator('.verify-notes li').filter({ hasText: restored }).waitFor();
      expect(await page.locator('.verify-problems').count()).toBe(0);
      expect(await memory()).not.toEqual(remembered);
      expect(await violations(page)).toEqual([]);
      await page.screenshot({ path: path.join(RESULTS, 'verify-restored.png') });
      await page.close();
    }, 180_000);
  });
}
