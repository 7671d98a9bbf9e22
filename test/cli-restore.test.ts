// A data folder restored in place from an older backup, as a person lives it on the command line: verify fails (this
// PC remembers a newer seal) and says what to run; `verify --accept-restore` shows the seals given up and records
// nothing until the person types « oui »; then verify passes and always says that restore, even when the data
// folder is altered again.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../electron/core/clock.js';
import { anchorsDirOf } from '../electron/core/seals/anchor.js';
import { createSealService } from '../electron/core/seals/service.js';
import { createStore, type Store } from '../electron/core/store/store.js';
import { runCli, type CliRun } from './support/node-cli.js';
import { appendSyntheticProbes, syntheticPlanning } from './support/synthetic.js';

let tmp: string;
let dir: string;
let env: NodeJS.ProcessEnv;
const clock = fixedClock('2026-03-10T12:00:00Z');

const cli = (args: string[], input?: string): Promise<CliRun> => runCli([...args, '--data-dir', dir, '--lang', 'fr'], env, 120_000, input);
const memory = async (): Promise<string[]> => {
  const folder = anchorsDirOf(env);
  return Promise.all((await readdir(folder)).map((file) => readFile(path.join(folder, file), 'utf8')));
};

/** Seals as the app does on this PC (its memory in the CLI's config folder), at the test's clock. */
async function sealNow(store: Store): Promise<string> {
  const seals = createSealService({ store, clock, env, appVersion: '0.0.0-test', log: () => undefined, trustDir: null });
  const { name } = await seals.create();
  await seals.stop();
  return name;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'guichets-cli-restore-'));
  dir = path.join(tmp, 'data');
  env = { GUICHETS_TSA_URLS: 'none', XDG_CONFIG_HOME: path.join(tmp, 'config'), GUICHETS_DATA_DIR: undefined };
  const store = createStore({ dir, clock, log: () => undefined });
  await store.plannings.put(syntheticPlanning('p1'));
  await appendSyntheticProbes(store, { planningId: 'p1', count: 5, start: '2026-03-10T06:00:00Z', artefacts: false });
  await sealNow(store);
  await store.close();
  // The backup, then a day of probes and its seal, then the folder restored in place from that backup.
  await cp(dir, path.join(tmp, 'backup'), { recursive: true });
  const later = createStore({ dir, clock, log: () => undefined });
  clock.set('2026-03-11T18:00:00Z');
  await appendSyntheticProbes(later, { planningId: 'p1', count: 3, start: '2026-03-11T14:00:00Z', artefacts: false });
  await sealNow(later);
  await later.close();
  await rm(dir, { recursive: true });
  await cp(path.join(tmp, 'backup'), dir, { recursive: true });
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('verify --accept-restore', () => {
  it('is asked, recorded only once confirmed, and said at every verify after', async () => {
    const failing = await cli(['verify']);
    expect(failing.code, failing.stderr).toBe(1);
    expect(failing.stdout).toContain('✗ Le scellement du 11/03/2026 19:00 (20260311T180000Z, 8 sondages) connu de ce PC a disparu');
    expect(failing.stdout).toContain('Si ce dossier a été restauré ici depuis une sauvegarde plus ancienne : npm run cli -- verify --accept-restore.');

    const remembered = await memory();
    const declined = await cli(['verify', '--accept-restore'], 'non\n');
    expect(declined.code, declined.stderr).toBe(1);
    expect(declined.stdout).toContain('Ce PC se souvient de 1 scellement que ce dossier n’a plus :\n  20260311T180000Z (11/03/2026 19:00, 8 sondages)\n');
    expect(declined.stdout).toContain('ce PC se fiera désormais au scellement 20260310T120000Z (5 sondages)');
    expect(declined.stderr).toContain('Tapez « oui » pour confirmer : ');
    expect(declined.stdout).toContain('Rien n’a été enregistré');
    expect(await memory()).toEqual(remembered);
    // Standard input closed without an answer: not confirmed either.
    expect((await cli(['verify', '--accept-restore'], '')).code).toBe(1);
    expect(await memory()).toEqual(remembered);

    const accepted = await cli(['verify', '--accept-restore'], 'oui\n');
    expect(accepted.code, accepted.stdout + accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain('✓ Restauration enregistrée sur ce PC.');
    const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(new Date());
    const restored = `Le ${day}, une restauration acceptée sur ce PC a abandonné 1 scellement fait après le 10/03/2026 13:00 (le 11/03/2026 19:00, le plus récent sur 8 sondages) : les sondages faits après la sauvegarde restaurée ne sont plus dans ce dossier.`;
    expect(accepted.stdout).toContain(restored);

    const passing = await cli(['verify']);
    expect(passing.code, passing.stdout).toBe(0);
    expect(passing.stdout).not.toContain('✗');
    expect(passing.stdout).toContain(restored);
    expect((await cli(['verify', '--accept-restore'])).stdout).toContain('Tous les scellements dont ce PC se souvient sont là : il n’y a pas de restauration à accepter.');

    // Whoever can write only the data folder cannot make that line go: the folder replaced by the backup once more.
    await rm(dir, { recursive: true });
    await cp(path.join(tmp, 'backup'), dir, { recursive: true });
    expect((await cli(['verify'])).stdout).toContain(restored);
  }, 240_000);

  it('is refused with --planning, in one line', async () => {
    const run = await cli(['verify', '--accept-restore', '--planning', 'p1']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('Erreur : --accept-restore vaut pour tout le dossier : relancez-le sans --planning.');
  });
});
