// `npm run bench`: the speed and memory figures behind DESIGN.md's scale (500 plannings probed hourly for 3 years
// on one PC). It prints figures; it asserts nothing. Everything happens in a temporary folder, removed at the end.
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { fixedClock, systemClock } from '../electron/core/clock.js';
import { createCore, type Core } from '../electron/core/api/create-core.js';
import { encodeCapture } from '../electron/core/evidence/capture.js';
import { createProber, findBrowser } from '../electron/core/probe/index.js';
import { guichetOfShape, startReplicaServer, type ReplicaForm } from '../electron/replicas/index.js';
import { planningStats, planningSummary } from '../electron/core/stats/index.js';
import { createStore, type Store } from '../electron/core/store/index.js';
import { syntheticProbe } from '../test/support/synthetic.js';
import { encodeMonths } from '../electron/core/store/aggregates-file.js';
import { aggregatesKind } from '../electron/core/store/kinds.js';
import {
  absolute,
  AGGREGATES_DIR,
  aggregatesFile,
  BLOBS_DIR,
  dayFile,
  EVIDENCE_DIR,
  PROBES_DIR,
} from '../electron/core/store/layout.js';
import { runNaive, NAIVE_LIMIT_MS } from './bench-naive.js';
import { simulateRound } from './bench-round.js';
import { parallelProbes } from '../electron/core/schedule/index.js';
import {
  aggregatesOf,
  bytes,
  count,
  diskUsage,
  FULL_SCALE,
  HISTORY_START,
  hours,
  PLANNINGS,
  round1,
  EXPORT_PER_PLANNING,
  EXPORT_PLANNINGS,
  median,
  memory,
  ms,
  peakRss,
  quiet,
  percentile,
  serialize,
  standInLog,
  table,
  writeBulkPlanning,
  writePlannings,
} from './bench-data.js';

/** January 2026 in Paris, hour by hour: one month of one planning. */
const MONTH_START = '2025-12-31T23:00:00Z';
const MONTH_PROBES = 31 * 24;
/** 36 whole months of aggregates (February 2023 – January 2026), then one live probe. */
const HISTORY_PROBES = (Date.parse(MONTH_START) + MONTH_PROBES * 3_600_000 - Date.parse(HISTORY_START)) / 3_600_000;
const TODAY = '2026-02-02';
const STATS_SAMPLE = 100;
/** Probes of each planning written to disk before the live one: three days, more than the dashboard's strip. */
const RECENT_ON_DISK = 72;
/** Fresh cores whose first dashboard call is timed: the figure is their median. */
const COLD_STARTS = 5;
/** The rows of the dashboard a 1080-pixel screen shows. */
const STRIP_ROWS = 30;
const LIVE_RUNS = 5;

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** `npm run bench -- --json`: every figure again as one JSON object, on the last line. */
const JSON_OUTPUT = process.argv.includes('--json');
/**
 * `npm run bench -- --only csv,verify`: only these sections (live, store, dashboard, startup, csv, verify, round,
 * naive), to measure one change in a minute. verify needs the store's month with artefacts: it runs the store too.
 */
const ONLY = ((): Set<string> | null => {
  const index = process.argv.indexOf('--only');
  const list = index >= 0 ? process.argv[index + 1] : process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  return list ? new Set(list.split(',').map((name) => name.trim())) : null;
})();
const wanted = (...names: string[]): boolean => ONLY === null || names.some((name) => ONLY.has(name));
/** Every figure, for the JSON line: milliseconds, bytes, minutes, counts (null when not measured). */
const figures: Record<string, number | null> = {};

interface Evidence {
  /** The capture as the recorder stores it (WebP lossless). */
  png: Buffer;
  pageText: string;
  log: string;
  source: string;
}

