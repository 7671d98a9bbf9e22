// The robot kept off this computer and its network for a web page's call, in a real Chromium: a redirect, the
// page's own requests, a WebSocket and a name that resolves to 127.0.0.1 all meet the proxy.
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { chromiumPath, serveHandlers, type TestServer } from '../../../test/support/probe-harness.js';
import { createProber, type Prober } from './prober.js';
import { createPublicNetwork, isPrivateAddress, publicAddressOf, type PublicNetwork } from './private-network.js';

describe('which addresses are private', () => {
  it('knows loopback, private, link-local, shared and multicast ranges, in IPv4, IPv6 and IPv4-mapped IPv6', () => {
    const local = ['127.0.0.1', '127.8.9.10', '0.0.0.0', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '224.0.0.1', '255.255.255.255'];
    const local6 = ['::1', '::', 'fd00::1', 'fc00::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '64:ff9b::7f00:1', '64:ff9b::10.0.0.1', '::7f00:1', '::127.0.0.1'];
    const open = ['8.8.8.8', '172.32.0.1', '192.169.0.1', '93.184.216.34', '2a01:e0a::1', '::ffff:8.8.8.8', '64:ff9b::808:808', '64:ff9b::8.8.8.8'];
    expect([...local, ...local6].filter((address) => !isPrivateAddress(address))).toEqual([]);
    expect(open.filter(isPrivateAddress)).toEqual([]);
    expect(isPrivateAddress('not-an-address')).toBe(true);
  });

  it('refuses a name when any of its addresses is private, and says when it does not resolve', async () => {
    const names: Record<string, string[]> = { 'mixte.test': ['93.184.216.34', '10.0.0.5'], 'public.test': ['93.184.216.34'] };
    const resolve = (name: string) => Promise.resolve((names[name] ?? []).map((address) => ({ address })));
    expect(await publicAddressOf('mixte.test', resolve)).toEqual({ refused: 'private', address: '10.0.0.5' });
    expect(await publicAddressOf('public.test', resolve)).toEqual({ address: '93.184.216.34' });
    expect(await publicAddressOf('absent.test', resolve)).toEqual({ refused: 'unresolved' });
    expect(await publicAddressOf('intranet.localhost', resolve)).toEqual({ refused: 'private', address: '127.0.0.1' });
    expect(await publicAddressOf('[::1]', resolve)).toEqual({ refused: 'private', address: '::1' });
  });
});

describe('a web page’s call, in a real browser', () => {
  let secret: Server;
  let secretOrigin: string;
  const hits: string[] = [];
  // A STUN server on this computer: a page's peer connection would send it UDP, which no proxy sees.
  let stun: Socket;
  let stunPort: number;
  let site: TestServer;
  let network: PublicNetwork;
  let prober: Prober;

  beforeAll(async () => {
    // The intranet page: every request it receives is a failure of the guard.
    secret = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': '*' }).end('<h1>intranet : secret</h1>');
    });
    secret.on('upgrade', (req, socket) => {
      hits.push(`ws ${req.url ?? ''}`);
      socket.destroy();
    });
    await new Promise<void>((resolve) => secret.listen(0, '127.0.0.1', resolve));
    secretOrigin = `http://127.0.0.1:${(secret.address() as AddressInfo).port}`;
    stun = createSocket('udp4');
    stun.on('message', () => hits.push('udp'));
    await new Promise<void>((resolve) => stun.bind(0, '127.0.0.1', resolve));
    stunPort = stun.address().port;
    const port = (secret.address() as AddressInfo).port;
    // The replica a page may reach: it redirects, and its page reaches out on its own.
    site = await serveHandlers((_req, res, url) => {
      if (url.pathname === '/redirect') res.writeHead(302, { Location: `${secretOrigin}/redirected` }).end();
      else if (url.pathname === '/by-name') res.writeHead(302, { Location: `http://intranet.test:${port}/by-name` }).end();
      else if (url.pathname === '/page') {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<p id="s">…</p><img src="${secretOrigin}/img"><script>
          const said = [];
          Promise.allSettled([
            fetch('${secretOrigin}/fetch', { mode: 'cors' }).then((r) => r.text()),
            new Promise((resolve, reject) => { const w = new WebSocket('ws://127.0.0.1:${port}/ws'); w.onopen = resolve; w.onerror = reject; }),
          ]).then((all) => { document.getElementById('s').textContent = 'fini ' + all.map((a) => a.status).join(' '); });
        </script>`);
      } else if (url.pathname === '/rtc') {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<p id="s">…</p><script>
          const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:${stunPort}' }] });
          pc.createDataChannel('x');
          const found = [];
          pc.onicecandidate = (e) => { if (e.candidate) found.push(e.candidate.type); };
          pc.createOffer().then((offer) => pc.setLocalDescription(offer)).then(() => new Promise((resolve) => setTimeout(resolve, 1500)))
            .then(() => { document.getElementById('s').textContent = 'fini ' + found.length; });
        </script>`);
      } else return Promise.resolve(false);
      return Promise.resolve(true);
    });
    const names: Record<string, string> = { 'intranet.test': '127.0.0.1' };
    network = createPublicNetwork([site.origin], (name) => Promise.resolve(names[name] ? [{ address: names[name] }] : []));
    prober = createProber({ browserPath: chromiumPath(), timeoutMs: 30_000, appVersion: '0.0.0-test', clock: systemClock, log: () => undefined });
  });

  afterAll(async () => {
    await prober.close();
    await network.close();
    await site.close();
    await new Promise((resolve) => secret.close(resolve));
    await new Promise<void>((resolve) => stun.close(resolve));
  });

  const spec = (text: string) => ({ steps: [{ kind: 'waitForText' as const, text }], noSlotText: 'aucun', slotSelector: 'li' });

  it('goes through a redirect to this computer only when no web page asked', async () => {
    hits.length = 0;
    const guarded = await network.run(() => prober.trySteps(`${site.origin}/redirect`, spec('intranet'))).catch((error: unknown) => error);
    expect(hits).toEqual([]);
    expect(guarded).not.toMatchObject({ steps: [{ ok: true }] });
    // The same walk at the PC's own request reaches the page: the guard, not the setup, stopped it above.
    const trial = await prober.trySteps(`${site.origin}/redirect`, spec('intranet'));
    expect(trial.finalUrl).toBe(`${secretOrigin}/redirected`);
    expect(hits).toContain('/redirected');
  });

  it('says why a site could not be reached through the guard, as the browser alone would have', async () => {
    const target = { url: 'http://nowhere.test/booking/create/1', guichet: null, system: 'legacy' as const };
    const found = await network.run(() => prober.probe(target, { probeId: 'p-1', planningLabel: 'Nulle part' }));
    expect(found.outcome, found.detail).toBe('unreachable');
    expect(found.detailMessage).toMatchObject({ code: 'probe.unreachable', params: { reason: 'name' } });
  });

  it('keeps the page’s own requests (image, fetch, WebSocket) and a name that resolves to 127.0.0.1 off this computer', async () => {
    hits.length = 0;
    const trial = await network.run(() => prober.trySteps(`${site.origin}/page`, spec('fini')));
    // The page ran to its end: each of its requests was refused, none reached this computer.
    expect(trial.steps.every((step) => step.ok)).toBe(true);
    await network.run(() => prober.trySteps(`${site.origin}/by-name`, spec('intranet'))).catch(() => null);
    expect(hits).toEqual([]);
  });

  it('sends nothing around the proxy from a page’s peer connection (WebRTC): no UDP to this computer', async () => {
    hits.length = 0;
    const trial = await network.run(() => prober.trySteps(`${site.origin}/rtc`, spec('fini')));
    expect(trial.steps.every((step) => step.ok)).toBe(true);
    expect(hits).toEqual([]);
  });
});
