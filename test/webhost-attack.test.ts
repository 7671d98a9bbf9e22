// Another program on the PC serves a page on another port of 127.0.0.1, and the person who uses Guichets' web UI
// opens it in the same browser. The page tries what a page can: images and forms at the API, fetch with
// credentials, reading cookies, framing the UI, opening it in a window of its own, the event stream. Every attempt
// fails, the attacker's server never receives the session, and Guichets writes nothing.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { startWebHost, type WebHost } from '../electron/cli/webhost.js';
import { BROWSER, RESULTS, STATIC_DIR, ensureRendererBuilt, launchBrowser, logIn } from './ui-harness.js';

let dataDir: string;
let core: Core;
let host: WebHost;
let guichets: string;
let browser: Browser;
let context: BrowserContext;
let victim: Page;
let attacker: Server;
let attackerOrigin: string;
/** Every request the attacker's server received, with its headers: the session must never be among them. */
const received: { url: string; headers: IncomingHttpHeaders }[] = [];

/** The attacker's page: each attempt writes its outcome; the title says when all are done. */
function evilPage(target: string): string {
  const api = (method: string) => `${target}api/${method}`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>…</title></head><body>
<h1>Un outil local quelconque</h1>
<img id="csv" src="${target}api/export.csv"><img id="csv2" src="${api('export:csv')}"><img id="seal" src="${api('seals:create')}">
<iframe id="frame" src="${target}"></iframe>
<iframe name="sink"></iframe>
<form id="form" method="post" action="${api('settings:update')}" enctype="text/plain" target="sink">
  <input name='{"tsaUrls":["http://127.0.0.1:18500/tsa"],"x":"' value='"}'>
</form>
<script>
const results = {};
const settle = (name, promise) => promise.then((value) => { results[name] = 'ouvert : ' + value; }, (error) => { results[name] = 'refusé : ' + error; });
const attempts = [
  settle('fetch-credentials', fetch('${api('settings:update')}', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{"tsaUrls":["http://127.0.0.1:18500/tsa"]}' }).then((r) => r.status + ' ' + r.statusText)),
  settle('fetch-no-cors', fetch('${api('plannings:create')}', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{"label":"x"}' }).then((r) => r.type + ' ' + r.status)),
  settle('fetch-seal', fetch('${api('seals:create')}', { method: 'POST', mode: 'no-cors', credentials: 'include' }).then((r) => r.type)),
  settle('read-settings', fetch('${api('settings:get')}', { method: 'POST', credentials: 'include' }).then((r) => r.text())),
  settle('events', new Promise((resolve, reject) => { const source = new EventSource('${target}api/events', { withCredentials: true }); source.onopen = () => resolve('flux'); source.onerror = () => { source.close(); reject('erreur'); }; })),
  settle('window', new Promise((resolve, reject) => {
    const opened = window.open('${target}#/settings', 'guichets');
    // Read once the window shows Guichets: before that it is still the opener's own about:blank (a loaded machine).
    const started = Date.now();
    const attempt = () => {
      try {
        const blank = opened.location.href === 'about:blank';
        if (blank && Date.now() - started < 15000) return setTimeout(attempt, 200);
        resolve('lu : ' + opened.sessionStorage.getItem('guichets-session') + ' ' + opened.document.cookie);
      } catch (error) { reject(error.name); }
      opened.close();
    };
    setTimeout(attempt, 200);
  })),
  settle('frame', new Promise((resolve, reject) => setTimeout(() => { try { resolve(document.getElementById('frame').contentWindow.sessionStorage.getItem('guichets-session')); } catch (error) { reject(error.name); } }, 500))),
];
document.getElementById('form').submit();
results.cookie = 'cookies : « ' + document.cookie + ' »';
Promise.all(attempts).then(() => setTimeout(() => { window.results = results; document.title = 'fini'; }, 1000));
</script></body></html>`;
}

/** Every file of the data folder and its SHA-256: what Guichets wrote, if anything. */
async function folderState(): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    // The writer lock's heartbeat is the process's, not an effect of a request.
    if (entry.name.endsWith('.lock')) continue;
    state[path.relative(dataDir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return state;
}

beforeAll(async () => {
  await ensureRendererBuilt();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-attack-'));
  core = createCore({ dataDir, appVersion: '0.0.0-test', env: { ...process.env, GUICHETS_BROWSER: BROWSER, GUICHETS_TSA_URLS: 'none' }, log: () => undefined });
  host = await startWebHost({ core, port: 0, staticDir: STATIC_DIR, log: () => undefined });
  guichets = host.url;
  attacker = createServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(evilPage(guichets));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  victim = await context.newPage();
  victim.setDefaultTimeout(20_000);
  // The person uses Guichets: the printed address, then the dashboard.
  await logIn(victim, host.loginUrl());
  await victim.getByRole('heading', { level: 1, name: 'Guichets' }).waitFor();
  await victim.getByText(dataDir, { exact: true }).waitFor();
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await core.close();
  await new Promise((resolve) => attacker.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

async function runAttack(page: Page): Promise<Record<string, string>> {
  await page.waitForFunction('document.title === "fini"', undefined, { timeout: 30_000 });
  return page.evaluate<Record<string, string>>('window.results');
}

function expectFailed(results: Record<string, string>): void {
  expect(Object.keys(results).sort()).toEqual(['cookie', 'events', 'fetch-credentials', 'fetch-no-cors', 'fetch-seal', 'frame', 'read-settings', 'window']);
  expect(results.cookie).toBe('cookies : «  »');
  for (const [name, outcome] of Object.entries(results)) {
    if (name === 'cookie') continue;
    // A no-cors request may be sent with an opaque answer (or its answer blocked): its effects are checked below.
    if (name === 'fetch-no-cors' || name === 'fetch-seal') expect(outcome, name).toMatch(/^(refusé : |ouvert : opaque)/);
    else expect(outcome, name).toMatch(/^refusé : /);
  }
}

describe('a page of another local program, in the browser that uses Guichets', () => {
  it('gets nothing and changes nothing from another tab', async () => {
    const before = await folderState();
    const settings = await core.api['settings:get'](undefined);
    const page = await context.newPage();
    await page.goto(`${attackerOrigin}/`);
    const results = await runAttack(page);
    await page.screenshot({ path: path.join(RESULTS, 'attack-tab.png') });
    expectFailed(results);
    await page.close();
    expect(await core.api['settings:get'](undefined)).toEqual(settings);
    expect(await core.api['plannings:list'](undefined)).toEqual([]);
    expect(await folderState()).toEqual(before);
  });

  it('gets nothing either from the very tab where the person used Guichets (its session storage is Guichets’ origin’s only)', async () => {
    const before = await folderState();
    await victim.goto(`${attackerOrigin}/`);
    expectFailed(await runAttack(victim));
    expect(await folderState()).toEqual(before);
    // Back to Guichets in that tab: the session is still there, for Guichets' page only.
    await victim.goto(guichets);
    await victim.getByText(dataDir, { exact: true }).waitFor();
  });

  it('leaves a tab opened on Guichets without its address with no session, and says so in French', async () => {
    const page = await context.newPage();
    await page.goto(guichets);
    await page.getByText('Cet onglet n’a pas de session : ouvrez l’adresse à code que Guichets affiche dans son terminal').first().waitFor();
    expect(await page.evaluate("sessionStorage.getItem('guichets-session')")).toBeNull();
    await page.close();
  });

  it('never receives the session: no request from the browser to the other port carries it, and no cookie exists', async () => {
    const secret = await victim.evaluate<string | null>("sessionStorage.getItem('guichets-session')");
    expect(secret).toMatch(/^[\w-]{40,}$/);
    expect(received.length).toBeGreaterThan(0);
    for (const { headers } of received) expect(JSON.stringify(headers)).not.toContain(secret);
    expect(await context.cookies()).toEqual([]);
  });
});
