// The command line on evidence and bad input, as a user (and a forger) runs it: exit codes 0 intact (with what is
// not proven in time said), 1 altered, failed or untrusted, 2 bad input; one French line on stderr, never a stack
// trace. Time-stamps come from local authorities; their roots are trusted for one run (GUICHETS_TSA_ROOTS) or added
// by the person (tsa-roots add), in a config folder of the test's.
import { execFile } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../electron/core/clock.js';
import { createStore } from '../electron/core/store/index.js';
import type { Probe } from '../electron/shared/domain.js';
import { appendSyntheticProbes, syntheticPlanning } from './support/synthetic.js';
import { startLocalTsa, type LocalTsa } from './support/local-tsa.js';
import { requestTimestamp } from '../electron/core/seals/tsa.js';
import { wordCore } from '../electron/core/messages.js';
import { runCli, type CliRun } from './support/node-cli.js';

const run = promisify(execFile);
let tmp: string;

type Run = CliRun;

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  // The person's own roots go to a folder of the test's, never to the real per-user folder.
  return runCli(args, { GUICHETS_TSA_URLS: 'none', XDG_CONFIG_HOME: path.join(tmp, 'config'), ...env }, 280_000);
}

function expectOneFrenchLine(result: Run, code: number, pattern: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).toMatch(pattern);
}

async function filled(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  const store = createStore({ dir, clock: systemClock, log: () => undefined });
  for (const id of ['p1', 'p2']) {
    await store.plannings.put(syntheticPlanning(id));
    await appendSyntheticProbes(store, { planningId: id, count: 4, start: '2026-03-10T08:00:00Z', artefacts: false });
  }
  await store.close();
  return dir;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'guichets-cli-evidence-'));
});

afterAll(async () => {
  await run('chattr', ['-i', path.join(tmp, 'read-only')]).catch(() => undefined);
  await rm(tmp, { recursive: true, force: true });
});

describe('bad input: exit 2, one line', () => {
  it('a missing folder, an unknown planning, a folder that is a file, a read-only folder, a port in use', { timeout: 420_000 }, async () => {
    const dir = await filled('bad-input');
    const file = path.join(tmp, 'a-file');
    await writeFile(file, 'x');
    const readOnly = path.join(tmp, 'read-only');
    await mkdir(readOnly);
    // Root ignores file modes; an immutable folder refuses even root.
    await run('chattr', ['+i', readOnly]);
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = String((busy.address() as { port: number }).port);
    try {
      const [missing, unknown, isFile, cannotWrite, portInUse] = await Promise.all([
        cli(['verify', '--data-dir', path.join(tmp, 'nowhere')]),
        cli(['export', 'csv', '--out', path.join(tmp, 'x.csv'), '--planning', 'nope', '--data-dir', dir]),
        cli(['stats', '--data-dir', file]),
        cli(['seal', '--data-dir', readOnly]),
        cli(['serve', '--port', port, '--data-dir', path.join(tmp, 'serve')]),
      ]);
      expectOneFrenchLine(missing, 2, /^Erreur : Dossier de données introuvable/m);
      expect(missing.stdout).not.toContain('intactes');
      expectOneFrenchLine(unknown, 2, /Planning inconnu : nope\. Plannings existants : p1, p2/);
      expectOneFrenchLine(isFile, 2, /est un fichier, pas un dossier/);
      expectOneFrenchLine(cannotWrite, 2, /lecture seule ou accès refusé/);
      expectOneFrenchLine(portInUse, 2, new RegExp(`Le port ${port} est déjà utilisé`));
    } finally {
      busy.close();
      await run('chattr', ['-i', readOnly]);
    }
  });
});

