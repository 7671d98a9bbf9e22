// The installation's own Ed25519 key: it signs every seal. The private key stays in `keys/` (user-only
// permissions, never in `seals/`); the public key sits beside the seals so that anyone can check them.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';

export const SEALS_DIR = 'seals';
export const KEYS_DIR = 'keys';
export const PRIVATE_KEY_FILE = `${KEYS_DIR}/installation-key.pem`;
export const PUBLIC_KEY_FILE = `${SEALS_DIR}/installation-key.pub.pem`;
/** The next key while a rotation is being sealed: it replaces the current one once its seal is written. */
const NEXT_KEY_FILE = `${KEYS_DIR}/installation-key.next.pem`;
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

/**
 * "ab12 cd34 …": how a fingerprint is shown to a person, in groups of four; `openssl`: "AB:12:CD:…", as
 * `openssl x509 -fingerprint` prints it, for the expert who compares the two.
 */
export function formatFingerprint(fingerprint: string, style: 'groups' | 'openssl' = 'groups'): string {
  return style === 'openssl' ? fingerprint.toUpperCase().replace(/(..)(?=.)/g, '$1:') : fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
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

const keyOf = (privateKey: KeyObject): InstallationKey => {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
};

async function writePrivateKey(file: string, privateKey: KeyObject): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600, flag: 'wx' });
  // writeFile's mode is filtered by the umask: say it again.
  await chmod(file, 0o600);
}

/** Writes the public key beside the seals (for the commands of the README), setting the one it replaces aside. */
async function showPublicKey(dataDir: string, publicKey: KeyObject, log: (message: string) => void): Promise<void> {
  const publicFile = path.join(dataDir, ...PUBLIC_KEY_FILE.split('/'));
  const shown = await readText(publicFile);
  if (shown === publicPem(publicKey)) return;
  await mkdir(path.dirname(publicFile), { recursive: true });
  const previous = shown === null ? null : publicKeyFromPem(shown);
  if (previous) {
    const aside = path.join(path.dirname(publicFile), `installation-key-${fingerprintOf(previous)}.pub.pem`);
    await rename(publicFile, aside);
    log(`Nouvelle clé d’installation : l’ancienne clé publique est gardée dans « ${aside} » pour vérifier les anciens sceaux.`);
  }
  await writeFile(publicFile, publicPem(publicKey));
}

/**
 * The key of this data folder, made at first use. Once seals exist (`sealed`), a missing key is never replaced
 * silently: a seal signed by a new key, with no rotation signed by the old one, is refused by every verification.
 */
export async function loadOrCreateKey(
  dataDir: string,
  log: (message: string) => void = () => undefined,
  options: { sealed?: boolean } = {},
): Promise<InstallationKey> {
  const privateFile = path.join(dataDir, ...PRIVATE_KEY_FILE.split('/'));
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
  } else if (options.sealed) {
    throw new AppError(
      'storage_corrupt',
      `La clé de l’installation « ${privateFile} » a disparu alors que des sceaux existent. Restaurez-la depuis une sauvegarde : un sceau signé par une autre clé serait refusé par toute vérification. Si elle est perdue, commencez un nouveau dossier de données ; l’ancien garde ses preuves et ses sceaux.`,
    );
  } else {
    privateKey = generateKeyPairSync('ed25519').privateKey;
    await writePrivateKey(privateFile, privateKey);
    log(`Clé de l’installation créée (${privateFile}) : elle signe les sceaux des preuves.`);
  }
  const key = keyOf(privateKey);
  await showPublicKey(dataDir, key.publicKey, log);
  return key;
}

/** A new key for a rotation, kept apart until the seal that announces it is written (then commitNextKey). */
export async function prepareNextKey(dataDir: string): Promise<InstallationKey> {
  const file = path.join(dataDir, ...NEXT_KEY_FILE.split('/'));
  await rm(file, { force: true });
  const privateKey = generateKeyPairSync('ed25519').privateKey;
  await writePrivateKey(file, privateKey);
  return keyOf(privateKey);
}

/** The rotation's seal is written: the next key becomes the installation's key. */
export async function commitNextKey(dataDir: string, key: InstallationKey, log: (message: string) => void): Promise<void> {
  await rename(path.join(dataDir, ...NEXT_KEY_FILE.split('/')), path.join(dataDir, ...PRIVATE_KEY_FILE.split('/')));
  await showPublicKey(dataDir, key.publicKey, log);
}

/**
 * A rotation cut short (the PC stopped between its seal and the key's renaming): the next key wins when the newest
 * seal is signed by it, else it is dropped (no seal announced it).
 */
export async function settleNextKey(dataDir: string, newestSealKey: string | null, log: (message: string) => void): Promise<void> {
  const file = path.join(dataDir, ...NEXT_KEY_FILE.split('/'));
  const stored = await readText(file);
  if (stored === null) return;
  const key = keyOf(createPrivateKey(stored));
  if (key.fingerprint === newestSealKey) await commitNextKey(dataDir, key, log);
  else await rm(file, { force: true });
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
