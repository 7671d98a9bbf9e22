// The evidence folder measured for the disk budget: every byte counted, and only what changed listed again.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvidenceMeter } from './meter.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-meter-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(relative: string, bytes: number): Promise<void> {
  const file = path.join(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.alloc(bytes, 1));
}

describe('the evidence meter', () => {
  it('counts every file, then lists again only the folders that gained one', async () => {
    await put('_blobs/ab/ab12.webp', 1000);
    await put('_blobs/cd/cd34.txt', 200);
    await put('p1/2026-10/probe-1.log', 30);
    await put('p1/2026-11/probe-2.log', 40);
    await put('p2/2026-11/probe-3.log', 50);
    const meter = createEvidenceMeter(dir);
    const first = await meter.measure();
    expect(first.bytes).toBe(1320);
    // The root, _blobs and its 2 folders, p1 and its 2 months, p2 and its month.
    expect(first.listed).toBe(9);

    expect(await meter.measure()).toMatchObject({ bytes: 1320, listed: 0 });

    // A new probe of p1 in November, and a new capture in a new folder of _blobs.
    await put('p1/2026-11/probe-4.log', 60);
    await put('_blobs/ef/ef56.webp', 700);
    const third = await meter.measure();
    expect(third.bytes).toBe(1320 + 60 + 700);
    expect(third.listed).toBe(3);

    // A log appended to a month's pack: its folder's time does not change, its bytes count all the same.
    await put('p2/2026-11/logs.gz', 100);
    expect(await meter.measure()).toMatchObject({ bytes: 2080 + 100, listed: 1 });
    await writeFile(path.join(dir, 'p2', '2026-11', 'logs.gz'), Buffer.alloc(50, 1), { flag: 'a' });
    expect(await meter.measure()).toMatchObject({ bytes: 2080 + 150, listed: 0 });
  });

  it('measures in the background: the first ask gets nothing yet, a later one the figure', async () => {
    await put('p1/2026-11/probe-1.log', 123);
    const meter = createEvidenceMeter(dir);
    expect(meter.latest(3_600_000)).toBeNull();
    await expect.poll(() => meter.latest(3_600_000)?.bytes).toBe(123);
  });

  it('counts nothing, without failing, when there is no evidence folder yet', async () => {
    expect((await createEvidenceMeter(path.join(dir, 'absent')).measure()).bytes).toBe(0);
  });
});
