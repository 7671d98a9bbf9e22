// Verification through the API, as the app's screen uses it: the report as codes with its figures and the progress
// as job:progress events; one check at a time; a restore in place acknowledged only in two steps, only when the
// lost seals are all verify finds, and said as information at every check after.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/api.js';
import { createCore, type Core } from '../api/create-core.js';
import { anchorsDirOf } from '../seals/anchor.js';
import { restoreInPlace, sealedFolder } from '../../../test/support/restored-folder.js';

let root: string;
let dir: string;
let env: NodeJS.ProcessEnv;
let core: Core;

const open = (): Core => createCore({ dataDir: dir, appVersion: '0.0.0-test', env, trustDir: null, log: () => undefined });
const memory = async (): Promise<string[]> => {
  const folder = anchorsDirOf(env);
  return Promise.all((await readdir(folder)).map((file) => readFile(path.join(folder, file), 'utf8')));
};

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'guichets-verify-api-'));
  dir = path.join(root, 'data');
  env = { GUICHETS_TSA_URLS: 'none', XDG_CONFIG_HOME: path.join(root, 'config') };
  await sealedFolder(dir, env, ['p1', 'p2']);
  core = open();
}, 60_000);

afterAll(async () => {
  await core.close();
  await rm(root, { recursive: true, force: true });
});

