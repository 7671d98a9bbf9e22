// The desktop's IPC layer, against the stand-in of Electron: who may call the core, and with which paths.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, FakeWebContents } from '../../test/support/fake-electron.js';
import type { Core } from '../core/api/index.js';
import { DEFAULT_SETTINGS, type Settings } from '../shared/domain.js';
import { DESKTOP_CHANNELS, type ApiEvents, type Envelope } from '../shared/api.js';
import { setupIpc } from './ipc.js';

vi.mock('electron', () => import('../../test/support/fake-electron.js'));

const RENDERER = '/opt/guichets/dist/renderer';
const OWN_PAGE = `${pathToFileURL(RENDERER).toString()}/index.html`;

interface StubCore {
  core: Core;
  calls: { method: string; input: unknown }[];
  settings: Settings;
  emit<E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]): void;
}

/** The core as the IPC layer sees it: what reached it is recorded, and answered ok. */
function stubCore(): StubCore {
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const stub: StubCore = {
    calls,
    settings: { ...DEFAULT_SETTINGS, browserPath: '/usr/bin/chromium', associationLogo: '/home/a/logo.png' },
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    core: {
      handle: (method: string, input: unknown) => {
        calls.push({ method, input });
        return Promise.resolve({ ok: true, value: null });
      },
      api: { 'settings:get': () => Promise.resolve(stub.settings) },
      exportsDir: '/home/a/Guichets/exports',
      on: (event: string, listener: (payload: unknown) => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return () => undefined;
      },
    } as unknown as Core,
  };
  return stub;
}

let stub: StubCore;
let window: FakeBrowserWindow;

const call = (method: string, input: unknown, contents: FakeWebContents = window.webContents, frame?: { url: string } | null) =>
  fake.invoke('api:call', contents, [method, input], frame === undefined ? contents.mainFrame : frame) as Promise<Envelope<unknown>>;

beforeEach(() => {
  fake.reset();
  stub = stubCore();
  setupIpc(stub.core, RENDERER);
  window = new FakeBrowserWindow();
  window.webContents.mainFrame.url = OWN_PAGE;
});

describe('who may call the core', () => {
  it('answers our own UI, in its main frame', async () => {
    expect(await call('plannings:list', undefined)).toMatchObject({ ok: true });
    expect(stub.calls).toEqual([{ method: 'plannings:list', input: undefined }]);
  });

  it('refuses a foreign page, a sub-frame (even one of our files) and a call without a frame', async () => {
    const foreign = new FakeWebContents('https://example.org/');
    expect(await call('plannings:remove', { id: 'p1' }, foreign)).toMatchObject({ ok: false, error: { message: 'Appel refusé : origine inconnue.' } });
    expect(await call('plannings:remove', { id: 'p1' }, window.webContents, { url: 'https://ads.example/frame' })).toMatchObject({ ok: false });
    expect(await call('plannings:remove', { id: 'p1' }, window.webContents, { url: OWN_PAGE })).toMatchObject({ ok: false });
    expect(await call('plannings:remove', { id: 'p1' }, window.webContents, null)).toMatchObject({ ok: false });
    // A file next to the UI's folder, whose name starts the same, is not the UI.
    const lookalike = new FakeWebContents(`${pathToFileURL(`${RENDERER}-evil`).toString()}/index.html`);
    expect(await call('plannings:remove', { id: 'p1' }, lookalike)).toMatchObject({ ok: false });
    expect(stub.calls).toEqual([]);
  });

  it('opens no dialog for a foreign page', async () => {
    const foreign = new FakeWebContents('https://example.org/');
    fake.dialogAnswers.push({ filePaths: ['/etc/shadow'] });
    expect(await fake.invoke(DESKTOP_CHANNELS.chooseImportFileDialog, foreign, [])).toBeNull();
    expect(fake.dialogsShown).toEqual([]);
  });
});

