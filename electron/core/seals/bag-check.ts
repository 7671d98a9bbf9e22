// A dossier de preuves checked from its own files and the trusted roots alone, as its verifier.py does (see
// electron/core/dossier/README.md): records re-hashed and chained up to the closing seal's head, the CSV against
// the records, artefacts by their SHA-256 in the manifest, gap and history files against the seal, each seal's
// signature and key, each token against the roots, and from when each record of the period is proven. For the
// importer (which reads nothing that this has not checked) and for the tests.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Probe } from '../../shared/domain.js';
import type { CoreMessage, MessageCode, MessageParams } from '../../shared/messages/index.js';
import { saidInFrench } from '../messages.js';
import { dateOf, timeOf } from '../stats/calendar.js';
import { hashRecord } from '../store/chain.js';
import { versionAt, type PlanningVersion } from '../store/history.js';
import { gapsDigest, prefixDigest, SEAL_FORMAT, sealNameOfFile, sealNameOfToken, type SealContent } from './format.js';
import { fingerprintOf } from './keys.js';
import { checkOneSeal, pinKeys, type SealCheck } from './one-seal.js';
import type { PlanningProof } from './check.js';
import { planningProof } from './proof.js';
import type { TrustSet } from './trust.js';

/** The bag's folders inside data/ (README.md). */
export const BAG_DIRS = {
  records: 'enregistrements',
  chainage: 'chainage',
  history: 'historique',
  logs: 'journaux',
  seals: 'scellements',
  keys: 'scellements/cles',
  roots: 'scellements/racines',
} as const;

/** What checkBag reads: paths relative to the bag's top folder, forward slashes. */
export interface BagFiles {
  /** Every file of the bag. */
  list(): readonly string[];
  /** A file's bytes (the small ones: records, CSV, seals, tokens, keys, manifests); null when absent. */
  read(path: string): Promise<Buffer | null>;
}

export interface BagPlanning {
  id: string;
  /** The planning's versions (label, préfecture, address, guichet…) sealed by the closing seal, oldest first. */
  versions: PlanningVersion[];
  /** The last sealed version: who this planning is. Null when the closing seal does not seal its history. */
  identity: PlanningVersion | null;
  /** The period's records, checked, in chain order. */
  records: Probe[];
  /** Records carried to link the period to the seal, not counted. */
  chainage: number;
  /** From when the period's records are proven. */
  proof: PlanningProof;
}

/** What is wrong: as a code (`said`, worded in the reader's language) and in French. */
export interface BagProblem {
  said: CoreMessage;
  message: string;
}

type Problems = BagProblem[];

/** Notes a problem of the bag's own (its seals' come said already). */
const note = (problems: Problems, code: Extract<MessageCode, `verify.dossier_${string}`>, params?: MessageParams): void => {
  problems.push(saidInFrench(code, params));
};

export interface BagCheck {
  ok: boolean;
  /** The first ones first; empty when everything holds. */
  problems: BagProblem[];
  period: { from: string; to: string } | null;
  /** The newest seal carried, which covers the period: its association, key, time proven. */
  closing: { name: string; createdAt: string; association: string | null; key: string; provenFrom: string | null; late: boolean } | null;
  /** The installation key of the closing seal, and the first trusted-stamped seal carried, which pins it. */
  key: { fingerprint: string; pinnedBy: { seal: string; at: string } | null } | null;
  seals: SealCheck[];
  plannings: BagPlanning[];
  /** CSV rows of imported probes (with a provenance): another source's, sealed by nobody here. */
  importedRows: number;
}

const RECORD_FILE = /^data\/(enregistrements|chainage)\/([A-Za-z0-9][A-Za-z0-9._-]{0,127})\/(\d{4}-\d{2})\/(\d{4}-\d{2}-\d{2}|gaps)\.json$/;
const NULL = 'NULL';
const FORMULA = /^[-=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** `<sha256>  <path>` lines (RFC 8493 §2.1.3, CR, LF and % percent-encoded). */
export function parseManifest(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split(/\r\n|\n|\r/)) {
    const match = /^([0-9a-fA-F]{64})[ \t]+(.+)$/.exec(line);
    if (match?.[1] && match[2]) entries.set(match[2].replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%'), match[1].toLowerCase());
  }
  return entries;
}

function parseInfo(text: string): Map<string, string> {
  const info = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([^:\s][^:]*):\s*(.*)$/.exec(line);
    if (match?.[1] && !info.has(match[1])) info.set(match[1], match[2] ?? '');
  }
  return info;
}

