// Seals as a forger meets them: a data folder filled, sealed (signed, chained, time-stamped by local authorities
// whose roots the test trusts, as GUICHETS_TSA_ROOTS does), then edited the ways the issues tried; and checked with
// openssl alone, as a court expert would. The forgeries of the trust itself (keys, authorities, re-stamping) are in
// trust.test.ts.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Probe } from '../../shared/domain.js';
import { fixedClock, systemClock } from '../clock.js';
import { hashRecord } from '../store/chain.js';
import { verify as verifyFolder } from '../evidence/index.js';
import { createStore, type Store } from '../store/store.js';
import { appendSyntheticProbes, syntheticPlanning } from '../../../test/support/synthetic.js';
import type { PlanningProof } from './check.js';
import { parseSeal, type SealV2 } from './format.js';
import { createSeal, listSeals } from './seal.js';
import { startLocalTsa, type LocalTsa } from '../../../test/support/local-tsa.js';
import { certificateSha256, certificatesOfPem, loadTrust, type TrustSet } from './trust.js';

const run = promisify(execFile);
const START = '2026-03-10T08:00:00Z';
const DAY = 'probes/p1/2026-03/2026-03-10.json';

let tsa: LocalTsa;
let other: LocalTsa;
/** The shipped roots and the local authorities', as GUICHETS_TSA_ROOTS gives them; never the person's folder. */
let trust: TrustSet;
let dir: string;
let store: Store;
const clock = fixedClock('2026-03-10T20:00:00Z');

/** The authorities answer at the test's time (a few seconds after the seal), as real ones would on the day. */
function onTime(): void {
  const at = new Date(clock.now().getTime() + 3_000).toISOString().replace('T', ' ').slice(0, 19);
  tsa.fakeTime = at;
  other.fakeTime = at;
}

const seal = (tsaUrls: string[] = [tsa.url]) => {
  onTime();
  return createSeal({ store, clock, appVersion: '0.0.0-test', tsaUrls, trust, log: () => undefined });
};
const verify = (target: Store | string) => verifyFolder(target, undefined, { trust });

async function readProbes(relative = DAY): Promise<Probe[]> {
  return (JSON.parse(await readFile(path.join(dir, relative), 'utf8')) as { probes: Probe[] }).probes;
}

const writeJson = (relative: string, value: unknown): Promise<void> => writeFile(path.join(dir, relative), JSON.stringify(value));
const tokensOf = async (name: string): Promise<string[]> => (await readdir(path.join(dir, 'seals'))).filter((file) => file.startsWith(`${name}.`) && file.endsWith('.tsr')).sort();

/** A chain rewritten as a careful forger would: every hash and link recomputed, the aggregates moved to match. */
async function rewriteChain(change: (probe: Probe) => Probe): Promise<void> {
  let previous: string | null = null;
  const rewritten = (await readProbes()).map((probe) => {
    const unsigned: Omit<Probe, 'hash'> & { hash?: string } = { ...change(probe), previousHash: previous };
    delete unsigned.hash;
    const next = { ...unsigned, hash: hashRecord(unsigned) };
    previous = next.hash;
    return next;
  });
  await writeJson(DAY, { probes: rewritten });
  const aggregates = JSON.parse(await readFile(path.join(dir, 'aggregates/p1.json'), 'utf8')) as { head: { hash: string; probeId: string } };
  const last = rewritten[rewritten.length - 1];
  aggregates.head = { ...aggregates.head, hash: last?.hash ?? '', probeId: last?.id ?? '' };
  await writeJson('aggregates/p1.json', aggregates);
}

/** A planning's proof in a few numbers: how many in time, late (with their proof's minute), unproven, before the first seal. */
const shape = (proof: PlanningProof | undefined) =>
  proof && {
    probes: proof.probes,
    inTime: proof.inTime?.count ?? 0,
    late: proof.late.map((span) => [span.count, span.provenFrom?.slice(0, 16) ?? null]),
    unproven: proof.unproven?.count ?? 0,
    before: proof.beforeFirstSeal?.count ?? 0,
  };

const kinds = async (): Promise<string[]> => (await verify(dir)).problems.map((problem) => problem.kind);

