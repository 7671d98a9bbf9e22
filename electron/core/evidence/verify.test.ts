import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Planning, Probe } from '../../shared/domain.js';
import { fixedClock } from '../clock.js';
import { createStore, type Store } from '../store/store.js';
import { appendSyntheticProbes, syntheticPlanning, syntheticProbe } from '../../../test/support/synthetic.js';
import { hashRecord, lineHolds } from '../store/chain.js';
import { verify } from './index.js';

let dir: string;
let store: Store;
let probes: Probe[];

// Hourly from 21:00 in Paris: the six probes fall on 10 March (3) and 11 March (3).
const START = '2026-03-10T20:00:00Z';
const DAY1 = 'probes/p1/2026-03/2026-03-10.json';
const DAY2 = 'probes/p1/2026-03/2026-03-11.json';

async function readDay(relative: string): Promise<Probe[]> {
  return (JSON.parse(await readFile(path.join(dir, relative), 'utf8')) as { probes: Probe[] }).probes;
}

async function writeDay(relative: string, dayProbes: Probe[]): Promise<void> {
  await writeFile(path.join(dir, relative), JSON.stringify({ probes: dayProbes }));
}

/** A record with a hash computed as Guichets would: what a careful forger produces. */
function signed(record: Probe): Probe {
  const unsigned: Partial<Probe> = { ...record };
  delete unsigned.hash;
  return { ...record, hash: hashRecord(unsigned as Omit<Probe, 'hash'>) };
}

function planning(id: string): Planning {
  return syntheticPlanning(id, { label: `Planning ${id}`, prefecture: 'Préfecture de Seine-Saint-Denis', procedure: 'titre de séjour' });
}

