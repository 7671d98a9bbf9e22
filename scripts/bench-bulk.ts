// Run by `npm run bench` as a child process, compiled (see benchExportAndVerify in bench.ts): the CSV export and
// verify of a folder, as the app runs them, worker threads included. Usage: <benchRoot> <figuresFile>; prints its
// tables, writes its figures as JSON to figuresFile.
import { createWriteStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { systemClock } from '../electron/core/clock.js';
import { verifyDir } from '../electron/core/evidence/index.js';
import { writeCsvForPlannings } from '../electron/core/export/index.js';
import { createStore } from '../electron/core/store/index.js';
import {
  bytes,
  count,
  EXPORT_PER_PLANNING,
  EXPORT_PLANNINGS,
  FULL_SCALE,
  HISTORY_START,
  hours,
  memory,
  ms,
  peakRss,
  quiet,
  rate,
  round1,
  standInLog,
  table,
  VERIFY_PLANNINGS,
  writeBulkPlanning,
  writePlannings,
} from './bench-data.js';

const figures: Record<string, number | null> = {};

async function benchExportAndVerify(root: string): Promise<void> {
  const dir = path.join(root, 'export');
  const ids = Array.from({ length: EXPORT_PLANNINGS }, (_, i) => `export-${String(i).padStart(2, '0')}`);
  for (const id of ids) await writeBulkPlanning(dir, id, EXPORT_PER_PLANNING, HISTORY_START);
  await writePlannings(dir, ids);
  const total = EXPORT_PLANNINGS * EXPORT_PER_PLANNING;
  const store = createStore({ dir, clock: systemClock, log: quiet });

  const target = path.join(root, 'export.csv');
  const before = memory();
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(process.memoryUsage.rss()), 250);
  let threads = 0;
  const t0 = performance.now();
  // The export as the app runs it (`export:csv`): plannings on worker threads when it is worth it, same bytes.
  const { value: rows, peak } = await peakRss(async () => {
    const out = createWriteStream(target);
    const written = await writeCsvForPlannings(store, out, ids, [], { onThreads: (count) => (threads = count) });
    out.end();
    await finished(out);
    return written;
  });
  const elapsed = performance.now() - t0;
  clearInterval(sampler);
  const quarter = (q: number): string => bytes(samples[Math.min(samples.length - 1, Math.floor((samples.length * q) / 4))] ?? 0);
  const milestones = [1, 2, 3, 4].map((q) => `${q * 25} %: ${quarter(q)}`);
  figures.csvRowsPerSecond = Math.round((rows / elapsed) * 1000);
  figures.csvPeakRssMb = round1(peak / 1024 ** 2);
  figures.csvThreads = threads;
  const after = memory();
  const size = (await stat(target)).size;
  table(`CSV export: ${count(total)} probes of ${EXPORT_PLANNINGS} plannings, streamed to a file`, [
    ['rows written', `${count(rows)} in ${ms(elapsed)} (${rate(rows, elapsed)})`],
    ['CSV size', `${bytes(size)} (${bytes(size / rows)} a row)`],
    ['RSS before / peak during / after', `${bytes(before.rss)} / ${bytes(peak)} / ${bytes(after.rss)}`],
    ['worker threads', threads === 0 ? 'none (this thread)' : `${threads}, one planning each at a time`],
    ['RSS at each quarter of the time', milestones.join(', ')],
    [`${count(FULL_SCALE)} rows at this rate (extrapolated)`, hours((FULL_SCALE / rows) * (elapsed / 1000))],
  ]);
  await store.close();

  const verifyIds = ids.slice(0, VERIFY_PLANNINGS);
  let checked = 0;
  let problems = 0;
  const t1 = performance.now();
  for (const id of verifyIds) {
    const report = await verifyDir(dir, id);
    checked += report.checkedProbes;
    problems += report.problems.length;
  }
  const plainMs = performance.now() - t1;
  let verifyThreads = 0;
  const t3 = performance.now();
  const folder = await verifyDir(dir, undefined, { onThreads: (count) => (verifyThreads = count) });
  const folderMs = performance.now() - t3;
  figures.verifyFolderRecordsPerSecond = Math.round((folder.checkedProbes / folderMs) * 1000);
  figures.verifyThreads = verifyThreads;
  const lines: [string, string][] = [
    [`records only (${count(checked)} probes of ${VERIFY_PLANNINGS} plannings)`, `${rate(checked, plainMs)}; ${problems} problem(s)`],
    [
      `records only, the whole folder (${count(folder.checkedProbes)} probes of ${EXPORT_PLANNINGS} plannings, ${verifyThreads} worker threads)`,
      `${rate(folder.checkedProbes, folderMs)}; ${folder.problems.length} problem(s)`,
    ],
  ];
  figures.verifyRecordsPerSecond = Math.round((checked / plainMs) * 1000);
  // The store's month with artefacts, appended for real (absent with `--only csv`): one run, the code still cold.
  const storeDir = path.join(root, 'store');
  if (await stat(storeDir).then(() => true, () => false)) {
    const t2 = performance.now();
    const shots = await verifyDir(storeDir, 'bench-shots');
    const shotsMs = performance.now() - t2;
    figures.verifyProbesPerSecondOneMonth = Math.round((shots.checkedProbes / shotsMs) * 1000);
    lines.push([`with artefacts, the store's month (${count(shots.checkedProbes)} probes, one run)`, `${rate(shots.checkedProbes, shotsMs)}; ${shots.problems.length} problem(s)`]);
  }
  lines.push(...(await benchVerifyArtefacts(root)));
  table('verify: hashes, artefacts and chains read back from disk', lines);
}

