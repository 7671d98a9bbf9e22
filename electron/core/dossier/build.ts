// The dossier de preuves: one ZIP in BagIt 1.0 layout holding the period's CSV, charts, screenshots, page
// texts, probe records, seals and a method text, with a PDF summary inside it and beside it. Written through
// temporary files renamed at the end: a cancelled or failed dossier leaves nothing behind.
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough, Readable } from 'node:stream';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import type { Planning, Probe } from '../../shared/domain.js';
import type { PlanningVersion } from '../store/history.js';
import { AppError, coreError } from '../errors.js';
import { coreMessage, type CoreMessage, type MessageCode } from '../../shared/messages/index.js';
import { writeCsv } from '../export/csv.js';
import { launchHeadless } from '../probe/browser.js';
import { PARIS } from '../stats/calendar.js';
import { absolute } from '../store/layout.js';
import { readProbeLog } from '../store/log-packs.js';
import type { Store } from '../store/index.js';
import { cancelledError, createBagWriter, type BagWriter } from './bag.js';
import { chartFacts, renderChartPng, type ChartFacts } from '../report/chart.js';
import { collectPlanning, type PlanningPeriod } from './collect.js';
import { probeCapture, probeScreenshotFile, readProbePageText, readProbeScreenshot } from './evidence.js';
import { lisezmoi } from './lisezmoi.js';
import { frenchInstant, frenchMonth, frenchPeriod, periodEndInstant, type Period } from '../report/period.js';
import { carriedSeals } from './seals.js';
import { carriedRecords, type CarriedRecords } from './records.js';
import { BAG_DIRS, loadTrust, type TrustSet } from '../seals/index.js';
import { findAppRoot } from '../paths.js';
import { selectScreenshots, summaryHtml } from './summary.js';

export interface DossierProgress {
  phase: 'collect' | 'render' | 'files' | 'done';
  /** Bytes of the archive's payload written so far, against the expected total. */
  done: number;
  total: number;
  /** What is being done, as a code of the core's catalogue (`progress.dossier_…`). */
  message: CoreMessage;
}

export interface DossierOptions {
  store: Store;
  planningIds: string[];
  period: Period;
  /** The ZIP to write; the PDF goes beside it, same name, .pdf. */
  out: string;
  appVersion: string;
  browserPath: string;
  now: Date;
  signal?: AbortSignal;
  onProgress?: (progress: DossierProgress) => void;
  /** Imported probes of a planning's month (they stay apart from the robot's, see electron/core/import/). */
  importedProbes?: (planningId: string, month: string) => Promise<Probe[]>;
  /** The roots a token must chain to for the seal to count as time-stamped; by default the shipped ones, the person's and GUICHETS_TSA_ROOTS's. */
  trust?: TrustSet;
}

export interface DossierResult {
  path: string;
  pdfPath: string;
  probes: number;
  screenshots: number;
  payloadFiles: number;
  payloadBytes: number;
  seal: string | null;
  /** Screenshots or page texts whose bytes differ from the SHA-256 their record gives. */
  altered: string[];
}

/** The seals' folder inside the dossier (French, like the rest of the bag). */
const BAG_SEALS_DIR = BAG_DIRS.seals;
/** The page captures as stored, one file per distinct capture, named by their SHA-256 (the records' `screenshot`). */
const CAPTURES_DIR = 'captures/originales';

export const pdfPathFor = (zip: string): string => zip.replace(/\.zip$/i, '') + '.pdf';

async function checkTarget(out: string): Promise<void> {
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory() || out.endsWith('/') || out.endsWith(path.sep)) {
    throw new AppError('invalid_input', `« ${out} » est un dossier : donnez un nom de fichier, par exemple « ${path.join(out, 'dossier.zip')} ».`);
  }
  if (!/\.zip$/i.test(out)) throw new AppError('invalid_input', `Le dossier de preuves est un fichier .zip : « ${out} » n’en est pas un.`);
}