const probeAt = (index: number): Probe => {
  const probe = probes[index];
  if (!probe) throw new Error(`no probe ${index}`);
  return probe;
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-verify-'));
  store = createStore({ dir, clock: fixedClock(START), log: () => undefined });
  await appendSyntheticProbes(store, { planningId: 'p1', count: 6, start: START });
  await appendSyntheticProbes(store, { planningId: 'p2', count: 3, start: START });
  await store.close();
  probes = [];
  for await (const probe of store.probes.iterate(['p1'])) probes.push(probe);
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('verify', () => {
  it('finds an untouched data folder intact', async () => {
    expect(await verify(store)).toEqual({ ok: true, checkedProbes: 9, problems: [] });
    expect(await verify(dir, 'p2')).toEqual({ ok: true, checkedProbes: 3, problems: [] });
  });

  it('reports a record whose field was changed', async () => {
    const day = await readDay(DAY1);
    const altered = { ...day[1], outcome: 'dates', firstSlot: '2026-03-12T09:00' } as Probe;
    await writeDay(DAY1, [day[0] as Probe, altered, day[2] as Probe]);
    const report = await verify(dir);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ planningId: 'p1', probeId: probeAt(1).id, file: DAY1, kind: 'record_altered' }),
    ]);
    expect(report.problems[0]?.message).toContain(probeAt(1).id);
  });

  it('reports a screenshot with one byte changed', async () => {
    const screenshot = probeAt(2).screenshot?.path ?? '';
    const bytes = await readFile(path.join(dir, screenshot));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    await writeFile(path.join(dir, screenshot), bytes);
    const report = await verify(store, 'p1');
    expect(report.problems).toEqual([
      expect.objectContaining({ probeId: probeAt(2).id, file: screenshot, kind: 'artefact_altered' }),
    ]);
    expect(report.problems[0]?.message).toContain(screenshot);
  });

  it('reports a page text rewritten and a probe log altered in its month’s pack, each named with its probe', async () => {
    const text = probeAt(1).pageText?.path ?? '';
    const log = probeAt(3).log;
    expect(text).toMatch(/^evidence\/_blobs\/.+\.txt$/);
    expect(log).toMatchObject({ path: 'evidence/p1/2026-03/logs.gz', encoding: 'gzip' });
    await writeFile(path.join(dir, text), 'Aucun créneau disponible');
    // One byte of its member, in the middle of the pack: the other probes' logs stay whole.
    const pack = await readFile(path.join(dir, log?.path ?? ''));
    const at = (log?.offset ?? 0) + Math.floor((log?.length ?? 0) / 2);
    pack.writeUInt8(pack.readUInt8(at) ^ 0x01, at);
    await writeFile(path.join(dir, log?.path ?? ''), pack);
    const report = await verify(store, 'p1');
    expect(report.problems).toEqual([
      expect.objectContaining({ probeId: probeAt(1).id, file: text, kind: 'artefact_altered' }),
      expect.objectContaining({ probeId: probeAt(3).id, file: log?.path, kind: 'artefact_altered' }),
    ]);
    expect(report.problems[0]?.message).toContain('le texte de la page');
    expect(report.problems[1]?.message).toContain('le journal du sondage');
  });

  it('reports every log of a month whose pack was deleted', async () => {
    await unlink(path.join(dir, 'evidence/p1/2026-03/logs.gz'));
    const report = await verify(store, 'p1');
    expect(report.problems.map((problem) => [problem.probeId, problem.kind])).toEqual(probes.map((probe) => [probe.id, 'artefact_missing']));
  });

  it('reports a deleted screenshot', async () => {
    const screenshot = probeAt(4).screenshot?.path ?? '';
    await unlink(path.join(dir, screenshot));
    const report = await verify(store, 'p1');
    expect(report.problems).toEqual([
      expect.objectContaining({ probeId: probeAt(4).id, file: screenshot, kind: 'artefact_missing' }),
    ]);
  });

  it('reports a probe deleted in the middle, naming the probe after the gap', async () => {
    const day = await readDay(DAY1);
    await writeDay(DAY1, [day[0] as Probe, day[2] as Probe]);
    const report = await verify(store, 'p1');
    expect(report.checkedProbes).toBe(5);
    expect(report.problems).toEqual([
      expect.objectContaining({ probeId: probeAt(2).id, file: DAY1, kind: 'chain_broken' }),
      expect.objectContaining({ planningId: 'p1', file: 'aggregates/p1.json', kind: 'count_mismatch' }),
    ]);
    expect(report.problems[0]?.message).toContain('précédait a disparu');
  });

  it('reports the deletion of the newest probe, which no chain link shows', async () => {
    const day = await readDay(DAY2);
    await writeDay(DAY2, day.slice(0, 2));
    const report = await verify(store, 'p1');
    expect(report.problems).toEqual([
      expect.objectContaining({ probeId: probeAt(5).id, file: 'aggregates/p1.json', kind: 'head_mismatch' }),
      expect.objectContaining({ planningId: 'p1', file: 'aggregates/p1.json', kind: 'count_mismatch' }),
    ]);
  });

  it('reports a whole day file deleted', async () => {
    await unlink(path.join(dir, DAY1));
    const report = await verify(store, 'p1');
    expect(report.problems).toEqual([
      expect.objectContaining({ probeId: probeAt(3).id, kind: 'chain_broken' }),
      expect.objectContaining({ planningId: 'p1', file: 'aggregates/p1.json', kind: 'count_mismatch' }),
    ]);
  });

  it('reports a forged probe inserted with a correct hash', async () => {
    const forgedInput = syntheticProbe('p1', START, 2);
    const forged = signed({
      ...probeAt(2),
      ...forgedInput,
      id: 'forged-1',
      outcome: 'no_date',
      firstSlot: null,
      secondSlot: null,
      category: 'c5',
    });
    const day = await readDay(DAY1);
    await writeDay(DAY1, [...day.slice(0, 2), forged, ...day.slice(2)]);
    const report = await verify(store, 'p1');
    expect(report.problems).toEqual([
      expect.objectContaining({ probeId: 'forged-1', file: DAY1, kind: 'chain_broken' }),
      expect.objectContaining({ planningId: 'p1', file: 'aggregates/p1.json', kind: 'count_mismatch' }),
    ]);
    expect(report.problems[0]?.message).toContain(probeAt(2).id);
  });

  it('reports a forged first probe and a forged probe with an invented hash', async () => {
    const root = signed({ ...probeAt(0), id: 'forged-root', detail: 'inventé' });
    const careless: Probe = { ...probeAt(1), id: 'forged-careless', previousHash: probeAt(4).hash, hash: 'f'.repeat(64) };
    const day = await readDay(DAY2);
    await writeDay(DAY2, [root, ...day, careless]);
    const kinds = (await verify(store, 'p1')).problems.map((problem) => [problem.probeId, problem.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['forged-root', 'chain_broken'],
        ['forged-careless', 'record_altered'],
        ['forged-careless', 'chain_broken'],
      ]),
    );
  });

  it('reports a damaged day file as unreadable, and the chain broken after it', async () => {
    await writeFile(path.join(dir, DAY1), '{"probes": [');
    const report = await verify(store, 'p1');
    expect(report.problems.map((problem) => [problem.kind, problem.file])).toEqual([
      ['file_unreadable', DAY1],
      ['chain_broken', DAY2],
    ]);
  });

  it('does not mistake two probes appended across midnight out of start order for tampering', async () => {
    const late = syntheticProbe('p3', '2026-03-10T22:59:30Z', 0); // 23:59:30 in Paris
    const early = syntheticProbe('p3', '2026-03-10T23:00:10Z', 0); // 00:00:10, the next day, finished first
    await store.probes.append({ ...early, id: 'early' }, { screenshot: null, pageText: null });
    await store.probes.append({ ...late, id: 'late' }, { screenshot: null, pageText: null });
    expect(await verify(store, 'p3')).toEqual({ ok: true, checkedProbes: 2, problems: [] });
  });
});

