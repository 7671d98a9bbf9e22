// A probe the schedule abandons (its signal aborted) stops at once instead of running on beside the next ones.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { createProber, type Prober } from './prober.js';

let server: http.Server;
let prober: Prober;

beforeAll(async () => {
  // A site that accepts the request and never answers.
  server = http.createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browserPath = process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium';
  // Far longer than the test may take: only the abort can end this probe in time.
  prober = createProber({ browserPath, timeoutMs: 600_000, appVersion: 'test', clock: systemClock, log: () => undefined });
});
afterAll(async () => {
  await prober.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('closes the browser context of an abandoned probe, which then ends', async () => {
  const { port } = server.address() as AddressInfo;
  const controller = new AbortController();
  const url = `http://127.0.0.1:${port}/booking/create/1/0`;
  const probe = prober.probe({ url, guichet: null, system: 'legacy' }, { probeId: 'p', planningLabel: 'lent' }, { signal: controller.signal });
  // Once the request has reached the site, the schedule gives up on the probe.
  await new Promise<void>((resolve) => server.once('request', () => resolve()));
  controller.abort(new Error('timeout'));
  const result = await probe;
  // Its page is gone with its context: nothing left to capture (a probe merely timed out keeps its screenshot).
  expect(result.screenshot).toBeNull();
}, 60_000);