describe('a change of settings', () => {
  it('is told to the shell (which words its tray again) once the core took it, and only then', async () => {
    fake.reset();
    let told = 0;
    setupIpc(stub.core, RENDERER, () => (told += 1));
    window = new FakeBrowserWindow();
    window.webContents.mainFrame.url = OWN_PAGE;
    await call('plannings:list', undefined);
    await call('settings:get', undefined);
    expect(told).toBe(0);
    await call('settings:update', { language: 'en' });
    expect(told).toBe(1);
    // Refused before the core (a typed browser path): nothing changed, nothing told.
    await call('settings:update', { browserPath: '/home/a/chrome' });
    expect(told).toBe(1);
    // The new data folder has settings of its own.
    fake.dialogAnswers.push({ filePaths: ['/media/cle/Guichets'] });
    await fake.invoke(DESKTOP_CHANNELS.chooseFolderDialog, window.webContents, []);
    await call('app:moveDataFolder', { to: '/media/cle/Guichets' });
    expect(told).toBe(2);
  });
});

describe('paths come from a dialog the person used', () => {
  it('refuses a typed import path, then accepts the file chosen in the dialog of that window', async () => {
    const typed = await call('import:file', { path: '/home/a/.ssh/id_rsa' });
    expect(typed).toMatchObject({ ok: false, error: { field: ['path'], params: { rule: 'dialog_only' } } });
    fake.dialogAnswers.push({ filePaths: ['/home/a/sondages.csv'] });
    expect(await fake.invoke(DESKTOP_CHANNELS.chooseImportFileDialog, window.webContents, [])).toBe('/home/a/sondages.csv');
    expect(await call('import:file', { path: '/home/a/sondages.csv' })).toMatchObject({ ok: true });
    expect(stub.calls).toEqual([{ method: 'import:file', input: { path: '/home/a/sondages.csv' } }]);
  });

  it('keeps each window’s choices to that window', async () => {
    const other = new FakeBrowserWindow();
    other.webContents.mainFrame.url = OWN_PAGE;
    fake.dialogAnswers.push({ filePaths: ['/home/a/sondages.csv'] });
    await fake.invoke(DESKTOP_CHANNELS.chooseImportFileDialog, window.webContents, []);
    expect(await call('import:file', { path: '/home/a/sondages.csv' }, other.webContents)).toMatchObject({ ok: false });
    expect(stub.calls).toEqual([]);
  });

  it('keeps a path to the use it was chosen for: a file chosen to be read is not one to overwrite, nor a program', async () => {
    fake.dialogAnswers.push({ filePaths: ['/home/a/logo.svg'] });
    await fake.invoke(DESKTOP_CHANNELS.chooseLogoDialog, window.webContents, []);
    expect(await call('export:csv', { path: '/home/a/logo.svg' })).toMatchObject({ ok: false, error: { field: ['path'] } });
    expect(await call('settings:update', { browserPath: '/home/a/logo.svg' })).toMatchObject({ ok: false, error: { field: ['browserPath'] } });
    expect(await call('settings:update', { associationLogo: '/home/a/logo.svg' })).toMatchObject({ ok: true });
    expect(stub.calls.map((entry) => entry.method)).toEqual(['settings:update']);
  });

  it('writes an export only where the save dialog said, and nowhere when the person cancelled', async () => {
    fake.dialogAnswers.push('cancel');
    expect(await fake.invoke(DESKTOP_CHANNELS.saveCsvDialog, window.webContents, ['guichets-x.csv'])).toBeNull();
    expect(await call('export:csv', { path: '/home/a/Guichets/exports/guichets-x.csv' })).toMatchObject({ ok: false });
    fake.dialogAnswers.push({ filePath: '/home/a/export.csv' });
    expect(await fake.invoke(DESKTOP_CHANNELS.saveCsvDialog, window.webContents, ['guichets-bobigny-2026-09-01-2026-11-30.csv'])).toBe('/home/a/export.csv');
    // The dialog offered the UI's name, in the data folder's exports.
    expect(fake.dialogsShown.at(-1)?.options.defaultPath).toBe('/home/a/Guichets/exports/guichets-bobigny-2026-09-01-2026-11-30.csv');
    expect(await call('export:csv', { path: '/home/a/export.csv' })).toMatchObject({ ok: true });
    expect(await call('export:csv', {})).toMatchObject({ ok: true });
  });

  it('moves the data folder only to a folder chosen in the folder dialog', async () => {
    expect(await call('app:moveDataFolder', { to: '/tmp/ailleurs' })).toMatchObject({ ok: false, error: { field: ['to'] } });
    fake.dialogAnswers.push({ filePaths: ['/media/cle/Guichets'] });
    await fake.invoke(DESKTOP_CHANNELS.chooseFolderDialog, window.webContents, []);
    expect(await call('app:moveDataFolder', { to: '/media/cle/Guichets' })).toMatchObject({ ok: true });
  });

  it('launches only a browser chosen in the dialog or already set, and accepts « look in the usual places »', async () => {
    expect(await call('settings:testBrowser', { path: '/tmp/evil.sh' })).toMatchObject({ ok: false, error: { field: ['path'] } });
    expect(await call('settings:update', { browserPath: '/tmp/evil.sh' })).toMatchObject({ ok: false });
    expect(await call('settings:testBrowser', { path: '/usr/bin/chromium' })).toMatchObject({ ok: true });
    expect(await call('settings:testBrowser', { path: null })).toMatchObject({ ok: true });
    expect(await call('settings:update', { browserPath: null, associationLogo: '/home/a/logo.png' })).toMatchObject({ ok: true });
    fake.dialogAnswers.push({ filePaths: ['/opt/google/chrome/chrome'] });
    await fake.invoke(DESKTOP_CHANNELS.chooseBrowserDialog, window.webContents, []);
    expect(await call('settings:testBrowser', { path: '/opt/google/chrome/chrome' })).toMatchObject({ ok: true });
    // Tested, then saved: a choice stays the window's until it closes.
    expect(await call('settings:update', { browserPath: '/opt/google/chrome/chrome' })).toMatchObject({ ok: true });
  });
});

