// The trust a seal rests on, tried as a forger who can write to the data folder: their own key beside the real one,
// a home-made authority named like a real one with back-dated times, old seals stamped again, seals and keys wiped
// and restarted; the key changed the honest way; a folder sealed in the first format. Trust comes from outside the
// folder only: the pinned roots (here the local authority's, as GUICHETS_TSA_ROOTS gives it) and the first
// trusted-stamped seal's key.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { canonicalJson } from '../store/chain.js';
import { verify as verifyFolder } from '../evidence/index.js';
import { createStore, type Store } from '../store/store.js';
import { appendSyntheticProbes, syntheticPlanning } from '../../../test/support/synthetic.js';
import { startLocalTsa, type LocalTsa } from '../../../test/support/local-tsa.js';
import type { PlanningProof } from './check.js';
import { prefixDigest } from './format.js';
import { createSeal, listSeals } from './seal.js';
import { checkTimestamp, requestTimestamp } from './tsa.js';
import { wordCore } from '../messages.js';
import { forgeToken } from '../../../test/support/forged-token.js';
import { loadTrust, shippedRoots, type TrustSet } from './trust.js';

let tsa: LocalTsa;
let rogue: LocalTsa;
let trust: TrustSet;
let dir: string;
let store: Store;
const clock = fixedClock('2026-03-10T20:00:00Z');
const logs: string[] = [];

const faketimeOf = (at: Date): string => at.toISOString().replace('T', ' ').slice(0, 19);

const seal = (options: { tsaUrls?: string[]; newKey?: boolean } = {}) => {
  tsa.fakeTime = faketimeOf(new Date(clock.now().getTime() + 2_000));
  return createSeal({ store, clock, appVersion: '0.0.0-test', tsaUrls: options.tsaUrls ?? [tsa.url], trust, log: (line) => logs.push(line), ...(options.newKey ? { newKey: true } : {}) });
};
const verify = () => verifyFolder(dir, undefined, { trust });
const sealsDir = (file = ''): string => path.join(dir, 'seals', file);
const tokensOf = async (name: string): Promise<string[]> => (await readdir(sealsDir())).filter((file) => file.startsWith(`${name}.`) && file.endsWith('.tsr'));
/** A planning's proof in a few numbers: how many in time, late (with their proof's minute), unproven, before the first seal. */
const shape = (proof: PlanningProof | undefined) =>
  proof && {
    probes: proof.probes,
    inTime: proof.inTime?.count ?? 0,
    late: proof.late.map((span) => [span.count, span.provenFrom?.slice(0, 16) ?? null]),
    unproven: proof.unproven?.count ?? 0,
    before: proof.beforeFirstSeal?.count ?? 0,
  };

const grouped = (fingerprint: string): string => fingerprint.replace(/(.{4})(?=.)/g, '$1 ');

beforeAll(async () => {
  [tsa, rogue] = await Promise.all([startLocalTsa(), startLocalTsa({ name: 'www.freetsa.org', organization: 'Free TSA' })]);
  trust = await loadTrust({ env: { GUICHETS_TSA_ROOTS: tsa.caFile }, userDir: null });
});

afterAll(async () => {
  await Promise.all([tsa.close(), rogue.close()]);
});

beforeEach(async () => {
  logs.length = 0;
  tsa.mode = 'up';
  clock.set('2026-03-10T20:00:00Z');
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-trust-'));
  store = createStore({ dir, clock, log: () => undefined });
  await store.plannings.put(syntheticPlanning('p1', { label: 'Bobigny — titre de séjour' }));
  await appendSyntheticProbes(store, { planningId: 'p1', count: 5, start: '2026-03-10T08:00:00Z', artefacts: false });
  await store.gaps.record({ planningId: 'p1', from: '2026-03-10T02:00:00Z', to: '2026-03-10T04:00:00Z', hours: 2, reason: 'app_closed' });
  return async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  };
});

describe('the roots', () => {
  it('ships FreeTSA’s own root and the specific Mozilla roots of the other authorities, each as pinned', async () => {
    const roots = shippedRoots();
    expect(roots.map((root) => root.sha256)).toContain('a6379e7cecc05faa3cbf076013d745e327bbbaa38c0b9af22469d4701d18aabc');
    const { rootCertificates } = await import('node:tls');
    const { X509Certificate } = await import('node:crypto');
    const mozilla = new Set(rootCertificates.map((pem) => createHash('sha256').update(new X509Certificate(pem).raw).digest('hex')));
    // Every shipped root but FreeTSA's is one of the store's, pinned alone (never the whole store).
    expect(roots.filter((root) => !mozilla.has(root.sha256)).map((root) => root.name)).toEqual(['Free TSA Root CA (www.freetsa.org)']);
    expect(roots.length).toBeGreaterThanOrEqual(3);
  });
});

