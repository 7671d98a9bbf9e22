// Checks what is on disk, not what the store has in memory: every record's hash, every artefact's SHA-256,
// and the chain of each planning from its first probe to the head kept in its aggregates.
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { JobProgress } from '../../shared/api.js';
import type { Probe, ProbeArtefact } from '../../shared/domain.js';
import { systemClock, type Clock } from '../clock.js';
import { AppError, coreError } from '../errors.js';
import { saidInFrench, wordCore } from '../messages.js';
import { coreMessage, type CoreMessage } from '../../shared/messages/index.js';
import { PARIS } from '../../shared/domain.js';
import { SEALS_DIR } from '../seals/keys.js';
import { createJsonFiles, type JsonFiles } from '../store/json-files.js';
import { aggregatesKind, planningsKind, type ChainHead, type RebuiltNote } from '../store/kinds.js';
import {
  absolute,
  aggregatedPlannings,
  aggregatesFile,
  BLOBS_DIR,
  assertSafeId,
  dayFile,
  daysOf,
  insideDir,
  EVIDENCE_DIR,
  monthsOf,
  planningDirs,
  PLANNINGS_FILE,
  PROBES_DIR,
} from '../store/layout.js';
import { checkSealedChain, checkSealedFile, checkSealedGaps, loadSeals, type PlanningProof, type SealedState, type SealProblemKind, type SealsSummary } from '../seals/check.js';
import { checkAnchor, type AnchorProblemKind, type AnchorVerdict } from '../seals/anchor.js';
import { sealTime } from '../seals/format.js';
import { planningProof, type LineProbe } from '../seals/proof.js';
import { loadTrust, type TrustSet } from '../seals/trust.js';
import { hashRecord, lineHolds, sha256 } from '../store/chain.js';
import { bulkThreads, readDay } from '../store/day-reader.js';
import { createLogReader } from '../store/log-packs.js';
import { startPool, workerEntry } from '../workers/pool.js';
import { progressMeter, type ProgressMeter } from './progress.js';

export type ProblemKind =
  | 'artefact_missing'
  | 'artefact_altered'
  | 'record_altered'
  | 'chain_broken'
  | 'head_mismatch'
  | 'file_unreadable'
  /** A listed planning whose probes folder is gone while its evidence or aggregates remain. */
  | 'planning_incomplete'
  /** Probes, evidence or aggregates of a planning that plannings.json does not know (neither active nor removed). */
  | 'planning_unlisted'
  /** The aggregates' count of probes differs from the records on disk. */
  | 'count_mismatch'
  /** The aggregates were rebuilt from the probes on disk, and nothing says which probes there were before. */
  | 'aggregates_rebuilt'
  /** A seal this PC made for this folder (remembered outside it) is gone or replaced: newer evidence was cut off. */
  | AnchorProblemKind
  | SealProblemKind;

export interface VerifyProblem {
  planningId: string;
  probeId: string | null;
  /** Path relative to the data folder. */
  file: string | null;
  kind: ProblemKind;
  /** What is wrong, as a code: worded in the reader's language (the command line's, the screen's). */
  said: CoreMessage;
  /** The French wording of `said`, for what keeps a French line (logs, older readers). */
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  checkedProbes: number;
  problems: VerifyProblem[];
  /**
   * Plannings of plannings.json (active or removed) in the scope checked that have no probe on disk, sorted:
   * shown to the user, since a planning whose files were all deleted looks exactly like one never probed.
   * Absent when the data folder has no plannings.json (a bare folder of probes).
   */
  emptyPlannings?: string[];
  /** The seals found, the newest, those not yet time-stamped and the probes made since the newest. */
  seals?: SealsSummary;
  /** Trusted-root files (the person's, GUICHETS_TSA_ROOTS's) that held no certificate: said, never dropped silently. */
  unreadableRoots?: string[];
  /** What this PC remembers of the folder's seals; absent when not asked (anchorsDir) or nothing to say. */
  anchor?: AnchorVerdict;
}

