// The prober's evidence and its failures on our side, in a real headless Chromium against the local replica.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { AppError } from '../errors.js';
import { guichetOfShape, startReplicaServer, type ReplicaServer } from '../../replicas/index.js';
import { serveHandlers } from '../../../test/support/probe-harness.js';
import { VIEWPORT } from './browser.js';
import { captionLines } from './caption.js';
import { formatParis } from './format.js';
import { createProber, type Prober } from './prober.js';

const clock = fixedClock('2026-11-26T13:05:09Z');
const browserPath = process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium';
const caption = { probeId: 'sondage-42', planningLabel: 'Rouen — premier titre de séjour' };

let server: ReplicaServer;
let prober: Prober;

beforeAll(async () => {
  server = await startReplicaServer({ clock });
  prober = createProber({ browserPath, timeoutMs: 30_000, appVersion: '9.9.9', clock, log: () => undefined });
});
afterAll(async () => {
  await prober.close();
  await server.close();
});

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('prober: evidence', () => {
  it('captures the page as it shows (its caption is drawn from the record) and keeps a no-slot capture small', async () => {
    const { form } = guichetOfShape('none');
    const result = await prober.probe({ url: server.origin + form.path, guichet: null }, caption);
    expect(result.outcome).toBe('no_date');
    const png = result.screenshot ?? Buffer.alloc(0);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const size = pngSize(png);
    expect(size.width).toBe(VIEWPORT.width);
    // The page fits the viewport: no band is burned in any more (report/captioned.ts draws it on demand).
    expect(size.height).toBe(VIEWPORT.height);
    // « tens of kilobytes, not hundreds »
    expect(png.length).toBeLessThan(100_000);
    console.info(`no-slot capture: ${png.length} bytes, ${size.width}×${size.height}`);
  });

  it('records when, where and with what the probe ran', async () => {
    const { form } = guichetOfShape('two_first_week');
    const result = await prober.probe({ url: server.origin + form.path, guichet: null }, caption);
    expect(result.startedAt).toEqual(clock.now());
    expect(result.durationMs).toBeGreaterThan(0);
    expect(result.httpStatus).toBe(200);
    expect(result.finalUrl).toContain(`/booking/create/${form.id}/4`);
    expect(result.pageText).toContain('Semaine du');
    expect(result.environment).toMatchObject({ appVersion: '9.9.9', freshProfile: true, timeSource: 'horloge système' });
    expect(result.environment.browserVersion).toMatch(/^\d+\./);
    expect(result.environment.userAgent).toContain('Chrome/');
    expect(result.environment.userAgent).not.toContain('Headless');
    console.info(`calendar capture: ${result.screenshot?.length ?? 0} bytes`);
  });

  it('writes the caption in French with the Paris and UTC times and the outcome in words', () => {
    expect(formatParis(clock.now())).toBe('jeudi 26 novembre 2026 à 14:05');
    const facts = {
      ...caption,
      url: 'https://x.test/booking/create/1',
      startedAt: clock.now(),
      outcome: 'dates' as const,
      firstSlot: '2026-12-03T09:30',
      secondSlot: null,
    };
    const lines = new Map(captionLines(facts));
    expect(lines.get('Date (UTC)')).toBe('2026-11-26 13:05:09 UTC');
    expect(lines.get('Résultat')).toBe('Dates disponibles : première le jeudi 3 décembre 2026 à 09:30, pas de deuxième date');
    expect(lines.get('Sondage')).toBe('sondage-42');
  });
});

describe('prober: failures', () => {
  it('records an unreachable site when nothing listens', async () => {
    const port = await closedPort();
    const result = await prober.probe({ url: `http://127.0.0.1:${port}/booking/create/9829/0`, guichet: null }, caption);
    expect(result.outcome).toBe('unreachable');
    expect(result.detail).toContain('le site ne répond pas (connexion refusée)');
    expect(result.detailMessage?.params?.error).toBe('net::ERR_CONNECTION_REFUSED');
  });

  it('gives a probe that ran out of time on a frozen page one evidence delay, not one per capture step', async () => {
    // The page's own script spins once it has loaded: every read of it (text, height, capture) waits in vain.
    const frozen = await serveHandlers((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>Rendez-vous</h1><script>setTimeout(() => { for (;;) {} }, 300)</script>');
      return Promise.resolve(true);
    });
    try {
      const result = await prober.probe({ url: `${frozen.origin}/booking/create/1/0`, guichet: null, system: 'legacy' }, caption, { timeoutMs: 3_000 });
      expect(result.outcome).toBe('unreachable');
      // 3 s of probe, then at most 10 s for its evidence (text, height and capture together), with margin.
      expect(result.durationMs).toBeLessThan(18_000);
    } finally {
      await frozen.close();
    }
  }, 90_000);

  it('records a robot error, without throwing, when the browser does not exist', async () => {
    const broken = createProber({
      browserPath: '/nonexistent/chrome',
      timeoutMs: 5_000,
      appVersion: '9.9.9',
      clock,
      log: () => undefined,
    });
    const result = await broken.probe({ url: `${server.origin}/booking/create/9829/0`, guichet: '9830' }, caption);
    await broken.close();
    expect(result.outcome).toBe('robot_error');
    expect(result.detail).toContain('/nonexistent/chrome');
    expect(result.screenshot).toBeNull();
  });

  it('rejects what is not a web address, or not a known booking module, with a French message', async () => {
    const notUrl = prober.probe({ url: 'bobigny', guichet: null }, caption);
    await expect(notUrl).rejects.toMatchObject({ code: 'invalid_input' });
    const unknown = { url: 'https://example.org/rendez-vous', guichet: null };
    const error = await prober.probe(unknown, caption).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unsupported_site' });
    expect((error as Error).message).toContain('Vérifiez');
  });

  it('launches the browser again after it was closed', async () => {
    await prober.close();
    const { form } = guichetOfShape('none');
    const result = await prober.probe({ url: server.origin + form.path, guichet: null }, caption);
    expect(result.outcome).toBe('no_date');
  });
});
