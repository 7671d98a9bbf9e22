// A BagIt 1.0 bag (RFC 8493) as an archive or a court's expert checks it, written here from the RFC alone; and a
// forger's re-bagging (manifests recomputed after a change), to show that the manifests alone prove nothing.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';

export async function walk(root: string, prefix = ''): Promise<string[]> {
  const result: string[] = [];
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) result.push(...(await walk(root, relative)));
    else result.push(relative);
  }
  return result;
}

export const sha256 = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex');

/** RFC 8493 §2.1.3: manifest lines are "checksum whitespace filepath", CR, LF and % percent-encoded. */
function parseManifest(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line === '') continue;
    const match = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
    if (!match?.[1] || !match[2]) throw new Error(`ligne de manifeste illisible : ${line}`);
    const file = match[2].replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
    entries.set(file, match[1].toLowerCase());
  }
  return entries;
}

/** A validator of a serialised BagIt 1.0 bag, following RFC 8493 §3 ("Valid" and "Complete") and §4.2. */
export async function validateBag(extracted: string): Promise<{ root: string; info: Map<string, string[]> }> {
  const problems: string[] = [];
  const top = await readdir(extracted);
  if (top.length !== 1) problems.push(`§4.2 : un seul dossier de tête attendu, trouvé ${top.join(', ')}`);
  const root = path.join(extracted, top[0] ?? '');
  // §2.1.1: bagit.txt, exactly these two lines.
  const declaration = await readFile(path.join(root, 'bagit.txt'), 'utf8');
  if (declaration !== 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') problems.push(`§2.1.1 bagit.txt : ${JSON.stringify(declaration)}`);
  // §2.1.2: the payload directory.
  if (!(await stat(path.join(root, 'data'))).isDirectory()) problems.push('§2.1.2 : pas de dossier data/');
  const files = await walk(root);
  const payload = files.filter((file) => file.startsWith('data/'));
  const tagFiles = files.filter((file) => !file.startsWith('data/'));
  // §2.1.3 / §3: at least one payload manifest; every payload file in every manifest, every entry present and right.
  const manifests = tagFiles.filter((file) => /^manifest-[a-z0-9]+\.txt$/.test(file));
  if (manifests.length === 0) problems.push('§2.1.3 : aucun manifeste de contenu');
  for (const manifest of manifests) {
    const algorithm = /^manifest-([a-z0-9]+)\.txt$/.exec(manifest)?.[1] ?? '';
    const entries = parseManifest(await readFile(path.join(root, manifest), 'utf8'));
    for (const file of payload) if (!entries.has(file)) problems.push(`§3 : ${file} absent de ${manifest}`);
    for (const [file, digest] of entries) {
      if (!file.startsWith('data/')) problems.push(`§2.1.3 : ${file} hors de data/ dans ${manifest}`);
      if (!existsSync(path.join(root, file))) problems.push(`§3 : ${file} listé mais absent`);
      else if (createHash(algorithm).update(await readFile(path.join(root, file))).digest('hex') !== digest) problems.push(`§3 : empreinte fausse pour ${file}`);
    }
  }
  // §2.2.1: tag manifests list tag files, whose checksums must match.
  for (const tagManifest of tagFiles.filter((file) => /^tagmanifest-[a-z0-9]+\.txt$/.test(file))) {
    const algorithm = /^tagmanifest-([a-z0-9]+)\.txt$/.exec(tagManifest)?.[1] ?? '';
    const entries = parseManifest(await readFile(path.join(root, tagManifest), 'utf8'));
    for (const [file, digest] of entries) {
      if (file.startsWith('data/')) problems.push(`§2.2.1 : ${file} de data/ dans ${tagManifest}`);
      if (createHash(algorithm).update(await readFile(path.join(root, file))).digest('hex') !== digest) problems.push(`§2.2.1 : empreinte fausse pour ${file}`);
    }
    for (const file of tagFiles) if (file !== tagManifest && !entries.has(file)) problems.push(`§2.2.1 : ${file} absent de ${tagManifest}`);
  }
  // §2.2.2: bag-info.txt, "label: value" lines (continuation lines start with whitespace); Payload-Oxum right.
  const info = new Map<string, string[]>();
  let last = '';
  for (const line of (await readFile(path.join(root, 'bag-info.txt'), 'utf8')).split('\n')) {
    if (line === '') continue;
    if (/^[ \t]/.test(line)) {
      const values = info.get(last);
      if (values) values[values.length - 1] = `${values[values.length - 1] ?? ''} ${line.trim()}`;
      continue;
    }
    const match = /^([^:\s][^:]*):\s*(.*)$/.exec(line);
    if (!match?.[1]) {
      problems.push(`§2.2.2 : ligne illisible « ${line} »`);
      continue;
    }
    last = match[1];
    info.set(last, [...(info.get(last) ?? []), match[2] ?? '']);
  }
  const oxum = info.get('Payload-Oxum')?.[0];
  let octets = 0;
  for (const file of payload) octets += (await stat(path.join(root, file))).size;
  if (oxum !== `${octets}.${payload.length}`) problems.push(`§2.2.2 Payload-Oxum ${oxum ?? '(absent)'} ≠ ${octets}.${payload.length}`);
  expect(problems).toEqual([]);
  return { root, info };
}

/** What a forger does after changing a file: every manifest line recomputed, so that `sha256sum -c` passes. */
export async function rebag(root: string): Promise<void> {
  const files = await walk(root);
  const line = async (file: string): Promise<string> => `${await sha256(path.join(root, file))}  ${file}\n`;
  const payload = files.filter((file) => file.startsWith('data/'));
  await writeFile(path.join(root, 'manifest-sha256.txt'), (await Promise.all(payload.map(line))).join(''));
  const tags = files.filter((file) => !file.startsWith('data/') && file !== 'tagmanifest-sha256.txt');
  await writeFile(path.join(root, 'tagmanifest-sha256.txt'), (await Promise.all(tags.map(line))).join(''));
}
