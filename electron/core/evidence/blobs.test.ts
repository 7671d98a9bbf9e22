// Evidence stored once, proven every time: an unchanged page is one capture on disk whatever the number of probes
// that saw it; verify checks it against every record that uses it; the captioned PNG is drawn from capture and
// record, byte for byte the same each time; records made before (burned-in caption, one file per probe) still
// verify and show.
import { readdir, readFile, mkdir, mkdtemp, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Probe } from '../../shared/domain.js';
import { fixedClock } from '../clock.js';
import { renderCaptioned } from '../report/captioned.js';
import { hashRecord } from '../store/chain.js';
import { createStore, type Store } from '../store/store.js';
import { solidPng } from '../../../test/support/evidence-folder.js';
import { syntheticPlanning, syntheticProbe } from '../../../test/support/synthetic.js';
import { encodeCapture } from './capture.js';
import { verify } from './index.js';

let dir: string;
let store: Store;
const START = '2026-03-10T08:00:00Z';
const PAGE = 'Il n’existe plus de plage horaire libre pour votre demande de rendez-vous.';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-blobs-'));
  store = createStore({ dir, clock: fixedClock('2026-03-11T00:00:00Z'), log: () => undefined });
  await store.plannings.put(syntheticPlanning('p1', { label: 'Bobigny — titres de séjour' }));
  await store.plannings.put(syntheticPlanning('p2', { label: 'Évry — naturalisation' }));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function capture(): Promise<Buffer> {
  return encodeCapture(solidPng(320, 200, [40, 40, 40]));
}

/** A probe of an unchanged page, as the recorder stores it: WebP capture, page text, log, caption in the record. */
async function probeUnchanged(planningId: string, n: number): Promise<Probe> {
  const input = { ...syntheticProbe(planningId, START, n), outcome: 'no_date' as const, caption: { planningLabel: 'Préfecture de l’Essonne — Évry « titres »' } };
  return store.probes.append(input, { screenshot: await capture(), pageText: PAGE, log: `journal ${n}\n` });
}

async function blobFiles(): Promise<string[]> {
  const root = path.join(dir, 'evidence', '_blobs');
  const found: string[] = [];
  for (const folder of await readdir(root)) found.push(...(await readdir(path.join(root, folder))));
  return found.sort();
}

describe('content-addressed evidence', () => {
  it('stores the capture and page text of an unchanged page once, across probes and plannings', async () => {
    const first = await probeUnchanged('p1', 0);
    const second = await probeUnchanged('p1', 1);
    const other = await probeUnchanged('p2', 0);
    expect(first.screenshot?.path).toMatch(/^evidence\/_blobs\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp$/);
    expect(second.screenshot).toEqual(first.screenshot);
    expect(other.screenshot).toEqual(first.screenshot);
    expect(second.pageText).toEqual(first.pageText);
    expect(await blobFiles()).toHaveLength(2);
    // The caption is in the sealed record: changing it breaks the record's hash.
    expect(second.caption).toEqual({ planningLabel: 'Préfecture de l’Essonne — Évry « titres »' });
    const { hash, ...unsignedSecond } = second;
    expect(hashRecord({ ...unsignedSecond, caption: { planningLabel: 'autre' } })).not.toBe(hash);
    expect(await verify(store)).toMatchObject({ ok: true, checkedProbes: 3, problems: [] });
  });

  it('reports a damaged or missing shared capture for every probe that uses it', async () => {
    const probes = [await probeUnchanged('p1', 0), await probeUnchanged('p1', 1), await probeUnchanged('p2', 0)];
    const file = path.join(dir, ...(probes[0]?.screenshot?.path ?? '').split('/'));
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    await writeFile(file, bytes);
    const altered = (await verify(store)).problems;
    expect(altered.map((problem) => [problem.probeId, problem.kind])).toEqual(probes.map((probe) => [probe.id, 'artefact_altered']));
    expect(altered[0]?.message).toContain(probes[0]?.screenshot?.path);

    await unlink(file);
    const missing = (await verify(store)).problems;
    expect(missing.map((problem) => [problem.probeId, problem.kind])).toEqual(probes.map((probe) => [probe.id, 'artefact_missing']));
  });

  it('draws the captioned PNG from capture and record, the same bytes each time, the band above the page', async () => {
    const probe = await probeUnchanged('p1', 0);
    const once = await renderCaptioned(dir, probe);
    const twice = await renderCaptioned(dir, probe);
    expect(once).not.toBeNull();
    expect(twice?.equals(once ?? Buffer.alloc(0))).toBe(true);
    const image = await sharp(once ?? Buffer.alloc(0)).metadata();
    expect(image.format).toBe('png');
    expect(image.width).toBe(320);
    // Six caption lines above the 200-pixel page.
    expect(image.height).toBeGreaterThan(200 + 6 * 15);
    const region = async (top: number, height: number) =>
      sharp(await sharp(once ?? Buffer.alloc(0)).extract({ left: 0, top, width: 320, height }).toBuffer()).stats();
    const band = await region(0, image.height - 200);
    // The band holds dark text on its light background, the page below is untouched.
    expect(band.channels[0]?.min).toBeLessThan(60);
    const page = await region(image.height - 200, 200);
    expect([page.channels[0]?.min, page.channels[0]?.max]).toEqual([40, 40]);
    // Another outcome, another caption: the drawing follows the record.
    const other = await renderCaptioned(dir, { ...probe, outcome: 'dates', firstSlot: '2026-03-20T09:30', secondSlot: null });
    expect(other?.equals(once ?? Buffer.alloc(0))).toBe(false);
  });

  it('still verifies and shows a record made before: its own PNG, caption burned in, one file per probe', async () => {
    const png = solidPng(120, 80, [30, 160, 60]);
    const made = await store.probes.append(syntheticProbe('p1', START, 0), { screenshot: png, pageText: PAGE });
    await store.close();
    // Move its screenshot where older versions wrote it, and seal the record as they did.
    const oldPath = `evidence/p1/2026-03/${made.id}.png`;
    await mkdir(path.join(dir, 'evidence', 'p1', '2026-03'), { recursive: true });
    await rename(path.join(dir, ...(made.screenshot?.path ?? '').split('/')), path.join(dir, ...oldPath.split('/')));
    const old: Probe = { ...made, screenshot: { path: oldPath, sha256: made.screenshot?.sha256 ?? '', bytes: png.length } };
    old.hash = hashRecord(Object.fromEntries(Object.entries(old).filter(([key]) => key !== 'hash')) as Omit<Probe, 'hash'>);
    const day = path.join(dir, 'probes', 'p1', '2026-03', `${made.localDate}.json`);
    await writeFile(day, JSON.stringify({ probes: [old] }));
    const aggregates = path.join(dir, 'aggregates', 'p1.json');
    await writeFile(aggregates, (await readFile(aggregates, 'utf8')).replaceAll(made.hash, old.hash));
    store = createStore({ dir, clock: fixedClock('2026-03-11T00:00:00Z'), log: () => undefined });

    expect(await verify(store)).toMatchObject({ ok: true, checkedProbes: 1, problems: [] });
    const [listed] = await store.probes.list('p1');
    expect(listed?.caption).toBeUndefined();
    expect((await renderCaptioned(dir, listed as Probe))?.equals(png)).toBe(true);
    expect((await stat(path.join(dir, ...oldPath.split('/')))).size).toBe(png.length);
  });
});
