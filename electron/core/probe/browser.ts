// Which browser to drive, and one browser process shared by the probes, launched when first needed.
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { BrowserStatus } from '../../shared/api.js';
import { AppError } from '../errors.js';

export const BROWSER_ENV = 'GUICHETS_BROWSER';
/** A moderate page size: readable screenshots of tens of kilobytes. */
export const VIEWPORT = { width: 1024, height: 768 };

/** Headless or not: no background traffic to the browser maker, no first-run dialogs, no GPU (servers). */
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

type Env = Record<string, string | undefined>;

/** The usual install paths of Chrome, Edge and Chromium, most common first. */
export function browserCandidates(platform: NodeJS.Platform, env: Env, home = homedir()): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => !!root,
    );
    const win = path.win32;
    return [
      ...roots.map((root) => win.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((root) => win.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
      ...roots.map((root) => win.join(root, 'Chromium', 'Application', 'chrome.exe')),
    ];
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    return ['/Applications', path.join(home, 'Applications')].flatMap((dir) => apps.map((app) => `${dir}/${app}`));
  }
  return [
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ];
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface FindBrowserOptions {
  env: Env;
  /** The settings' browser path (null: look in the usual places). */
  settingsPath: string | null;
  platform?: NodeJS.Platform;
  /** For tests: whether a file is a browser that can be run. */
  exists?: (file: string) => boolean;
}

const HOW_TO =
  'Installez Google Chrome, Microsoft Edge ou Chromium, ou indiquez le chemin de votre navigateur dans les réglages (ou dans la variable GUICHETS_BROWSER).';

/** The env variable, else the settings' path, else the usual places. An explicit path that is wrong is said so. */
export function findBrowser(options: FindBrowserOptions): BrowserStatus {
  const exists = options.exists ?? isExecutableFile;
  const fromEnv = options.env[BROWSER_ENV]?.trim();
  if (fromEnv) {
    if (exists(fromEnv)) return { found: true, path: fromEnv, message: null };
    return {
      found: false,
      path: null,
      message: `Le navigateur indiqué par ${BROWSER_ENV} est introuvable : ${fromEnv}. Corrigez ce chemin ou retirez la variable.`,
    };
  }
  const fromSettings = options.settingsPath?.trim();
  if (fromSettings) {
    if (exists(fromSettings)) return { found: true, path: fromSettings, message: null };
    return {
      found: false,
      path: null,
      message: `Le navigateur indiqué dans les réglages est introuvable : ${fromSettings}. Corrigez le chemin dans les réglages, ou effacez-le pour chercher aux emplacements habituels.`,
    };
  }
  const found = browserCandidates(options.platform ?? process.platform, options.env).find((file) => exists(file));
  if (found) return { found: true, path: found, message: null };
  return { found: false, path: null, message: `Aucun navigateur Chrome, Edge ou Chromium n'a été trouvé. ${HOW_TO}` };
}

export interface LaunchedBrowser {
  browser: Browser;
  /** "Chromium", "Google Chrome" or "Microsoft Edge". */
  name: string;
  version: string;
  /** The user agent the probes send: the browser's own, without the "Headless" a person's browser lacks. */
  userAgent: string;
}

export interface BrowserHost {
  get(): Promise<LaunchedBrowser>;
  close(): Promise<void>;
}

function browserName(executable: string): string {
  if (/edge/i.test(executable)) return 'Microsoft Edge';
  if (/chromium/i.test(executable)) return 'Chromium';
  if (/chrome/i.test(executable)) return 'Google Chrome';
  return 'Chromium';
}

async function launch(executablePath: string): Promise<LaunchedBrowser> {
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new AppError(
      'browser_not_found',
      `Le navigateur ${executablePath} n'a pas pu être lancé (${reason}). ${HOW_TO}`,
    );
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  const agent = String(await page.evaluate('navigator.userAgent'));
  await context.close();
  return {
    browser,
    name: browserName(executablePath),
    version: browser.version(),
    userAgent: agent.replace('HeadlessChrome', 'Chrome'),
  };
}

/** One browser process, launched on first use and again if it died. */
export function createBrowserHost(executablePath: string | null): BrowserHost {
  let launched: LaunchedBrowser | null = null;
  let launching: Promise<LaunchedBrowser> | null = null;
  return {
    get() {
      if (executablePath === null) {
        return Promise.reject(new AppError('browser_not_found', `Aucun navigateur n'est configuré. ${HOW_TO}`));
      }
      if (launched?.browser.isConnected()) return Promise.resolve(launched);
      // Probes that start together share one launch.
      launching ??= launch(executablePath)
        .then((fresh) => (launched = fresh))
        .finally(() => (launching = null));
      return launching;
    },
    async close() {
      await launching?.catch(() => null);
      const last = launched;
      launched = null;
      await last?.browser.close().catch(() => undefined);
    },
  };
}
