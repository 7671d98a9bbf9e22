// Which browser to drive, and one browser process shared by the probes, launched when first needed.
import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserType, LaunchOptions } from 'playwright-core';
import type { BrowserStatus } from '../../shared/api.js';
import { AppError, coreError } from '../errors.js';
import { coreMessage, type CoreMessage } from '../../shared/messages/index.js';

export const BROWSER_ENV = 'GUICHETS_BROWSER';

let playwright: Promise<typeof import('playwright-core')> | null = null;
/**
 * Playwright's Chromium driver, loaded the first time a browser is launched: loading it costs about 0.6 s, which
 * the dashboard's start-up need not wait for.
 */
export async function chromiumDriver(): Promise<BrowserType> {
  playwright ??= import('playwright-core');
  return (await playwright).chromium;
}
/** A moderate page size: readable screenshots of tens of kilobytes. */
export const VIEWPORT = { width: 1024, height: 768 };

export interface SandboxFacts {
  platform: NodeJS.Platform;
  /** Running as root (uid 0): Chromium refuses its sandbox then. */
  root: boolean;
  /** Linux: whether unprivileged user namespaces are allowed (null: unknown, assumed allowed). */
  userNamespaces: boolean | null;
}

export interface SandboxDecision {
  enabled: boolean;
  /** Why the sandbox is off (`notice.sandbox_…`); null when it is on. */
  reason: CoreMessage | null;
}

/** Chromium's sandbox stays on wherever it can run: off only as root, or on a Linux kernel without user namespaces. */
export function sandboxDecision(facts: SandboxFacts): SandboxDecision {
  if (facts.platform !== 'linux' && facts.platform !== 'darwin') return { enabled: true, reason: null };
  if (facts.root) {
    return {
      enabled: false,
      reason: coreMessage('notice.sandbox_root'),
    };
  }
  if (facts.platform === 'linux' && facts.userNamespaces === false) {
    return {
      enabled: false,
      reason: coreMessage('notice.sandbox_userns'),
    };
  }
  return { enabled: true, reason: null };
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The facts of this machine. */
export function hostSandboxFacts(): SandboxFacts {
  const clone = readProc('/proc/sys/kernel/unprivileged_userns_clone');
  const max = readProc('/proc/sys/user/max_user_namespaces');
  const restricted = readProc('/proc/sys/kernel/apparmor_restrict_unprivileged_userns');
  const userNamespaces = process.platform !== 'linux' ? null : !(clone === '0' || max === '0' || restricted === '1');
  return { platform: process.platform, root: process.getuid?.() === 0, userNamespaces };
}

export const SANDBOX = sandboxDecision(hostSandboxFacts());

/** The flags for a decision: --no-sandbox only when the sandbox cannot run. */
export function launchArgs(sandbox: SandboxDecision): string[] {
  return [...(sandbox.enabled ? [] : ['--no-sandbox']), ...COMMON_ARGS];
}

/**
 * Headless or not: no background traffic to the browser maker, no first-run dialogs, no GPU (servers). A page's
 * peer connection (WebRTC) sends nothing but through the context's proxy: its UDP would go around the proxy that
 * keeps a préfecture's page off this computer and its network, and no booking page needs it.
 */
const COMMON_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
];

export const LAUNCH_ARGS = launchArgs(SANDBOX);

/**
 * Playwright's handling of Ctrl+C and the like turned off: it would close every browser and end the process
 * (exit 130) under a probe being written. The process's own shutdown stops the schedule first, then the browsers.
 */
export const OWN_SHUTDOWN = { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } as const;

/**
 * Every headless Chromium Guichets starts (the probes', the one that draws dossiers and the published site): its
 * sandbox kept wherever it can run, since Playwright turns it off unless asked (`--no-sandbox` only as root).
 */
export function headlessLaunchOptions(executablePath: string, sandbox: SandboxDecision = SANDBOX): LaunchOptions {
  return { executablePath, headless: true, args: launchArgs(sandbox), chromiumSandbox: sandbox.enabled, ...OWN_SHUTDOWN };
}

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

const BROWSER_VERSION = /^(Google Chrome|Chromium|Microsoft Edge)\b[^\n]*\d+\.\d+/;
const checkedPrograms = new Set<string>();

/** What a program says it is: `--version`'s first line, or on Windows its file's product name (not run). */
async function programIdentity(file: string): Promise<string> {
  const run = (command: string, args: string[], env?: NodeJS.ProcessEnv) =>
    new Promise<string>((resolve) => {
      execFile(command, args, { timeout: 15_000, windowsHide: true, env: env ?? process.env }, (error, stdout) => resolve(error ? '' : stdout.trim()));
    });
  if (process.platform === 'win32') {
    const name = await run('powershell.exe', ['-NoProfile', '-Command', '(Get-Item -LiteralPath $env:GUICHETS_CHECK).VersionInfo.ProductName'], {
      ...process.env,
      GUICHETS_CHECK: file,
    });
    return name ? `${name} 0.0` : '';
  }
  return run(file, ['--version']);
}

/**
 * Refuses a program that does not answer like Chrome, Chromium or Edge before Guichets launches it: a path set
 * by mistake (or by someone else) is never run as the probing browser.
 */
export async function checkBrowserProgram(file: string): Promise<void> {
  if (checkedPrograms.has(file)) return;
  const identity = await programIdentity(file);
  if (!BROWSER_VERSION.test(identity)) {
    throw new AppError(
      'browser_not_found',
      `« ${file} » ne se présente pas comme Chrome, Chromium ou Edge${identity ? ` (il répond « ${identity.split('\n')[0]?.slice(0, 80) ?? ''} »)` : ''} : Guichets ne le lance pas. ${HOW_TO}`,
    );
  }
  checkedPrograms.add(file);
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

/** What a headless Chromium is launched for: the probes, or drawing a chart, a dossier, the published site. */
export type BrowserPurpose = 'probes' | 'chart' | 'dossier' | 'site';

/**
 * Every headless Chromium Guichets starts, launched one way; one that cannot start is said with its path, the
 * browser's own first line and what it was for.
 */
export async function launchHeadless(executablePath: string, purpose: BrowserPurpose, sandbox: SandboxDecision = SANDBOX): Promise<Browser> {
  // Whatever it is launched for, a program that does not answer as a Chromium-family browser is never run; the
  // check says so in its own words.
  await checkBrowserProgram(executablePath);
  try {
    return await (await chromiumDriver()).launch(headlessLaunchOptions(executablePath, sandbox));
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw coreError('browser_not_found', { code: 'browser.launch_failed', params: { path: executablePath, reason, purpose } });
  }
}

async function launch(executablePath: string): Promise<LaunchedBrowser> {
  const browser = await launchHeadless(executablePath, 'probes');
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
