import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser } from './browser.js';

const only = (...files: string[]) => (file: string) => files.includes(file);

describe('findBrowser', () => {
  it('takes GUICHETS_BROWSER first, then the settings, then the usual places', () => {
    const exists = only('/env/chrome', '/settings/chrome', '/usr/bin/chromium');
    const env = { GUICHETS_BROWSER: '/env/chrome' };
    expect(findBrowser({ env, settingsPath: '/settings/chrome', platform: 'linux', exists }).path).toBe('/env/chrome');
    expect(findBrowser({ env: {}, settingsPath: '/settings/chrome', platform: 'linux', exists }).path).toBe(
      '/settings/chrome',
    );
    expect(findBrowser({ env: {}, settingsPath: null, platform: 'linux', exists })).toEqual({
      found: true,
      path: '/usr/bin/chromium',
      message: null,
    });
  });

  it('says when the browser named by GUICHETS_BROWSER or by the settings is missing', () => {
    const exists = only('/usr/bin/chromium');
    const fromEnv = findBrowser({ env: { GUICHETS_BROWSER: '/nope' }, settingsPath: null, platform: 'linux', exists });
    expect(fromEnv.found).toBe(false);
    expect(fromEnv.message).toContain('GUICHETS_BROWSER');
    expect(fromEnv.message).toContain('/nope');
    const fromSettings = findBrowser({ env: {}, settingsPath: '/nope', platform: 'linux', exists });
    expect(fromSettings.message).toContain('réglages');
  });

  it('says what to do when no browser is installed', () => {
    const status = findBrowser({ env: {}, settingsPath: null, platform: 'linux', exists: () => false });
    expect(status).toMatchObject({ found: false, path: null });
    expect(status.message).toContain('Installez Google Chrome, Microsoft Edge ou Chromium');
  });

  it('knows where Chrome and Edge live on Windows and macOS', () => {
    const windows = browserCandidates('win32', {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local',
    });
    expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(windows).toContain('C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    const mac = browserCandidates('darwin', {}, '/Users/a');
    expect(mac).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(mac).toContain('/Users/a/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const linux = browserCandidates('linux', {});
    for (const file of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
      expect(linux).toContain(file);
    }
  });

  it('finds the Chromium of this machine', () => {
    expect(findBrowser({ env: {}, settingsPath: null, platform: 'linux' }).found).toBe(true);
  });
});
