// `move-data` as a user runs it: the default data folder moved, remembered for the next command (and the desktop
// app, which reads the same pointer), and a refused folder said in one French line with exit code 2.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './support/node-cli.js';

let home: string;

function cli(args: string[]): Promise<CliRun> {
  return runCli(args, { XDG_CONFIG_HOME: path.join(home, 'config'), GUICHETS_DATA_DIR: undefined }, 90_000);
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'guichets-cli-move-'));
  const appFolder = path.join(home, 'config', 'Guichets');
  await mkdir(path.join(appFolder, 'probes', 'p1', '2026-11'), { recursive: true });
  await writeFile(path.join(appFolder, 'probes', 'p1', '2026-11', '2026-11-03.json'), '[]');
  await writeFile(path.join(appFolder, 'plannings.json'), '[]');
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('move-data', () => {
  it('refuses a folder that is not empty in one line, then moves the default folder and the next command uses it', async () => {
    const busy = path.join(home, 'occupe');
    await mkdir(busy);
    await writeFile(path.join(busy, 'x.txt'), 'x');
    const refused = await cli(['move-data', busy]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([`Erreur : Nouveau dossier : « ${busy} » n’est pas vide. Choisissez un dossier vide (ou un nouveau) pour ne rien mélanger.`]);

    const target = path.join(home, 'disque', 'Guichets');
    const moved = await cli(['move-data', target]);
    expect(moved.code, moved.stderr).toBe(0);
    // The size as people in France write it: a decimal comma.
    expect(moved.stdout).toMatch(new RegExp(`Dossier de données déplacé : ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(2 fichiers, \\d+,\\d Mo, copie vérifiée\\)`));
    expect(moved.stdout).toContain('L’application de bureau et la ligne de commande l’utilisent désormais.');
    expect(existsSync(path.join(target, 'probes', 'p1', '2026-11', '2026-11-03.json'))).toBe(true);
    // The app's own folder keeps only the pointer.
    expect(await readdir(path.join(home, 'config', 'Guichets'))).toEqual(['data-folder.json']);

    const next = await cli(['stats']);
    expect(next.stderr).toContain(`Données : ${target}`);
  }, 180_000);
});
