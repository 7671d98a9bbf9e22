// The Chromium that draws a dossier's charts and PDF, and the published site's, keeps its sandbox wherever it can
// run, as the probes' does: Playwright turns it off (`--no-sandbox`) unless asked. Here the machine is one where the
// sandbox runs (not root), and the launch is recorded instead of made.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LaunchOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import type { BrowserPurpose } from '../electron/core/probe/browser.js';
import { createStore } from '../electron/core/store/index.js';
import { appendSyntheticProbes } from './support/synthetic.js';

const { launched, SANDBOX_RUNS } = vi.hoisted(() => ({ launched: [] as LaunchOptions[], SANDBOX_RUNS: { enabled: true, reason: null } }));

// The launch is recorded instead of made; the machine's sandbox decision is the one of a machine where it runs.
vi.mock('playwright-core', () => ({
  chromium: {
    launch: (options: LaunchOptions) => {
      launched.push(options);
      return Promise.reject(new Error('lancement enregistré'));
    },
  },
}));
vi.mock('../electron/core/probe/browser.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../electron/core/probe/browser.js')>();
  return {
    ...real,
    SANDBOX: SANDBOX_RUNS,
    LAUNCH_ARGS: real.launchArgs(SANDBOX_RUNS),
    launchHeadless: (executablePath: string, purpose: BrowserPurpose) => real.launchHeadless(executablePath, purpose, SANDBOX_RUNS),
  };
});

/** The flags Chromium gets: Playwright adds --no-sandbox unless `chromiumSandbox` is true. */
const chromiumFlags = (options: LaunchOptions | undefined): string[] => [
  ...(options?.args ?? []),
  ...(options?.chromiumSandbox === true ? [] : ['--no-sandbox']),
];

let dir: string;
let browser: string;
let core: Core;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-sandbox-'));
  // A program that answers as Chromium does (the launch itself is recorded, not made).
  browser = path.join(dir, 'chromium');
  await writeFile(browser, '#!/bin/sh\necho "Chromium 131.0.6778.85"\n');
  await chmod(browser, 0o755);
  core = createCore({ dataDir: dir, appVersion: '0.0.0-test', env: { GUICHETS_BROWSER: browser, GUICHETS_TSA_URLS: 'none' }, log: () => undefined });
  const planning = await core.api['plannings:create']({
    label: 'Évry titres',
    departement: '91',
    prefecture: 'Évry',
    url: 'https://www.essonne.gouv.fr/booking/create/1',
    system: 'legacy',
    guichet: null,
    procedure: '',
    onlineMandatory: true,
  });
  await core.close();
  const store = createStore({ dir, clock: { now: () => new Date() } });
  await appendSyntheticProbes(store, { planningId: planning.id, count: 6, start: new Date(Date.now() - 40 * 86_400_000).toISOString(), artefacts: false });
  await store.close();
  core = createCore({ dataDir: dir, appVersion: '0.0.0-test', env: { GUICHETS_BROWSER: browser, GUICHETS_TSA_URLS: 'none' }, log: () => undefined });
});

afterAll(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the drawing Chromium, on a machine where the sandbox runs', () => {
  it('draws a dossier in the sandbox', async () => {
    launched.length = 0;
    const ids = (await core.api['plannings:list'](undefined)).map((overview) => overview.planning.id);
    // The person is told which browser did not start and what it was for, in their language.
    expect(await core.handle('dossier:create', { planningIds: ids })).toMatchObject({
      ok: false,
      error: { code: 'browser_not_found', coreMessage: { code: 'browser.launch_failed', params: { path: browser, purpose: 'dossier' } } },
    });
    expect(launched).toHaveLength(1);
    expect(chromiumFlags(launched[0])).not.toContain('--no-sandbox');
  });

  it('draws the published site in the sandbox', async () => {
    launched.length = 0;
    expect(await core.handle('publish:site', {})).toMatchObject({
      ok: false,
      error: { code: 'browser_not_found', message: expect.stringMatching(/^Le navigateur .+ n'a pas pu être lancé \(.+\) : il dessine les graphiques\.$/) as unknown },
    });
    expect(launched).toHaveLength(1);
    expect(chromiumFlags(launched[0])).not.toContain('--no-sandbox');
  });
});