/** Five no-slot and five calendar probes of the legacy replica, after one probe that launches the browser. */
async function benchLiveProbe(): Promise<Evidence | null> {
  const browser = findBrowser({ env: process.env, settingsPath: null });
  if (!browser.found || browser.path === null) {
    table('Live probe of the legacy replica', [['skipped', browser.message ?? 'no browser found']]);
    return null;
  }
  const server = await startReplicaServer({ clock: systemClock });
  const prober = createProber({
    browserPath: browser.path,
    timeoutMs: 60_000,
    appVersion: 'bench',
    clock: systemClock,
    log: quiet,
  });
  const caption = { probeId: 'bench', planningLabel: 'Banc d’essai — titre de séjour' };
  const probe = async (form: ReplicaForm) => {
    const t0 = performance.now();
    const result = await prober.probe({ url: server.origin + form.path, guichet: null }, caption);
    const webp = result.screenshot ? await encodeCapture(result.screenshot) : null;
    return { ...result, wallMs: performance.now() - t0, png: result.screenshot?.length ?? 0, webp };
  };
  try {
    const noSlotForm = guichetOfShape('none').form;
    const calendarForm = guichetOfShape('two_first_week').form;
    const first = await probe(noSlotForm);
    type Run = Awaited<ReturnType<typeof probe>>;
    const noSlot: Run[] = [];
    for (let i = 0; i < LIVE_RUNS; i += 1) noSlot.push(await probe(noSlotForm));
    const calendar: Run[] = [];
    for (let i = 0; i < LIVE_RUNS; i += 1) calendar.push(await probe(calendarForm));
    const outcomes = (runs: Run[]): string => [...new Set(runs.map((run) => run.outcome))].join(', ');
    const line = (runs: Run[]): string =>
      `${ms(median(runs.map((run) => run.wallMs)))} median (min ${ms(Math.min(...runs.map((run) => run.wallMs)))}, ` +
      `max ${ms(Math.max(...runs.map((run) => run.wallMs)))}); outcome ${outcomes(runs)}`;
    const slowest = Math.max(median(noSlot.map((run) => run.wallMs)), median(calendar.map((run) => run.wallMs)));
    figures.liveProbeMs = round1(slowest);
    figures.liveScreenshotBytes = median(calendar.map((run) => run.png));
    figures.liveCaptureWebpBytes = median(calendar.map((run) => run.webp?.length ?? 0));
    table(`Live probe of the legacy replica (${browser.path}, ${LIVE_RUNS} + ${LIVE_RUNS} probes)`, [
      ['first probe (launches the browser)', ms(first.wallMs)],
      ['no-slot probe (steps 0–2), walk + screenshot + WebP', line(noSlot)],
      ['calendar probe (steps 0–4), walk + screenshot + WebP', line(calendar)],
      ['no-slot capture: Chromium PNG → stored WebP lossless', `${bytes(median(noSlot.map((run) => run.png)))} → ${bytes(median(noSlot.map((run) => run.webp?.length ?? 0)))}`],
      ['calendar capture: Chromium PNG → stored WebP lossless', `${bytes(median(calendar.map((run) => run.png)))} → ${bytes(median(calendar.map((run) => run.webp?.length ?? 0)))}`],
      ['probe log kept (calendar)', bytes(Buffer.byteLength(calendar[0]?.log ?? ''))],
      ['page text kept (calendar)', bytes(Buffer.byteLength(calendar[0]?.pageText ?? ''))],
      [`${PLANNINGS} probes one after another (extrapolated)`, `${hours((PLANNINGS * slowest) / 1000)} of each hour`],
    ]);
    const evidence = calendar[0];
    if (!evidence?.webp) return null;
    return { png: evidence.webp, pageText: evidence.pageText ?? '', log: evidence.log, source: 'the calendar probe’s real capture, WebP' };
  } finally {
    await prober.close();
    await server.close();
  }
}

