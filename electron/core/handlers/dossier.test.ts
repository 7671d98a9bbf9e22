// The dossier's file names through the API: what, which period, made when (to the second); two dossiers made in
// the same second, or over a file already there, never replace each other.
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Planning } from '../../shared/domain.js';
import { createCore, type Core } from '../api/create-core.js';
import { fixedClock } from '../clock.js';
import { findBrowser } from '../probe/index.js';
import { createStore } from '../store/store.js';

const NOW = '2026-12-05T13:05:09Z';
const browserPath = findBrowser({ env: process.env, settingsPath: null }).path ?? '/usr/bin/chromium';
let dir: string;
let core: Core;

const planning: Planning = {
  id: 'bobigny-titres',
  label: 'Bobigny — remise de titre',
  departement: '93',
  prefecture: 'Bobigny',
  url: 'https://www.seine-saint-denis.gouv.fr/booking/create/9829',
  system: 'legacy',
  guichet: '1',
  guichetLabel: 'Remise de titre',
  procedure: 'titre de séjour',
  onlineMandatory: true,
  followed: true,
  minute: 17,
  steps: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  stoppedAt: null,
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-dossier-names-'));
  const clock = fixedClock(NOW);
  const store = createStore({ dir, clock, log: () => undefined });
  await store.plannings.put(planning);
  await store.settings.update({ associationName: 'Association Test', browserPath });
  await store.close();
  // The core as the app opens it, its trusted roots none (nothing to time-stamp here).
  core = createCore({ dataDir: dir, appVersion: '9.9.9', clock, env: { ...process.env, GUICHETS_BROWSER: browserPath }, trustDir: null, log: () => undefined });
});

afterAll(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

/** The dossier's calls through the core's API. */
const handlers = () => core.api;

describe('a dossier’s file name', () => {
  it('is cancelled by a cancel sent as soon as the call starts, and says that nothing was written', async () => {
    const api = handlers();
    const before = await readdir(path.join(dir, 'exports')).catch(() => []);
    const run = api['dossier:create']({ planningIds: [planning.id], from: '2026-11-01', to: '2026-11-30', jobId: 'vite' });
    expect(await api['dossier:cancel']({ jobId: 'vite' })).toEqual({ cancelled: true });
    await expect(run).rejects.toMatchObject({ coreMessage: { code: 'progress.dossier_cancelled' } });
    expect(await readdir(path.join(dir, 'exports')).catch(() => [])).toEqual(before);
  }, 60_000);

  it('says the planning, the period and the second; two made in the same second, or over an existing file, get names of their own', async () => {
    const api = handlers();
    const exports = path.join(dir, 'exports');
    // A PDF left there by hand, under the name the first dossier would take: kept, and not taken.
    await mkdir(exports, { recursive: true });
    const base = 'guichets-dossier-bobigny-remise-de-titre-2026-11-01-2026-11-30-2026-12-05_14-05-09';
    await writeFile(path.join(exports, `${base}.pdf`), 'à garder');
    const input = { planningIds: [planning.id], from: '2026-11-01', to: '2026-11-30' };
    const [first, second] = await Promise.all([api['dossier:create'](input), api['dossier:create'](input)]);
    expect([path.basename(first.path), path.basename(second.path)].sort()).toEqual([`${base}-2.zip`, `${base}-3.zip`]);
    expect(first.pdfPath).toBe(first.path.replace(/\.zip$/, '.pdf'));
    expect((await readdir(exports)).sort()).toEqual([`${base}-2.pdf`, `${base}-2.zip`, `${base}-3.pdf`, `${base}-3.zip`, `${base}.pdf`]);
    expect(await readFile(path.join(exports, `${base}.pdf`), 'utf8')).toBe('à garder');
  }, 180_000);
});