export interface VerifyOptions {
  /** Runs one planning's check while nothing writes to it (the store's queue). */
  exclusive?: <T>(planningId: string, task: () => Promise<T>) => Promise<T>;
  /**
   * Worker threads: by default one per core (at most one per planning) when the folder is large enough to gain
   * from them; 0 keeps the work in this thread. The report is the same either way.
   */
  threads?: number;
  /** Told how many worker threads did the work (0: this thread), before the first planning. */
  onThreads?: (count: number) => void;
  /** The roots a token must chain to; by default those shipped, the person's and GUICHETS_TSA_ROOTS's. */
  trust?: TrustSet;
  /** Told the probes checked so far and the estimated end, a few times a second (progress.ts). */
  onProgress?: (progress: JobProgress) => void;
  /** For the estimated end; the system's by default. */
  clock?: Clock;
  /**
   * Where this PC remembers the seals it made (seals/anchor.ts): the folder's remembered seals must still be there.
   * Undefined: not checked (a backup's copy, a dossier, a folder of tests).
   */
  anchorsDir?: string;
  /** Stops the check between days and plannings (worker threads ended): it then throws verifyCancelled(), never a report. */
  signal?: AbortSignal;
}

/** A check stopped before its end: its own answer, never a verdict (neither intact nor a problem found). */
export const verifyCancelled = (): AppError => coreError('invalid_input', coreMessage('verify.cancelled'));

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw verifyCancelled();
}

interface Node {
  id: string;
  previousHash: string | null;
  startedAt: string;
  file: string;
  /** The probe's local date and time ("2026-01-15", "10:17"), for messages. */
  date: string;
  time: string;
}

/** The probe a message is about: its id, local date and time. */
const named = (node: Node): { probe: string; date: string; time: string } => ({ probe: node.id, date: node.date, time: node.time });

/**
 * An artefact's bytes, or null when it cannot be read. Synchronously, like the day files (store/day-reader.ts):
 * fs.promises.readFile takes four trips through the thread pool per file, several times the processor time of
 * hashing a screenshot, and verification reads thousands of them.
 */
function readArtefact(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * How one planning's artefacts are read: the captures stored once (evidence/_blobs/) by path, read and hashed once
 * for the planning's check however many probes use them (each probe is still checked against the hash, and named
 * when it is missing or damaged); the logs from their month's pack, read once per month (store/log-packs.ts).
 * A capture is never rewritten in place (only a copy of the wrong size is replaced, by its true bytes).
 */
interface ArtefactReader {
  blobs: Map<string, string | null>;
  logs: ReturnType<typeof createLogReader>;
}

/**
 * The SHA-256 of an artefact's bytes; null when missing. A packed log that cannot be read back (its member cut
 * short or damaged) has no hash: it gives one that no record holds, so it is reported as altered.
 */
function artefactHash(dir: string, artefact: ProbeArtefact, which: 'screenshot' | 'pageText' | 'log', reader: ArtefactReader): string | null {
  if (which === 'log') {
    const read = reader.logs.read(artefact);
    return read.kind === 'bytes' ? sha256(read.data) : read.kind === 'damaged' ? 'damaged' : null;
  }
  if (artefact.path.startsWith(`${BLOBS_DIR}/`)) {
    const known = reader.blobs.get(artefact.path);
    if (known !== undefined) return known;
    const file = insideDir(dir, artefact.path);
    const data = file ? readArtefact(file) : null;
    const hash = data ? sha256(data) : null;
    reader.blobs.set(artefact.path, hash);
    return hash;
  }
  const file = insideDir(dir, artefact.path);
  const data = file ? readArtefact(file) : null;
  return data ? sha256(data) : null;
}

function checkArtefact(
  dir: string,
  probe: Probe,
  which: 'screenshot' | 'pageText' | 'log',
  report: (problem: Omit<VerifyProblem, 'planningId'>) => void,
  reader: ArtefactReader,
): void {
  const artefact = probe[which];
  if (!artefact) return;
  const params = { probe: probe.id, date: probe.localDate, time: probe.localTime, what: which, file: artefact.path };
  const hash = artefactHash(dir, artefact, which, reader);
  if (hash === null) {
    report({ probeId: probe.id, file: artefact.path, kind: 'artefact_missing', ...saidInFrench('verify.problem_artefact_missing', params) });
  } else if (hash !== artefact.sha256) {
    report({ probeId: probe.id, file: artefact.path, kind: 'artefact_altered', ...saidInFrench('verify.problem_artefact_altered', params) });
  }
}