describe('a planning named by the start of its id, as `plannings list` prints it', () => {
  it('is exported, verified and put in a dossier; a start that names two plannings is refused, naming both', { timeout: 420_000 }, async () => {
    const dir = path.join(tmp, 'short-ids');
    const store = createStore({ dir, clock: systemClock, log: () => undefined });
    for (const id of ['3f2a91-bobigny', '3f2a77-rouen', 'c41d05-cergy']) {
      await store.plannings.put(syntheticPlanning(id));
      await appendSyntheticProbes(store, { planningId: id, count: 2, start: '2026-03-10T08:00:00Z', artefacts: false });
    }
    await store.close();
    const csv = path.join(tmp, 'short.csv');
    const [exported, verified, dossier, ambiguous] = await Promise.all([
      cli(['export', 'csv', '--out', csv, '--planning', 'c41d', '--data-dir', dir]),
      cli(['verify', '--planning', '3f2a9', '--data-dir', dir]),
      cli(['dossier', '--planning', '3f2a7', '--from', '2026-03-01', '--to', '2026-03-31', '--out', path.join(tmp, 'short.zip'), '--data-dir', dir]),
      cli(['export', 'csv', '--out', path.join(tmp, 'both.csv'), '--planning', '3f2a', '--data-dir', dir]),
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = (await readFile(csv, 'utf8')).trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toContain('c41d05-cergy');
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^✓ 2 sondages vérifiés \(planning 3f2a91-bobigny\)/);
    expect(dossier.code, dossier.stderr).toBe(0);
    expect(dossier.stderr).toMatch(/Dossier : .*short\.zip \(2 sondages/);
    expectOneFrenchLine(ambiguous, 2, /3f2a91-bobigny, 3f2a77-rouen|3f2a77-rouen, 3f2a91-bobigny/);
  });
});

describe('seal and verify', () => {
  it('seals, verifies intact (0) with what is not time-stamped said, then names a forger’s deletion behind the seal (1)', { timeout: 420_000 }, async () => {
    const dir = await filled('sealed');
    const sealed = await cli(['seal', '--data-dir', dir]);
    expect(sealed.code).toBe(0);
    expect(sealed.stdout).toMatch(/^Sceau \d{8}T\d{6}Z écrit .* 8 sondages de 2 plannings, non horodaté/);
    const intact = await cli(['verify', '--data-dir', dir]);
    expect(intact.code).toBe(0);
    // No unqualified « intactes » while nothing is time-stamped.
    expect(intact.stdout).toContain('✓ 8 sondages vérifiés : captures, empreintes et chaîne intactes, avec réserve : 8 non horodatés (une réécriture ne peut pas être exclue)');
    expect(intact.stdout).toMatch(/Clé de l’installation : ([0-9a-f]{4} ){15}[0-9a-f]{4} \(aucun sceau horodaté/);
    expect(intact.stdout).toMatch(/Sceau \d{8}T\d{6}Z \([^)]+\) : non horodaté\./);
    expect(intact.stdout).toContain('  4 non horodatés (du 10/03/2026');

    const day = path.join(dir, 'probes/p1/2026-03/2026-03-10.json');
    const probes = (JSON.parse(await readFile(day, 'utf8')) as { probes: Probe[] }).probes;
    const kept = probes.slice(0, 2);
    await writeFile(day, JSON.stringify({ probes: kept }));
    const aggregates = path.join(dir, 'aggregates/p1.json');
    const head = kept[1];
    const counts = JSON.parse(await readFile(aggregates, 'utf8')) as Record<string, unknown>;
    await writeFile(aggregates, JSON.stringify({ ...counts, probes: 2, head: { hash: head?.hash, probeId: head?.id, startedAt: head?.startedAt } }));
    const [altered, english] = await Promise.all([cli(['verify', '--data-dir', dir]), cli(['verify', '--lang', 'en', '--data-dir', dir])]);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`le sondage ${probes[3]?.id ?? '?'}, dernier des 4 sondages scellés`);
    expect(altered.stdout).toContain('✗ 6 sondages vérifiés : 1 problème.');
    // The same finding in the person's language: the problem line too, not only the summary around it.
    expect(english.code).toBe(1);
    expect(english.stdout).toMatch(new RegExp(`^✗ Planning p1: probe ${probes[3]?.id ?? '?'}, last of the 4 probes sealed on .+: sealed probes were deleted or modified\\.$`, 'm'));
    expect(english.stdout).not.toMatch(/sondage|scellé/);
  });
});

describe('trusted time', () => {
  let tsa: LocalTsa;
  let rogue: LocalTsa;
  beforeAll(async () => {
    [tsa, rogue] = await Promise.all([startLocalTsa(), startLocalTsa({ name: 'www.freetsa.org', organization: 'Free TSA' })]);
  });
  afterAll(async () => {
    await Promise.all([tsa.close(), rogue.close()]);
  });

  it('says per seal the authority, its root, the time and the delay; refuses a forger’s key and a home-made authority (1)', { timeout: 420_000 }, async () => {
    const trusted = { GUICHETS_TSA_URLS: tsa.url, GUICHETS_TSA_ROOTS: tsa.caFile };
    const [honest, foreignKey, homeMade] = await Promise.all([filled('stamped'), filled('foreign-key'), filled('home-made')]);
    const seals = await Promise.all([honest, foreignKey].map((dir) => cli(['seal', '--data-dir', dir], trusted)));
    for (const run of seals) expect(run.stdout).toMatch(/horodaté par 127\.0\.0\.1:\d+\.$/m);
    // The forger's own key replaces the installation's, and a second seal is stamped by the trusted authority.
    const { privateKey } = generateKeyPairSync('ed25519');
    await writeFile(path.join(foreignKey, 'keys/installation-key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await cli(['seal', '--data-dir', foreignKey], trusted)).code).toBe(0);
    // A home-made authority named like FreeTSA: refused when sealing; its token written beside the seal anyway.
    const refused = await cli(['seal', '--data-dir', homeMade], { GUICHETS_TSA_URLS: rogue.url, GUICHETS_TSA_ROOTS: tsa.caFile });
    expect(refused.stdout).toContain('non horodaté');
    expect(refused.stderr).toContain('jeton refusé');
    const [name = ''] = (await readdir(path.join(homeMade, 'seals'))).filter((file) => file.endsWith('.json'));
    const answer = await requestTimestamp(rogue.url, await readFile(path.join(homeMade, 'seals', name)));
    if ('error' in answer) throw new Error(wordCore(answer.error));
    await writeFile(path.join(homeMade, 'seals', name.replace('.json', '.freetsa.org.tsr')), answer.tsr);

    const verify = (dir: string): Promise<Run> => cli(['verify', '--data-dir', dir], { GUICHETS_TSA_ROOTS: tsa.caFile });
    const [ok, forged, rogueToken] = await Promise.all([verify(honest), verify(foreignKey), verify(homeMade)]);
    const rootSha = createHash('sha256').update(new X509Certificate(await readFile(tsa.caFile)).raw).digest('hex');
    expect(ok.stdout).toMatch(/^Clé de l’installation : [0-9a-f ]+ \(horodatée dans le sceau \d{8}T\d{6}Z, le \d\d\/\d\d\/\d{4} \d\d:\d\d\)\.$/m);
    expect(ok.stdout).toContain(`Racine Autorité racine de test : SHA-256 ${rootSha} (GUICHETS_TSA_ROOTS)`);
    expect(ok.stdout).toMatch(new RegExp(`^  Sceau \\d{8}T\\d{6}Z \\([^)]+\\) : Horodatage de test, racine ${rootSha}, horodaté le [^,]+, \\d+ s après\\.$`, 'm'));
    // Probes of March sealed today: proven from today only, and said to predate the first seal.
    expect(ok.stdout).toMatch(/^ {2}4 prouvés seulement à partir du \d\d\/\d\d\/\d{4} \d\d:\d\d \(sondages du 10\/03\/2026/m);
    expect(ok.stdout).toMatch(/^ {2}Le premier sceau date du .+ : les 4 sondages faits avant lui \(du 10\/03\/2026/m);
    expect(ok.stdout).toContain('avec réserve : 8 prouvés seulement plus tard');
    expect(ok.code).toBe(0);
    const forgedKey = createHash('sha256').update(createPublicKey(privateKey).export({ type: 'spki', format: 'der' })).digest('hex').replace(/(.{4})(?=.)/g, '$1 ');
    expect(forged.stdout).toContain(`signé par la clé ${forgedKey}, qui n’est pas la clé de l’installation`);
    expect(forged.code).toBe(1);
    expect(rogueToken.stdout).toContain('signé au nom de « www.freetsa.org »');
    expect(rogueToken.stdout).toContain('ne mène à aucune racine de confiance');
    expect(rogueToken.code).toBe(1);
  });

  it('says why each authority gave no token, in the person’s language', { timeout: 420_000 }, async () => {
    const down = createHttpServer((_request, response) => response.writeHead(503).end());
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const downUrl = `http://127.0.0.1:${(down.address() as { port: number }).port}/tsr`;
    try {
      const [french, english] = await Promise.all(
        ['fr', 'en'].map(async (lang) =>
          cli(['seal', '--lang', lang, '--data-dir', await filled(`unstamped-${lang}`)], { GUICHETS_TSA_URLS: `${rogue.url},${downUrl}`, GUICHETS_TSA_ROOTS: tsa.caFile }),
        ),
      );
      expect(french?.code).toBe(0);
      expect(french?.stdout).toContain('non horodaté');
      expect(french?.stderr).toMatch(new RegExp(`^Horodatage du sceau \\d{8}T\\d{6}Z : ${downUrl} a répondu HTTP 503\\.$`, 'm'));
      expect(french?.stderr).toMatch(/^Horodatage du sceau \d{8}T\d{6}Z : \S+ : jeton refusé, sa chaîne de certificats ne mène à aucune racine de confiance \(ni livrée avec Guichets, ni ajoutée sur ce PC\) ; ajoutez la racine/m);
      expect(english?.code).toBe(0);
      expect(english?.stdout).toContain('not time-stamped');
      expect(english?.stderr).toMatch(new RegExp(`^Time-stamping of seal \\d{8}T\\d{6}Z: ${downUrl} answered HTTP 503\\.$`, 'm'));
      expect(english?.stderr).toMatch(/^Time-stamping of seal \d{8}T\d{6}Z: \S+: token refused, its certificate chain leads to no trusted root .+; add this authority’s root/m);
      expect(english?.stderr).not.toMatch(/horodat|jeton|répondu/i);
    } finally {
      await new Promise((resolve) => down.close(resolve));
    }
  });

  it('trusts a root the person adds from the command line, and not before', { timeout: 420_000 }, async () => {
    const dir = await filled('user-root');
    // Stamped while its root is given for this run only.
    expect((await cli(['seal', '--data-dir', dir], { GUICHETS_TSA_URLS: tsa.url, GUICHETS_TSA_ROOTS: tsa.caFile })).code).toBe(0);
    const before = await cli(['verify', '--data-dir', dir]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('ne mène à aucune racine de confiance');
    const added = await cli(['tsa-roots', 'add', tsa.caFile, '--data-dir', dir]);
    expect(added.stdout).toMatch(/^Racine ajoutée sur ce PC : Autorité racine de test, SHA-256 [0-9a-f]{64}\./);
    const [after, listed] = await Promise.all([cli(['verify', '--data-dir', dir]), cli(['tsa-roots', '--data-dir', dir])]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('(ajoutée sur ce PC)');
    expect(listed.stdout).toContain('a6379e7cecc05faa3cbf076013d745e327bbbaa38c0b9af22469d4701d18aabc  Free TSA Root CA (www.freetsa.org) (livrée avec Guichets)');
    expect(listed.stdout).toContain('Autorité racine de test (ajoutée sur ce PC)');
  });
});

describe('a damaged day file', () => {
  it('is marked by stats, and the CSV export writes every other probe then names it (exit 1)', { timeout: 420_000 }, async () => {
    const dir = await filled('damaged');
    await writeFile(path.join(dir, 'probes/p2/2026-03/2026-03-10.json'), '{"probes": [');
    const out = path.join(tmp, 'damaged.csv');
    const [stats, exported] = await Promise.all([
      cli(['stats', '--data-dir', dir]),
      cli(['export', 'csv', '--out', out, '--data-dir', dir]),
    ]);
    expect(stats.code).toBe(1);
    expect(stats.stdout).toMatch(/✗ chiffres illisibles : .*p2/);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('probes/p2/2026-03/2026-03-10.json');
    expect(exported.stderr).not.toMatch(/\n\s+at /);
    expect((await readFile(out, 'utf8')).trimEnd().split('\n')).toHaveLength(5);
  });
});
