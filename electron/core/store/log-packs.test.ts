// Probe logs in one pack per planning and month: few files, each log still checked by its SHA-256, extracted with
// standard tools, carried by the dossier; older folders (one file per log) verified as they are, then migrated
// once, checked, without a record changed.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Probe } from '../../shared/domain.js';
import { fixedClock } from '../clock.js';
import { verify } from '../evidence/index.js';
import { oldLog, writeOldLayout } from '../../../test/support/old-layout.js';
import { appendSyntheticProbes, syntheticArtefacts, syntheticProbe } from '../../../test/support/synthetic.js';
import { readProbeLog } from './log-packs.js';
import { createStore, type Store } from './store.js';

// Hourly from 21:00 in Paris on 28 February: 30 probes over 28 Feb – 1 March, two months.
const START = '2026-02-28T20:00:00Z';
let dir: string;
let store: Store;

const open = (): Store => createStore({ dir, clock: fixedClock('2026-03-02T00:00:00Z'), log: () => undefined });

async function records(planningId: string): Promise<Probe[]> {
  const found: Probe[] = [];
  for await (const probe of store.probes.iterate([planningId])) found.push(probe);
  return found;
}

async function filesUnder(relative: string): Promise<string[]> {
  const entries = await readdir(path.join(dir, relative), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(path.join(dir, relative), path.join(entry.parentPath, entry.name)).split(path.sep).join('/')).sort();
}