async function verifyPlanning(
  files: JsonFiles,
  dir: string,
  planningId: string,
  report: VerifyReport,
  sealed: SealedState,
  signal: AbortSignal | undefined,
): Promise<void> {
  const problem = (entry: Omit<VerifyProblem, 'planningId'>): void => {
    report.problems.push({ planningId, ...entry });
  };
  const nodes = new Map<string, Node>();
  const reader: ArtefactReader = { blobs: new Map(), logs: createLogReader(dir) };
  const order: string[] = [];
  let unreadableDay = false;

  for (const month of await monthsOf(dir, planningId)) {
    for (const day of await daysOf(dir, planningId, month)) {
      stopIfAborted(signal);
      const file = dayFile(planningId, day);
      // Read synchronously, as the CSV export does (store/day-reader.ts): a fifth of the processor time.
      const { probes, lines, error } = readDay(dir, file);
      if (!probes) {
        const reason = error instanceof Error ? error.message : String(error);
        problem({ probeId: null, file, kind: 'file_unreadable', ...saidInFrench('verify.problem_file_unreadable', { file, reason }) });
        unreadableDay = true;
        continue;
      }
      for (const [index, probe] of probes.entries()) {
        report.checkedProbes += 1;
        const node: Node = { id: probe.id, previousHash: probe.previousHash, startedAt: probe.startedAt, file, date: probe.localDate, time: probe.localTime };
        // The stored line hashed as it is when it is the canonical JSON (records written so); else built again.
        const line = lines?.[index];
        if (!(line !== undefined && lineHolds(line, probe)) && hashRecord(probe) !== probe.hash) {
          problem({ probeId: node.id, file, kind: 'record_altered', ...saidInFrench('verify.problem_record_altered', { ...named(node), file }) });
        }
        checkArtefact(dir, probe, 'screenshot', problem, reader);
        checkArtefact(dir, probe, 'pageText', problem, reader);
        checkArtefact(dir, probe, 'log', problem, reader);
        const twin = nodes.get(probe.hash);
        if (twin) {
          problem({
            probeId: node.id,
            file,
            kind: 'chain_broken',
            ...saidInFrench('verify.problem_probe_copied', { ...named(node), file, twin: twin.id, twinFile: twin.file }),
          });
          continue;
        }
        nodes.set(probe.hash, node);
        order.push(probe.hash);
      }
    }
  }

  const unsealed = checkSealedChain(planningId, nodes, sealed.chains.get(planningId) ?? [], problem);
  if (unsealed > 0) sealed.summary.unsealed.push({ planningId, probes: unsealed });

  let head: ChainHead | null = null;
  let countProblem: (() => void) | null = null;
  let rebuilt: RebuiltNote | undefined;
  const headFile = aggregatesFile(planningId);
  try {
    const aggregates = await files.readFresh(headFile, aggregatesKind(planningId));
    head = aggregates?.head ?? null;
    const counted = aggregates?.probes ?? 0;
    // A day file that cannot be read is reported as such; its probes are not counted as deleted too.
    if (aggregates && counted !== nodes.size && !unreadableDay) {
      countProblem = () => problem({
        probeId: null,
        file: headFile,
        kind: 'count_mismatch',
        ...saidInFrench('verify.problem_count_mismatch', {
          planning: planningId,
          file: headFile,
          counted,
          found: nodes.size,
          change: counted > nodes.size ? 'deleted' : 'added',
        }),
      });
    }
    rebuilt = aggregates?.rebuilt;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problem({ probeId: null, file: headFile, kind: 'file_unreadable', ...saidInFrench('verify.problem_file_unreadable', { file: headFile, reason }) });
    checkChain(nodes, order, undefined, problem, planningId);
    if (sealed.summary.count > 0) sealed.summary.proof.push(planningProof(planningId, mainLine(nodes, order, null), sealed.chains.get(planningId) ?? [], sealed.summary.firstSeal?.createdAt ?? null));
    return;
  }
  checkChain(nodes, order, head, problem, planningId);
  countProblem?.();
  if (rebuilt) checkRebuilt(rebuilt, nodes, headFile, problem, planningId);
  if (sealed.summary.count > 0) {
    sealed.summary.proof.push(planningProof(planningId, mainLine(nodes, order, head?.hash ?? null), sealed.chains.get(planningId) ?? [], sealed.summary.firstSeal?.createdAt ?? null));
  }
}

