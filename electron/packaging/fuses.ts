// Electron fuses, flipped in the packaged binary by electron-builder's afterPack (build/after-pack.mjs): the app
// cannot be turned into a plain Node.js by whoever can start it, nor run code from outside its checked archive.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  // Every fuse of this Electron is decided here; a fuse added by a later Electron fails the build until it is.
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would make Guichets.exe a Node.js running any script, with the app's identity.
  [FuseV1Options.RunAsNode]: false,
  // Cookies of the app's own session encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require …) and --inspect would let a local program inject code into the app.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app's code is read from its archive, and only if the archive matches the hash signed into the binary.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies FuseConfig;

/** What electron-builder's afterPack hands over (app-builder-lib's AfterPackContext), as far as used here. */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}

/** The Electron binary inside the packed app, where the fuses live. */
export function electronBinary(context: PackedApp): string {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

export async function afterPack(context: PackedApp, flip: typeof flipFuses = flipFuses): Promise<void> {
  // macOS: flipping invalidates the ad-hoc signature; it is redone here, the real one comes after (afterSign).
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flip(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: darwin });
}
