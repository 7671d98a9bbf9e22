// The web host as another program on the PC meets it: no secret, no API; the printed address gives its page the
// secret once; a page never names a path, a program, a trusted host, or a local address for the robot.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/api/create-core.js';
import { systemClock } from '../core/clock.js';
import { encodeCapture } from '../core/evidence/capture.js';
import { createStore } from '../core/store/store.js';
import { captionedPath } from '../shared/evidence-paths.js';
import { solidPng } from '../../test/support/evidence-folder.js';
import { syntheticProbe } from '../../test/support/synthetic.js';
import { PassThrough } from 'node:stream';
import { printAddressOnEnter, startWebHost, type WebHost } from './webhost.js';
import { wordsFor } from './words.js';

let dir: string;
let core: Core;
let host: WebHost;
let secret: string;
/** A replica the tests pretend to have started: the one local address a page may have the robot open. */
const REPLICA = 'http://127.0.0.1:9';

const call = (method: string, body: unknown, key: string | null = secret) =>
  fetch(new URL(`/api/${method}`, host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });

const get = (where: string, key: string | null = secret) => fetch(new URL(where, host.url), { headers: key ? { Authorization: `Bearer ${key}` } : {} });

/** What the page's script does with the printed address: trade its token for the secret. */
async function redeem(loginUrl: string): Promise<Response> {
  const token = new URL(loginUrl).searchParams.get('token');
  return fetch(new URL('/api/session', host.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
}

async function login(): Promise<string> {
  const response = await redeem(host.loginUrl());
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: { secret: string } }).value.secret;
}

const uploadsLeft = async () => (await readdir(os.tmpdir())).filter((name) => name.startsWith('guichets-upload-'));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-webhost-'));
  core = createCore({ dataDir: dir, appVersion: '0.0.0-test', env: { GUICHETS_TSA_URLS: 'none' }, log: () => undefined, localOrigins: [REPLICA] });
  host = await startWebHost({ core, port: 0, staticDir: dir, log: () => undefined, maxUploadBytes: 64 * 1024 });
  secret = await login();
});