/** The planning's probes from its first to its head (else to the newest on disk), following each predecessor. */
function mainLine(nodes: ReadonlyMap<string, Node>, order: readonly string[], head: string | null): LineProbe[] {
  const line: LineProbe[] = [];
  const seen = new Set<string>();
  for (let hash = head !== null && nodes.has(head) ? head : (order[order.length - 1] ?? null); hash !== null && !seen.has(hash); ) {
    const node = nodes.get(hash);
    if (!node) break;
    seen.add(hash);
    line.push({ hash, startedAt: node.startedAt });
    hash = node.previousHash;
  }
  return line.reverse();
}

/**
 * A rebuilt aggregates file names as head whatever the newest probe on disk was: the head the damaged file still
 * named must be on disk too, or probes were lost before the rebuild. Without any such head (the file was missing,
 * or unreadable throughout), the newest probes before the rebuild cannot be vouched for: compare with a seal.
 */
function checkRebuilt(
  rebuilt: RebuiltNote,
  nodes: Map<string, Node>,
  headFile: string,
  problem: (entry: Omit<VerifyProblem, 'planningId'>) => void,
  planningId: string,
): void {
  const when = { planning: planningId, file: headFile, date: rebuilt.at.slice(0, 10), time: rebuilt.at.slice(11, 16) };
  if (rebuilt.previousHead !== null) {
    if (nodes.has(rebuilt.previousHead)) return;
    const said = saidInFrench('verify.problem_rebuilt_head_missing', { ...when, hash: rebuilt.previousHead.slice(0, 12) });
    problem({ probeId: null, file: headFile, kind: 'head_mismatch', ...said });
    return;
  }
  const why = rebuilt.reason === 'missing' ? 'missing' : 'unreadable';
  problem({ probeId: null, file: headFile, kind: 'aggregates_rebuilt', ...saidInFrench('verify.problem_aggregates_rebuilt', { ...when, why }) });
}

/**
 * The chain is followed by hash, not by file position, so that two probes appended across midnight in the
 * other order than they started are not mistaken for tampering. The main line runs back from the head; a
 * probe whose predecessor is gone, a second probe claiming the same predecessor, or a second first probe
 * is reported. `head` undefined: the head could not be read (already reported).
 */