/**
 * verify with artefacts at the scale it runs at: plannings of 10,000 probes, each with its capture and page text
 * (stored once) and its log (in its month's pack), one planning at a time in this thread, then the whole folder on
 * the worker threads.
 */
async function benchVerifyArtefacts(root: string): Promise<[string, string][]> {
  const dir = path.join(root, 'verify-artefacts');
  const ids = Array.from({ length: VERIFY_PLANNINGS }, (_, i) => `verify-${String(i).padStart(2, '0')}`);
  // A 22 kB stand-in of a WebP capture (the live probe's size), a page text and a log of a real probe's size.
  const artefacts = {
    capture: Buffer.from(Array.from({ length: 22_000 }, (_, i) => (i * 2_654_435_761) >>> 24)),
    pageText: 'Semaine du lundi 2 février 2026 : aucun créneau disponible. '.repeat(20),
    log: standInLog,
  };
  for (const id of ids) await writeBulkPlanning(dir, id, EXPORT_PER_PLANNING, HISTORY_START, 0, artefacts);
  await writePlannings(dir, ids);
  let checked = 0;
  let problems = 0;
  const t0 = performance.now();
  for (const id of ids) {
    const report = await verifyDir(dir, id, { threads: 0 });
    checked += report.checkedProbes;
    problems += report.problems.length;
  }
  const oneMs = performance.now() - t0;
  figures.verifyProbesPerSecondOneThread = Math.round((checked / oneMs) * 1000);
  let threads = 0;
  const t1 = performance.now();
  const folder = await verifyDir(dir, undefined, { onThreads: (used) => (threads = used) });
  const folderMs = performance.now() - t1;
  // What a full verify of a folder achieves: the figure DESIGN.md's scale is judged by.
  figures.verifyProbesPerSecond = Math.round((folder.checkedProbes / folderMs) * 1000);
  return [
    [`with artefacts (${count(checked)} probes of ${VERIFY_PLANNINGS} plannings, one at a time, this thread)`, `${rate(checked, oneMs)}; ${problems} problem(s)`],
    [`with artefacts, the whole folder (${threads} worker threads)`, `${rate(folder.checkedProbes, folderMs)}; ${folder.problems.length} problem(s)`],
    [`${count(FULL_SCALE)} probes with artefacts (extrapolated)`, `${hours((FULL_SCALE / checked) * (oneMs / 1000))} in one thread, ${hours((FULL_SCALE / folder.checkedProbes) * (folderMs / 1000))} on ${threads} threads`],
  ];
}

const [root, figuresFile] = process.argv.slice(2);
if (!root || !figuresFile) throw new Error('usage: bench-bulk <benchRoot> <figuresFile>');
await benchExportAndVerify(root);
await writeFile(figuresFile, JSON.stringify(figures));
