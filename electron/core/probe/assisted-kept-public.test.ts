// The assisted window of a planning kept to public addresses (a web page's): opened through its own proxy, so that
// the probes made in it hour after hour cannot be led to this computer either, and say so when a page tries.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { createRdvprefReplica, demarchePath } from '../../replicas/rdvpref/index.js';
import { chromiumPath, serveHandlers, startXvfb, type TestServer } from '../../../test/support/probe-harness.js';
import { createAssistedSessions, type AssistedSessions } from './assisted.js';
import { createPublicNetwork, type PublicNetwork } from './private-network.js';

const clock = fixedClock('2026-11-26T09:00:00Z');
let xvfb: ChildProcess;
let server: TestServer;
let local: Server;
let localOrigin: string;
let dir: string;
let sessions: AssistedSessions;
let network: PublicNetwork;
/** Every request the page on this computer received: each one is a failure of the guard. */
const hits: string[] = [];
/** Whether the site's slot page now sends the robot to this computer. */
let leads = false;

beforeAll(async () => {
  const started = await startXvfb();
  xvfb = started.child;
  local = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>intranet : secret</h1>');
  });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  localOrigin = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
  server = await serveHandlers((_req, res, url) => {
    if (!leads || !url.pathname.endsWith('/creneau/')) return Promise.resolve(false);
    res.writeHead(302, { Location: `${localOrigin}/creneau` }).end();
    return Promise.resolve(true);
  }, createRdvprefReplica({ clock, revealCaptcha: true }));
  dir = await mkdtemp(path.join(tmpdir(), 'guichets-assisted-kept-'));
  network = createPublicNetwork([server.origin]);
  sessions = createAssistedSessions({ dir, browserPath: chromiumPath(), clock, appVersion: 'test', env: { DISPLAY: started.display } });
});

afterAll(async () => {
  await sessions.closeAll();
  await network.close();
  await server.close();
  await new Promise((resolve) => local.close(resolve));
  xvfb.kill();
  await rm(dir, { recursive: true, force: true });
});

const planning = () => ({ id: 'evry-web', url: `${server.origin}${demarchePath(2246)}` });
const caption = { probeId: 'p-1', planningLabel: 'Évry — titre de séjour' };

async function typeCode(page: Page): Promise<void> {
  const shown = (await page.locator('#replica-captcha-code strong').innerText()).trim();
  await page.locator('#captchaFormulaireExtInput').click();
  await page.keyboard.type(shown, { delay: 10 });
  await page.getByRole('button', { name: 'Suivant' }).click();
}

describe('the assisted window of a planning kept to public addresses', () => {
  it('works for the person, and its probes read the slots', async () => {
    expect((await network.run(() => sessions.open(planning()))).state).toBe('waiting');
    expect(sessions.keptPublic('evry-web')).toBe(true);
    const page = sessions.page('evry-web');
    if (!page) throw new Error('no window');
    await typeCode(page);
    expect((await sessions.waitUntilSolved('evry-web', 15_000)).state).toBe('ready');
    expect((await sessions.probe(planning(), caption)).outcome).toBe('dates');
  });

  it('refuses a slot page that leads to this computer, and records why', async () => {
    leads = true;
    hits.length = 0;
    const found = await sessions.probe(planning(), { ...caption, probeId: 'p-2' });
    expect(hits).toEqual([]);
    expect(found).toMatchObject({
      outcome: 'robot_error',
      firstSlot: null,
      detailMessage: { code: 'probe.private_address_refused', params: { host: '127.0.0.1', address: '127.0.0.1' } },
    });
    expect(found.screenshot?.subarray(1, 4).toString()).toBe('PNG');
    expect(found.log).toContain('Adresse locale refusée : 127.0.0.1 (127.0.0.1)');
  });
});