/** One month of hourly probes appended through the store, each append timed. */
async function appendMonth(store: Store, planningId: string, evidence: Evidence | null): Promise<number[]> {
  const latencies: number[] = [];
  for (let n = 0; n < MONTH_PROBES; n += 1) {
    const artefacts = evidence
      ? { screenshot: evidence.png, pageText: evidence.pageText, log: evidence.log }
      : { screenshot: null, pageText: null };
    const t0 = performance.now();
    // As the recorder stores it: the caption's planning label in the record, drawn on demand.
    const input = evidence ? { ...syntheticProbe(planningId, MONTH_START, n), caption: { planningLabel: 'Banc d’essai — titre de séjour' } } : syntheticProbe(planningId, MONTH_START, n);
    await store.probes.append(input, artefacts);
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

async function benchStore(root: string, live: Evidence | null): Promise<void> {
  const dir = path.join(root, 'store');
  const store = createStore({ dir, clock: systemClock, log: quiet });
  // Without a browser, a stand-in of a typical capture's size (incompressible bytes, as a PNG is).
  const evidence: Evidence = live ?? {
    png: Buffer.from(Array.from({ length: 60_000 }, (_, i) => (i * 2_654_435_761) >>> 24)),
    pageText: 'Semaine du lundi… '.repeat(100),
    log: standInLog(0),
    source: 'a 60 kB stand-in (no browser)',
  };
  const plain = await appendMonth(store, 'bench-plain', null);
  const shots = await appendMonth(store, 'bench-shots', evidence);
  await store.close();

  const usage = async (id: string) => {
    const [probes, artefacts, aggregates] = await Promise.all([
      diskUsage(absolute(dir, `${PROBES_DIR}/${id}`)),
      diskUsage(absolute(dir, `${EVIDENCE_DIR}/${id}`)),
      stat(absolute(dir, aggregatesFile(id))),
    ]);
    return {
      largestDay: probes.largest,
      aggregates: aggregates.size,
      files: probes.files + artefacts.files + 1,
      bytes: probes.bytes + artefacts.bytes + aggregates.size,
      allocated: probes.allocated + artefacts.allocated + aggregates.blocks * 512,
    };
  };
  const plainUse = await usage('bench-plain');
  // Captures and page texts are stored once by their hash (evidence/_blobs/): only bench-shots has any.
  const blobs = await diskUsage(absolute(dir, BLOBS_DIR));
  const shotsUse = await usage('bench-shots').then((use) => ({
    ...use,
    files: use.files + blobs.files,
    bytes: use.bytes + blobs.bytes,
    allocated: use.allocated + blobs.allocated,
  }));
  const latency = (values: number[]): string => `${ms(median(values))} median, ${ms(percentile(values, 0.95))} p95`;
  // The same capture every hour: a site whose page does not change.
  // What each probe after the first adds to the data folder: its record, its share of the aggregates, its log.
  figures.evidenceBytesPerRepeatedProbe = Math.round((shotsUse.bytes - blobs.bytes) / MONTH_PROBES);
  figures.evidenceBytesPerProbeWithFirstCapture = Math.round(shotsUse.bytes / MONTH_PROBES);
  figures.evidenceBytesPerProbeFullScaleGb = round1(((shotsUse.allocated / MONTH_PROBES) * FULL_SCALE) / 1e9);
  // The whole folder at DESIGN.md's scale, from this month of one planning: its day files, log pack, aggregates and
  // captures scaled to 13 million probes, plus one gaps file per planning and month (none in this sample).
  const gapFiles = PLANNINGS * 36;
  figures.filesFullScale = Math.round((shotsUse.files / MONTH_PROBES) * FULL_SCALE + gapFiles);
  figures.allocatedGbFullScale = round1(((shotsUse.allocated / MONTH_PROBES) * FULL_SCALE + gapFiles * 4096) / 1e9);
  figures.appendP95Ms = round1(percentile(shots, 0.95));
  figures.appendMedianMs = round1(median(shots));
  figures.appendNoArtefactP95Ms = round1(percentile(plain, 0.95));
  const perProbe = (use: typeof plainUse): string =>
    `${bytes(use.bytes / MONTH_PROBES)} (${bytes(use.allocated / MONTH_PROBES)} allocated on disk)`;
  const fullScale = (use: typeof plainUse): string =>
    `${bytes((use.allocated / MONTH_PROBES) * FULL_SCALE)}, ${count((use.files / MONTH_PROBES) * FULL_SCALE)} files`;
  table(`Store: one month of hourly probes of one planning (${MONTH_PROBES} appends each)`, [
    ['append, no artefact', latency(plain)],
    [`append with screenshot + page text (${evidence.source}, ${bytes(evidence.png.length)})`, latency(shots)],
    ['largest file a write rewrites: day file (24 probes)', bytes(Math.max(plainUse.largestDay, shotsUse.largestDay))],
    ['aggregates file after one month (also rewritten)', bytes(shotsUse.aggregates)],
    ['bytes per probe, no artefact', perProbe(plainUse)],
    ['bytes per probe, with artefacts (first capture and page text included)', perProbe(shotsUse)],
    ['bytes added by each repeated probe of an unchanged page (record, log in its pack)', bytes(figures.evidenceBytesPerRepeatedProbe)],
    ['captures and page texts stored (once)', `${blobs.files} files, ${bytes(blobs.bytes)}`],
    [`at ${count(FULL_SCALE)} probes, no artefact (extrapolated)`, fullScale(plainUse)],
    [`at ${count(FULL_SCALE)} probes, with artefacts (extrapolated)`, fullScale(shotsUse)],
    [
      `the data folder at ${count(FULL_SCALE)} probes, gap files included (filesFullScale, allocatedGbFullScale)`,
      `${count(figures.filesFullScale)} files, ${figures.allocatedGbFullScale} GB allocated`,
    ],
  ]);
}

/** The bulk writer must produce what the store writes: compares it with the month appended without artefacts. */
async function checkBulkWriter(root: string, storeDir: string): Promise<void> {
  const dir = path.join(root, 'bulk-check');
  await writeBulkPlanning(dir, 'bench-plain', MONTH_PROBES, MONTH_START);
  const store = createStore({ dir: storeDir, clock: systemClock, log: quiet });
  const days = new Set<string>();
  for await (const probe of store.probes.iterate(['bench-plain'])) days.add(probe.localDate);
  const files = [...[...days].map((day) => dayFile('bench-plain', day)), aggregatesFile('bench-plain')];
  let same = 0;
  for (const file of files) {
    const [a, b] = await Promise.all([readFile(absolute(dir, file)), readFile(absolute(storeDir, file))]);
    if (a.equals(b)) same += 1;
  }
  await store.close();
  process.stdout.write(`  (bulk-written data used below: ${same} of ${files.length} files identical to the store's)\n`);
}

/** The dashboard's first call (plannings:list): every planning's top bar, last probe and « aucune date depuis ». */
async function dashboard(core: Core): Promise<number> {
  const overviews = await core.api['plannings:list'](undefined);
  return overviews.filter((overview) => overview.stats.topScope !== 'no_history').length;
}

async function benchDashboard(root: string): Promise<string> {
  const dir = path.join(root, 'dashboard');
  const ids = Array.from({ length: PLANNINGS }, (_, i) => `dash-${String(i).padStart(3, '0')}`);
  // One planning's 36 months computed from its hourly probes, then copied to the others: only the aggregates
  // and the last three days of probes of each planning are on disk, not 13 million probes.
  const months = encodeMonths(aggregatesOf('template', HISTORY_PROBES, HISTORY_START));
  await mkdir(absolute(dir, AGGREGATES_DIR), { recursive: true });
  await writePlannings(dir, ids);
  for (const id of ids) {
    // The last three days of probes are on disk too, for the strip of the latest probes the dashboard shows.
    const { head } = await writeBulkPlanning(dir, id, RECENT_ON_DISK, HISTORY_START, HISTORY_PROBES - RECENT_ON_DISK);
    const newest = head && { hash: head.hash, probeId: head.id, startedAt: head.startedAt };
    const file = { planningId: id, head: newest, probes: HISTORY_PROBES, months };
    await writeFile(absolute(dir, aggregatesFile(id)), serialize(aggregatesKind(id), file));
  }
  const writer = createStore({ dir, clock: systemClock, log: quiet });
  // The newest probe of each planning, appended for real: `plannings:list` also shows it.
  for (const id of ids) {
    await writer.probes.append(syntheticProbe(id, HISTORY_START, HISTORY_PROBES), { screenshot: null, pageText: null });
  }
  await writer.close();
  const aggregatesSize = (await stat(absolute(dir, aggregatesFile(ids[0] ?? '')))).size;

  const before = memory();
  // Cold: a fresh core opens the folder and answers the dashboard's first call, as the app at start-up.
  let t0 = performance.now();
  const { value: { core, bars }, peak } = await peakRss(async () => {
    const opened = createCore({ dataDir: dir, appVersion: 'bench', clock: fixedClock(`${TODAY}T10:00:00Z`), env: {}, log: quiet });
    return { core: opened, bars: await dashboard(opened) };
  });
  const cold = performance.now() - t0;
  const afterCold = memory();
  t0 = performance.now();
  await dashboard(core);
  const warm = performance.now() - t0;
  figures.dashboardWarmMs = round1(warm);
  // probes:recent for the rows a 1080-pixel screen shows, on a core that has answered only the dashboard so far.
  const strips = async (): Promise<number> => {
    const t = performance.now();
    await core.api['probes:recent']({ planningIds: ids.slice(-STRIP_ROWS) });
    return performance.now() - t;
  };
  const stripCold = await strips();
  const stripWarm = await strips();
  figures.stripRowsColdMs = round1(stripCold);
  await core.close();
  // One call of about 50 ms moves by 20 ms with where the garbage collector happens to run: the figure is the
  // median of COLD_STARTS fresh cores, each opening the folder and answering its first call, the first included.
  const colds = [cold];
  for (let n = 1; n < COLD_STARTS; n += 1) {
    const t = performance.now();
    const opened = createCore({ dataDir: dir, appVersion: 'bench', clock: fixedClock(`${TODAY}T10:00:00Z`), env: {}, log: quiet });
    await dashboard(opened);
    colds.push(performance.now() - t);
    await opened.close();
  }
  figures.dashboardColdMs = round1(median(colds));
  figures.dashboardColdFirstMs = round1(cold);
  figures.dashboardColdMaxMs = round1(Math.max(...colds));
  const store = createStore({ dir, clock: systemClock, log: quiet });
  const sample = ids.slice(0, STATS_SAMPLE);
  t0 = performance.now();
  const aggregates = await Promise.all(sample.map((id) => store.aggregates(id)));
  const read = (performance.now() - t0) / sample.length;
  t0 = performance.now();
  for (const [index, id] of sample.entries()) planningSummary(id, aggregates[index] ?? [], TODAY);
  const pure = (performance.now() - t0) / sample.length;
  t0 = performance.now();
  for (const [index, id] of sample.entries()) planningStats(id, aggregates[index] ?? [], TODAY);
  const page = (performance.now() - t0) / sample.length;
  await store.close();
  const summed = count(PLANNINGS * (HISTORY_PROBES + 1));
  table(`Dashboard: plannings:list for ${PLANNINGS} plannings × 36 months (${summed} probes summed)`, [
    ['aggregates file of one planning after 36 months (rewritten by each append)', bytes(aggregatesSize)],
    [
      `first call, fresh core (the folder's dashboard summary, checked against its files), ${COLD_STARTS} cores`,
      `${ms(median(colds))} median (first ${ms(cold)}, ${ms(Math.min(...colds))}–${ms(Math.max(...colds))}) for ${count(bars)} plannings' top bars and their months`,
    ],
    ['next call (files cached)', ms(warm)],
    [`strips of the latest probes of ${STRIP_ROWS} rows on screen (probes:recent), then again`, `${ms(stripCold)}, ${ms(stripWarm)}`],
    [`store.aggregates alone (cached file decoded; ${STATS_SAMPLE} plannings)`, `${ms(read)} a planning`],
    [`planningSummary alone (the top bar; computing only; ${STATS_SAMPLE} plannings)`, `${ms(pure)} a planning`],
    [`planningStats alone (a planning's page: top bar and 36 month bars)`, `${ms(page)} a planning`],
    ['heap held by the store after the call', bytes(afterCold.heap - before.heap)],
    ['RSS before / peak during / after', `${bytes(before.rss)} / ${bytes(peak)} / ${bytes(afterCold.rss)}`],
  ]);
  process.stdout.write(`  (aggregates written synthetically from one planning's 3 years of hourly probes, copied; ${RECENT_ON_DISK + 1} probes of each on disk)\n`);
  return dir;
}

/** Where the bench's compiled code goes: under node_modules, so that its packages resolve as the app's do. */
const BUNDLES = path.join(ROOT, 'node_modules', '.cache', 'guichets-bench');

/** Compiles `entry` (relative to the project) as the app's code is compiled, into BUNDLES; gives the file written. */
async function bundle(entry: string, outfile: string): Promise<string> {
  const file = path.join(BUNDLES, outfile);
  await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: file, logLevel: 'silent' });
  return file;
}

