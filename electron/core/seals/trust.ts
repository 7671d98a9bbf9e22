// The roots a time-stamp must chain to, to be believed: those shipped with Guichets (resources/tsa-roots/, each
// pinned by its SHA-256), those the person added on this PC (in the per-user config folder, never in the data
// folder), and for one run those of GUICHETS_TSA_ROOTS. A certificate found in a token or in a dossier is never
// one of them.
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import { appConfigDir, findAppRoot } from '../paths.js';

export const TSA_ROOTS_ENV = 'GUICHETS_TSA_ROOTS';
/** The person's own roots, in the per-user config folder: `<config>/tsa-roots/<sha256>.pem`. */
export const USER_ROOTS_DIR = 'tsa-roots';

export type RootSource = 'shipped' | 'user' | 'env';

export interface TrustedRoot {
  /** SHA-256 of the certificate's DER, hex: what an expert compares with the authority's published one. */
  sha256: string;
  name: string;
  source: RootSource;
  der: Buffer;
  pem: string;
  /** Where the authority publishes its root (shipped roots). */
  published?: string;
}

export interface TrustSet {
  roots: TrustedRoot[];
  /** Roots of GUICHETS_TSA_ROOTS or of the person's folder that could not be read: said, never silently dropped. */
  unreadable: string[];
}

interface ShippedEntry {
  file: string;
  name: string;
  sha256: string;
  published?: string;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

export const certificateSha256 = (der: Buffer): string => createHash('sha256').update(der).digest('hex');

export function pemOf(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Every certificate of a PEM text, DER; a block that is not a certificate is skipped. */
export function certificatesOfPem(text: string): X509Certificate[] {
  const found: X509Certificate[] = [];
  for (const block of text.match(PEM_BLOCK) ?? []) {
    try {
      found.push(new X509Certificate(block));
    } catch {
      // Not a certificate: the caller says the file held none.
    }
  }
  return found;
}

function rootOf(certificate: X509Certificate, source: RootSource, name?: string, published?: string): TrustedRoot {
  const der = certificate.raw;
  const commonName = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1] ?? certificate.subject.replace(/\n/g, ', ');
  return { sha256: certificateSha256(der), name: name ?? commonName, source, der, pem: pemOf(der), ...(published ? { published } : {}) };
}

let shippedCache: TrustedRoot[] | null = null;

/** The roots shipped in resources/tsa-roots/, each checked against the fingerprint it is pinned by. */
export function shippedRoots(appRoot: string = findAppRoot()): TrustedRoot[] {
  if (shippedCache) return shippedCache;
  const folder = path.join(appRoot, 'resources', 'tsa-roots');
  const listing = JSON.parse(readFileSync(path.join(folder, 'roots.json'), 'utf8')) as { roots: ShippedEntry[] };
  shippedCache = listing.roots.map((entry) => {
    const [certificate] = certificatesOfPem(readFileSync(path.join(folder, entry.file), 'utf8'));
    const root = certificate ? rootOf(certificate, 'shipped', entry.name, entry.published) : null;
    // A shipped file that is not the pinned certificate is a broken installation, not a root to trust.
    if (!root || root.sha256 !== entry.sha256) throw new Error(`resources/tsa-roots/${entry.file} : ce n’est pas le certificat épinglé ${entry.sha256}.`);
    return root;
  });
  return shippedCache;
}

/** The folder of the person's own roots for this environment (null: none, as in tests). */
export const userRootsDir = (env: NodeJS.ProcessEnv): string => path.join(appConfigDir(env), USER_ROOTS_DIR);

async function userRoots(folder: string | null, unreadable: string[]): Promise<TrustedRoot[]> {
  if (folder === null) return [];
  const names = await readdir(folder).catch(() => [] as string[]);
  const roots: TrustedRoot[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.pem')).sort()) {
    const certificates = certificatesOfPem(await readFile(path.join(folder, name), 'utf8').catch(() => ''));
    if (certificates.length === 0) unreadable.push(path.join(folder, name));
    roots.push(...certificates.map((certificate) => rootOf(certificate, 'user')));
  }
  return roots;
}

function envRoots(env: NodeJS.ProcessEnv, unreadable: string[]): TrustedRoot[] {
  const list = env[TSA_ROOTS_ENV];
  if (!list) return [];
  const roots: TrustedRoot[] = [];
  for (const file of list.split(path.delimiter).map((entry) => entry.trim()).filter(Boolean)) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Said below.
    }
    const certificates = certificatesOfPem(text);
    if (certificates.length === 0) unreadable.push(file);
    roots.push(...certificates.map((certificate) => rootOf(certificate, 'env')));
  }
  return roots;
}

export interface TrustOptions {
  env: NodeJS.ProcessEnv;
  /** The person's roots folder; undefined: the per-user config folder's; null: none. */
  userDir?: string | null;
  appRoot?: string;
}

/** Every root trusted for this run, without duplicates (the first source that names one wins). */
export async function loadTrust(options: TrustOptions): Promise<TrustSet> {
  const unreadable: string[] = [];
  const folder = options.userDir === undefined ? userRootsDir(options.env) : options.userDir;
  const all = [...shippedRoots(options.appRoot), ...(await userRoots(folder, unreadable)), ...envRoots(options.env, unreadable)];
  const seen = new Set<string>();
  const roots = all.filter((root) => !seen.has(root.sha256) && seen.add(root.sha256));
  return { roots, unreadable };
}

/** Only the shipped roots: what a dossier is checked against when nothing else is given. */
export function shippedTrust(appRoot?: string): TrustSet {
  return { roots: shippedRoots(appRoot), unreadable: [] };
}

/**
 * Adds a root to the person's own roots (from the desktop settings or the command line, never over HTTP): a PEM
 * file holding one self-signed CA certificate. Returns it; adding it twice changes nothing.
 */
export async function addUserRoot(folder: string, pemText: string): Promise<TrustedRoot> {
  const certificates = certificatesOfPem(pemText);
  const [certificate] = certificates;
  if (!certificate || certificates.length > 1) {
    throw new AppError('invalid_input', 'Racine d’horodatage : donnez un fichier PEM qui contient un seul certificat (« -----BEGIN CERTIFICATE----- »).', {
      field: ['pem'],
      params: { rule: 'one_certificate' },
    });
  }
  if (!certificate.ca || !certificate.checkIssued(certificate) || !certificate.verify(certificate.publicKey)) {
    throw new AppError('invalid_input', 'Racine d’horodatage : ce certificat n’est pas une autorité racine (autosignée, marquée CA). Donnez le certificat racine que l’autorité publie.', {
      field: ['pem'],
      params: { rule: 'not_root' },
    });
  }
  const root = rootOf(certificate, 'user');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, `${root.sha256}.pem`), root.pem);
  return root;
}

/** Removes one of the person's roots by its fingerprint (shipped ones cannot be removed); false when absent. */
export async function removeUserRoot(folder: string, sha256: string): Promise<boolean> {
  const fingerprint = sha256.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) {
    throw new AppError('invalid_input', 'Empreinte : 64 chiffres hexadécimaux (SHA-256), espaces et « : » permis.', { field: ['sha256'] });
  }
  const file = path.join(folder, `${fingerprint}.pem`);
  const existed = (await readFile(file).catch(() => null)) !== null;
  await rm(file, { force: true });
  return existed;
}
