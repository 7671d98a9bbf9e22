// Moving the data folder: each refusal placed by the `to` field with its rule, Electron's own files left in the
// app's folder, and a move the command line asks for on a folder given by --data-dir.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSwitchableCore } from '../api/switchable-core.js';
import { createCore } from '../api/create-core.js';
import { AppError } from '../errors.js';
import { readDataDirPointer } from '../paths.js';
import { copyAndCheck, planMove, unchangedSinceCopy } from './data-folder-move.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'guichets-move-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function refusal(from: string, to: string): Promise<AppError> {
  const error: unknown = await planMove(from, to, null).then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error(`no refusal for ${to}`);
  return error;
}

describe('moving the data folder', () => {
  it('refuses a relative path, the folder itself or one inside it, a file and a non-empty folder, by the field', async () => {
    const from = path.join(root, 'donnees');
    await mkdir(path.join(from, 'probes'), { recursive: true });
    await writeFile(path.join(root, 'fichier'), 'x');
    await mkdir(path.join(root, 'plein'));
    await writeFile(path.join(root, 'plein', 'a.txt'), 'a');
    const cases: [string, string][] = [
      ['relatif/dossier', 'not_absolute'],
      [from, 'inside'],
      [path.join(from, 'probes', 'ailleurs'), 'inside'],
      [path.join(from, '..cache'), 'inside'],
      [path.join(root, 'fichier'), 'not_folder'],
      [path.join(root, 'plein'), 'not_empty'],
    ];
    for (const [to, rule] of cases) {
      const error = await refusal(from, to);
      expect(error.field, to).toEqual(['to']);
      expect(error.params?.rule, to).toBe(rule);
      expect(error.message).toMatch(/^Nouveau dossier : /);
    }
    const plan = await planMove(from, path.join(root, 'neuf', 'Guichets'), null);
    expect(plan.entries).toEqual(['probes']);
  });

  it('from the app’s own folder, moves only Guichets’ files, leaves Electron’s, and remembers the new place', async () => {
    const config = path.join(root, 'config');
    await mkdir(path.join(config, 'Local Storage'), { recursive: true });
    await writeFile(path.join(config, 'Local Storage', 'leveldb'), 'electron');
    const core = createSwitchableCore({ dataDir: config, configDir: config, appVersion: '0.0.0-test', log: () => undefined });
    await core.api['settings:update']({ associationName: 'Asso' });
    const to = path.join(root, 'ailleurs');
    const moved = await core.api['app:moveDataFolder']({ to });
    expect(moved).toMatchObject({ to, oldFolder: 'removed', remembered: true });
    expect((await readdir(to)).sort()).toEqual(['settings.json']);
    expect((await readdir(config)).sort()).toEqual(['Local Storage', 'data-folder.json']);
    expect(readDataDirPointer(config)).toBe(to);
    expect((await core.api['settings:get'](undefined)).associationName).toBe('Asso');
    expect((await core.api['app:info'](undefined)).dataDir).toBe(to);
    await core.close();
  });

  it('is refused by a core that cannot switch folders, and a folder given explicitly is moved but not remembered', async () => {
    const from = path.join(root, 'donnees');
    const plain = createCore({ dataDir: from, appVersion: '0.0.0-test', log: () => undefined });
    const refused = await plain.handle('app:moveDataFolder', { to: path.join(root, 'x') });
    expect(refused).toMatchObject({ ok: false, error: { field: ['to'], params: { rule: 'desktop_only' } } });
    await plain.close();

    const core = createSwitchableCore({ dataDir: from, configDir: null, appVersion: '0.0.0-test', log: () => undefined });
    await core.api['settings:update']({ associationName: 'Asso' });
    const moved = await core.api['app:moveDataFolder']({ to: path.join(root, 'x') });
    expect(moved).toMatchObject({ remembered: false, oldFolder: 'removed' });
    expect(existsSync(from)).toBe(false);
    await core.close();
  });

  it('empties the old folder only when nothing was written there after the copy (a probe run meanwhile is kept)', async () => {
    const from = path.join(root, 'donnees');
    await mkdir(path.join(from, 'probes', 'p1', '2026-12'), { recursive: true });
    await writeFile(path.join(from, 'probes', 'p1', '2026-12', '2026-12-01.json'), '{"probes":[]}\n');
    const checked = await copyAndCheck(await planMove(from, path.join(root, 'nouveau'), null));
    expect(await unchangedSinceCopy(checked)).toBe(true);
    await writeFile(path.join(from, 'probes', 'p1', '2026-12', '2026-12-01.json'), '{"probes":[{"id":"x"}]}\n');
    expect(await unchangedSinceCopy(checked)).toBe(false);
  });
});
