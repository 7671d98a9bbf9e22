// This PC's memory of the seals it made, against the forger who cuts a folder back to an older seal: the newest
// seals and their tokens deleted, the probes after the last remaining seal deleted, the aggregates shortened.
// Everything left is genuine, so the folder alone cannot tell; the memory kept outside it can.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { verify } from '../evidence/index.js';
import { createStore, type Store } from '../store/store.js';
import { appendSyntheticProbes, syntheticPlanning } from '../../../test/support/synthetic.js';
import { printAnchor, printer } from '../../cli/verify-report.js';
import { createSealService } from './service.js';
import { loadTrust, type TrustSet } from './trust.js';

const DAY = 'probes/p1/2026-03/2026-03-10.json';
const AGGREGATES = 'aggregates/p1.json';

let dir: string;
let thisPc: string;
let otherPc: string;
let store: Store;
let trust: TrustSet;
const clock = fixedClock('2026-03-10T12:00:00Z');

const service = () =>
  createSealService({ store, clock, env: { GUICHETS_TSA_URLS: 'none' }, appVersion: '0.0.0-test', log: () => undefined, trustDir: null, anchorsDir: thisPc });
const check = (anchorsDir: string | undefined) => verify(store, undefined, { trust, ...(anchorsDir === undefined ? {} : { anchorsDir }) });
const said = (report: Awaited<ReturnType<typeof check>>): string[] => {
  const lines: string[] = [];
  printAnchor(printer((text) => lines.push(text.trim())), report);
  return [...report.problems.map((problem) => problem.message), ...lines];
};
const read = (relative: string) => readFile(path.join(dir, relative));

beforeEach(async () => {
  clock.set('2026-03-10T12:00:00Z');
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-anchor-'));
  thisPc = await mkdtemp(path.join(os.tmpdir(), 'guichets-config-'));
  otherPc = await mkdtemp(path.join(os.tmpdir(), 'guichets-config-'));
  store = createStore({ dir, clock, log: () => undefined });
  trust = await loadTrust({ env: {}, userDir: null });
  await store.plannings.put(syntheticPlanning('p1'));
  await appendSyntheticProbes(store, { planningId: 'p1', count: 5, start: '2026-03-10T06:00:00Z', artefacts: false });
});