function openFailure(error: unknown, target: string): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ENOSPC') return new AppError('storage_full', `Disque plein : impossible d’écrire « ${target} ». Libérez de la place, puis recommencez.`);
  return new AppError('invalid_input', `Impossible d’écrire « ${target} » (${code || 'erreur'}) : choisissez un autre dossier.`);
}

export async function buildDossier(options: DossierOptions): Promise<DossierResult> {
  const { store, period, signal } = options;
  const out = path.resolve(options.out);
  await checkTarget(out);
  const pdfOut = pdfPathFor(out);
  const progress = (phase: DossierProgress['phase'], done: number, total: number, code: MessageCode): void =>
    options.onProgress?.({ phase, done, total, message: coreMessage(code) });
  const stopIfCancelled = (): void => {
    if (signal?.aborted) throw cancelledError();
  };

  const settings = await store.settings.get();
  const plannings: Planning[] = [];
  const known = new Map([...(await store.plannings.removed()), ...(await store.plannings.list())].map((p) => [p.id, p]));
  for (const id of options.planningIds) {
    const planning = known.get(id);
    if (!planning) throw coreError('not_found', coreMessage('cli.plannings_unknown', { id }));
    plannings.push(planning);
  }
  if (plannings.length === 0) throw new AppError('invalid_input', 'Choisissez au moins un planning : --planning ID.');

  const exportedAt = frenchInstant(options.now);
  const periodText = frenchPeriod(period);
  const association = settings.associationName.trim();

  progress('collect', 0, 0, 'progress.dossier_collect');
  const collected: PlanningPeriod[] = [];
  for (const planning of plannings) {
    stopIfCancelled();
    collected.push(await collectPlanning(store, planning, period, options.importedProbes));
  }

  const folder = path.dirname(out);
  const work = await mkdtemp(path.join(os.tmpdir(), 'guichets-dossier-'));
  const zipTemp = path.join(folder, `.${path.basename(out)}.${process.pid}.tmp`);
  let browser: Browser | null = null;
  let bag: BagWriter | null = null;
  let zipFile: FileHandle;
  // Opened first: a folder that cannot be written is said at once, not after the drawing.
  try {
    await mkdir(folder, { recursive: true });
    zipFile = await open(zipTemp, 'w');
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw openFailure(error, out);
  }
  try {
    // Charts and the PDF, drawn by the headless Chromium the probes use.
    progress('render', 0, 0, 'progress.dossier_render');
    browser = await launchHeadless(options.browserPath, 'dossier');
    const page = await browser.newPage();
    const charts: { name: string; png: Buffer }[] = [];
    const summaryPlannings = [];
    for (const data of collected) {
      stopIfCancelled();
      const facts = (rows: ChartFacts['rows'], text: string): ChartFacts =>
        chartFacts(data.planning, rows, text, settings.author.trim(), association, exportedAt);
      const whole = facts([{ label: 'Période entière', bar: data.top }, ...data.months.map((m) => ({ label: frenchMonth(m.month), bar: m }))], periodText);
      charts.push({ name: `graphiques/${data.planning.id}-periode.png`, png: await renderChartPng(page, whole) });
      for (const month of data.months) {
        const monthFacts = facts([{ label: frenchMonth(month.month), bar: month }], frenchPeriod(month));
        charts.push({ name: `graphiques/${data.planning.id}-${month.month}.png`, png: await renderChartPng(page, monthFacts) });
      }
      const screenshots = new Map<string, string>();
      // Only the PDF's selection: drawing the caption of every probe of the period here would cost for nothing.
      for (const probe of selectScreenshots(data.probes)) {
        stopIfCancelled();
        const file = await probeScreenshotFile(store.dir, probe, work);
        if (file) screenshots.set(probe.id, file);
      }
      summaryPlannings.push({ data, chart: whole, screenshots });
    }
    const trust = options.trust ?? (await loadTrust({ env: process.env }));
    const periodStart = DateTime.fromISO(period.from, { zone: PARIS }).startOf('day').toJSDate();
    const seals = await carriedSeals(store.dir, periodStart, periodEndInstant(period), trust);
    const carried = new Set(seals.seals.map((seal) => seal.name));
    const records = new Map<string, CarriedRecords>();
    for (const data of collected) {
      const sealed = (seals.state.chains.get(data.planning.id) ?? []).filter((entry) => carried.has(entry.seal));
      records.set(data.planning.id, await carriedRecords(store.dir, data.planning.id, period, seals.closingPlannings[data.planning.id]?.head ?? null, sealed));
    }
    const proof = collected.map((data) => ({ label: data.planning.label, proof: records.get(data.planning.id)?.proof ?? null, imported: data.probes.filter((probe) => probe.imported).length }));
    const htmlFile = path.join(work, 'resume.html');
    await writeFile(
      htmlFile,
      summaryHtml({
        association,
        contact: settings.associationContact.trim(),
        period: periodText,
        exportedAt,
        version: options.appVersion,
        seals,
        proof,
        plannings: summaryPlannings,
      }),
    );
    stopIfCancelled();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    const pdfTemp = path.join(work, 'resume.pdf');
    await page.pdf({ path: pdfTemp, format: 'A4', printBackground: true });
    await browser.close();
    browser = null;

    // The archive, one file at a time.
    const evidence: { name: string; probe: Probe; kind: 'png' | 'txt' }[] = [];
    let total = (await stat(pdfTemp)).size + charts.reduce((sum, chart) => sum + chart.png.length, 0);
    for (const data of collected) {
      for (const probe of data.probes) {
        const month = probe.localDate.slice(0, 7);
        if (probe.screenshot) {
          evidence.push({ name: `captures/${data.planning.id}/${month}/${probe.id}.png`, probe, kind: 'png' });
          total += probe.screenshot.bytes;
        }
        if (probe.pageText) {
          evidence.push({ name: `captures/${data.planning.id}/${month}/${probe.id}.txt`, probe, kind: 'txt' });
          total += probe.pageText.bytes;
        }
      }
    }
    let done = 0;
    let lastReport = 0;
    const onBytes = (bytes: number): void => {
      done += bytes;
      if (done - lastReport >= 256 * 1024 || done >= total) {
        lastReport = done;
        progress('files', Math.min(done, total), total, 'progress.dossier_files');
      }
    };
    bag = createBagWriter(zipFile.createWriteStream(), path.basename(out).replace(/\.zip$/i, ''), { signal, onBytes });
    const readme = lisezmoi({
      association,
      contact: settings.associationContact.trim(),
      period: periodText,
      plannings: collected.map((data) => ({ label: data.planning.label, prefecture: data.planning.prefecture, url: data.planning.url, probes: data.probes.length })),
      version: options.appVersion,
      exportedAt,
      seals,
      proof,
      records: [...records.values()],
      sealsDir: BAG_SEALS_DIR,
    });
    await bag.addPayload('LISEZMOI.txt', readme);
    await bag.addPayload('resume.pdf', () => createReadStream(pdfTemp));
    const byId = new Map(plannings.map((planning) => [planning.id, planning]));
    const histories = new Map<string, PlanningVersion[]>();
    for (const planning of plannings) histories.set(planning.id, await store.plannings.history(planning.id));
    await bag.addPayload('sondages.csv', () => {
      const stream = new PassThrough();
      const all = collected.flatMap((data) => data.probes);
      // The names in force when each probe ran (the sealed history), as the verifier expects them.
      writeCsv(stream, Readable.from(all), byId, histories).then(
        () => stream.end(),
        (error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))),
      );
      return stream;
    });
    for (const chart of charts) await bag.addPayload(chart.name, chart.png);
    // The records, gap files and history as the data folder holds them, byte for byte: the seals' hashes apply to them.
    for (const carriedFiles of records.values()) {
      for (const file of carriedFiles.files) await bag.addPayload(file.name, () => createReadStream(absolute(store.dir, file.relative)));
    }
    for (const data of collected) {
      for (const probe of data.probes) {
        if (!probe.log || probe.imported) continue;
        // Its own file, or its member of the month's pack: the same bytes, which the record's SHA-256 names.
        const log = await readProbeLog(store.dir, probe);
        if (!log) continue;
        await bag.addPayload(`${BAG_DIRS.logs}/${data.planning.id}/${probe.localDate.slice(0, 7)}/${probe.id}.log`, log);
      }
    }
    const altered: string[] = [];
    let screenshots = 0;
    const capturesAdded = new Set<string>();
    for (const item of evidence) {
      if (item.kind === 'png') {
        // A capture stored once (the record's SHA-256 is its own) goes in once, beside the PNGs drawn from it.
        const capture = await probeCapture(store.dir, item.probe);
        const name = capture ? `${CAPTURES_DIR}/${capture.name}` : null;
        if (capture && name && !capturesAdded.has(name)) {
          capturesAdded.add(name);
          const entry = await bag.addPayload(name, () => capture.open());
          if (entry.sha256 !== capture.recordedSha256) altered.push(name);
        }
      }
      const source = item.kind === 'png' ? await readProbeScreenshot(store.dir, item.probe) : await readProbePageText(store.dir, item.probe);
      if (!source) {
        altered.push(`${item.name} (absent ou illisible dans le dossier de données)`);
        continue;
      }
      const entry = await bag.addPayload(item.name, () => source.open());
      if (source.recordedSha256 !== null && entry.sha256 !== source.recordedSha256) altered.push(item.name);
      if (item.kind === 'png') screenshots += 1;
    }
    for (const file of seals.files) {
      const { bytes, file: from } = file;
      await bag.addPayload(`${BAG_SEALS_DIR}/${file.name}`, bytes ?? (() => createReadStream(from ?? '')));
    }
    await bag.addTag('verifier.py', await readFile(path.join(findAppRoot(), 'resources', 'verifier.py')));

    const probes = collected.reduce((sum, data) => sum + data.probes.length, 0);
    const info: [string, string][] = [
      ['Source-Organization', association || '(non renseignée)'],
      ...(settings.associationContact.trim() ? ([['Contact-Name', settings.associationContact.trim()]] as [string, string][]) : []),
      ['External-Description', `Dossier de preuves Guichets : sondages horaires des pages de rendez-vous, ${periodText}`],
      ['Bagging-Date', DateTime.fromJSDate(options.now, { zone: PARIS }).toFormat('yyyy-MM-dd')],
      ['Bag-Software-Agent', `Guichets ${options.appVersion}`],
      ['Guichets-Version', options.appVersion],
      ...collected.map((data): [string, string] => ['Planning', `${data.planning.id} — ${data.planning.label} — ${data.planning.prefecture} (${data.planning.departement})`]),
      ...collected.map((data): [string, string] => ['Source', data.planning.url]),
      ['Period-Start', period.from],
      ['Period-End', period.to],
      ['Probe-Count', String(probes)],
      ['Screenshot-Count', String(screenshots)],
      ['Gap-Count', String(collected.reduce((sum, data) => sum + data.gaps.length, 0))],
      ['Seal', seals.closing?.name ?? 'aucun'],
      ['Seal-Time-Stamp', seals.closing?.provenFrom ?? 'non horodaté'],
      ['Seals-Carried', String(seals.seals.length)],
      ['Installation-Key', seals.keyFingerprint ?? 'aucune'],
      ...(altered.length > 0 ? ([['Altered-Evidence', String(altered.length)]] as [string, string][]) : []),
    ];
    const { payloadBytes, payloadFiles } = await bag.finish(info);
    bag = null;
    await zipFile.close().catch(() => undefined);
    stopIfCancelled();
    await copyFile(pdfTemp, pdfOut).catch((error: unknown) => {
      throw openFailure(error, pdfOut);
    });
    await rename(zipTemp, out);
    progress('done', total, total, 'progress.dossier_done');
    return { path: out, pdfPath: pdfOut, probes, screenshots, payloadFiles, payloadBytes, seal: seals.closing?.name ?? null, altered };
  } catch (error) {
    bag?.abort();
    await zipFile.close().catch(() => undefined);
    await rm(zipTemp, { force: true });
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}
