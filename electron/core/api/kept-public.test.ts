// A planning a web page gave stays on public addresses at every probe, not only when it was added: a name that now
// resolves to this computer, a page that redirects there or fetches from there are refused where the browser
// connects, and the probe records why with its capture. The person's own plannings at the PC reach what they name.
// The browser is Chromium told to resolve `rebind.test` to 127.0.0.1, as a rebinding DNS would, so that a probe
// without the guard really reaches the local page.
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlanningInput } from '../../shared/api.js';
import type { Planning, Probe } from '../../shared/domain.js';
import { chromiumPath, serveHandlers, type TestServer } from '../../../test/support/probe-harness.js';
import { createCore, type Core } from './create-core.js';

let dir: string;
let core: Core;
let openCore: (dataDir: string) => Promise<Core>;
let site: TestServer;
let local: Server;
let localPort: number;
/** Every request the page on this computer received: each one, for a web page's planning, is a failure. */
const hits: string[] = [];
/** What the guard's resolver answers for `rebind.test`: public when the planning is added, local later. */
let rebindTo = '93.184.216.34';

const NO_SLOT = '<p>Aucun créneau disponible pour le moment.</p>';
const planningInput = (url: string): PlanningInput => ({
  label: 'Titre de séjour',
  departement: '91',
  prefecture: 'Évry',
  url,
  system: 'steps',
  guichet: null,
  procedure: 'Titre de séjour',
  onlineMandatory: true,
  steps: { steps: [{ kind: 'waitForText', text: 'créneau' }], noSlotText: 'Aucun créneau', slotSelector: 'li.slot' },
});

/** Added as a web page adds it: through the core's entry for calls over HTTP. */
async function addFromWebPage(url: string): Promise<Planning> {
  const answer = await core.handle('plannings:create', planningInput(url), { publicOnly: true });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as Planning;
}