describe('« Ouvrir le dossier »', () => {
  it('shows an exported dossier in the file manager, for our own page only, and nothing outside the exports', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'guichets-reveal-'));
    try {
      await mkdir(path.join(dataDir, 'exports'));
      const zip = path.join(dataDir, 'exports', 'guichets-dossier-bobigny-2026-09-01-2026-11-30-2026-12-05_14-05-09.zip');
      const outside = path.join(dataDir, 'sauvegarde.zip');
      const secret = path.join(dataDir, 'exports', 'installation-key.pem');
      await writeFile(zip, 'PK');
      await writeFile(outside, 'PK');
      await writeFile(secret, 'clé');
      setupIpc({ ...stub.core, exportsDir: path.join(dataDir, 'exports') }, RENDERER);
      const reveal = (file: unknown, contents = window.webContents, frame?: { url: string }) =>
        fake.invoke(DESKTOP_CHANNELS.showInFolder, contents, [file], frame ?? contents.mainFrame);
      expect(await reveal(zip)).toBe(true);
      expect(fake.shown).toEqual([zip]);
      // Not a file the exports hold, not an export at all, not a path, not from our page: nothing is shown.
      expect(await reveal(outside)).toBe(false);
      expect(await reveal(path.join(dataDir, 'exports', '..', 'sauvegarde.zip'))).toBe(false);
      expect(await reveal(secret)).toBe(false);
      expect(await reveal(path.join(dataDir, 'exports', 'absent.zip'))).toBe(false);
      expect(await reveal(path.join(dataDir, 'exports'))).toBe(false);
      expect(await reveal(42)).toBe(false);
      expect(await reveal(zip, window.webContents, { url: 'https://evil.example/' })).toBe(false);
      expect(fake.shown).toEqual([zip]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('events', () => {
  it('are sent to every window', () => {
    const other = new FakeBrowserWindow();
    stub.emit('plannings:changed', { ids: ['p1'] });
    for (const contents of [window.webContents, other.webContents]) {
      expect(contents.sent).toEqual([{ channel: 'api:event:plannings:changed', payload: { ids: ['p1'] } }]);
    }
  });
});
