// The sandbox flag and the browser check: what keeps a hostile page, or a program set by someone else, in its place.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { checkBrowserProgram, launchArgs, launchHeadless, sandboxDecision } from './browser.js';
import { wordCore } from '../messages.js';

describe('the sandbox of the probing browser', () => {
  it('stays on wherever Chromium can run it', () => {
    for (const facts of [
      { platform: 'linux' as const, root: false, userNamespaces: true },
      { platform: 'linux' as const, root: false, userNamespaces: null },
      { platform: 'darwin' as const, root: false, userNamespaces: null },
      { platform: 'win32' as const, root: false, userNamespaces: null },
    ]) {
      const decision = sandboxDecision(facts);
      expect(decision).toEqual({ enabled: true, reason: null });
      expect(launchArgs(decision)).not.toContain('--no-sandbox');
    }
  });

  it('is off only as root or without user namespaces, and says why', () => {
    const root = sandboxDecision({ platform: 'linux', root: true, userNamespaces: true });
    expect(root.enabled).toBe(false);
    expect(root.reason).toEqual({ code: 'notice.sandbox_root' });
    expect(wordCore(root.reason ?? { code: 'notice.sandbox_root' }, 'en')).toContain('ordinary account');
    expect(launchArgs(root)).toContain('--no-sandbox');
    const noNamespaces = sandboxDecision({ platform: 'linux', root: false, userNamespaces: false });
    expect(noNamespaces.enabled).toBe(false);
    expect(noNamespaces.reason).toEqual({ code: 'notice.sandbox_userns' });
    expect(wordCore(noNamespaces.reason ?? { code: 'notice.sandbox_root' }, 'fr')).toContain('espaces de noms');
  });
});

describe('the browser program check', () => {
  it('accepts Chromium and refuses a script that does not answer --version like Chrome, Chromium or Edge', async () => {
    await expect(checkBrowserProgram(process.env.GUICHETS_BROWSER ?? '/usr/bin/chromium')).resolves.toBeUndefined();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-fake-browser-'));
    try {
      const script = path.join(dir, 'chrome');
      const marker = path.join(dir, 'ran');
      // Even named « chrome », a program that answers otherwise is not launched as the browser.
      await writeFile(script, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "Totally Chrome"; exit 0; fi\ntouch ${marker}\n`);
      await chmod(script, 0o755);
      await expect(checkBrowserProgram(script)).rejects.toMatchObject({ code: 'browser_not_found', message: expect.stringContaining('Totally Chrome') as unknown });
      await expect(checkBrowserProgram(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'browser_not_found' });
      // Nor is it run to draw a dossier, a chart or the published site: every launch makes the same check.
      for (const purpose of ['dossier', 'chart', 'site'] as const) {
        await expect(launchHeadless(script, purpose)).rejects.toMatchObject({ code: 'browser_not_found', message: expect.stringContaining('ne se présente pas') as unknown });
      }
      expect(existsSync(marker)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
