// The web host as another program on the PC meets it: no secret, no API; the printed address logs a browser in
// once; the browser path cannot be set over HTTP.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/api/create-core.js';
import { startWebHost, type WebHost } from './webhost.js';

let dir: string;
let core: Core;
let host: WebHost;

const call = (method: string, body: unknown, cookie?: string) =>
  fetch(new URL(`/api/${method}`, host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });

async function login(): Promise<{ cookie: string; header: string }> {
  const response = await fetch(host.loginUrl(), { redirect: 'manual' });
  expect(response.status).toBe(303);
  const header = response.headers.get('set-cookie') ?? '';
  return { cookie: header.split(';')[0] ?? '', header };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-webhost-'));
  core = createCore({ dataDir: dir, appVersion: '0.0.0-test', env: { GUICHETS_TSA_URLS: 'none' }, log: () => undefined });
  host = await startWebHost({ core, port: 0, staticDir: dir, log: () => undefined });
});

afterAll(async () => {
  await host.close();
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the web host’s secret', () => {
  it('answers 401 to every API call, the event stream, evidence and the CSV without the session cookie', async () => {
    expect((await call('app:info', null)).status).toBe(401);
    expect((await call('settings:update', { hostSpacingSeconds: 1 })).status).toBe(401);
    for (const where of ['/api/events', '/api/export.csv', '/evidence/p1/2026-03/x.png']) {
      expect((await fetch(new URL(where, host.url))).status).toBe(401);
    }
    expect((await call('app:info', null, 'guichets_session=guessed')).status).toBe(401);
  });

  it('trades the one-time token of the printed address for an HttpOnly, SameSite=Strict cookie', async () => {
    const url = host.loginUrl();
    const { cookie, header } = await login();
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    const info = await call('app:info', null, cookie);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ ok: true, value: { dataDir: dir } });
    const events = await fetch(new URL('/api/events', host.url), { headers: { Cookie: cookie } });
    expect(events.status).toBe(200);
    await events.body?.cancel();
    // Once used, a token opens nothing: a copy of the address in a shell history is worthless.
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(401);
  });

  it('never lets the browser path be set over HTTP, even with the cookie', async () => {
    const { cookie } = await login();
    const response = await call('settings:update', { browserPath: '/tmp/evil.sh' }, cookie);
    expect(response.status).toBe(403);
    const settings = (await (await call('settings:get', null, cookie)).json()) as { value: { browserPath: string | null } };
    expect(settings.value.browserPath).toBeNull();
  });

  it('names its cookie after its port, so that serve and demo side by side keep their own sessions', async () => {
    const { header } = await login();
    expect(header.startsWith(`guichets_session_${new URL(host.url).port}=`)).toBe(true);
  });

  it('never lets the page choose where the core writes: a CSV, a dossier or the site is downloaded, not placed', async () => {
    const { cookie } = await login();
    for (const [method, input] of [
      ['export:csv', { path: '/tmp/x.csv' }],
      ['dossier:create', { planningIds: [], path: '/tmp/x.zip' }],
      ['publish:site', { path: '/tmp/site' }],
    ] as const) {
      const response = await call(method, input, cookie);
      expect(response.status, method).toBe(400);
    }
  });

  it('exports a CSV without keeping the writer lock, so that the desktop app can still write afterwards', async () => {
    const { cookie } = await login();
    const download = await fetch(new URL('/api/export.csv', host.url), { headers: { Cookie: cookie } });
    expect(download.status).toBe(200);
    await download.text();
    const desktop = createCore({ dataDir: dir, appVersion: '0.0.0-test', env: { GUICHETS_TSA_URLS: 'none' }, log: () => undefined });
    try {
      expect(await desktop.handle('settings:update', { hostSpacingSeconds: 45 })).toMatchObject({ ok: true });
    } finally {
      await desktop.close();
    }
  });
});
