// The installation's own Ed25519 key: it signs every seal. The private key stays in `keys/` (user-only
// permissions, never in `seals/`); the public key sits beside the seals so that anyone can check them.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';

export const SEALS_DIR = 'seals';
export const KEYS_DIR = 'keys';
export const PRIVATE_KEY_FILE = `${KEYS_DIR}/installation-key.pem`;
export const PUBLIC_KEY_FILE = `${SEALS_DIR}/installation-key.pub.pem`;
/** A public key set aside when the installation's key was replaced: `installation-key-<fingerprint>.pub.pem`. */
const RETIRED_KEY = /^installation-key-([0-9a-f]{64})\.pub\.pem$/;

export interface InstallationKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SHA-256 of the public key's DER (SubjectPublicKeyInfo), hex. */
  fingerprint: string;
}

export function fingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** "ab12 cd34 …": how the fingerprint is shown to a person, in groups of four. */
export function formatFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

const publicPem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The key of this data folder, made at first use. A folder whose private key is gone (copied without `keys/`,
 * say) gets a new key; the old public key is kept aside under its fingerprint so that older seals still check.
 */
export async function loadOrCreateKey(dataDir: string, log: (message: string) => void = () => undefined): Promise<InstallationKey> {
  const privateFile = path.join(dataDir, ...PRIVATE_KEY_FILE.split('/'));
  const publicFile = path.join(dataDir, ...PUBLIC_KEY_FILE.split('/'));
  const stored = await readText(privateFile);
  let privateKey: KeyObject;
  if (stored !== null) {
    try {
      privateKey = createPrivateKey(stored);
    } catch {
      throw new AppError(
        'storage_corrupt',
        `La clé de l’installation « ${privateFile} » est illisible. Restaurez-la depuis une sauvegarde ; sans elle, les nouveaux sceaux ne peuvent pas être signés.`,
      );
    }
  } else {
    privateKey = generateKeyPairSync('ed25519').privateKey;
    await mkdir(path.dirname(privateFile), { recursive: true, mode: 0o700 });
    await writeFile(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600, flag: 'wx' });
    // writeFile's mode is filtered by the umask: say it again.
    await chmod(privateFile, 0o600);
    log(`Clé de l’installation créée (${privateFile}) : elle signe les sceaux des preuves.`);
  }
  const publicKey = createPublicKey(privateKey);
  const fingerprint = fingerprintOf(publicKey);
  const shown = await readText(publicFile);
  if (shown !== publicPem(publicKey)) {
    await mkdir(path.dirname(publicFile), { recursive: true });
    if (shown !== null) {
      const previous = publicKeyFromPem(shown);
      if (previous) {
        const aside = path.join(path.dirname(publicFile), `installation-key-${fingerprintOf(previous)}.pub.pem`);
        await rename(publicFile, aside);
        log(`Nouvelle clé d’installation : l’ancienne clé publique est gardée dans « ${aside} » pour vérifier les anciens sceaux.`);
      }
    }
    await writeFile(publicFile, publicPem(publicKey));
  }
  return { privateKey, publicKey, fingerprint };
}

function publicKeyFromPem(pem: string): KeyObject | null {
  try {
    return createPublicKey(pem);
  } catch {
    return null;
  }
}

/** Every public key in `seals/`, by fingerprint: the current one and any set aside. */
export async function publicKeys(dataDir: string): Promise<Map<string, KeyObject>> {
  const folder = path.join(dataDir, SEALS_DIR);
  const keys = new Map<string, KeyObject>();
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return keys;
    throw error;
  }
  for (const name of names) {
    if (name !== 'installation-key.pub.pem' && !RETIRED_KEY.test(name)) continue;
    const key = publicKeyFromPem(await readFile(path.join(folder, name), 'utf8'));
    if (key?.asymmetricKeyType === 'ed25519') keys.set(fingerprintOf(key), key);
  }
  return keys;
}

/** The fingerprint of the folder's current public key, without creating one; null before the first seal. */
export async function currentFingerprint(dataDir: string): Promise<string | null> {
  const pem = await readText(path.join(dataDir, ...PUBLIC_KEY_FILE.split('/')));
  const key = pem === null ? null : publicKeyFromPem(pem);
  return key ? fingerprintOf(key) : null;
}
