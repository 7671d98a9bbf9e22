// The rest of the desktop shell against the stand-in of Electron: the guards every page gets, the window, the tray
// and close-to-tray, the notifications, the evidence protocol.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, fake, FakeBrowserWindow } from '../../test/support/fake-electron.js';
import type { Core } from '../core/api/index.js';
import type { Alert, ApiEvents, AssistedSessionStatus } from '../shared/api.js';
import { DEFAULT_SETTINGS } from '../shared/domain.js';
import { setupAlertNotifications, systemLanguage } from './alerts.js';
import { EVIDENCE_SCHEME, setupEvidenceProtocol } from './evidence-protocol.js';
import { openExternalSafely, setupSecurity } from './security.js';
import { setupTray } from './tray.js';
import { setupLifecycle, showWindow, windowOptions } from './window.js';

vi.mock('electron', () => import('../../test/support/fake-electron.js'));

type Listener = (payload: unknown) => void;

/** A core that says what the tests want and records being closed. */
function stubCore(settings = { ...DEFAULT_SETTINGS }) {
  const listeners = new Map<string, Listener[]>();
  const state = { closed: 0, settings };
  const core = {
    api: { 'settings:get': () => Promise.resolve(state.settings) },
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
    close: () => {
      state.closed += 1;
      return Promise.resolve();
    },
  } as unknown as Core;
  const emit = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { core, state, emit };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** What gives a French text away: its accents, apostrophe and marks, and the words these ones use. */
const FRENCH = /[éèêàùçô’«»]|\b(sondages?|Ouvrir|Quitter|planning pour|dernier|erreur)\b/i;

beforeEach(() => fake.reset());

describe('the guards every page of the app gets', () => {
  beforeEach(() => setupSecurity());

  it('denies every navigation away from the UI, and opens an http(s) one in the system browser instead', () => {
    const window = new FakeBrowserWindow();
    expect(window.webContents.navigate('https://www.essonne.gouv.fr/booking/create/1')).toBe(false);
    expect(window.webContents.navigate('file:///etc/passwd')).toBe(false);
    expect(window.webContents.navigate('javascript:alert(1)')).toBe(false);
    expect(fake.opened).toEqual(['https://www.essonne.gouv.fr/booking/create/1']);
  });

  it('opens no window: window.open gives the system browser an http(s) address only, once parsed', () => {
    const { webContents } = new FakeBrowserWindow();
    const open = (url: string) => webContents.windowOpenHandler?.({ url });
    expect(open('https://rdv.anct.gouv.fr/prendre_rdv')).toEqual({ action: 'deny' });
    for (const url of ['file:///home/a/.ssh/id_rsa', 'smb://intranet/partage', 'javascript:alert(1)', 'guichets-evidence://evidence/x.png', 'pas une adresse']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    // Parsed, then written again: what is opened is what the parser read.
    expect(open('HTTP://Example.ORG/a b')).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://rdv.anct.gouv.fr/prendre_rdv', 'http://example.org/a%20b']);
  });

  it('refuses every permission a page asks (camera, notifications, location…) and every webview', () => {
    const { webContents } = new FakeBrowserWindow();
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      webContents.permissionHandler?.(webContents, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    let prevented = false;
    webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('opens nothing for an address that does not parse', () => {
    openExternalSafely('http://[::1');
    openExternalSafely('');
    expect(fake.opened).toEqual([]);
  });
});

describe('the window', () => {
  it('is isolated, sandboxed and without Node, with our preload as its only bridge', () => {
    expect(windowOptions('/app/out/preload/index.cjs').webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('comes back from the tray as it was (restored, shown, focused), or is opened again', () => {
    let created = 0;
    showWindow(() => (created += 1));
    expect(created).toBe(1);
    const window = new FakeBrowserWindow();
    window.minimized = true;
    showWindow(() => (created += 1));
    expect([created, window.minimized, window.visible, window.focused]).toEqual([1, false, true, true]);
  });
});

describe('the tray and closing', () => {
  it('keeps the app (and its schedule) running when the window is closed', () => {
    const { core, state } = stubCore();
    setupLifecycle(() => core);
    app.emit('window-all-closed');
    expect([fake.quits, state.closed]).toEqual([0, 0]);
  });

  it('quits only once the core is closed, so that a running probe finishes writing its evidence', async () => {
    const { core, state } = stubCore();
    setupLifecycle(() => core);
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await settle();
    expect([state.closed, fake.quits]).toEqual([1, 1]);
    // The quit it asks for then goes through.
    let again = false;
    app.emit('before-quit', { preventDefault: () => (again = true) });
    expect(again).toBe(false);
  });

  it('offers to open the window and to quit, saying that the probes stop', async () => {
    const { core } = stubCore();
    let shown = 0;
    await setupTray(core, '/app/resources', () => (shown += 1));
    const [tray] = fake.trays;
    expect(tray?.tooltip).toBe('Guichets — sondages en cours');
    expect(tray?.menu.map((item) => item.label ?? item.type)).toEqual(['Ouvrir Guichets', 'separator', 'Quitter (les sondages s’arrêtent)']);
    tray?.menu[0]?.click?.();
    tray?.emit('click');
    expect(shown).toBe(2);
    tray?.menu[2]?.click?.();
    expect(fake.quits).toBe(1);
  });

  it('speaks the language of the settings, from the start and again once the person changes it', async () => {
    const words = (tray = fake.trays[0]): string[] => [tray?.tooltip ?? '', ...(tray?.menu.map((item) => item.label ?? item.type ?? '') ?? [])];
    const english = stubCore({ ...DEFAULT_SETTINGS, language: 'en' });
    await setupTray(english.core, '/app/resources', () => undefined);
    expect(words()).toEqual(['Guichets — probing', 'Open Guichets', 'separator', 'Quit (probing stops)']);
    expect(words().filter((text) => FRENCH.test(text))).toEqual([]);
    // The menu still opens the window and quits.
    fake.trays[0]?.menu[2]?.click?.();
    expect(fake.quits).toBe(1);

    fake.reset();
    const stub = stubCore();
    const tray = await setupTray(stub.core, '/app/resources', () => undefined);
    expect(words()).toEqual(['Guichets — sondages en cours', 'Ouvrir Guichets', 'separator', 'Quitter (les sondages s’arrêtent)']);
    stub.state.settings = { ...DEFAULT_SETTINGS, language: 'en' };
    await tray.reword();
    expect(fake.trays).toHaveLength(1);
    expect(words()).toEqual(['Guichets — probing', 'Open Guichets', 'separator', 'Quit (probing stops)']);
    stub.state.settings = { ...DEFAULT_SETTINGS, language: 'fr' };
    await tray.reword();
    expect(words()[1]).toBe('Ouvrir Guichets');
  });

  it('notifies an expired assisted session when notifications are wanted, and nothing else', async () => {
    const stub = stubCore();
    let shown = 0;
    await setupTray(stub.core, '/app/resources', () => (shown += 1));
    const status = (state: AssistedSessionStatus['state']): AssistedSessionStatus => ({ planningId: 'p1', state, solvedAt: null });
    stub.emit('assisted:changed', status('ready'));
    stub.emit('assisted:changed', status('expired'));
    await settle();
    expect(fake.notifications.map((notice) => [notice.options.title, notice.options.body, notice.shown])).toEqual([
      ['Guichets : session assistée expirée', 'La session a expiré : le site redemande le code de sécurité. Ouvrez à nouveau la session assistée.', true],
    ]);
    fake.notifications[0]?.emit('click');
    expect(shown).toBe(1);
    // In the language the person chose.
    stub.state.settings = { ...DEFAULT_SETTINGS, language: 'en' };
    stub.emit('assisted:changed', status('expired'));
    await settle();
    expect(fake.notifications.map((notice) => [notice.options.title, notice.options.body])[1]).toEqual([
      'Guichets: assisted session expired',
      'The session expired: the site asks for the security code again. Open the assisted session again.',
    ]);
    stub.state.settings = { ...DEFAULT_SETTINGS, notifications: false };
    stub.emit('assisted:changed', status('expired'));
    await settle();
    expect(fake.notifications).toHaveLength(2);
  });
});

describe('what is said before the settings can be read', () => {
  it('is in English on an English system, in French otherwise', () => {
    expect(['en', 'en-GB', 'en-US', 'EN-us'].map(systemLanguage)).toEqual(['en', 'en', 'en', 'en']);
    expect(['fr', 'fr-FR', 'de-DE', 'ar', 'es-419', ''].map(systemLanguage)).toEqual(['fr', 'fr', 'fr', 'fr', 'fr', 'fr']);
  });
});

describe('the alerts’ notifications', () => {
  const alert = (id: string): Alert => ({
    id,
    kind: 'failing',
    planningId: 'p1',
    since: '2026-03-01T08:00:00Z',
    said: { code: 'alert.failing', params: { planning: `Évry ${id}`, count: 3, outcome: 'site_error' } },
    message: `Alerte ${id}`,
  });
  const failingFr = (id: string) =>
    `Évry ${id} : 3 sondages de suite sans réponse utilisable (dernier : erreur du site). Ouvrez le planning pour voir les captures et vérifier l’adresse.`;

  it('notify each situation once, and open the window on a click', async () => {
    const stub = stubCore();
    let shown = 0;
    setupAlertNotifications(stub.core, () => (shown += 1));
    stub.emit('alerts:changed', [alert('a')]);
    await settle();
    stub.emit('alerts:changed', [alert('a'), alert('b')]);
    await settle();
    expect(fake.notifications.map((notice) => notice.options.body)).toEqual([failingFr('a'), failingFr('b')]);
    fake.notifications[1]?.emit('click');
    expect(shown).toBe(1);
  });

  it('are worded in the language of the settings when they are shown, as the screens word the alert', async () => {
    const stub = stubCore({ ...DEFAULT_SETTINGS, language: 'en' });
    setupAlertNotifications(stub.core, () => undefined);
    stub.emit('alerts:changed', [alert('a')]);
    await settle();
    const english = fake.notifications.map((notice) => [notice.options.title, notice.options.body]);
    expect(english).toEqual([['Guichets', 'Évry a: 3 probes in a row without a usable answer (last: site error). Open the planning to see the screenshots and check the address.']]);
    // The planning's own name aside (« Évry a », as the person wrote it), no French word.
    expect(english.flat().map((text) => text.replace('Évry a', '')).filter((text) => FRENCH.test(text))).toEqual([]);
    stub.state.settings = { ...DEFAULT_SETTINGS, language: 'fr' };
    stub.emit('alerts:changed', [alert('a'), alert('b')]);
    await settle();
    expect(fake.notifications.map((notice) => notice.options.body)[1]).toBe(failingFr('b'));
  });

  it('stay silent when the person turned them off or the system has none', async () => {
    const stub = stubCore({ ...DEFAULT_SETTINGS, notifications: false });
    setupAlertNotifications(stub.core, () => undefined);
    stub.emit('alerts:changed', [alert('a')]);
    await settle();
    stub.state.settings = { ...DEFAULT_SETTINGS };
    fake.notificationsSupported = false;
    stub.emit('alerts:changed', [alert('b')]);
    await settle();
    expect(fake.notifications).toEqual([]);
  });
});

describe('the evidence protocol', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'guichets-shell-'));
    await mkdir(path.join(root, 'evidence', 'p1'), { recursive: true });
    await writeFile(path.join(root, 'evidence', 'p1', 'x.txt'), 'Plus de plage libre.');
    await writeFile(path.join(root, 'secret.txt'), 'ne sort pas');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('serves the evidence folder read-only, and nothing outside it', async () => {
    setupEvidenceProtocol(() => path.join(root, 'evidence'), () => Promise.resolve(null));
    const handler = fake.protocolHandlers.get(EVIDENCE_SCHEME);
    const get = async (url: string) => {
      const response = await handler?.(new Request(url));
      return [response?.status, await response?.text()];
    };
    expect(await get(`${EVIDENCE_SCHEME}://evidence/p1/x.txt`)).toEqual([200, 'Plus de plage libre.']);
    // An encoded slash is not a folder to the URL parser, but is one once decoded: still outside, still refused.
    expect((await get(`${EVIDENCE_SCHEME}://evidence/p1%2F..%2F..%2Fsecret.txt`))[0]).toBe(403);
    expect((await get(`${EVIDENCE_SCHEME}://other/secret.txt`))[0]).toBe(403);
  });
});
