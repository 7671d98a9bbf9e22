// A dossier of probes recorded since captures are stored once: each probe's captioned PNG, drawn from the capture
// and its record, and each distinct capture once, whose SHA-256 is the records' own.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../shared/domain.js';
import { fixedClock } from '../clock.js';
import { encodeCapture } from '../evidence/capture.js';
import { findBrowser } from '../probe/index.js';
import { createStore } from '../store/store.js';
import { solidPng } from '../../../test/support/evidence-folder.js';
import { syntheticPlanning, syntheticProbe } from '../../../test/support/synthetic.js';
import { buildDossier } from './index.js';

let dir: string;
const probes: Probe[] = [];
const browserPath = findBrowser({ env: process.env, settingsPath: null }).path ?? '/usr/bin/chromium';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-dossier-captioned-'));
  const store = createStore({ dir, clock: fixedClock('2026-12-01T10:00:00Z'), log: () => undefined });
  await store.plannings.put(syntheticPlanning('evry', { label: 'Évry — titres de séjour' }));
  const capture = await encodeCapture(solidPng(200, 120, [40, 40, 40]));
  for (let n = 0; n < 3; n += 1) {
    const input = { ...syntheticProbe('evry', '2026-11-10T08:00:00Z', n), outcome: 'no_date' as const, caption: { planningLabel: 'Préfecture de l’Essonne — Évry' } };
    probes.push(await store.probes.append(input, { screenshot: capture, pageText: 'Plus de plage horaire libre.', log: `journal ${n}\n` }));
  }
  await store.close();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dossier of captures stored once', () => {
  it('holds each captioned PNG and the shared capture once, whose hash is the records’', async () => {
    const store = createStore({ dir, clock: fixedClock('2026-12-01T10:00:00Z'), log: () => undefined });
    const out = path.join(dir, 'exports', 'dossier.zip');
    const result = await buildDossier({
      store,
      planningIds: ['evry'],
      period: { from: '2026-11-01', to: '2026-11-30' },
      out,
      appVersion: '9.9.9',
      browserPath,
      now: new Date('2026-12-01T10:00:00Z'),
    });
    await store.close();
    expect(result.altered).toEqual([]);
    expect(result.screenshots).toBe(3);
    const extracted = path.join(dir, 'extracted');
    execFileSync('unzip', ['-q', out, '-d', extracted]);
    const [top = ''] = await readdir(extracted);
    const data = path.join(extracted, top, 'data');
    const originals = await readdir(path.join(data, 'captures', 'originales'));
    const shared = probes[0]?.screenshot;
    expect(originals).toEqual([`${shared?.sha256 ?? ''}.webp`]);
    const stored = await readFile(path.join(data, 'captures', 'originales', originals[0] ?? ''));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(shared?.sha256);
    for (const probe of probes) {
      const png = await readFile(path.join(data, 'captures', 'evry', '2026-11', `${probe.id}.png`));
      const image = await sharp(png).metadata();
      expect([image.format, image.width]).toEqual(['png', 200]);
      expect(image.height).toBeGreaterThan(120);
    }
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: path.join(extracted, top) }).toString()).toBe('');
  }, 120_000);

  it('is still made when a shared capture is damaged, and lists that capture and every PNG drawn from it as altered', async () => {
    const shared = probes[0]?.screenshot?.path ?? '';
    const original = await readFile(path.join(dir, shared));
    await writeFile(path.join(dir, shared), original.subarray(0, 40));
    const store = createStore({ dir, clock: fixedClock('2026-12-01T10:00:00Z'), log: () => undefined });
    try {
      const result = await buildDossier({
        store,
        planningIds: ['evry'],
        period: { from: '2026-11-01', to: '2026-11-30' },
        out: path.join(dir, 'exports', 'dossier-abime.zip'),
        appVersion: '9.9.9',
        browserPath,
        now: new Date('2026-12-01T10:00:00Z'),
      });
      expect(result.altered).toContain(`captures/originales/${path.posix.basename(shared)}`);
      expect(result.altered.filter((name) => name.endsWith('(absent ou illisible dans le dossier de données)'))).toHaveLength(3);
    } finally {
      await store.close();
      await writeFile(path.join(dir, shared), original);
    }
  }, 120_000);
});
