// A data folder filled as the demo leaves it (two plannings, months of probes with real PNG screenshots, a gap,
// seals as the core writes them), for the dossier, publication and import tests.
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import type { Probe } from '../../electron/shared/domain.js';
import { fixedClock } from '../../electron/core/clock.js';
import { createStore, type Store } from '../../electron/core/store/store.js';
import { syntheticPlanning, syntheticProbe } from './synthetic.js';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real, small, one-colour PNG that a browser shows: screenshots in the PDF must be images. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, index) => rgb[index % 3] ?? 0)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const DEMO_NOW = '2026-12-01T10:00:00Z';
/** One probe every five hours from 20 August: the default period (September to November) and its edges. */
const START = '2026-08-20T06:00:00Z';

export interface DemoFolder {
  store: Store;
  probes: Probe[];
}

/** Two plannings; `count` probes of the first, a few of the second; one gap; two seals (before and after November's end). */
export async function fillDemoFolder(dir: string, count = 500): Promise<DemoFolder> {
  const store = createStore({ dir, clock: fixedClock(DEMO_NOW), log: () => undefined });
  await store.plannings.put(syntheticPlanning('bobigny-titres', { label: 'Bobigny — titres de séjour', departement: '93' }));
  await store.plannings.put(
    syntheticPlanning('lyon-naturalisation', { label: 'Lyon — naturalisation', departement: '69', prefecture: 'Préfecture du Rhône' }),
  );
  const noDate = solidPng(120, 80, [40, 40, 40]);
  const dates = solidPng(120, 80, [30, 160, 60]);
  const probes: Probe[] = [];
  for (let n = 0; n < count; n += 1) {
    const input = syntheticProbe('bobigny-titres', START, n * 5);
    const shot = input.outcome === 'dates' ? dates : input.outcome === 'no_date' ? noDate : null;
    probes.push(await store.probes.append(input, { screenshot: shot, pageText: `Page du sondage ${n}` }));
  }
  for (let n = 0; n < 12; n += 1) {
    probes.push(await store.probes.append(syntheticProbe('lyon-naturalisation', '2026-10-01T08:00:00Z', n * 24), { screenshot: dates, pageText: 'Lyon' }));
  }
  await store.gaps.record({
    planningId: 'bobigny-titres',
    from: '2026-10-14T22:00:00Z',
    to: '2026-10-15T01:00:00Z',
    hours: 3,
    reason: 'app_closed',
  });
  await writeSeals(dir, ['20261015T120000Z', '20261201T090000Z']);
  return { store, probes };
}

/** Seals in the agreed layout, signed with a fresh Ed25519 key (the seals module makes real ones). */
export async function writeSeals(dir: string, stamps: string[]): Promise<void> {
  const seals = path.join(dir, 'seals');
  await mkdir(path.join(seals, 'tsa'), { recursive: true });
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  await writeFile(path.join(seals, 'installation-key.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  await writeFile(path.join(seals, 'tsa', 'exemple-tsa.pem'), '-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n');
  for (const stamp of stamps) {
    const body = Buffer.from(JSON.stringify({ createdAt: stamp, files: [] }));
    await writeFile(path.join(seals, `${stamp}.json`), body);
    await writeFile(path.join(seals, `${stamp}.sig`), sign(null, body, privateKey));
  }
}