/** A CSV cell as Guichets' export writes it (csv-stringify's escape_formulas: a leading ' before =, +, -, @). */
const cell = (value: string): string => (FORMULA.test(value) ? `'${value}` : value);

/** The CSV row a record must have (export/rows.ts, La Cimade's columns then Guichets'), provenance NULL. */
function expectedRow(probe: Probe, place: PlanningVersion | undefined): Record<string, string> {
  const hour = (slot: string | null): string => (slot && slot.length > 10 ? timeOf(slot) : NULL);
  return {
    departement: place?.departement ?? NULL,
    planning: place?.label ?? NULL,
    date_sondage: probe.localDate,
    heure_sondage: probe.localTime.slice(0, 5),
    premiere_date: probe.firstSlot ? dateOf(probe.firstSlot) : NULL,
    deuxieme_date: probe.secondSlot ? dateOf(probe.secondSlot) : NULL,
    resultat: probe.outcome,
    categorie: probe.category ?? NULL,
    premiere_heure: hour(probe.firstSlot),
    deuxieme_heure: hour(probe.secondSlot),
    prefecture: place?.prefecture ?? NULL,
    url: probe.url,
    id_sondage: probe.id,
    sha256_capture: probe.screenshot?.sha256 ?? NULL,
  };
}

interface Loaded {
  records: Map<string, { probe: Probe; period: boolean }[]>;
  gaps: Map<string, Map<string, unknown[]>>;
}

function parseJson(bytes: Buffer | null): unknown {
  try {
    return bytes ? (JSON.parse(bytes.toString('utf8')) as unknown) : null;
  } catch {
    return null;
  }
}