/** The probe the schedule makes every hour (the same path as « Sonder maintenant » at the PC). */
const probe = (planning: Planning): Promise<Probe> => core.api['probes:runNow']({ planningId: planning.id });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-kept-public-'));
  local = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Access-Control-Allow-Origin': '*' }).end(`<h1>intranet : secret</h1>${NO_SLOT}`);
  });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  localPort = (local.address() as AddressInfo).port;
  const localOrigin = `http://127.0.0.1:${localPort}`;
  // The public site: a replica the core may open (as the demo's), whose pages lead to this computer.
  site = await serveHandlers((_req, res, url) => {
    if (url.pathname === '/redirect') res.writeHead(302, { Location: `${localOrigin}/redirected` }).end();
    else if (url.pathname === '/fetch') {
      // Its answer shows once its request to this computer settled, as a page whose slots come from there would.
      const show = `document.body.insertAdjacentHTML('beforeend', '${NO_SLOT}')`;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<script>fetch('${localOrigin}/fetched', { mode: 'cors' }).catch(() => null).finally(() => ${show});</script>`);
    } else return Promise.resolve(false);
    return Promise.resolve(true);
  });
  const browser = path.join(dir, 'chromium-rebind.sh');
  await writeFile(browser, `#!/bin/sh\nexec '${chromiumPath()}' --host-resolver-rules='MAP rebind.test 127.0.0.1' "$@"\n`);
  await chmod(browser, 0o755);
  openCore = async (dataDir) => {
    const opened = createCore({
      dataDir,
      appVersion: '0.0.0-test',
      env: { GUICHETS_TSA_URLS: 'none', GUICHETS_BROWSER: browser },
      log: () => undefined,
      localOrigins: [site.origin],
      resolveHost: (name) => Promise.resolve(name === 'rebind.test' ? [{ address: rebindTo }] : []),
    });
    await opened.api['settings:update']({ hostSpacingSeconds: 0, probeTimeoutSeconds: 30 });
    return opened;
  };
  core = await openCore(path.join(dir, 'data'));
});

afterAll(async () => {
  await core.close();
  await site.close();
  await new Promise((resolve) => local.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  hits.length = 0;
});

/** The probe was refused, said with the host and address, and kept with its capture and record. */
async function expectRefused(planning: Planning, found: Probe, host: string): Promise<void> {
  expect(hits).toEqual([]);
  expect(found).toMatchObject({
    outcome: 'robot_error',
    detailMessage: { code: 'probe.private_address_refused', params: { host, address: '127.0.0.1' } },
  });
  expect(found.detail).toContain(`« ${host} » (127.0.0.1)`);
  expect(found.screenshot).not.toBeNull();
  expect((await stat(path.join(dir, 'data', found.screenshot?.path ?? ''))).size).toBeGreaterThan(0);
  expect((await core.api['probes:list']({ planningId: planning.id })).map((kept) => kept.id)).toContain(found.id);
}

describe('a planning a web page gave', () => {
  it('is refused at the hourly probe when its name now resolves to this computer', async () => {
    rebindTo = '93.184.216.34';
    const planning = await addFromWebPage(`http://rebind.test:${localPort}/rendez-vous`);
    expect(planning.source).toBe('web');
    rebindTo = '127.0.0.1';
    await expectRefused(planning, await probe(planning), 'rebind.test');
  });

  it('is refused when its public page redirects to this computer', async () => {
    const redirect = await addFromWebPage(`${site.origin}/redirect`);
    await expectRefused(redirect, await probe(redirect), '127.0.0.1');
  });

  it('is refused when its public page fetches from this computer', async () => {
    const fetches = await addFromWebPage(`${site.origin}/fetch`);
    await expectRefused(fetches, await probe(fetches), '127.0.0.1');
  });

  it('stays a web page’s after a web page changes anything, and becomes the person’s when they give its addresses at the PC', async () => {
    const planning = await core.api['plannings:create'](planningInput(`http://127.0.0.1:${localPort}/rendez-vous`));
    expect(planning.source).toBe('desktop');
    const toggled = await core.handle('plannings:update', { id: planning.id, changes: { followed: false } }, { publicOnly: true });
    expect(toggled).toMatchObject({ ok: true, value: { source: 'web' } });
    const stillWeb = await probe(planning);
    expect(stillWeb.detailMessage?.code).toBe('probe.private_address_refused');
    // A change at the PC that leaves the addresses as they were does not vouch for them.
    expect((await core.api['plannings:update']({ id: planning.id, changes: { followed: true } })).source).toBe('web');
    const resaved = await core.api['plannings:update']({ id: planning.id, changes: planningInput(planning.url) });
    expect(resaved.source).toBe('desktop');
    expect((await probe(planning)).outcome).toBe('no_date');
  });
});

describe('a planning the person added at the PC', () => {
  it('reaches this computer, as the demo’s replicas on 127.0.0.1 are reached', async () => {
    const planning = await core.api['plannings:create'](planningInput(`http://127.0.0.1:${localPort}/rendez-vous`));
    const found = await probe(planning);
    expect(found).toMatchObject({ outcome: 'no_date', detailMessage: { code: 'probe.steps_no_slot' } });
    expect(hits).toContain('/rendez-vous');
    // And its redirects there too: the person set it up.
    const redirect = await core.api['plannings:create'](planningInput(`${site.origin}/redirect`));
    expect((await probe(redirect)).outcome).toBe('no_date');
    expect(hits).toContain('/redirected');
  });
});

describe('a planning saved before plannings said who gave them', () => {
  it('is kept to public addresses, since nobody can vouch for it', async () => {
    const older = path.join(dir, 'older');
    const writer = await openCore(older);
    const planning = await writer.api['plannings:create'](planningInput(`http://127.0.0.1:${localPort}/rendez-vous`));
    await writer.close();
    const file = path.join(older, 'plannings.json');
    const saved = JSON.parse(await readFile(file, 'utf8')) as { plannings: Partial<Planning>[] };
    for (const kept of saved.plannings) delete kept.source;
    await writeFile(file, JSON.stringify(saved));
    const reopened = await openCore(older);
    try {
      const found = await reopened.api['probes:runNow']({ planningId: planning.id });
      expect(hits).toEqual([]);
      expect(found.detailMessage).toEqual({ code: 'probe.private_address_refused', params: { host: '127.0.0.1', address: '127.0.0.1' } });
    } finally {
      await reopened.close();
    }
  });
});