describe('verify against plannings.json', () => {
  const erase = async (id: string, places: ('probes' | 'evidence' | 'aggregates')[]): Promise<void> => {
    for (const place of places) {
      const relative = place === 'aggregates' ? `aggregates/${id}.json` : `${place}/${id}`;
      await rm(path.join(dir, relative), { recursive: true });
    }
  };

  beforeEach(async () => {
    for (const id of ['p1', 'p2', 'p4']) await store.plannings.put(planning(id));
    await store.plannings.remove('p2');
  });

  it('refuses an unknown planning id, naming the ones that exist', async () => {
    const error: unknown = await verify(store, 'p9').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AppError', code: 'not_found' });
    expect((error as Error).message).toContain('p9');
    expect((error as Error).message).toContain('p1, p2, p4');
    await expect(verify(dir, 'p9')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists the listed plannings that have no probe, active or removed', async () => {
    expect(await verify(store)).toEqual({ ok: true, checkedProbes: 9, problems: [], emptyPlannings: ['p4'] });
    expect(await verify(store, 'p4')).toEqual({ ok: true, checkedProbes: 0, problems: [], emptyPlannings: ['p4'] });
    await erase('p2', ['probes', 'evidence', 'aggregates']);
    // Every trace gone: only the list of empty plannings can show it, and it does.
    expect(await verify(store)).toMatchObject({ ok: true, checkedProbes: 6, emptyPlannings: ['p2', 'p4'] });
  });

  it('reports a planning whose probes folder was deleted while its evidence remains', async () => {
    await erase('p2', ['probes', 'aggregates']);
    const report = await verify(store);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ planningId: 'p2', file: 'probes/p2', kind: 'planning_incomplete' }),
    ]);
    expect(report.problems[0]?.message).toContain('evidence/p2');
  });

  it('reports a planning whose probes and evidence were deleted while its aggregates remain', async () => {
    await erase('p1', ['probes', 'evidence']);
    const kinds = (await verify(store, 'p1')).problems.map((problem) => [problem.planningId, problem.kind]);
    expect(kinds).toEqual([
      ['p1', 'planning_incomplete'],
      ['p1', 'head_mismatch'],
      ['p1', 'count_mismatch'],
    ]);
  });

  it('reports probes and evidence of a planning that plannings.json does not know', async () => {
    await writeFile(path.join(dir, 'plannings.json'), JSON.stringify({ plannings: [planning('p1')], removed: [] }));
    const report = await verify(dir);
    expect(report).toMatchObject({ ok: false, checkedProbes: 9, emptyPlannings: [] });
    expect(report.problems).toEqual([
      expect.objectContaining({ planningId: 'p2', file: 'probes/p2', kind: 'planning_unlisted' }),
    ]);
    expect(report.problems[0]?.message).toContain('aggregates/p2.json');
  });
});