beforeAll(async () => {
  [tsa, other] = await Promise.all([startLocalTsa(), startLocalTsa({ name: 'Seconde autorité de test' })]);
  trust = await loadTrust({ env: { GUICHETS_TSA_ROOTS: [tsa.caFile, other.caFile].join(path.delimiter) }, userDir: null });
});

afterAll(async () => {
  await Promise.all([tsa.close(), other.close()]);
});

beforeEach(async () => {
  tsa.mode = 'up';
  other.mode = 'up';
  clock.set('2026-03-10T20:00:00Z');
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-seals-'));
  store = createStore({ dir, clock, log: () => undefined });
  await store.plannings.put(syntheticPlanning('p1', { label: 'Bobigny — titre de séjour' }));
  await appendSyntheticProbes(store, { planningId: 'p1', count: 5, start: START, artefacts: false });
  await store.gaps.record({ planningId: 'p1', from: '2026-03-10T02:00:00Z', to: '2026-03-10T04:00:00Z', hours: 2, reason: 'app_closed' });
  return async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  };
});

describe('a seal', () => {
  it('is signed and stamped by each authority that answers, checkable with openssl alone; verify names who vouches, its root, the time and the delay', async () => {
    const result = await seal([tsa.url, other.url]);
    expect(result).toMatchObject({ plannings: 1, probes: 5, stampedBy: [new URL(tsa.url).host, new URL(other.url).host] });
    const name = '20260310T200000Z';
    const tokens = await tokensOf(name);
    expect(tokens).toHaveLength(2);
    expect((await readdir(path.join(dir, 'seals'))).sort()).toEqual([`${name}.json`, `${name}.sig`, ...tokens, 'installation-key.pub.pem'].sort());
    expect((await stat(path.join(dir, 'keys/installation-key.pem'))).mode & 0o777).toBe(0o600);
    const at = (file: string) => path.join(dir, 'seals', file);
    // What LISEZMOI and the README tell a court expert to type: the key, then each token against the root alone.
    const signature = await run('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', at('installation-key.pub.pem'), '-rawin', '-in', at(`${name}.json`), '-sigfile', at(`${name}.sig`)]);
    expect(signature.stdout).toContain('Signature Verified Successfully');
    for (const [token, root] of [[tokens.find((file) => file.includes(new URL(tsa.url).port)), tsa.caFile], [tokens.find((file) => file.includes(new URL(other.url).port)), other.caFile]]) {
      const stamp = await run('openssl', ['ts', '-verify', '-data', at(`${name}.json`), '-in', at(token ?? ''), '-CAfile', root ?? '']);
      expect(stamp.stdout).toContain('Verification: OK');
    }

    clock.set('2026-03-10T21:00:00Z');
    await appendSyntheticProbes(store, { planningId: 'p1', count: 2, start: '2026-03-10T13:30:00Z', artefacts: false });
    const report = await verify(store);
    expect(report.problems).toEqual([]);
    const [rootOfTsa] = certificatesOfPem(await readFile(tsa.caFile, 'utf8'));
    const summary = report.seals;
    expect(summary).toMatchObject({ count: 1, unstamped: [], late: [], unsealed: [{ planningId: 'p1', probes: 2 }], keyPinnedBy: { seal: name } });
    const token = summary?.seals[0]?.tokens.find((item) => item.root?.sha256 === certificateSha256(rootOfTsa?.raw ?? Buffer.alloc(0)));
    expect(token).toMatchObject({ authority: 'Horodatage de test', trusted: true, root: { source: 'env' } });
    expect(token?.delayMs).toBeGreaterThanOrEqual(0);
    expect(token?.delayMs).toBeLessThan(10_000);
    // The five sealed probes are proven within hours; the two made since are « non horodatés ».
    expect(summary?.proof.map((proof) => proof.planningId)).toEqual(['p1']);
    expect(shape(summary?.proof[0])).toEqual({ probes: 7, inTime: 5, late: [], unproven: 2, before: 0 });
  });

  it('is a whole snapshot that stands alone: every month of gaps, the whole history and the key, even when unchanged since the previous seal', async () => {
    await seal();
    clock.set('2026-03-11T20:00:00Z');
    const second = await seal();
    const content = parseSeal(await readFile(second.file)) as SealV2;
    expect(content.format).toBe('guichets-seal/2');
    expect(content.gaps.p1?.months).toEqual({ '2026-03': 1 });
    expect(content.history.p1?.count).toBe(1);
    expect(content.plannings.p1).toMatchObject({ probes: 5 });
    expect(content.previous?.file).toBe('20260310T200000Z.json');
    expect(Buffer.from(content.key, 'base64').length).toBe(44);
  });

  it('made offline is « non horodaté », then stamped by the next seal a day later: late, it proves only from then', async () => {
    tsa.mode = 'down';
    expect((await seal()).stampedBy).toEqual([]);
    const offline = await verify(dir);
    expect(offline).toMatchObject({ ok: true, seals: { unstamped: ['20260310T200000Z'] } });
    expect(offline.seals?.proof[0]?.unproven?.count).toBe(5);
    tsa.mode = 'up';
    clock.set('2026-03-12T20:00:00Z');
    expect(await seal()).toMatchObject({ stampedBy: [new URL(tsa.url).host], restamped: 1 });
    const report = await verify(dir);
    expect(report).toMatchObject({ ok: true, seals: { count: 2, unstamped: [], late: ['20260310T200000Z'] } });
    expect(shape(report.seals?.proof[0])).toEqual({ probes: 5, inTime: 0, late: [[5, '2026-03-12T20:00']], unproven: 0, before: 5 });
  });

  it('asked twice within a second (« Sceller maintenant » right after an export) is written twice, a second apart', async () => {
    const now = () => createSeal({ store, clock: systemClock, appVersion: '0.0.0-test', tsaUrls: [], trust, log: () => undefined });
    const first = await now();
    const second = await now();
    expect(second.name > first.name).toBe(true);
    expect(await verify(dir)).toMatchObject({ ok: true, seals: { count: 2 } });
  });
});

