// The fuses of the packaged app (the binary itself cannot be packaged on the build machines).
import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { afterPack, electronBinary, FUSES, type PackedApp } from './fuses.js';

const packed = (platform: string): PackedApp => ({
  appOutDir: '/release/unpacked',
  electronPlatformName: platform,
  packager: { appInfo: { productFilename: 'Guichets' }, executableName: 'guichets' },
});

describe('Electron fuses', () => {
  it('turn off run-as-node, NODE_OPTIONS and --inspect, and turn on cookie encryption, asar integrity and asar only', () => {
    expect(FUSES.version).toBe(FuseVersion.V1);
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });

  it('decide every fuse this Electron has, so that a new one cannot stay at its default unnoticed', () => {
    const known = Object.values(FuseV1Options).filter((value): value is FuseV1Options => typeof value === 'number');
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
    expect(known.length).toBeGreaterThanOrEqual(8);
    for (const fuse of known) expect(typeof FUSES[fuse]).toBe('boolean');
  });

  it('are flipped in the Electron binary of each platform’s packed app', async () => {
    const flipped: [string, FuseConfig][] = [];
    const flip = (file: string, config: FuseConfig) => {
      flipped.push([file, config]);
      return Promise.resolve(0);
    };
    for (const platform of ['linux', 'win32', 'darwin']) await afterPack(packed(platform), flip);
    expect(flipped.map(([file]) => file)).toEqual([
      '/release/unpacked/guichets',
      '/release/unpacked/Guichets.exe',
      '/release/unpacked/Guichets.app/Contents/MacOS/Guichets',
    ]);
    expect(flipped[2]?.[1]).toMatchObject({ resetAdHocDarwinSignature: true, [FuseV1Options.RunAsNode]: false });
    expect(electronBinary(packed('linux'))).toBe('/release/unpacked/guichets');
  });
});