describe('a forger', () => {
  it('with their own key beside the real one: a seal it signs is refused, naming it, though its token is valid', async () => {
    await seal();
    const real = (await verify()).seals?.keyFingerprint ?? '';
    // The forger's key takes the private key's place; the real public key is set aside, theirs sits in seals/.
    const forged = generateKeyPairSync('ed25519');
    await writeFile(path.join(dir, 'keys/installation-key.pem'), forged.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    clock.set('2026-03-11T20:00:00Z');
    const second = await seal();
    expect(second.stampedBy).toEqual([new URL(tsa.url).host]);
    const forgedFingerprint = createHash('sha256').update(forged.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
    expect(await readdir(sealsDir())).toContain(`installation-key-${real}.pub.pem`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => [problem.kind, problem.file])).toEqual([['seal_foreign_key', `seals/${second.name}.json`]]);
    expect(report.problems[0]?.message).toContain(grouped(forgedFingerprint));
    expect(report.problems[0]?.message).toContain(grouped(real));
    expect(report.seals?.keyFingerprint).toBe(real);
  });

  it('with a home-made authority named « www.freetsa.org » and back-dated times: refused when sealing, an error in verify', async () => {
    const first = await seal({ tsaUrls: [rogue.url] });
    expect(first.stampedBy).toEqual([]);
    expect(first.stampFailures.map((failure) => wordCore(failure)).join('\n')).toMatch(/jeton refusé, sa chaîne de certificats ne mène à aucune racine de confiance/);
    expect(first.stampFailures.map((failure) => wordCore(failure, 'en')).join('\n')).toMatch(/token refused, its certificate chain leads to no trusted root/);
    // The forger writes the home-made token beside the seal anyway, dated a week before.
    rogue.fakeTime = '2026-03-03 12:00:00';
    const bytes = await readFile(first.file);
    const answer = await requestTimestamp(rogue.url, bytes);
    if ('error' in answer) throw new Error(wordCore(answer.error));
    await writeFile(sealsDir(`${first.name}.freetsa.org.tsr`), answer.tsr);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => [problem.kind, problem.file])).toEqual([['seal_untrusted', `seals/${first.name}.freetsa.org.tsr`]]);
    expect(report.problems[0]?.message).toContain('« www.freetsa.org »');
    expect(report.seals?.unstamped).toEqual([first.name]);
    expect(report.seals?.proof[0]?.unproven?.count).toBe(5);
  });

  it('with a certificate of a trusted root that is not a time-stamping one (a web server’s): its token is refused', async () => {
    const first = await seal({ tsaUrls: [] });
    const { chain, key } = await tsa.issueServerCertificate();
    // Signed as a token should be, for these bytes, by a certificate that chains to the trusted root.
    const token = await forgeToken(await readFile(first.file), new Date('2026-03-10T20:00:05Z'), chain, key);
    const check = await checkTimestamp(token, await readFile(first.file), { trust });
    expect(check).toMatchObject({ ok: true, root: null, untrustedWhy: 'not_tsa' });
    await writeFile(sealsDir(`${first.name}.www.example.org.tsr`), token);
    const report = await verify();
    expect(report.problems.map((problem) => problem.kind)).toEqual(['seal_untrusted']);
    expect(report.seals?.unstamped).toEqual([first.name]);
  });

  it('stamping old seals again (tokens deleted, then seal): each says its late time, probes proven only from then', async () => {
    for (const day of ['10', '11', '12']) {
      clock.set(`2026-03-${day}T20:00:00Z`);
      await seal();
    }
    const before = await verify();
    expect(before.seals?.proof[0]?.inTime?.count).toBe(5);
    for (const { name } of await listSeals(dir)) for (const token of await tokensOf(name)) await rm(sealsDir(token));
    clock.set('2026-03-30T09:00:00Z');
    expect((await seal()).restamped).toBe(3);
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.seals?.late).toEqual(['20260310T200000Z', '20260311T200000Z', '20260312T200000Z']);
    const delays = report.seals?.seals.slice(0, 3).map((info) => Math.round((info.tokens[0]?.delayMs ?? 0) / 86_400_000));
    expect(delays).toEqual([20, 19, 18]);
    expect(shape(report.seals?.proof[0])).toEqual({ probes: 5, inTime: 0, late: [[5, '2026-03-30T09:00']], unproven: 0, before: 5 });
  });

  it('wiping seals and keys and sealing again: every earlier probe is said to predate the new first seal', async () => {
    await seal();
    clock.set('2026-03-11T20:00:00Z');
    await seal();
    await rm(path.join(dir, 'seals'), { recursive: true });
    await rm(path.join(dir, 'keys'), { recursive: true });
    clock.set('2026-03-20T10:00:00Z');
    await seal();
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.seals?.firstSeal?.name).toBe('20260320T100000Z');
    expect(shape(report.seals?.proof[0])).toEqual({ probes: 5, inTime: 0, late: [[5, '2026-03-20T10:00']], unproven: 0, before: 5 });
  });
});

