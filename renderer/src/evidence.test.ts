import { describe, expect, it } from 'vitest';
import { evidenceUrl, screenshotUrl } from './evidence';

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

  it('asks the host to draw the caption of a record that carries it, and serves older captioned PNGs as they are', () => {
    const probe = { planningId: 'p-1', localDate: '2026-11-26', id: '20261126T090000Z-ab12', screenshot: { path: 'evidence/_blobs/ab/ab.webp' } };
    expect(screenshotUrl({ ...probe, caption: { planningLabel: 'Bobigny' } }, false)).toBe('./evidence/_captioned/p-1/2026-11-26/20261126T090000Z-ab12.png');
    expect(screenshotUrl({ ...probe, screenshot: shot }, true)).toBe('guichets-evidence://evidence/p-1/2026-11/20261126T090000Z-ab12%20cd.png');
    expect(screenshotUrl({ ...probe, screenshot: null }, false)).toBeNull();
  });
});