describe('verify reads each record as stored, one a line', () => {
  const lines = async (): Promise<string[]> => (await readFile(path.join(dir, DAY1), 'utf8')).split('\n');
  const writeLines = (text: string[]): Promise<void> => writeFile(path.join(dir, DAY1), text.join('\n'));
  /** Index in the file's lines of probe n of the day (the first line opens the list). */
  const at = (n: number): number => n + 1;

  it('stores each record as the canonical JSON its hash covers, so that the line itself can be hashed', async () => {
    const records = (await lines()).slice(1, -2).map((line) => line.replace(/,$/, ''));
    expect(records).toHaveLength(3);
    for (const line of records) expect(lineHolds(line, JSON.parse(line) as Probe)).toBe(true);
  });

  it('reports a line altered in place, its hash kept', async () => {
    const text = await lines();
    text[at(1)] = (text[at(1)] ?? '').replace('"httpStatus":200', '"httpStatus":503');
    await writeLines(text);
    const report = await verify(dir, 'p1');
    expect(report.problems).toEqual([expect.objectContaining({ probeId: probeAt(1).id, file: DAY1, kind: 'record_altered' })]);
  });

  it('accepts a true record written in another key order', async () => {
    const text = await lines();
    const line = text[at(1)] ?? '';
    const record = JSON.parse(line.replace(/,$/, '')) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(record).reverse());
    text[at(1)] = `${JSON.stringify(reversed)},`;
    await writeLines(text);
    expect(await verify(dir, 'p1')).toEqual({ ok: true, checkedProbes: 6, problems: [] });
  });

  it('reports a record in another key order whose hash covers that text rather than its canonical form', async () => {
    const text = await lines();
    const record = JSON.parse((text[at(1)] ?? '').replace(/,$/, '')) as Record<string, unknown>;
    delete record.hash;
    const reversed = Object.fromEntries(Object.entries(record).reverse());
    const forged = createHash('sha256').update(JSON.stringify(reversed)).digest('hex');
    text[at(1)] = `${JSON.stringify(reversed).replace(/}$/, `,"hash":"${forged}"}`)},`;
    await writeLines(text);
    const report = await verify(dir, 'p1');
    expect(report.problems).toContainEqual(expect.objectContaining({ probeId: probeAt(1).id, kind: 'record_altered' }));
  });

  it('reports a line with a key twice whose hash covers the text as written, not the record read', async () => {
    // The forger adds a second outcome after the true one and hashes the line as it now reads: a reader keeps the
    // last value, so the record read is not the record hashed.
    const text = await lines();
    const line = (text[at(1)] ?? '').replace(/,$/, '');
    const hash = probeAt(1).hash;
    const unsigned = line.replace(`,"hash":"${hash}"`, '').replace('"outcome":"no_date"', '"outcome":"no_date","outcome":"dates"');
    expect(unsigned).toContain('"outcome":"dates"');
    const forged = createHash('sha256').update(unsigned).digest('hex');
    const before = unsigned.indexOf(',"httpStatus"');
    text[at(1)] = `${unsigned.slice(0, before)},"hash":"${forged}"${unsigned.slice(before)},`;
    await writeLines(text);
    const report = await verify(dir, 'p1');
    expect(report.problems).toContainEqual(expect.objectContaining({ probeId: probeAt(1).id, kind: 'record_altered' }));
  });
});