describe('the installation key', () => {
  it('changes only through a rotation signed by the previous key and stamped', async () => {
    await seal();
    const first = (await verify()).seals?.keyFingerprint;
    clock.set('2026-03-11T20:00:00Z');
    const rotated = await seal({ newKey: true });
    expect(rotated.newKey).toMatch(/^[0-9a-f]{64}$/);
    clock.set('2026-03-12T20:00:00Z');
    await seal();
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.seals?.keyFingerprint).toBe(rotated.newKey);
    expect(report.seals?.rotations).toEqual([{ seal: rotated.name, from: first, to: rotated.newKey }]);

    // The same change, made offline and never stamped, is not accepted: nothing dates it.
    tsa.mode = 'down';
    clock.set('2026-03-13T20:00:00Z');
    const unstamped = await seal({ newKey: true });
    const refused = await verify();
    expect(refused.problems.map((problem) => [problem.kind, problem.file])).toEqual([['seal_foreign_key', `seals/${unstamped.name}.json`]]);
    expect(refused.problems[0]?.message).toContain('n’est pas horodaté');
    expect(refused.problems[0]?.said).toMatchObject({ code: 'verify.problem_foreign_key', params: { why: 'unstamped' } });
  });

  it('is never replaced silently once seals exist', async () => {
    await seal();
    await rm(path.join(dir, 'keys/installation-key.pem'));
    clock.set('2026-03-11T20:00:00Z');
    const refused = await seal().then(() => null, (error: unknown) => error as { code: string; message: string });
    expect(refused?.code).toBe('storage_corrupt');
    expect(refused?.message).toContain('Restaurez-la');
  });
});

describe('a folder sealed in the first format (guichets-seal/1)', () => {
  it('still verifies, its key pinned by its token, and its tampering is still caught', async () => {
    // The seal as the first version wrote it: changed files only, keyed by path; the key in seals/ beside it.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const fingerprint = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'keys'), { recursive: true });
    await mkdir(sealsDir(), { recursive: true });
    await writeFile(path.join(dir, 'keys/installation-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await writeFile(sealsDir('installation-key.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    const aggregates = JSON.parse(await readFile(path.join(dir, 'aggregates/p1.json'), 'utf8')) as { probes: number; head: { hash: string; probeId: string } };
    const gaps = (JSON.parse(await readFile(path.join(dir, 'probes/p1/2026-03/gaps.json'), 'utf8')) as { gaps: unknown[] }).gaps;
    const versions = (JSON.parse(await readFile(path.join(dir, 'plannings-history/p1.json'), 'utf8')) as { versions: unknown[] }).versions;
    const content = {
      format: 'guichets-seal/1',
      createdAt: '2026-03-10T20:00:00.000Z',
      appVersion: '0.1.0',
      installationKey: fingerprint,
      previous: null,
      plannings: { p1: { head: aggregates.head.hash, lastProbeId: aggregates.head.probeId, probes: aggregates.probes } },
      gaps: { 'probes/p1/2026-03/gaps.json': prefixDigest(gaps) },
      history: { 'plannings-history/p1.json': prefixDigest(versions) },
    };
    const bytes = Buffer.from(canonicalJson(content), 'utf8');
    await writeFile(sealsDir('20260310T200000Z.json'), bytes);
    await writeFile(sealsDir('20260310T200000Z.sig'), sign(null, bytes, privateKey));
    tsa.fakeTime = '2026-03-10 20:00:02';
    const answer = await requestTimestamp(tsa.url, bytes, { trust });
    if ('error' in answer) throw new Error(wordCore(answer.error));
    await writeFile(sealsDir('20260310T200000Z.tsr'), answer.tsr);
    // The next seal, in today's format, follows it with the same key.
    clock.set('2026-03-11T20:00:00Z');
    await seal();
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.seals).toMatchObject({ keyFingerprint: fingerprint, keyPinnedBy: { seal: '20260310T200000Z' }, late: [], unstamped: [] });
    expect(report.seals?.proof[0]?.inTime?.count).toBe(5);
    await writeFile(path.join(dir, 'probes/p1/2026-03/gaps.json'), JSON.stringify({ gaps: [] }));
    expect((await verify()).problems.map((problem) => problem.kind)).toEqual(['sealed_gaps_changed']);
  });
});