/** Every day file's bytes: what the seals' chain heads and the dossier rest on. */
async function dayFiles(): Promise<Map<string, string>> {
  const bytes = new Map<string, string>();
  for (const file of await filesUnder('probes')) bytes.set(file, await readFile(path.join(dir, 'probes', file), 'utf8'));
  return bytes;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-packs-'));
  store = open();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('log packs', () => {
  it('keeps every log of a planning and month in one pack, each addressed by offset, length and SHA-256', async () => {
    await appendSyntheticProbes(store, { planningId: 'p1', count: 30, start: START });
    expect(await filesUnder('evidence/p1')).toEqual(['2026-02/logs.gz', '2026-03/logs.gz']);
    const all = await records('p1');
    for (const [n, probe] of all.entries()) {
      const log = Buffer.from(syntheticArtefacts(n).log ?? '', 'utf8');
      expect(probe.log).toMatchObject({ path: `evidence/p1/${probe.localDate.slice(0, 7)}/logs.gz`, bytes: log.length, encoding: 'gzip' });
      expect(await readProbeLog(dir, probe)).toEqual(log);
    }
    expect((await verify(store)).ok).toBe(true);
  });

  it('gives an expert the log with tail, head, gunzip and sha256sum, or with python3, matching the record', async () => {
    await appendSyntheticProbes(store, { planningId: 'p1', count: 3, start: START });
    // The third log of February: in the middle of its pack.
    const log = (await records('p1'))[1]?.log;
    if (log?.offset === undefined || log.length === undefined) throw new Error('a packed log');
    expect(log.offset).toBeGreaterThan(0);
    const file = path.join(dir, ...log.path.split('/'));
    const shell = execFileSync('sh', ['-c', `tail -c +${log.offset + 1} "$1" | head -c ${log.length} | gunzip | sha256sum`, 'sh', file], { encoding: 'utf8' });
    expect(shell.split(' ')[0]).toBe(log.sha256);
    const python = 'import gzip, hashlib, sys\nf = open(sys.argv[1], "rb"); f.seek(int(sys.argv[2]))\nprint(hashlib.sha256(gzip.decompress(f.read(int(sys.argv[3])))).hexdigest())';
    const py = execFileSync('python3', ['-c', python, file, String(log.offset), String(log.length)], { encoding: 'utf8' });
    expect(py.trim()).toBe(log.sha256);
    // The pack is one gzip file: every log, in the order of their records.
    const all = execFileSync('sh', ['-c', 'gunzip -c "$1"', 'sh', path.join(dir, 'evidence', 'p1', '2026-02', 'logs.gz')], { encoding: 'utf8' });
    expect(all).toBe([0, 1, 2].map((n) => syntheticArtefacts(n).log).join(''));
  });
});

describe('an older folder, one log file per probe', () => {
  let old: Probe[];
  beforeEach(async () => {
    old = await writeOldLayout(dir, 'p1', 30, START);
  });

  it('still verifies as it is, and names a log deleted or altered there', async () => {
    expect(await verify(dir)).toEqual({ ok: true, checkedProbes: 30, problems: [] });
    await writeFile(path.join(dir, ...(old[4]?.log?.path ?? '').split('/')), 'réécrit');
    await rm(path.join(dir, ...(old[5]?.log?.path ?? '').split('/')));
    expect((await verify(dir)).problems.map((problem) => [problem.probeId, problem.kind])).toEqual([
      [old[4]?.id, 'artefact_altered'],
      [old[5]?.id, 'artefact_missing'],
    ]);
  });

  it('is migrated once into packs, checked, every record unchanged, every log found by its SHA-256', async () => {
    const before = await dayFiles();
    const altered = old[7]?.log?.path ?? '';
    await writeFile(path.join(dir, ...altered.split('/')), 'réécrit');
    const result = await store.migrateLogs();
    // The altered one stays where it is, for verify to name as before.
    expect(result).toEqual({ months: 2, moved: 29, left: 1 });
    expect(await filesUnder('evidence/p1')).toEqual(['2026-02/logs-index.json', '2026-02/logs.gz', altered.slice('evidence/p1/'.length), '2026-03/logs-index.json', '2026-03/logs.gz'].sort());
    expect(await dayFiles()).toEqual(before);
    for (const [n, probe] of old.entries()) {
      if (n !== 7) expect((await readProbeLog(dir, probe))?.toString('utf8')).toBe(oldLog(n));
    }
    const report = await verify(store);
    expect(report.problems.map((problem) => [problem.probeId, problem.kind, problem.file])).toEqual([[old[7]?.id, 'artefact_altered', altered]]);
    expect(report.checkedProbes).toBe(30);
    // Once is enough: nothing more to move.
    expect(await store.migrateLogs()).toEqual({ months: 0, moved: 0, left: 1 });
    // New probes go on in the same month's pack, after the migrated logs.
    await store.probes.append(syntheticProbe('p1', START, 30), syntheticArtefacts(30));
    expect((await verify(store)).problems).toHaveLength(1);
  });

  it('finds a log moved into the pack through the index after a migration cut short before the old files went', async () => {
    await store.migrateLogs();
    // As if killed before removing the files: both places hold the log; the next run removes the file only.
    const probe = old[2];
    if (!probe?.log) throw new Error('a log');
    await writeFile(path.join(dir, ...probe.log.path.split('/')), oldLog(2));
    expect((await store.migrateLogs()).moved).toBe(1);
    expect(await filesUnder('evidence/p1')).toEqual(['2026-02/logs-index.json', '2026-02/logs.gz', '2026-03/logs-index.json', '2026-03/logs.gz']);
    expect((await verify(store)).ok).toBe(true);
    // The index only locates: a member altered in the pack is reported, by the record's old path.
    const index = JSON.parse(await readFile(path.join(dir, 'evidence', 'p1', '2026-02', 'logs-index.json'), 'utf8')) as { logs: Record<string, { offset: number; length: number }> };
    const entry = index.logs[probe.log.sha256];
    if (!entry) throw new Error('indexed');
    const pack = await readFile(path.join(dir, 'evidence', 'p1', '2026-02', 'logs.gz'));
    const at = entry.offset + entry.length - 5;
    pack.writeUInt8(pack.readUInt8(at) ^ 0x01, at);
    await writeFile(path.join(dir, 'evidence', 'p1', '2026-02', 'logs.gz'), pack);
    expect((await verify(store)).problems.map((problem) => [problem.probeId, problem.kind, problem.file])).toEqual([[probe.id, 'artefact_altered', probe.log.path]]);
  });
});