describe('verify against the seals', () => {
  beforeEach(async () => {
    await seal();
    clock.set('2026-03-10T21:00:00Z');
  });

  it('catches the newest probes deleted and the chain head moved back, count included', async () => {
    const probes = await readProbes();
    await writeJson(DAY, { probes: probes.slice(0, 3) });
    const aggregates = JSON.parse(await readFile(path.join(dir, 'aggregates/p1.json'), 'utf8')) as Record<string, unknown>;
    await writeJson('aggregates/p1.json', { ...aggregates, probes: 3, head: { hash: probes[2]?.hash, probeId: probes[2]?.id, startedAt: probes[2]?.startedAt } });
    const report = await verify(dir);
    expect(report.problems.map((problem) => problem.kind)).toEqual(['sealed_probes_changed']);
    expect(report.problems[0]?.message).toContain(probes[4]?.id);
  });

  it('catches a whole chain rewritten consistently (dates turned into no_date, records re-hashed)', async () => {
    await rewriteChain((probe) => (probe.outcome === 'dates' ? { ...probe, outcome: 'no_date', firstSlot: null, secondSlot: null, category: 'c5' } : probe));
    expect(await kinds()).toEqual(['sealed_probes_changed']);
  });

  it('catches a probe inserted in the sealed part, even with the chain recomputed', async () => {
    await rewriteChain((probe) => probe);
    const probes = await readProbes();
    const forged = { ...probes[1], id: 'forged' } as Probe;
    await writeJson(DAY, { probes: [...probes.slice(0, 2), forged, ...probes.slice(2)] });
    await rewriteChain((probe) => probe);
    const aggregates = JSON.parse(await readFile(path.join(dir, 'aggregates/p1.json'), 'utf8')) as Record<string, unknown>;
    await writeJson('aggregates/p1.json', { ...aggregates, probes: 6 });
    expect(await kinds()).toContain('sealed_probes_changed');
  });

  it('catches a rollback of the data folder to a copy taken before the latest seal', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'guichets-copy-'));
    await cp(dir, copy, { recursive: true });
    await appendSyntheticProbes(store, { planningId: 'p1', count: 2, start: '2026-03-10T13:30:00Z', artefacts: false });
    clock.set('2026-03-11T20:00:00Z');
    await seal();
    // Everything but the seals goes back to the copy: as if the newest probes had never been.
    for (const part of ['probes', 'aggregates']) {
      await rm(path.join(dir, part), { recursive: true });
      await cp(path.join(copy, part), path.join(dir, part), { recursive: true });
    }
    await rm(copy, { recursive: true, force: true });
    const report = await verify(dir);
    expect(report.problems.map((problem) => problem.kind)).toEqual(['sealed_probes_changed']);
    expect(report.problems[0]?.message).toContain('20260311T200000Z');
  });

  it('catches a sealed gap deleted, one inserted, and a gap file removed that only an older month held', async () => {
    const gaps = 'probes/p1/2026-03/gaps.json';
    await writeJson(gaps, { gaps: [] });
    expect(await kinds()).toEqual(['sealed_gaps_changed']);
    await writeJson(gaps, {
      gaps: [
        { planningId: 'p1', from: '2026-03-10T00:00:00Z', to: '2026-03-10T01:00:00Z', hours: 1, reason: 'app_closed' },
        { planningId: 'p1', from: '2026-03-10T02:00:00Z', to: '2026-03-10T04:00:00Z', hours: 2, reason: 'app_closed' },
      ],
    });
    const report = await verify(dir);
    expect(report.problems.map((problem) => [problem.kind, problem.file])).toEqual([['sealed_gaps_changed', gaps]]);
    await rm(path.join(dir, gaps));
    expect((await verify(dir)).problems.map((problem) => [problem.kind, problem.file])).toEqual([['sealed_gaps_changed', gaps]]);
  });

  it('lets later gaps and renamings through, but catches the sealed history rewritten', async () => {
    await store.gaps.record({ planningId: 'p1', from: '2026-03-10T15:00:00Z', to: '2026-03-10T16:00:00Z', hours: 1, reason: 'app_closed' });
    await store.plannings.put(syntheticPlanning('p1', { label: 'Bobigny — renommé' }));
    expect(await kinds()).toEqual([]);
    const history = JSON.parse(await readFile(path.join(dir, 'plannings-history/p1.json'), 'utf8')) as { versions: { label: string }[] };
    expect(history.versions.map((version) => version.label)).toEqual(['Bobigny — titre de séjour', 'Bobigny — renommé']);
    await writeJson('plannings-history/p1.json', { versions: history.versions.map((version) => ({ ...version, label: 'Autre' })) });
    expect(await kinds()).toEqual(['sealed_history_changed']);
  });

  it('catches a seal edited, a seal deleted from the middle and a token moved to another seal', async () => {
    clock.set('2026-03-11T20:00:00Z');
    await seal();
    clock.set('2026-03-12T20:00:00Z');
    await seal();
    const [first, second, third] = (await listSeals(dir)).map((item) => item.name);
    const at = (name: string) => path.join(dir, 'seals', name);
    const original = await readFile(at(`${third}.json`), 'utf8');
    await writeFile(at(`${third}.json`), original.replace('"probes":5', '"probes":4'));
    expect(await kinds()).toEqual(['seal_invalid', 'seal_invalid']);
    await writeFile(at(`${third}.json`), original);
    const [thirdToken = ''] = await tokensOf(third ?? '');
    const [firstToken = ''] = await tokensOf(first ?? '');
    await writeFile(at(thirdToken), await readFile(at(firstToken)));
    const report = await verify(dir);
    expect(report.problems.map((problem) => [problem.kind, problem.file])).toEqual([['seal_invalid', `seals/${thirdToken}`]]);
    expect(report.problems[0]?.message).toContain('autre contenu');
    expect(report.problems[0]?.said).toMatchObject({ code: 'verify.problem_token_invalid', params: { fault: 'other_content' } });
    for (const file of [`${second}.json`, `${second}.sig`, ...(await tokensOf(second ?? ''))]) await rm(at(file));
    const gone = await verify(dir);
    expect(gone.problems.map((problem) => problem.message).join('\n')).toContain(`${second}.json`);
  });
});
