// Test support for the adapters: a local server mounting replica handlers, one Chromium per test file, and an
// AdapterContext over a fresh browser context, as the prober gives one to each probe.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Response } from 'playwright-core';
import { afterAll, vi } from 'vitest';
import type { ReplicaHandler } from '../../electron/replicas/types.js';
import type { AdapterContext, AdapterResult, ProbeTarget } from '../../electron/core/probe/types.js';
import { LAUNCH_ARGS } from '../../electron/core/probe/browser.js';
import { navigationFailure, ProbeStop } from '../../electron/core/probe/visit.js';
import { PARIS } from '../../electron/shared/domain.js';


export const chromiumPath = (): string => process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium';

export function launchTestBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: LAUNCH_ARGS });
}

/**
 * The concurrent tests of the calling file run two at a time, as the schedule runs probes (DEFAULT_PARALLEL): each
 * mostly waits for its pages, so that two keep the browser busy where one leaves it idle.
 */
export function twoTestsAtATime(): void {
  vi.setConfig({ maxConcurrency: 2 });
  afterAll(() => {
    vi.resetConfig();
  });
}

export interface TestServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the handlers on 127.0.0.1; a request no handler answers gets a plain 404. */
export async function serveHandlers(...handlers: ReplicaHandler[]): Promise<TestServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void (async () => {
      for (const handler of handlers) if (await handler(req, res, url)) return;
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestContext extends AdapterContext {
  context: BrowserContext;
  statuses: number[];
  close(): Promise<void>;
}

const idle = new WeakMap<Browser, BrowserContext[]>();

/**
 * A page without cookies, as each probe gets. The tests reuse a browser's contexts and empty their cookies, which
 * is what a fresh context gives the replicas (they send no-store) at a fraction of its cost; a context serves one
 * test at a time, so that tests running together never share a session.
 */
export async function adapterContext(browser: Browser, target: ProbeTarget): Promise<TestContext> {
  let free = idle.get(browser);
  if (!free) idle.set(browser, (free = []));
  const context = free.pop() ?? (await browser.newContext({ locale: 'fr-FR', timezoneId: PARIS }));
  await context.clearCookies();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const statuses: number[] = [];
  let closed = false;
  return {
    context,
    page,
    target,
    statuses,
    log: () => undefined,
    noteResponse: (response: Response | null) => {
      if (response) statuses.push(response.status());
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await page.close();
      free.push(context);
    },
  };
}

/** An adapter's answer as the prober records it: a walk stopped early (ProbeStop, no answer) is an outcome too. */
export async function settle(work: Promise<AdapterResult>): Promise<AdapterResult> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ProbeStop) return error.result;
    const failure = navigationFailure(error);
    if (failure) return failure;
    throw error;
  }
}

/** A virtual screen of its own: Xvfb picks a free display number and writes it on the given descriptor. */
export function startXvfb(): Promise<{ child: ChildProcess; display: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.once('error', reject);
    child.stdout.once('data', (data: Buffer) => resolve({ child, display: `:${data.toString().trim()}` }));
  });
}