afterAll(async () => {
  await host.close();
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the web host’s secret', () => {
  it('answers 401 to every API call, the event stream, evidence and downloads without it, whatever cookie comes', async () => {
    expect((await call('app:info', null, null)).status).toBe(401);
    expect((await call('settings:update', { hostSpacingSeconds: 1 }, null)).status).toBe(401);
    expect((await call('app:info', null, 'guessed')).status).toBe(401);
    for (const where of ['/api/events', '/api/download?path=%2Fetc%2Fpasswd', '/evidence/p1/2026-03/x.png']) {
      expect((await get(where, null)).status).toBe(401);
    }
    const withCookie = await fetch(new URL('/api/app:info', host.url), { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: `guichets_session=${secret}` } });
    expect(withCookie.status).toBe(401);
    expect(await withCookie.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('gives the secret once per printed address, to a script, and never sets a cookie', async () => {
    const url = host.loginUrl();
    // Opening the address serves the page; its script, not the host, reads the token.
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.headers.get('set-cookie')).toBeNull();
    const first = await redeem(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toBeNull();
    const { value } = (await first.json()) as { value: { secret: string } };
    expect((await call('app:info', null, value.secret)).status).toBe(200);
    const events = await get('/api/events', value.secret);
    expect(events.status).toBe(200);
    await events.body?.cancel();
    // Once used, a token opens nothing: a copy of the address in a shell history is worthless.
    expect((await redeem(url)).status).toBe(401);
    expect((await redeem('http://127.0.0.1/?token=')).status).toBe(401);
  });

  it('is not framed by another page, nor read by it as a subresource', async () => {
    const page = await fetch(host.url);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('refuses a call sent by a page of another origin, even with the secret', async () => {
    const response = await fetch(new URL('/api/app:info', host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}`, Origin: 'http://127.0.0.1:18500' },
    });
    expect(response.status).toBe(403);
  });

  it('answers nothing with an effect to a GET: the CSV is written by a POST, then downloaded', async () => {
    const exports = path.join(dir, 'exports');
    for (const where of ['/api/export.csv', '/api/export:csv', '/api/seals:create']) expect((await get(where)).status).toBe(404);
    expect(existsSync(exports) ? await readdir(exports) : []).toEqual([]);
    const written = (await (await call('export:csv', {})).json()) as { ok: true; value: { path: string } };
    expect(path.dirname(written.value.path)).toBe(exports);
    const download = await get(`/api/download?path=${encodeURIComponent(written.value.path)}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent(path.basename(written.value.path)));
    expect((await download.text()).replace(/^\uFEFF/, '')).toMatch(/^departement;planning;date_sondage/);
    // Only a file the host wrote for a call: not another file of the PC, not another file of the folder.
    expect((await get(`/api/download?path=${encodeURIComponent(path.join(dir, 'settings.json'))}`)).status).toBe(404);
    expect((await get(`/api/download?path=${encodeURIComponent(`${exports}/../settings.json`)}`)).status).toBe(404);
  });

  it('exports a CSV without keeping the writer lock, so that the desktop app can still write afterwards', async () => {
    expect((await call('export:csv', {})).status).toBe(200);
    const desktop = createCore({ dataDir: dir, appVersion: '0.0.0-test', env: { GUICHETS_TSA_URLS: 'none' }, log: () => undefined });
    try {
      expect(await desktop.handle('settings:update', { hostSpacingSeconds: 45 })).toMatchObject({ ok: true });
    } finally {
      await desktop.close();
    }
  });
});

describe('what a page may not ask', () => {
  it('names no path, program or trusted host: each is refused before the core, and nothing changes', async () => {
    const before = (await core.api['settings:get'](undefined)) as unknown;
    for (const [method, input, field] of [
      ['settings:update', { browserPath: '/tmp/evil.sh' }, 'browserPath'],
      ['settings:update', { tsaUrls: ['http://127.0.0.1:18500/tsa'] }, 'tsaUrls'],
      ['settings:update', { tsaUrls: [] }, 'tsaUrls'],
      ['settings:update', { associationLogo: '/etc/hostname' }, 'associationLogo'],
      ['settings:testBrowser', { path: '/tmp/evil.sh' }, 'path'],
      ['import:file', { path: '/etc/passwd' }, 'path'],
      ['export:csv', { path: '/tmp/x.csv' }, 'path'],
      ['export:chartPng', { planningId: 'p1', path: '/tmp/x.png' }, 'path'],
      ['dossier:create', { planningIds: ['p1'], path: '/tmp/x.zip' }, 'path'],
      ['publish:site', { path: '/tmp/site' }, 'path'],
      ['app:moveDataFolder', { to: path.join(dir, 'ailleurs') }, 'to'],
      ['verify:acceptRestore', { confirm: true }, 'verify:acceptRestore'],
    ] as const) {
      const response = await call(method, input);
      expect(response.status, method).toBe(403);
      expect(await response.json(), method).toMatchObject({ ok: false, error: { code: 'invalid_input', field: [field], params: { rule: 'desktop_only' } } });
    }
    expect(await core.api['settings:get'](undefined)).toEqual(before);
    expect(existsSync('/tmp/x.csv') || existsSync(path.join(dir, 'ailleurs'))).toBe(false);
  });

  it('still changes the settings a page may change, and tests the browser already chosen', async () => {
    expect(await (await call('settings:update', { hostSpacingSeconds: 40, associationName: 'Association' })).json()).toMatchObject({ ok: true });
    expect((await call('settings:testBrowser', { path: null })).status).toBe(200);
  });

  it('never has the robot open this computer or the local network, by address or by name', async () => {
    const planning = { label: 'Intranet', departement: '91', prefecture: 'Évry', guichet: null, procedure: '', onlineMandatory: true };
    const locals = ['http://127.0.0.1:18500/', 'http://localhost:18500/', 'http://[::1]:18500/', 'http://10.1.2.3/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0:18500/'];
    for (const url of locals) {
      for (const [method, input, field] of [
        ['plannings:create', { ...planning, url }, ['url']],
        ['plannings:discover', { url }, ['url']],
        ['steps:try', { url: 'https://www.essonne.gouv.fr/', steps: { steps: [{ kind: 'click', text: 'OK' }, { kind: 'goto', url }], noSlotText: 'x', slotSelector: 'li' } }, ['steps', 'steps', 1, 'url']],
      ] as const) {
        const body = (await (await call(method, input)).json()) as { ok: boolean; error?: unknown };
        expect(body, `${method} ${url}`).toMatchObject({ ok: false, error: { code: 'invalid_input', field, params: { rule: 'private_address' } } });
      }
    }
    expect(await core.api['plannings:list'](undefined)).toEqual([]);
    // A planning the person set up at the PC on a local address is not probed at a page's request.
    const local = await core.api['plannings:create']({ ...planning, url: 'http://127.0.0.1:18500/booking/create/1', system: 'legacy' });
    expect(await (await call('probes:runNow', { planningId: local.id })).json()).toMatchObject({ ok: false, error: { params: { rule: 'private_address' } } });
    expect(await (await call('plannings:update', { id: local.id, changes: { url: 'http://127.0.0.1:18501/booking/create/1' } })).json()).toMatchObject({
      ok: false,
      error: { params: { rule: 'private_address' } },
    });
    await core.api['plannings:remove']({ id: local.id });
    // The replicas the core was started with stay reachable.
    expect(await (await call('plannings:create', { ...planning, url: `${REPLICA}/booking/create/1`, system: 'legacy' })).json()).toMatchObject({ ok: true });
  });
});

describe('an import over HTTP', () => {
  const csv = ['departement;planning;date_sondage;heure_sondage;premiere_date;deuxieme_date', '91;Évry titres;2026-01-05;09:00;NULL;NULL', ''].join('\n');
  const upload = (body: string, name: string, input: unknown = {}) =>
    fetch(new URL(`/api/import:file?${new URLSearchParams({ input: JSON.stringify(input), name }).toString()}`, host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${secret}` },
      body,
    });

  it('is the file’s bytes, kept in a temporary file while the core imports it, under the name the person knows', async () => {
    const planning = await core.api['plannings:create']({ label: 'Évry titres', departement: '91', prefecture: 'Évry', url: 'https://www.essonne.gouv.fr/booking/create/1', system: 'legacy', guichet: null, procedure: '', onlineMandatory: true });
    const response = await upload(csv, '../../sondages-essonne.csv', { association: 'La Cimade' });
    expect(await response.json()).toMatchObject({ ok: true, value: { added: 1 } });
    const [imported] = await core.api['probes:list']({ planningId: planning.id, month: '2026-01' });
    expect(imported?.imported).toMatchObject({ file: 'sondages-essonne.csv', association: 'La Cimade' });
    expect(await uploadsLeft()).toEqual([]);
  });

  it('is refused past its size, with nothing imported and nothing left behind', async () => {
    const big = `${csv}${'91;Évry titres;2026-01-06;09:00;NULL;NULL\n'.repeat(3_000)}`;
    const response = await upload(big, 'gros.csv');
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Fichier trop gros : 1 Mo au plus. Rien n’a été importé.' } });
    expect(await uploadsLeft()).toEqual([]);
  });

  it('is never a JSON path, nor a form', async () => {
    expect((await call('import:file', { path: '/etc/passwd' })).status).toBe(403);
    const form = await fetch(new URL('/api/import:file', host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', Authorization: `Bearer ${secret}` },
      body: '--x\r\nContent-Disposition: form-data; name="path"\r\n\r\n/etc/passwd\r\n--x--\r\n',
    });
    expect(form.status).toBe(415);
  });
});

describe('the evidence it serves', () => {
  it('draws a probe’s captioned screenshot from its capture and record, for a page with the secret only', async () => {
    const store = createStore({ dir, clock: systemClock, log: () => undefined });
    const input = { ...syntheticProbe('p-shot', '2026-03-10T08:00:00Z', 0), caption: { planningLabel: 'Préfecture de l’Essonne — Évry' } };
    const probe = await store.probes.append(input, { screenshot: await encodeCapture(solidPng(200, 120, [40, 40, 40])), pageText: 'Plus de plage libre.' });
    await store.close();
    const where = `/${captionedPath(probe)}`;
    expect((await get(where, null)).status).toBe(401);
    const response = await get(where);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    // The capture is 200 × 120: the caption band sits above it.
    expect([png.readUInt32BE(16), png.readUInt32BE(20) > 120]).toEqual([200, true]);
    expect((await get(`/${captionedPath({ ...probe, id: 'absent' })}`)).status).toBe(404);
  });
});

describe('a new address on Entrée', () => {
  it('is said in the person’s language', () => {
    const said: string[] = [];
    for (const lang of ['fr', 'en'] as const) {
      const terminal = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.ReadStream;
      const stop = printAddressOnEnter({ loginUrl: () => 'http://127.0.0.1:4870/?token=abc' }, (line) => said.push(line), wordsFor(lang), terminal);
      terminal.emit('data', '\n');
      stop();
    }
    expect(said).toEqual(['Nouvelle adresse (usage unique) : http://127.0.0.1:4870/?token=abc', 'New address (one use only): http://127.0.0.1:4870/?token=abc']);
  });
});