describe('verify:run', () => {
  it('says an intact folder with its figures, its progress told as job:progress', async () => {
    const told: JobProgress[] = [];
    const stop = core.on('job:progress', (progress) => told.push(progress));
    const result = await core.api['verify:run']({});
    stop();
    expect(result).toMatchObject({ ok: true, planningId: null, checkedProbes: 10, seals: 1, timestamps: 0, unproven: 10, late: 0, problems: [], restorable: false });
    expect(result.notes.map((note) => note.code)).toEqual(['verify.anchor_kept']);
    expect(told.at(-1)).toMatchObject({ job: 'verify', done: 10, total: 10, message: { code: 'progress.verify', params: { percent: 100 } } });
  });

  it('checks one planning, and names an altered capture by its code', async () => {
    expect(await core.api['verify:run']({ planningId: 'p1' })).toMatchObject({ ok: true, planningId: 'p1', checkedProbes: 5 });
    const probe = (await core.api['probes:list']({ planningId: 'p2', day: '2026-03-10' }))[1];
    const capture = path.join(dir, probe?.screenshot?.path ?? 'none');
    const bytes = await readFile(capture);
    await writeFile(capture, Buffer.concat([bytes, Buffer.from('x')]));
    try {
      const result = await core.api['verify:run']({ planningId: 'p2' });
      expect(result.ok).toBe(false);
      expect(result.restorable).toBe(false);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ planningId: 'p2', probeId: probe?.id, kind: 'artefact_altered', said: { code: 'verify.problem_artefact_altered' } });
    } finally {
      await writeFile(capture, bytes);
    }
  });

  it('runs one check at a time: the same one is joined, another refused until it ends', async () => {
    const first = core.api['verify:run']({});
    const joined = core.api['verify:run']({});
    await expect(core.api['verify:run']({ planningId: 'p1' })).rejects.toMatchObject({ code: 'busy', coreMessage: { code: 'verify.run_busy' } });
    expect(await joined).toEqual(await first);
    expect((await core.api['verify:run']({ planningId: 'p1' })).ok).toBe(true);
  });

  it('refuses a planning no file knows', async () => {
    await expect(core.api['verify:run']({ planningId: 'inconnu' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('verify:cancel', () => {
  /** A folder of 4 plannings of 12 probes, opened on a clock that moves a minute at each reading: a long check tells its advance, planning by planning. */
  async function slowCore(name: string): Promise<Core> {
    const folder = path.join(root, name);
    await sealedFolder(folder, env, ['p1', 'p2', 'p3', 'p4'], 12);
    let at = Date.parse('2026-03-12T08:00:00Z');
    return createCore({ dataDir: folder, appVersion: '0.0.0-test', env, trustDir: null, log: () => undefined, clock: { now: () => new Date((at += 60_000)) } });
  }

  it('stops the check for every caller waiting on it, with verify.cancelled and no verdict; the next one runs whole', async () => {
    const slow = await slowCore('cancel');
    try {
      const told: JobProgress[] = [];
      const cancels: Promise<{ cancelled: boolean }>[] = [];
      const off = slow.on('job:progress', (progress) => {
        told.push(progress);
        if (progress.done > 0 && cancels.length === 0) cancels.push(slow.api['verify:cancel']({ jobId: 'page-a' }));
      });
      const first = slow.api['verify:run']({ jobId: 'page-a' });
      const joined = slow.api['verify:run']({ jobId: 'page-b' });
      await expect(first).rejects.toMatchObject({ coreMessage: { code: 'verify.cancelled' } });
      await expect(joined).rejects.toMatchObject({ coreMessage: { code: 'verify.cancelled' } });
      off();
      expect(await Promise.all(cancels)).toEqual([{ cancelled: true }]);
      expect(told.some((progress) => progress.done === progress.total)).toBe(false);
      // A page that only watched it is told once that it ended without a verdict.
      expect(told.filter((progress) => progress.ended !== undefined)).toEqual([expect.objectContaining({ ended: 'stopped', message: { code: 'verify.cancelled' } })]);
      expect(told.at(-1)?.ended).toBe('stopped');
      // Nothing left to stop; the one-check slot is free at once, for another scope too.
      expect(await slow.api['verify:cancel']({ jobId: 'page-a' })).toEqual({ cancelled: false });
      expect(await slow.api['verify:run']({ planningId: 'p1', jobId: 'page-a' })).toMatchObject({ ok: true, checkedProbes: 12 });
      expect(await slow.api['verify:run']({})).toMatchObject({ ok: true, checkedProbes: 48, problems: [] });
    } finally {
      await slow.close();
    }
  }, 60_000);

  it('is stopped by a page that only watches it (another window), by the id its progress tells', async () => {
    const slow = await slowCore('watched');
    try {
      const told: JobProgress[] = [];
      const cancels: Promise<{ cancelled: boolean }>[] = [];
      const off = slow.on('job:progress', (progress) => {
        told.push(progress);
        // The watching page never called verify:run: it knows the check by its progress only.
        if (progress.done > 0 && cancels.length === 0 && progress.jobId !== undefined) cancels.push(slow.api['verify:cancel']({ jobId: progress.jobId }));
      });
      const started = slow.api['verify:run']({ jobId: 'page-a' });
      await expect(started).rejects.toMatchObject({ coreMessage: { code: 'verify.cancelled' } });
      off();
      expect(await Promise.all(cancels)).toEqual([{ cancelled: true }]);
      // One id for the whole check, its own (not the caller's); no advance told after the stop, only its end.
      const ids = [...new Set(told.map((progress) => progress.jobId))];
      expect(ids).toEqual([expect.stringMatching(/^verify-/)]);
      expect(told.at(-1)).toMatchObject({ ended: 'stopped', message: { code: 'verify.cancelled' } });
      expect(told.at(-2)?.done).toBe(told.find((progress) => progress.done > 0)?.done);
      // Ended, the check's id stops nothing: not the next check.
      const next = slow.api['verify:run']({});
      expect(await slow.api['verify:cancel']({ jobId: ids[0] ?? '' })).toEqual({ cancelled: false });
      expect(await next).toMatchObject({ ok: true, checkedProbes: 48 });
    } finally {
      await slow.close();
    }
  }, 60_000);

  it('does not stop a check its caller does not wait on', async () => {
    const running = core.api['verify:run']({ jobId: 'mine' });
    expect(await core.api['verify:cancel']({ jobId: 'someone-else' })).toEqual({ cancelled: false });
    expect((await running).ok).toBe(true);
  });
});

describe('verify:acceptRestore', () => {
  it('is refused while nothing is lost', async () => {
    await core.api['verify:run']({});
    await expect(core.api['verify:acceptRestore']({})).rejects.toMatchObject({ coreMessage: { code: 'verify.restore_refused', params: { reason: 'nothing' } } });
  });

  it('after a restore in place: says what it gives up, records only once confirmed, then every check passes and says it', async () => {
    await core.close();
    const lost = await restoreInPlace(dir, path.join(root, 'backup'), env, 'p1');
    core = open();
    const failing = await core.api['verify:run']({});
    expect(failing.ok).toBe(false);
    expect(failing.restorable).toBe(true);
    expect(failing.problems).toHaveLength(1);
    expect(failing.problems[0]).toMatchObject({ kind: 'anchored_seal_missing', said: { code: 'verify.anchor_missing' } });

    const remembered = await memory();
    const preview = await core.api['verify:acceptRestore']({});
    expect(preview).toEqual({
      recorded: false,
      gaveUp: [{ name: lost, created: '2026-03-11T18:00:00.000Z', probes: 13 }],
      since: { name: '20260310T120000Z', created: '2026-03-10T12:00:00.000Z', probes: 10 },
      anchoredTo: { name: '20260310T120000Z', created: '2026-03-10T12:00:00.000Z', probes: 10 },
    });
    expect(await memory()).toEqual(remembered);

    expect(await core.api['verify:acceptRestore']({ confirm: true })).toMatchObject({ recorded: true, gaveUp: [{ name: lost }] });
    const passing = await core.api['verify:run']({});
    expect(passing).toMatchObject({ ok: true, problems: [], restorable: false });
    expect(passing.notes.find((note) => note.code === 'verify.anchor_restored')?.params).toMatchObject({ count: 1, after: '10/03/2026 13:00', last: '11/03/2026 19:00', probes: 13 });
  });

  it('is refused when verify finds anything a restore does not explain', async () => {
    await core.close();
    await restoreInPlace(dir, path.join(root, 'backup-2'), env, 'p2');
    core = open();
    // The first probe's outcome rewritten in its day file.
    const day = path.join(dir, 'probes', 'p1', '2026-03', '2026-03-10.json');
    await writeFile(day, (await readFile(day, 'utf8')).replace('"no_date"', '"dates"'));
    const result = await core.api['verify:run']({});
    expect(result.restorable).toBe(false);
    expect(result.problems.map((problem) => problem.kind)).toEqual(expect.arrayContaining(['anchored_seal_missing', 'record_altered']));
    const remembered = await memory();
    await expect(core.api['verify:acceptRestore']({ confirm: true })).rejects.toMatchObject({ coreMessage: { code: 'verify.restore_refused', params: { reason: 'problems' } } });
    expect(await memory()).toEqual(remembered);
  });
});
