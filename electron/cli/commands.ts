import { statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCore, type Core } from '../core/api/create-core.js';
import { systemClock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { defaultDataDir, findAppRoot, readAppVersion } from '../core/paths.js';
import { createProber, findBrowser, type Prober } from '../core/probe/index.js';
import { captionedPng } from '../core/report/captioned.js';
import { newProbeId } from '../core/services/record-probe.js';
import { CLI_PROBES_DIR } from '../core/store/index.js';
import type { Probe } from '../shared/domain.js';
import { printStats } from './stats-table.js';
import { startDemo } from './demo.js';
import { startWebHost } from './webhost.js';
import { dossierCommand, importCommand, publishCommand, type EvidenceCommandContext } from './evidence-commands.js';
import { moveDataCommand } from './move-data.js';
import { printer, printSealWritten, printSeals, printSummary } from './verify-report.js';

export interface CommandContext {
  args: string[];
  json: boolean;
  guichet: string | null;
  port: number | undefined;
  out: string | null;
  planningIds: string[];
  schedule: boolean;
  dataDir: string | null;
  /** --browser: saved in the settings (after checking it is Chrome, Chromium or Edge) before the command runs. */
  browser?: string | null;
  from?: string | null;
  to?: string | null;
  association?: string | null;
  /** `seal --new-key`: a new installation key, announced in the seal and signed by the current one. */
  newKey?: boolean;
}

type Command = (context: CommandContext) => Promise<number>;

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};
const appRoot = findAppRoot();
const appVersion = readAppVersion(appRoot);
export const rendererDir = path.join(appRoot, 'dist', 'renderer');

function dataDirOf(context: CommandContext): string {
  const dir = context.dataDir ? path.resolve(context.dataDir) : defaultDataDir();
  const info = statSync(dir, { throwIfNoEntry: false });
  if (info && !info.isDirectory()) {
    throw new AppError('invalid_input', `« ${dir} » est un fichier, pas un dossier : indiquez un dossier de données avec --data-dir.`);
  }
  return dir;
}

/** --browser PATH: the one way besides the desktop app's settings to choose the program Guichets launches. */
export async function saveBrowser(context: CommandContext): Promise<void> {
  if (!context.browser) return;
  const core = createCore({ dataDir: dataDirOf(context), appVersion, log });
  try {
    await core.api['settings:update']({ browserPath: path.resolve(context.browser) });
    log(`Navigateur enregistré dans les réglages : ${path.resolve(context.browser)}`);
  } finally {
    await core.close();
  }
}

function urlArgument(context: CommandContext, usage: string): string {
  const [url] = context.args;
  if (!url) throw new AppError('invalid_input', `Adresse manquante. Utilisation : ${usage}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('invalid_input', `« ${url} » n’est pas une adresse. Donnez l’adresse complète, commençant par https://`);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.host === '') {
    throw new AppError('invalid_input', `« ${url} » n’est pas une adresse web (http ou https).`);
  }
  return url;
}

/** The prober as the settings of the data folder say (browser, timeout), after GUICHETS_BROWSER. */
async function proberFor(context: CommandContext): Promise<Prober> {
  // Read through the core (no writer lock taken): the one store of this process for the folder.
  const core = createCore({ dataDir: dataDirOf(context), appVersion, log });
  const settings = await core.api['settings:get'](undefined).finally(() => core.close());
  const browser = findBrowser({ env: process.env, settingsPath: settings.browserPath });
  if (!browser.path) throw new AppError('browser_not_found', browser.message ?? 'Aucun navigateur trouvé.');
  const timeoutMs = settings.probeTimeoutSeconds * 1000;
  return createProber({ browserPath: browser.path, timeoutMs, appVersion, clock: systemClock, log });
}