/** Checks a dossier's bag: see the file's header. `trust`: the roots a token must reach (never the bag's own). */
export async function checkBag(files: BagFiles, trust: TrustSet): Promise<BagCheck> {
  const problems: Problems = [];
  const result: BagCheck = { ok: false, problems, period: null, closing: null, key: null, seals: [], plannings: [], importedRows: 0 };
  const all = files.list();
  const manifestText = await files.read('manifest-sha256.txt');
  const manifest = parseManifest(manifestText?.toString('utf8') ?? '');
  if (!manifestText) note(problems, 'verify.dossier_no_manifest');
  const knownHashes = new Set(manifest.values());
  /** A payload file read here, checked against its manifest line (the caller checks the others). */
  const payload = async (path: string): Promise<Buffer | null> => {
    const bytes = await files.read(path);
    if (bytes === null) return null;
    const listed = manifest.get(path);
    if (listed !== sha256(bytes)) {
      note(problems, listed ? 'verify.dossier_file_altered' : 'verify.dossier_file_unlisted', { file: path });
      return null;
    }
    return bytes;
  };
  const info = parseInfo((await files.read('bag-info.txt'))?.toString('utf8') ?? '');
  const from = info.get('Period-Start');
  const to = info.get('Period-End');
  result.period = from && to ? { from, to } : null;

  // The seals carried, each checked alone, then as one installation.
  const sealFolder = `data/${BAG_DIRS.seals}`;
  const keys = new Map<string, KeyObject>();
  for (const path of all.filter((file) => file.startsWith(`data/${BAG_DIRS.keys}/`) && file.endsWith('.pub.pem'))) {
    try {
      const key = createPublicKey((await payload(path))?.toString('utf8') ?? '');
      keys.set(fingerprintOf(key), key);
    } catch {
      note(problems, 'verify.dossier_key_unreadable', { file: path });
    }
  }
  const sealNames = all
    .filter((file) => file.startsWith(`${sealFolder}/`) && !file.slice(sealFolder.length + 1).includes('/'))
    .map((file) => sealNameOfFile(file.slice(sealFolder.length + 1)))
    .filter((name): name is string => name !== undefined)
    .sort();
  for (const name of sealNames) {
    const tokens = all.filter((file) => file.startsWith(`${sealFolder}/`) && sealNameOfToken(file.slice(sealFolder.length + 1)) === name);
    const check = await checkOneSeal({
      name,
      bytes: await payload(`${sealFolder}/${name}.json`),
      signature: await payload(`${sealFolder}/${name}.sig`),
      files: { json: `${sealFolder}/${name}.json`, sig: `${sealFolder}/${name}.sig`, folder: sealFolder },
      tokens: await Promise.all(tokens.map(async (file) => ({ file: file.slice(sealFolder.length + 1), bytes: await payload(file) }))),
      keys,
      trust,
    });
    result.seals.push(check);
    problems.push(...check.problems.map(({ said, message }) => ({ said, message })));
  }
  const verdict = pinKeys(result.seals, (name) => `${sealFolder}/${name}.json`);
  problems.push(...verdict.problems.map(({ said, message }) => ({ said, message })));
  const accepted = result.seals.filter((check) => check.content && check.signed && verdict.accepted.has(check.name));
  const closing = accepted.at(-1);
  const content: SealContent | null = closing?.content ?? null;
  if (!closing || !content) {
    note(problems, 'verify.dossier_no_seal');
    return finish(result);
  }
  result.closing = {
    name: closing.name,
    createdAt: content.createdAt,
    association: content.format === SEAL_FORMAT ? content.association : null,
    key: content.installationKey,
    provenFrom: closing.provenFrom,
    late: closing.late,
  };
  result.key = { fingerprint: verdict.fingerprint ?? content.installationKey, pinnedBy: verdict.pinnedBy };

  // The records, re-hashed, by planning.
  const loaded: Loaded = { records: new Map(), gaps: new Map() };
  for (const path of all) {
    const match = RECORD_FILE.exec(path);
    if (!match) continue;
    const [, place = '', planningId = '', month = '', day = ''] = match;
    const parsed = parseJson(await payload(path)) as { probes?: unknown; gaps?: unknown } | null;
    if (day === 'gaps') {
      if (!Array.isArray(parsed?.gaps)) note(problems, 'verify.dossier_gaps_unreadable', { file: path });
      else loaded.gaps.set(planningId, (loaded.gaps.get(planningId) ?? new Map<string, unknown[]>()).set(month, parsed.gaps));
      continue;
    }
    if (!Array.isArray(parsed?.probes)) {
      note(problems, 'verify.dossier_records_unreadable', { file: path });
      continue;
    }
    const list = loaded.records.get(planningId) ?? [];
    for (const probe of parsed.probes as Probe[]) {
      if (hashRecord(probe) !== probe.hash) note(problems, 'verify.dossier_record_altered', { file: path, probe: probe.id });
      else if (probe.planningId !== planningId) note(problems, 'verify.dossier_record_elsewhere', { file: path, probe: probe.id, planning: probe.planningId });
      else list.push({ probe, period: place === BAG_DIRS.records });
    }
    loaded.records.set(planningId, list);
  }

  const csv = await checkCsvRows(files, payload, problems);
  result.importedRows = csv.imported;
  const rows = csv.rows;
  for (const [planningId, list] of [...loaded.records].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const planning = await checkPlanning(planningId, list, loaded.gaps.get(planningId) ?? new Map(), content, accepted, result, payload, problems);
    if (!planning) continue;
    result.plannings.push(planning);
    for (const probe of planning.records) {
      const row = rows.get(probe.id);
      if (!row) {
        note(problems, 'verify.dossier_csv_row_missing', { probe: probe.id, date: probe.localDate, time: probe.localTime.slice(0, 5), planning: planningId });
        continue;
      }
      rows.delete(probe.id);
      const expected = expectedRow(probe, versionAt(planning.versions, probe.startedAt));
      const differs = Object.entries(expected).find(([column, value]) => (row[column] ?? '') !== cell(value));
      if (differs) {
        const [column, value] = differs;
        note(problems, 'verify.dossier_csv_cell', { probe: probe.id, column, found: (row[column] ?? '').slice(0, 60), expected: cell(value).slice(0, 60) });
      }
    }
    for (const probe of planning.records) {
      for (const artefact of [probe.screenshot, probe.pageText, probe.log ?? null]) {
        if (artefact && !knownHashes.has(artefact.sha256)) note(problems, 'verify.dossier_artefact_missing', { probe: probe.id, sha256: artefact.sha256.slice(0, 16), file: artefact.path });
      }
    }
  }
  for (const id of rows.keys()) note(problems, 'verify.dossier_csv_row_unsealed', { probe: id });
  return finish(result);
}