function checkChain(
  nodes: Map<string, Node>,
  order: readonly string[],
  head: ChainHead | null | undefined,
  problem: (entry: Omit<VerifyProblem, 'planningId'>) => void,
  planningId: string,
): void {
  const onMainLine = new Set<string>();
  for (let hash = head?.hash ?? null; hash !== null && !onMainLine.has(hash); ) {
    const node = nodes.get(hash);
    if (!node) break;
    onMainLine.add(hash);
    hash = node.previousHash;
  }

  const children = new Map<string | null, string[]>();
  for (const hash of order) {
    const node = nodes.get(hash);
    if (!node) continue;
    if (node.previousHash !== null && !nodes.has(node.previousHash)) {
      problem({
        probeId: node.id,
        file: node.file,
        kind: 'chain_broken',
        ...saidInFrench('verify.problem_predecessor_gone', named(node)),
      });
    }
    const siblings = children.get(node.previousHash) ?? [];
    siblings.push(hash);
    children.set(node.previousHash, siblings);
  }

  for (const [previousHash, siblings] of children) {
    if (siblings.length < 2) continue;
    const legitimate = siblings.find((hash) => onMainLine.has(hash)) ?? siblings[0];
    const kept = legitimate ? nodes.get(legitimate) : undefined;
    for (const hash of siblings) {
      const node = nodes.get(hash);
      if (!node || hash === legitimate) continue;
      const params = { ...named(node), file: node.file, first: previousHash === null ? 'yes' : 'no', kept: kept?.id ?? '?' };
      problem({ probeId: node.id, file: node.file, kind: 'chain_broken', ...saidInFrench('verify.problem_probe_inserted', params) });
    }
  }

  if (head === undefined) return;
  const headFile = aggregatesFile(planningId);
  if (head === null) {
    if (nodes.size > 0) {
      problem({
        probeId: null,
        file: headFile,
        kind: 'head_mismatch',
        ...saidInFrench('verify.problem_head_none', { planning: planningId, file: headFile, count: nodes.size }),
      });
    }
    return;
  }
  if (!nodes.has(head.hash)) {
    problem({
      probeId: head.probeId,
      file: headFile,
      kind: 'head_mismatch',
      ...saidInFrench('verify.problem_head_missing', { planning: planningId, probe: head.probeId, startedAt: head.startedAt }),
    });
    return;
  }
  const after = children.get(head.hash)?.[0];
  const successor = after ? nodes.get(after) : undefined;
  if (successor) {
    problem({
      probeId: successor.id,
      file: successor.file,
      kind: 'head_mismatch',
      ...saidInFrench('verify.problem_head_successor', { ...named(successor), head: head.probeId }),
    });
  }
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Plannings that have an evidence folder (screenshots, page texts). */
async function evidenceDirs(dir: string): Promise<string[]> {
  try {
    return (await readdir(absolute(dir, EVIDENCE_DIR))).filter((name) => SAFE_NAME.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const exists = (dir: string, relative: string): Promise<boolean> =>
  stat(absolute(dir, relative)).then(
    () => true,
    () => false,
  );

/** Ids of plannings.json, active and removed; null without the file, or when it cannot be read (reported). */
async function listedPlannings(files: JsonFiles, report: VerifyReport): Promise<Set<string> | null> {
  try {
    const listing = await files.readFresh(PLANNINGS_FILE, planningsKind);
    if (!listing) return null;
    return new Set([...listing.plannings, ...(listing.removed ?? [])].map((planning) => planning.id));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    report.problems.push({
      planningId: '',
      probeId: null,
      file: PLANNINGS_FILE,
      kind: 'file_unreadable',
      ...saidInFrench('verify.problem_file_unreadable', { file: PLANNINGS_FILE, reason }),
    });
    return null;
  }
}

/**
 * A planning's files against plannings.json: its three places (probes, evidence, aggregates) go together, and
 * belong to a listed planning. Run under the planning's exclusive section, so a first probe being written
 * (evidence before probes) is not mistaken for a deletion.
 */
async function crossCheck(dir: string, planningId: string, listed: Set<string>, report: VerifyReport): Promise<boolean> {
  const places = {
    probes: `${PROBES_DIR}/${planningId}`,
    evidence: `${EVIDENCE_DIR}/${planningId}`,
    aggregates: aggregatesFile(planningId),
  };
  const present = {
    probes: await exists(dir, places.probes),
    evidence: await exists(dir, places.evidence),
    aggregates: await exists(dir, places.aggregates),
  };
  const found = (Object.keys(places) as (keyof typeof places)[]).filter((key) => present[key]).map((key) => places[key]);
  // Named one by one (at most three places), so that each language quotes and joins them its own way.
  const foundNames = { count: found.length, first: found[0] ?? '', second: found[1] ?? '', third: found[2] ?? '' };
  if (!listed.has(planningId)) {
    if (found.length > 0) {
      report.problems.push({
        planningId,
        probeId: null,
        file: found[0] ?? null,
        kind: 'planning_unlisted',
        ...saidInFrench('verify.problem_planning_unlisted', { planning: planningId, ...foundNames, listing: PLANNINGS_FILE }),
      });
    }
  } else if (!present.probes && found.length > 0) {
    report.problems.push({
      planningId,
      probeId: null,
      file: places.probes,
      kind: 'planning_incomplete',
      ...saidInFrench('verify.problem_planning_incomplete', { planning: planningId, file: places.probes, ...foundNames }),
    });
  }
  return present.probes || present.aggregates;
}

/** What checking any planning needs: the folder, plannings.json's ids, the seals. */
export interface PlanningContext {
  dir: string;
  /** Null without a plannings.json (a bare folder of probes). */
  listed: Set<string> | null;
  sealed: SealedState;
}

/** One planning's findings, merged into the report in the order of the plannings. */
export interface PlanningCheck {
  problems: VerifyProblem[];
  checkedProbes: number;
  unsealed: SealsSummary['unsealed'];
  proof: PlanningProof[];
  /** Listed in plannings.json, without a probe on disk. */
  empty: boolean;
}

/** Checks one planning against its files and seals, touching nothing shared: in this thread or in a worker. */
export async function checkPlanning(context: PlanningContext, id: string, signal?: AbortSignal): Promise<PlanningCheck> {
  const { dir, listed, sealed } = context;
  const report: VerifyReport = { ok: true, checkedProbes: 0, problems: [] };
  const own: SealedState = { ...sealed, summary: { ...sealed.summary, unsealed: [], proof: [] } };
  const hasData = listed ? await crossCheck(dir, id, listed, report) : true;
  if (hasData || sealed.chains.has(id)) await verifyPlanning(createJsonFiles({ dir, maxOpen: 0 }), dir, id, report, own, signal);
  const sealedProblem = (entry: Omit<VerifyProblem, 'planningId'>): void => {
    report.problems.push({ planningId: id, ...entry });
  };
  const gaps = sealed.gaps.get(id);
  if (gaps) await checkSealedGaps(dir, id, gaps, sealedProblem);
  // A gap file both formats sealed is named once.
  const named = new Set(report.problems.map((problem) => problem.file));
  for (const [file, states] of sealed.files) {
    if (file.startsWith(`${PROBES_DIR}/${id}/`) && !named.has(file)) await checkSealedFile(dir, file, states, sealedProblem);
  }
  const empty = (listed?.has(id) ?? false) && report.checkedProbes === 0;
  return { problems: report.problems, checkedProbes: report.checkedProbes, unsealed: own.summary.unsealed, proof: own.summary.proof, empty };
}

const VERIFY_WORKER = workerEntry('verify-worker', import.meta.url);

/** Progress counted in probes, the total from each planning's aggregates (a few hundred small files). */
async function verifyMeter(files: JsonFiles, ids: readonly string[], clock: Clock, tell: (progress: JobProgress) => void): Promise<ProgressMeter> {
  let total = 0;
  for (const id of ids) {
    const aggregates = await files.readFresh(aggregatesFile(id), aggregatesKind(id)).catch(() => null);
    total += aggregates?.probes ?? 0;
  }
  const meter = progressMeter('verify', 'progress.verify', total, clock, tell);
  meter.advance(0);
  return meter;
}

const parisShort = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, dateStyle: 'short', timeStyle: 'short' });

/** The seals this PC remembers of the folder against those on disk; said only when the folder has seals or a memory. */
async function compareAnchor(dir: string, anchorsDir: string, seals: number, report: VerifyReport): Promise<void> {
  const verdict = await checkAnchor(anchorsDir, dir);
  if (!verdict.known && seals === 0) return;
  report.anchor = verdict;
  if (!verdict.known) return;
  for (const { seal, kind } of verdict.problems) {
    const created = parisShort.format(sealTime(seal.name));
    const said =
      kind === 'anchored_seal_missing'
        ? coreMessage('verify.anchor_missing', { created, seal: seal.name, probes: seal.probes })
        : coreMessage('verify.anchor_changed', { created, seal: seal.name });
    report.problems.push({ planningId: '', probeId: null, file: `${SEALS_DIR}/${seal.name}.json`, kind, said, message: wordCore(said, 'fr') });
  }
}

/**
 * Verifies one planning, or every planning that has probes or aggregates in the data folder. With a
 * plannings.json, also every planning it lists and every folder it does not (see crossCheck). An id that no
 * file knows is an AppError('not_found'): "0 probes checked, all fine" would hide a typo.
 */
export async function verifyDir(dir: string, planningId?: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const { signal } = options;
  stopIfAborted(signal);
  if (planningId !== undefined) assertSafeId('planning', planningId);
  const folder = await stat(dir).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new AppError('invalid_input', `Dossier de données introuvable : « ${dir} »${folder ? ' est un fichier' : ''}. Indiquez le dossier de Guichets avec --data-dir.`);
  }
  const files = createJsonFiles({ dir, maxOpen: 0 });
  const report: VerifyReport = { ok: true, checkedProbes: 0, problems: [] };
  const trust = options.trust ?? (await loadTrust({ env: process.env }));
  const sealed = await loadSeals(dir, trust);
  stopIfAborted(signal);
  if (trust.unreadable.length > 0) report.unreadableRoots = [...trust.unreadable];
  report.problems.push(...sealed.problems);
  if (options.anchorsDir !== undefined) await compareAnchor(dir, options.anchorsDir, sealed.summary.count, report);
  const listed = await listedPlannings(files, report);
  const known = [
    ...new Set([
      ...(listed ?? []),
      ...sealed.chains.keys(),
      ...(await planningDirs(dir)),
      ...(await aggregatedPlannings(dir)),
      ...(await evidenceDirs(dir)),
    ]),
  ].sort();
  if (planningId !== undefined && !known.includes(planningId)) {
    throw new AppError(
      'not_found',
      `Planning « ${planningId} » inconnu dans ce dossier de données. Plannings existants : ${known.join(', ') || 'aucun'}.`,
    );
  }
  const empty: string[] = [];
  const ids = planningId !== undefined ? [planningId] : known;
  const meter = options.onProgress ? await verifyMeter(files, ids, options.clock ?? systemClock, options.onProgress) : null;
  const merge = (id: string, check: PlanningCheck): void => {
    report.checkedProbes += check.checkedProbes;
    meter?.advance(report.checkedProbes);
    report.problems.push(...check.problems);
    sealed.summary.unsealed.push(...check.unsealed);
    sealed.summary.proof.push(...check.proof);
    if (check.empty) empty.push(id);
  };
  stopIfAborted(signal);
  const threads = await bulkThreads(dir, ids, options.threads);
  const shared: PlanningContext = { dir, listed, sealed: { ...sealed, problems: [] } };
  const pool = threads > 0 ? await startPool(VERIFY_WORKER, { size: threads, data: shared }) : null;
  options.onThreads?.(pool?.size ?? 0);
  if (pool) {
    // Each planning on a worker thread, its section held meanwhile; the results merged in the order of `ids`.
    const { exclusive } = options;
    try {
      await pool.run<string, never, PlanningCheck>({
        tasks: ids,
        ...(exclusive ? { around: (index: number, run: () => Promise<void>) => exclusive(ids[index] ?? '', run) } : {}),
        // Once stopped, the plannings the threads finish are not told: nothing more is checked for the person.
        onDone: (check, index) => {
          if (!signal?.aborted) merge(ids[index] ?? '', check);
        },
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      stopIfAborted(signal);
      throw error;
    } finally {
      await pool.close();
    }
  } else {
    for (const id of ids) {
      stopIfAborted(signal);
      const task = (): Promise<PlanningCheck> => checkPlanning(shared, id, signal);
      merge(id, await (options.exclusive ? options.exclusive(id, task) : task()));
    }
  }
  for (const [file, states] of sealed.files) {
    const owner = /^plannings-history\/(.+)\.json$/.exec(file)?.[1];
    if (owner === undefined || (planningId !== undefined && owner !== planningId)) continue;
    await checkSealedFile(dir, file, states, (entry) => report.problems.push({ planningId: owner, ...entry }));
  }
  // Stopped after its last planning is still stopped: a report comes only from a check that was let finish.
  stopIfAborted(signal);
  if (listed) report.emptyPlannings = empty;
  // A folder never sealed says nothing about seals (older data folders, tests of the chain alone).
  if (sealed.summary.count > 0) report.seals = sealed.summary;
  meter?.finish(report.checkedProbes);
  report.ok = report.problems.length === 0;
  return report;
}
