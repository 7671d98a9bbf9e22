import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Guichets';

/**
 * The per-user application data folder, the same one Electron's `app.getPath('userData')` gives the desktop
 * app, so that the command line and the desktop app share their data.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.GUICHETS_DATA_DIR) return path.resolve(env.GUICHETS_DATA_DIR);
  const config = appConfigDir(env, platform);
  return readDataDirPointer(config) ?? config;
}

/**
 * The per-user folder of the app (Electron's `userData`): the data folder until the person moves it, and where
 * the pointer to the moved one is kept (`data-folder.json`), so that the desktop app and the command line
 * follow it across restarts.
 */
export function appConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** The project's root (where package.json is), from this file, whether run from source or from `out/`. */
export function findAppRoot(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

export function readAppVersion(root: string = findAppRoot()): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** In the app's config folder: where the data folder went when the person moved it. */
export const DATA_DIR_POINTER_FILE = 'data-folder.json';

/** The data folder a pointer names, or null (no pointer, unreadable, or not an absolute path). */
export function readDataDirPointer(configDir: string): string | null {
  try {
    const pointer = JSON.parse(readFileSync(path.join(configDir, DATA_DIR_POINTER_FILE), 'utf8')) as { dataDir?: unknown };
    return typeof pointer.dataDir === 'string' && path.isAbsolute(pointer.dataDir) ? pointer.dataDir : null;
  } catch {
    return null;
  }
}