/** Keeps the process alive until Ctrl+C, then closes cleanly. */
function untilInterrupted(close: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const stop = (): void => {
      log('Arrêt…');
      close().then(
        () => resolve(0),
        (error: unknown) => {
          log(String(error));
          resolve(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function slotJson(probe: Pick<Probe, 'firstSlot' | 'secondSlot'>) {
  return {
    firstSlot: probe.firstSlot,
    secondSlot: probe.secondSlot,
    firstDate: probe.firstSlot?.slice(0, 10) ?? null,
    secondDate: probe.secondSlot?.slice(0, 10) ?? null,
  };
}

const discover: Command = async (context) => {
  const url = urlArgument(context, 'npm run cli -- discover <url> [--json]');
  const prober = await proberFor(context);
  try {
    const result = await prober.discover(url);
    if (context.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(`${result.title ?? url}\nSystème : ${result.system}\n`);
      if (result.guichets.length === 0) process.stdout.write('Aucun guichet proposé.\n');
      for (const guichet of result.guichets) process.stdout.write(`  ${guichet.value}\t${guichet.label}\n`);
    }
    return 0;
  } finally {
    await prober.close();
  }
};

const probe: Command = async (context) => {
  const url = urlArgument(context, 'npm run cli -- probe <url> [--guichet V] [--json]');
  const prober = await proberFor(context);
  try {
    const id = newProbeId(systemClock.now());
    const result = await prober.probe({ url, guichet: context.guichet }, { probeId: id, planningLabel: url });
    let screenshot: string | null = null;
    let logFile: string | null = null;
    const dir = path.join(dataDirOf(context), CLI_PROBES_DIR);
    if (result.screenshot || result.log) await mkdir(dir, { recursive: true });
    if (result.screenshot) {
      screenshot = path.join(dir, `${id}.png`);
      const facts = { ...result, planningLabel: url, probeId: id };
      await writeFile(screenshot, await captionedPng(result.screenshot, facts));
    }
    if (result.log) {
      // The robot's steps, Playwright's call logs and the browser's console: kept beside the capture, not printed.
      logFile = path.join(dir, `${id}.log`);
      await writeFile(logFile, result.log);
    }
    const output = {
      outcome: result.outcome,
      ...slotJson(result),
      startedAt: result.startedAt.toISOString(),
      durationMs: result.durationMs,
      url: result.url,
      screenshot,
      log: logFile,
      detail: result.detail,
    };
    if (context.json) process.stdout.write(`${JSON.stringify(output)}\n`);
    else {
      process.stdout.write(`${result.outcome} — ${result.detail}\n`);
      if (result.firstSlot) process.stdout.write(`Premier créneau : ${result.firstSlot}\n`);
      if (result.secondSlot) process.stdout.write(`Deuxième créneau : ${result.secondSlot}\n`);
      if (screenshot) process.stdout.write(`Capture : ${screenshot}\n`);
      if (logFile) process.stdout.write(`Journal : ${logFile}\n`);
    }
    return 0;
  } finally {
    await prober.close();
  }
};

function openCore(context: CommandContext, demo = false): Core {
  const dataDir = dataDirOf(context);
  log(`Données : ${dataDir}`);
  return createCore({ dataDir, appVersion, demo, log });
}

function logProbes(core: Core): void {
  core.on('probe:finished', (finished) => {
    log(`${finished.localDate} ${finished.localTime} ${finished.planningId} → ${finished.outcome} ${finished.firstSlot ?? ''}`);
  });
}

const run: Command = async (context) => {
  const core = openCore(context);
  logProbes(core);
  await core.startSchedule();
  log('Calendrier démarré : chaque planning suivi est sondé une fois par heure. Ctrl+C pour arrêter.');
  return untilInterrupted(() => core.close());
};

const serve: Command = async (context) => {
  const core = openCore(context);
  const host = await startWebHost({ core, port: context.port ?? 4870, staticDir: rendererDir, log });
  if (context.schedule) {
    logProbes(core);
    await core.startSchedule();
  }
  log(`Interface : ${host.loginUrl()}${context.schedule ? ' (calendrier démarré)' : ''}  — Ctrl+C pour arrêter.`);
  log('Cette adresse contient un code à usage unique : ne la partagez pas.');
  return untilInterrupted(async () => {
    await host.close();
    await core.close();
  });
};

const demo: Command = async (context) => {
  const dataDir = context.dataDir ? path.resolve(context.dataDir) : path.join(defaultDataDir(), 'demo');
  const session = await startDemo({ dataDir, port: context.port ?? 4870, appVersion, staticDir: rendererDir, log });
  return untilInterrupted(() => session.close());
};

const stats: Command = async (context) => {
  const core = openCore(context);
  try {
    const overviews = await core.api['plannings:list'](undefined);
    if (context.json) process.stdout.write(`${JSON.stringify(overviews.map((o) => ({ planning: o.planning, stats: o.stats, problem: o.problem })))}\n`);
    else printStats(overviews, (line) => process.stdout.write(`${line}\n`));
    // A planning whose figures could not be read is not « 0 sondages »: the command says it failed for it.
    return overviews.some((overview) => overview.problem !== null) ? 1 : 0;
  } finally {
    await core.close();
  }
};

const exportCommand: Command = async (context) => {
  const [kind] = context.args;
  if (kind !== 'csv') throw new AppError('invalid_input', 'Utilisation : npm run cli -- export csv --out FICHIER');
  if (!context.out) throw new AppError('invalid_input', 'Indiquez le fichier à écrire : --out sondages.csv');
  const core = openCore(context);
  try {
    const result = await core.api['export:csv']({
      path: path.resolve(context.out),
      ...(context.planningIds.length > 0 ? { planningIds: context.planningIds } : {}),
    });
    log(`${result.rows} sondages écrits dans ${result.path}`);
    for (const file of result.skipped ?? []) log(`✗ Fichier endommagé, ses sondages ne sont pas dans le CSV : ${file}`);
    return result.skipped && result.skipped.length > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
};

const seal: Command = async (context) => {
  const core = openCore(context);
  try {
    const result = await (context.newKey ? core.api['seals:rotateKey'](undefined) : core.api['seals:create'](undefined));
    printSealWritten(printer((text) => process.stdout.write(text)), result);
    return 0;
  } finally {
    await core.close();
  }
};

const verifyCommand: Command = async (context) => {
  const dir = dataDirOf(context);
  if (!statSync(dir, { throwIfNoEntry: false })) {
    throw new AppError('invalid_input', `Dossier de données introuvable : « ${dir} ». Indiquez le dossier de Guichets avec --data-dir.`);
  }
  const core = openCore(context);
  const out = printer((text) => process.stdout.write(text));
  try {
    const ids = context.planningIds.length > 0 ? context.planningIds : [undefined];
    let ok = true;
    for (const id of ids) {
      const report = await core.verify(id);
      for (const problem of report.problems) out.raw(`✗ ${problem.message}`);
      if (report.emptyPlannings && report.emptyPlannings.length > 0) out.line('verify.empty_plannings', { ids: report.emptyPlannings.join(', ') });
      printSummary(out, report, id);
      if (id === undefined || ids.length === 1) printSeals(out, report.seals, report.unreadableRoots ?? []);
      ok &&= report.ok;
    }
    return ok ? 0 : 1;
  } finally {
    await core.close();
  }
};

/** `tsa-roots [add FILE.pem | remove SHA256]`: the roots time-stamps must chain to, on this PC. */
const tsaRoots: Command = async (context) => {
  const [action, value] = context.args;
  const core = openCore(context);
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  try {
    if (action === 'add') {
      if (!value) throw new AppError('invalid_input', 'Utilisation : npm run cli -- tsa-roots add FICHIER.pem');
      const pem = await readFile(path.resolve(value), 'utf8').catch(() => {
        throw new AppError('invalid_input', `Fichier introuvable ou illisible : « ${value} ». Donnez le certificat racine de l’autorité (PEM).`);
      });
      const root = await core.api['seals:addRoot']({ pem });
      out(`Racine ajoutée sur ce PC : ${root.name}, SHA-256 ${root.sha256}. Vérifiez que c’est l’empreinte que publie l’autorité.`);
    } else if (action === 'remove') {
      if (!value) throw new AppError('invalid_input', 'Utilisation : npm run cli -- tsa-roots remove EMPREINTE-SHA256');
      const { removed } = await core.api['seals:removeRoot']({ sha256: value });
      out(removed ? 'Racine retirée de ce PC.' : 'Aucune racine de ce PC n’a cette empreinte.');
    } else if (action !== undefined) {
      throw new AppError('invalid_input', `Action inconnue « ${action} » : tsa-roots, tsa-roots add FICHIER.pem ou tsa-roots remove EMPREINTE.`);
    }
    if (action === undefined) {
      for (const root of await core.api['seals:roots'](undefined)) {
        const source = root.source === 'shipped' ? 'livrée avec Guichets' : root.source === 'user' ? 'ajoutée sur ce PC' : 'GUICHETS_TSA_ROOTS';
        out(`${root.sha256}  ${root.name} (${source})${root.published ? ` — publiée : ${root.published}` : ''}`);
      }
    }
    return 0;
  } finally {
    await core.close();
  }
};

/** Issue 9's commands (evidence-commands.ts), each on a core that is closed after. */
function withCore(run: (core: Core, context: EvidenceCommandContext) => Promise<number>): Command {
  return async (context) => {
    const core = openCore(context);
    try {
      return await run(core, { ...context, from: context.from ?? null, to: context.to ?? null, association: context.association ?? null });
    } finally {
      await core.close();
    }
  };
}

export const commands: Record<string, Command | undefined> = {
  dossier: withCore(dossierCommand),
  publish: withCore(publishCommand),
  import: withCore(importCommand),
  discover,
  probe,
  run,
  serve,
  demo,
  stats,
  export: exportCommand,
  verify: verifyCommand,
  seal,
  'tsa-roots': tsaRoots,
  'move-data': (context) =>
    moveDataCommand({
      args: context.args,
      dataDir: dataDirOf(context),
      explicit: Boolean(context.dataDir ?? process.env.GUICHETS_DATA_DIR),
      appVersion,
      log,
      out: (line) => process.stdout.write(`${line}\n`),
    }),
};