/**
 * The CSV export and verify, as the app runs them: compiled (bundled by esbuild, as the start-up is), in a child
 * process, their worker threads from compiled files beside it. Under tsx each worker thread would first compile
 * its TypeScript, some 0.5 s that the desktop app (out/) never spends.
 */
async function benchExportAndVerify(root: string): Promise<void> {
  const [bulk] = await Promise.all([
    bundle('scripts/bench-bulk.ts', 'bulk.mjs'),
    // Where workerEntry() looks for them: beside the module that starts them, .js once compiled.
    bundle('electron/core/export/csv-worker.ts', 'csv-worker.js'),
    bundle('electron/core/evidence/verify-worker.ts', 'verify-worker.js'),
  ]);
  const out = path.join(root, 'bulk-figures.json');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [bulk, root, out], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench-bulk ended with ${code}`))));
  });
  Object.assign(figures, JSON.parse(await readFile(out, 'utf8')) as Record<string, number | null>);
}

/** The hourly round at DESIGN.md's scale on slow sites, simulated with the real scheduler (bench-round.ts). */
async function benchRound(): Promise<void> {
  const spec = { plannings: PLANNINGS, hosts: 100, probeMs: 10_000, hostSpacingMs: 30_000, due: 'together' } as const;
  const parallel = parallelProbes(0);
  const now = await simulateRound({ ...spec, maxParallel: parallel, startGapMs: 1_000 });
  // The dispatcher before: two probes at a time, all started at once.
  const before = await simulateRound({ ...spec, maxParallel: 2, startGapMs: 0 });
  figures.round500Minutes = round1(now.minutes);
  figures.round500IdealMinutes = round1(now.idealMinutes);
  figures.round500Parallel = parallel;
  figures.round500NaiveMinutes = round1(before.minutes);
  const minutes = (value: number): string => `${value.toFixed(1)} min`;
  table(`Hourly round: ${PLANNINGS} plannings due at once on 100 hosts, 10 s a probe, 30 s spacing (simulated clock)`, [
    [`${parallel} probes at once (chosen from this machine), one start a second`, `${minutes(now.minutes)} (ideal ${minutes(now.idealMinutes)}, peak ${now.peakParallel} at once)`],
    ['2 probes at once (before)', `${minutes(before.minutes)} (ideal ${minutes(before.idealMinutes)})`],
  ]);
}

/** The core started in a fresh process on the dashboard's data folder, until its first plannings:list. */
async function benchStartup(root: string, dataDir: string): Promise<void> {
  const bundled = await bundle('scripts/bench-startup.ts', 'startup.mjs');
  const runs: { readyMs: number; callMs: number; rssMb: number; plannings: number }[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { stdout } = await execFileAsync(process.execPath, [bundled, dataDir], { cwd: root });
    runs.push(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as (typeof runs)[number]);
  }
  const ready = median(runs.map((run) => run.readyMs));
  const rss = median(runs.map((run) => run.rssMb));
  const call = median(runs.map((run) => run.callMs));
  figures.startupMs = round1(ready);
  figures.startupDashboardCallMs = round1(call);
  figures.startupRssMb = round1(rss);
  table(`Start-up: a new process opens the core on ${PLANNINGS} plannings × 36 months and answers plannings:list`, [
    ['ready (Node start-up and code loading included; median of 3)', ms(ready)],
    ['of which the core\'s opening and its first plannings:list, code compiled as it runs', ms(call)],
    ['RSS then', `${rss.toFixed(0)} MB`],
  ]);
}

/** Every probe in one lowdb file: how far it goes before an append gets too slow. */
async function benchNaive(root: string): Promise<void> {
  const naive = await runNaive(root);
  figures.naiveProbesUntilTooSlow = naive.probesUntilTooSlow;
  figures.naiveAppendMsAtStop = round1(naive.appendMsAtStop);
  figures.naiveProbesWritten = naive.probes;
  // Its dashboard reads every probe: scaled to DESIGN.md's history, linearly (it only gets worse).
  figures.naiveDashboardColdMsFullScale = Math.round((naive.dashboardColdMs / naive.probes) * FULL_SCALE);
  table('Naive baseline: every probe in one lowdb file, rewritten at each append', [
    [
      'stopped at',
      `${count(naive.probes)} probes, ${bytes(naive.fileBytes)}: an append takes ${ms(naive.appendMsAtStop)}` +
        (naive.probesUntilTooSlow === null ? ' (time budget spent)' : ` (> ${NAIVE_LIMIT_MS} ms)`),
    ],
    ['its dashboard (read and count everything)', `${ms(naive.dashboardColdMs)}; at ${count(FULL_SCALE)} probes ≈ ${ms((naive.dashboardColdMs / naive.probes) * FULL_SCALE)}`],
    ['the store instead (this run)', `append p95 ${ms(figures.appendNoArtefactP95Ms ?? 0)} at any size; dashboard ${ms(figures.dashboardColdMs ?? 0)} cold`],
  ]);
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'guichets-bench-'));
  const cleanUp = (): void => {
    rmSync(root, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', cleanUp);
  const cpus = os.cpus();
  figures.cores = cpus.length;
  figures.ramGb = round1(os.totalmem() / 1024 ** 3);
  const started = performance.now();
  table('Guichets benchmark (figures printed, nothing asserted)', [
    ['machine', `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${bytes(os.totalmem())} RAM, ${os.type()}`],
    ['Node', process.version],
    ['scale of DESIGN.md', `${PLANNINGS} plannings × hourly × 3 years = ${count(FULL_SCALE)} probes`],
    [
      'samples',
      `${MONTH_PROBES} appends ×2, ${PLANNINGS} plannings × 36 months, ` +
        `${count(EXPORT_PLANNINGS * EXPORT_PER_PLANNING)} exported rows, ${LIVE_RUNS}+${LIVE_RUNS} live probes`,
    ],
    ['temporary folder', root],
  ]);
  const took: string[] = [];
  async function section<T>(name: string, run: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const value = await run();
    took.push(`${name} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return value;
  }
  try {
    const evidence = wanted('live') ? await section('live probe', benchLiveProbe) : null;
    if (wanted('store', 'verify')) {
      await section('store', async () => {
        await benchStore(root, evidence);
        await checkBulkWriter(root, path.join(root, 'store'));
      });
    }
    if (wanted('dashboard', 'startup')) {
      const dashboardDir = await section('dashboard', () => benchDashboard(root));
      if (wanted('startup')) await section('start-up', () => benchStartup(root, dashboardDir));
    }
    if (wanted('csv', 'verify')) await section('export and verify', () => benchExportAndVerify(root));
    if (wanted('round')) await section('round', benchRound);
    if (wanted('naive')) await section('naive baseline', () => benchNaive(root));
  } finally {
    process.off('SIGINT', cleanUp);
    await rm(root, { recursive: true, force: true });
  }
  const total = ((performance.now() - started) / 1000).toFixed(0);
  process.stdout.write(`\nDone in ${total} s (${took.join(', ')}); temporary folder removed.\n`);
  figures.benchSeconds = Number(total);
  if (JSON_OUTPUT) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