function finish(result: BagCheck): BagCheck {
  result.ok = result.problems.length === 0;
  return result;
}

async function checkCsvRows(
  files: BagFiles,
  payload: (path: string) => Promise<Buffer | null>,
  problems: Problems,
): Promise<{ rows: Map<string, Record<string, string>>; imported: number }> {
  const rows = new Map<string, Record<string, string>>();
  let imported = 0;
  if ((await files.read('data/sondages.csv')) === null) return { rows, imported };
  const bytes = await payload('data/sondages.csv');
  if (!bytes) return { rows, imported };
  let parsed: Record<string, string>[];
  try {
    parsed = parse<Record<string, string>>(bytes, { bom: true, delimiter: ';', columns: true, relax_quotes: false });
  } catch {
    note(problems, 'verify.dossier_csv_unreadable');
    return { rows, imported };
  }
  for (const row of parsed) {
    if ((row.provenance ?? NULL) !== NULL) imported += 1;
    else if (row.id_sondage && rows.has(row.id_sondage)) note(problems, 'verify.dossier_csv_row_twice', { probe: row.id_sondage });
    else rows.set(row.id_sondage ?? '', row);
  }
  return { rows, imported };
}

/** One planning's chain from the closing seal's head back through the bag, its history and gaps against the seal. */
async function checkPlanning(
  planningId: string,
  list: readonly { probe: Probe; period: boolean }[],
  gaps: ReadonlyMap<string, unknown[]>,
  seal: SealContent,
  accepted: readonly SealCheck[],
  result: BagCheck,
  payload: (path: string) => Promise<Buffer | null>,
  problems: Problems,
): Promise<BagPlanning | null> {
  const sealed = seal.plannings[planningId];
  if (!sealed?.head) {
    note(problems, 'verify.dossier_planning_unsealed', { planning: planningId, seal: result.closing?.name ?? '?' });
    return null;
  }
  const byHash = new Map(list.map((entry) => [entry.probe.hash, entry]));
  const line: { probe: Probe; period: boolean }[] = [];
  const seen = new Set<string>();
  for (let hash: string | null = sealed.head; hash !== null && !seen.has(hash); ) {
    const entry = byHash.get(hash);
    if (!entry) break;
    seen.add(hash);
    line.push(entry);
    hash = entry.probe.previousHash;
  }
  line.reverse();
  if (!byHash.has(sealed.head)) note(problems, 'verify.dossier_head_missing', { planning: planningId, probe: sealed.lastProbeId ?? '?' });
  for (const entry of list) {
    if (!seen.has(entry.probe.hash) && entry.period) {
      const { id, localDate, localTime } = entry.probe;
      note(problems, 'verify.dossier_record_off_chain', { planning: planningId, probe: id, date: localDate, time: localTime.slice(0, 5) });
    }
  }
  const oldest = line[0];
  if (oldest && oldest.probe.previousHash !== null && oldest.period) {
    note(problems, 'verify.dossier_period_start_cut', { planning: planningId, probe: oldest.probe.id });
  }
  if (oldest?.probe.previousHash === null && line.length !== sealed.probes) {
    // Counts as text, as they were always written (a number would be grouped by the locale: « 61 000 »).
    note(problems, 'verify.dossier_count', { planning: planningId, count: String(sealed.probes), found: String(line.length) });
  }
  const newest = line.at(-1)?.probe;
  if (newest && newest.id !== sealed.lastProbeId) note(problems, 'verify.dossier_head_other', { planning: planningId, expected: sealed.lastProbeId ?? '?', probe: newest.id });
  // Records of the period are one run of the chain, and every chained record of the stated period is among them.
  const firstPeriod = line.findIndex((entry) => entry.period);
  const lastPeriod = line.findLastIndex((entry) => entry.period);
  const inside = firstPeriod >= 0 ? line.slice(firstPeriod, lastPeriod + 1) : [];
  const moved = inside.find((entry) => !entry.period) ?? (result.period ? line.find((entry) => !entry.period && entry.probe.localDate >= (result.period?.from ?? '') && entry.probe.localDate <= (result.period?.to ?? '')) : undefined);
  if (moved) note(problems, 'verify.dossier_record_misfiled', { planning: planningId, probe: moved.probe.id, date: moved.probe.localDate });

  // Who the planning is: its history, as sealed.
  let versions: PlanningVersion[] = [];
  const historyPath = `data/${BAG_DIRS.history}/${planningId}.json`;
  const history = parseJson(await payload(historyPath)) as { versions?: unknown } | null;
  const digest = seal.format === SEAL_FORMAT ? seal.history[planningId] : undefined;
  if (!Array.isArray(history?.versions)) note(problems, 'verify.dossier_history_unreadable', { file: historyPath });
  else if (seal.format === SEAL_FORMAT && (!digest || prefixDigest(history.versions, digest.count).sha256 !== digest.sha256)) {
    note(problems, 'verify.dossier_history_altered', { file: historyPath });
  } else {
    versions = (history.versions as PlanningVersion[]).slice(0, digest?.count ?? history.versions.length);
  }
  if (seal.format === SEAL_FORMAT && seal.gaps[planningId]) {
    const sealedGaps = seal.gaps[planningId];
    if (gapsDigest(gaps, sealedGaps.months).sha256 !== sealedGaps.sha256) {
      note(problems, 'verify.dossier_gaps_altered', { planning: planningId });
    }
  }

  // From when each record is proven: the first trusted token of a carried seal whose head is it or a later one.
  const chains = accepted
    .filter((check) => check.content?.plannings[planningId])
    .map((check) => ({ seal: check.name, createdAt: check.content?.createdAt ?? '', value: check.content?.plannings[planningId] ?? { head: null, lastProbeId: null, probes: 0 }, provenFrom: check.provenFrom }));
  const records = inside.filter((entry) => entry.period).map((entry) => entry.probe);
  return {
    id: planningId,
    versions,
    identity: versions.at(-1) ?? null,
    records,
    chainage: line.length - records.length,
    proof: periodProof(planningId, line, chains),
  };
}

/** The proof of the period's records alone: each seal's head taken back to the newest period record it covers. */
export function periodProof(planningId: string, line: readonly { probe: Probe; period: boolean }[], chains: Parameters<typeof planningProof>[2]): PlanningProof {
  const inPeriod = line.filter((entry) => entry.period);
  const hashes = new Set(inPeriod.map((entry) => entry.probe.hash));
  return planningProof(
    planningId,
    inPeriod.map(({ probe }) => ({ hash: probe.hash, startedAt: probe.startedAt })),
    chains.map((chain) => ({ ...chain, value: { ...chain.value, head: lastCoveredPeriodHash(line, chain.value.head, hashes) } })),
    null,
  );
}

/** The newest period record a head covers (itself, or the period's last record when the head is after it). */
function lastCoveredPeriodHash(line: readonly { probe: Probe; period: boolean }[], head: string | null, period: ReadonlySet<string>): string | null {
  const at = line.findIndex((entry) => entry.probe.hash === head);
  if (at < 0) return null;
  for (let index = at; index >= 0; index -= 1) {
    const hash = line[index]?.probe.hash;
    if (hash !== undefined && period.has(hash)) return hash;
  }
  return null;
}
