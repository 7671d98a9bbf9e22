import { describe, expect, it } from 'vitest';
import { evidenceUrl } from './evidence';

const shot = { path: 'evidence/p-1/2026-11/20261126T090000Z-ab12 cd.png' };

describe('the address of a probe’s screenshot', () => {
  it('is the desktop app’s evidence protocol under Electron', () => {
    expect(evidenceUrl(shot, true)).toBe('guichets-evidence://evidence/p-1/2026-11/20261126T090000Z-ab12%20cd.png');
  });

  it('is the web host’s /evidence/ folder in a browser', () => {
    expect(evidenceUrl(shot, false)).toBe('./evidence/p-1/2026-11/20261126T090000Z-ab12%20cd.png');
  });

  it('is absent for a probe without screenshot or a path outside the evidence folder', () => {
    expect(evidenceUrl(null, false)).toBeNull();
    expect(evidenceUrl({ path: 'settings.json' }, true)).toBeNull();
    expect(evidenceUrl({ path: 'evidence/../settings.json' }, true)).toBeNull();
  });
});
