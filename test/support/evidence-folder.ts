// A data folder filled as the demo leaves it (two plannings, months of probes with real PNG screenshots and logs, a
// gap, seals made and stamped at their time), for the dossier, publication and import tests.
import { deflateSync, crc32 } from 'node:zlib';
import type { Probe } from '../../electron/shared/domain.js';
import { fixedClock } from '../../electron/core/clock.js';
import { createStore, type Store } from '../../electron/core/store/store.js';
import { createSeal } from '../../electron/core/seals/seal.js';
import type { TrustSet } from '../../electron/core/seals/trust.js';
import type { LocalTsa } from './local-tsa.js';
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

export interface DemoSeals {
  /** Stamps each seal at its own time (faketime): the dossier's seals are then proven day by day. */
  tsa: LocalTsa;
  trust: TrustSet;
}

/**
 * Two plannings; `count` probes of the first, a few of the second; one gap; seals made as the app makes them, at
 * their time among the probes: at 20:00 UTC and on 1 December at 09:00 when `seals` gives an authority
 * every other day (each stamped on time), else two unstamped ones (15 October, 1 December).
 */
export async function fillDemoFolder(dir: string, count = 500, seals?: DemoSeals): Promise<DemoFolder> {
  const clock = fixedClock(DEMO_NOW);
  const store = createStore({ dir, clock, log: () => undefined });
  // Named before the first seal: each seal states the association's name.
  await store.settings.update({ associationName: 'Association Test' });
  await store.plannings.put(syntheticPlanning('bobigny-titres', { label: 'Bobigny — titres de séjour', departement: '93' }));
  await store.plannings.put(
    syntheticPlanning('lyon-naturalisation', { label: 'Lyon — naturalisation', departement: '69', prefecture: 'Préfecture du Rhône' }),
  );
  const noDate = solidPng(120, 80, [40, 40, 40]);
  const dates = solidPng(120, 80, [30, 160, 60]);
  type Step = { at: string; run: () => Promise<void> };
  const probes: Probe[] = [];
  const steps: Step[] = [];
  for (let n = 0; n < count; n += 1) {
    const input = syntheticProbe('bobigny-titres', START, n * 5);
    const shot = input.outcome === 'dates' ? dates : input.outcome === 'no_date' ? noDate : null;
    steps.push({ at: input.startedAt, run: async () => void probes.push(await store.probes.append(input, { screenshot: shot, pageText: `Page du sondage ${n}`, log: `journal du sondage ${n}\n` })) });
  }
  for (let n = 0; n < 12; n += 1) {
    const input = syntheticProbe('lyon-naturalisation', '2026-10-01T08:00:00Z', n * 24);
    steps.push({ at: input.startedAt, run: async () => void probes.push(await store.probes.append(input, { screenshot: dates, pageText: 'Lyon' })) });
  }
  steps.push({
    at: '2026-10-15T01:00:00.000Z',
    run: () => store.gaps.record({ planningId: 'bobigny-titres', from: '2026-10-14T22:00:00Z', to: '2026-10-15T01:00:00Z', hours: 3, reason: 'app_closed' }),
  });
  const sealAt = (at: string): Step => ({
    at,
    run: async () => {
      clock.set(at);
      if (seals) seals.tsa.fakeTime = new Date(Date.parse(at) + 2_000).toISOString().replace('T', ' ').slice(0, 19);
      await createSeal({ store, clock, appVersion: '9.9.9', tsaUrls: seals ? [seals.tsa.url] : [], trust: seals?.trust ?? { roots: [], unreadable: [] }, log: () => undefined });
    },
  });
  if (seals) {
    // Every other day (a probe then waits less than 48 h for its seal): half the stamping of daily seals.
    for (let day = Date.parse('2026-08-20T20:00:00Z'); day < Date.parse('2026-12-01T00:00:00Z'); day += 2 * 86_400_000) steps.push(sealAt(new Date(day).toISOString()));
  } else {
    steps.push(sealAt('2026-10-15T12:00:00.000Z'));
  }
  steps.push(sealAt('2026-12-01T09:00:00.000Z'));
  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const step of steps) await step.run();
  clock.set(DEMO_NOW);
  if (seals) seals.tsa.fakeTime = null;
  return { store, probes };
}