afterEach(async () => {
  await store.close();
  await Promise.all([dir, thisPc, otherPc].map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Seal 5 probes (A), keep the folder as it was then, add 3 probes and seal them (B). */
async function twoSeals(): Promise<{ first: string; second: string; before: { day: Buffer; aggregates: Buffer } }> {
  const seals = service();
  const first = (await seals.create()).name;
  const before = { day: await read(DAY), aggregates: await read(AGGREGATES) };
  clock.set('2026-03-10T18:00:00Z');
  await appendSyntheticProbes(store, { planningId: 'p1', count: 3, start: '2026-03-10T14:00:00Z', artefacts: false });
  const second = (await seals.create()).name;
  await seals.stop();
  return { first, second, before };
}

/** The forger's cut: the newest seal and its files gone, the day and the aggregates as they were at the older one. */
async function cutBackTo(second: string, before: { day: Buffer; aggregates: Buffer }): Promise<void> {
  await store.close();
  for (const file of await readdir(path.join(dir, 'seals'))) if (file.startsWith(`${second}.`)) await rm(path.join(dir, 'seals', file));
  await writeFile(path.join(dir, DAY), before.day);
  await writeFile(path.join(dir, AGGREGATES), before.aggregates);
  store = createStore({ dir, clock, log: () => undefined });
}

describe('this PC’s memory of its seals', () => {
  it('fails verify when a folder is cut back to an older seal, which the folder alone cannot show', async () => {
    const { second, before } = await twoSeals();
    await cutBackTo(second, before);
    // The folder alone: everything left is genuine.
    const alone = await check(undefined);
    expect(alone.problems).toEqual([]);
    expect(alone.checkedProbes).toBe(5);

    const report = await check(thisPc);
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => [problem.kind, problem.file])).toEqual([['anchored_seal_missing', `seals/${second}.json`]]);
    expect(said(report)[0]).toBe(
      `Le scellement du 10/03/2026 19:00 (${second}, 8 sondages) connu de ce PC a disparu : des sondages ont pu être effacés (sceaux, jetons et sondages les plus récents supprimés).`,
    );

    // The next daily seal, made on the cut folder, does not make this PC forget the seal it lost.
    clock.set('2026-03-11T18:00:00Z');
    const seals = service();
    await seals.create();
    await seals.stop();
    expect((await check(thisPc)).problems.map((problem) => problem.kind)).toEqual(['anchored_seal_missing']);
  });

  it('fails verify when the remembered seal was replaced by another of the same name', async () => {
    const { second } = await twoSeals();
    const file = path.join(dir, 'seals', `${second}.json`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"probes":8', '"probes":5'));
    const report = await check(thisPc);
    expect(report.problems.map((problem) => problem.kind)).toContain('anchored_seal_changed');
  });

  it('passes after a normal new seal, and says that this PC knows the newest one', async () => {
    const { second } = await twoSeals();
    const report = await check(thisPc);
    expect(report.problems).toEqual([]);
    expect(said(report)).toEqual([`Ce PC se souvient du dernier scellement qu’il a fait pour ce dossier (${second}, 8 sondages) : il est là, identique.`]);
  });

  it('passes on another PC (or a copy elsewhere), saying that it has no memory of the folder’s seals', async () => {
    const { second, before } = await twoSeals();
    const copy = await mkdtemp(path.join(os.tmpdir(), 'guichets-copy-'));
    try {
      await cp(dir, copy, { recursive: true });
      const elsewhere = await verify(copy, undefined, { trust, anchorsDir: thisPc });
      expect(elsewhere.problems).toEqual([]);
      expect(said(elsewhere)).toEqual([
        'Ce PC n’a aucun souvenir des scellements de ce dossier (copié d’un autre PC, ou scellé par une version antérieure) : la disparition de ses scellements les plus récents ne peut pas être constatée ici.',
      ]);
      // Another PC, same folder cut back: it cannot know, and says so rather than failing.
      await cutBackTo(second, before);
      const other = await check(otherPc);
      expect(other.ok).toBe(true);
      expect(other.anchor).toEqual({ known: false });
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('after a restore in place, a person’s acknowledgement is recorded on this PC and said at every verify, whatever the folder holds', async () => {
    const { first, second, before } = await twoSeals();
    // Restored from the backup made after the first seal: exactly the folder as it was then.
    await cutBackTo(second, before);
    const memory = async (): Promise<string[]> => Promise.all((await readdir(thisPc)).map((file) => readFile(path.join(thisPc, file), 'utf8')));
    const remembered = await memory();
    const seals = service();
    // Asked first: what would be given up, nothing written.
    const asked = await seals.acceptRestore(false);
    expect(asked).toMatchObject({ recorded: false, restore: { gaveUp: [{ name: second, probes: 8 }], since: { name: first, probes: 5 }, anchoredTo: { name: first, probes: 5 } } });
    expect(await memory()).toEqual(remembered);
    expect((await check(thisPc)).ok).toBe(false);

    clock.set('2026-03-12T09:30:00Z');
    expect(await seals.acceptRestore(true)).toMatchObject({ recorded: true, restore: { at: '2026-03-12T09:30:00.000Z' } });
    const restored =
      'Le 12/03/2026, une restauration acceptée sur ce PC a abandonné 1 scellement fait après le 10/03/2026 13:00 (le 10/03/2026 19:00, le plus récent sur 8 sondages) : les sondages faits après la sauvegarde restaurée ne sont plus dans ce dossier.';
    const report = await check(thisPc);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(said(report)).toEqual([restored, `Ce PC se souvient du dernier scellement qu’il a fait pour ce dossier (${first}, 5 sondages) : il est là, identique.`]);
    expect(await seals.acceptRestore(false)).toEqual({ refused: 'nothing' });

    // Still said after the next daily seal, and after anything done to the data folder alone (its seals wiped).
    clock.set('2026-03-13T09:30:00Z');
    await seals.create();
    await seals.stop();
    expect(said(await check(thisPc))[0]).toBe(restored);
    await rm(path.join(dir, 'seals'), { recursive: true });
    const wiped = await check(thisPc);
    expect(wiped.problems.map((problem) => problem.kind)).toEqual(['anchored_seal_missing']);
    expect(said(wiped)).toContain(restored);
  });

  it('gives up only lost seals: a seal made after the restore is relied on, and a replaced seal is refused', async () => {
    const { first, second, before } = await twoSeals();
    await cutBackTo(second, before);
    clock.set('2026-03-11T18:00:00Z');
    const seals = service();
    const third = (await seals.create()).name;
    expect(await seals.acceptRestore(false)).toMatchObject({ restore: { gaveUp: [{ name: second }], since: { name: first }, anchoredTo: { name: third, probes: 5 } } });

    const file = path.join(dir, 'seals', `${third}.json`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"probes":5', '"probes":4'));
    const memory = await readdir(thisPc).then((files) => Promise.all(files.map((name) => readFile(path.join(thisPc, name), 'utf8'))));
    expect(await seals.acceptRestore(true)).toEqual({ refused: 'changed' });
    expect(await readdir(thisPc).then((files) => Promise.all(files.map((name) => readFile(path.join(thisPc, name), 'utf8'))))).toEqual(memory);
    await seals.stop();
  });

  it('follows the folder when the app moves it', async () => {
    const { second, before } = await twoSeals();
    const moved = await mkdtemp(path.join(os.tmpdir(), 'guichets-moved-'));
    const original = dir;
    try {
      await store.close();
      await cp(dir, moved, { recursive: true });
      await service().carryAnchor(moved);
      dir = moved;
      await cutBackTo(second, before);
      expect((await check(thisPc)).problems.map((problem) => problem.kind)).toEqual(['anchored_seal_missing']);
    } finally {
      await rm(original, { recursive: true, force: true });
    }
  });
});
