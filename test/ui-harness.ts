// What the browser tests of the UI share: the built renderer, the browser, where screenshots go.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LAUNCH_ARGS } from '../electron/core/probe/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const STATIC_DIR = path.join(ROOT, 'dist', 'renderer');
export const RESULTS = path.join(ROOT, 'test-results');
export const BROWSER = process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium';

const LOCK = path.join(ROOT, 'dist', '.renderer-build.lock');

async function builtIsCurrent(): Promise<boolean> {
  const built = await stat(path.join(STATIC_DIR, 'index.html')).catch(() => null);
  if (!built) return false;
  const sources = await readdir(path.join(ROOT, 'renderer'), { recursive: true });
  const newest = Math.max(
    ...(await Promise.all(sources.map(async (file) => (await stat(path.join(ROOT, 'renderer', file))).mtimeMs))),
  );
  return built.mtimeMs >= newest;
}

/**
 * `npm test` builds the renderer first; a lone run builds it when the sources are newer. Test files run in
 * parallel: a lock folder keeps two builds from emptying the output folder under each other.
 */
export async function ensureRendererBuilt(): Promise<void> {
  await mkdir(path.dirname(LOCK), { recursive: true });
  for (;;) {
    if (await builtIsCurrent()) return;
    const locked = await mkdir(LOCK).then(
      () => true,
      () => false,
    );
    if (locked) break;
    // Another file is building; a lock older than a few minutes was left by a crashed run.
    const lock = await stat(LOCK).catch(() => null);
    if (lock && Date.now() - lock.mtimeMs > 180_000) await rm(LOCK, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    if (await builtIsCurrent()) return;
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test, which would bundle React's development build: test what users run.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/**
 * Opens the address the web host printed, as the person does, and waits until the page has traded its one-time
 * token for the session (kept in the tab's sessionStorage): a navigation before that would find the tab without one.
 */
export async function logIn(page: Page, loginUrl: string): Promise<void> {
  await page.goto(loginUrl);
  await page.waitForFunction("sessionStorage.getItem('guichets-session') !== null");
}

export async function launchBrowser(): Promise<Browser> {
  await mkdir(RESULTS, { recursive: true });
  return chromium.launch({ executablePath: BROWSER, headless: true, args: LAUNCH_ARGS });
}

/** What a desktop page's bridge answers: its calls go to `handle`, its folder dialog answers `chooseFolder()`. */
export interface DesktopStandIn {
  handle(method: string, input: unknown): Promise<unknown>;
  chooseFolder(): string | null;
}

/**
 * A page of the built UI with the desktop's bridges, as Electron's preload exposes them (`window.api`,
 * `window.desktop`), wired to a core in this process.
 */
export async function desktopPage(browser: Browser, standIn: DesktopStandIn): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  page.setDefaultTimeout(20_000);
  await page.exposeFunction('__guichetsCall', (method: string, input: string | null) =>
    standIn.handle(method, input === null ? undefined : (JSON.parse(input) as unknown)),
  );
  await page.exposeFunction('__guichetsChooseFolder', () => standIn.chooseFolder());
  await page.addInitScript(`
    const listeners = new Map();
    window.__guichetsPush = (event, payload) => (listeners.get(event) || new Set()).forEach((listener) => listener(payload));
    window.api = {
      call: (method, input) => window.__guichetsCall(method, input === undefined ? null : JSON.stringify(input)),
      on: (event, listener) => {
        const set = listeners.get(event) || new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    };
    window.desktop = {
      saveCsvDialog: () => Promise.resolve(null),
      chooseFolderDialog: () => window.__guichetsChooseFolder(),
      chooseLogoDialog: () => Promise.resolve(null),
    };
  `);
  return page;
}

/** Delivers an event to a desktop page's listeners, as Electron's preload does when the core emits it. */
export async function pushEvent(page: Page, event: string, payload: unknown): Promise<void> {
  await page.evaluate(`window.__guichetsPush(${JSON.stringify(event)}, ${JSON.stringify(payload)})`);
}
