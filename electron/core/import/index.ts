// Import: a CSV in La Cimade's published layout, or another association's dossier de preuves, for
// plannings this data folder follows. Rows are matched to plannings (by id given, address, or département and
// name) and by time; a row already there (the robot's own probe or an earlier import at the same minute) is not
// added again. Everything is checked before anything is written; the batch is then written whole.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportResult } from '../../shared/api.js';
import type { Planning, Probe, ProbeProvenance } from '../../shared/domain.js';
import { hashRecord } from '../store/index.js';
import { AppError } from '../errors.js';
import { categoryOf, monthOf } from '../stats/index.js';
import type { Store } from '../store/index.js';
import { batchHash, importedProbes, writeBatch, type ImportBatch } from '../store/imported.js';
import { readCheckedBag } from './bag-reader.js';
import { parseImportCsv, refused, type ImportRow } from './rows.js';

export { forgetImported, importedMonths, importedProbes, importedProbesOf, IMPORTED_DIR, withImportedProbes } from '../store/imported.js';
export { parseImportCsv } from './rows.js';

export interface ImportOptions {
  /** Every row goes to this planning, whatever its name in the file. */
  planningId?: string;
  /** Who made the file, when it does not say (a CSV). */
  association?: string;
  now: Date;
}

const MAX_BYTES = 512 * 1024 * 1024;

const normalized = (text: string): string =>
  text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function matcher(plannings: Planning[], planningId: string | undefined): (row: ImportRow) => Planning {
  if (planningId) {
    const planning = plannings.find((candidate) => candidate.id === planningId);
    if (!planning) throw new AppError('not_found', `Aucun planning « ${planningId} » : vérifiez son identifiant (npm run cli -- stats).`);
    return () => planning;
  }
  const byUrl = new Map(plannings.map((planning) => [planning.url, planning]));
  const byName = new Map(plannings.map((planning) => [`${planning.departement}|${normalized(planning.label)}`, planning]));
  return (row) => {
    const found = (row.url ? byUrl.get(row.url) : undefined) ?? byName.get(`${row.departement.toUpperCase()}|${normalized(row.planning)}`);
    if (!found) {
      throw refused(row.line, `planning « ${row.planning} » (département ${row.departement || '?'}) inconnu ici : créez-le d’abord avec le même nom, ou importez avec --planning ID`);
    }
    return found;
  };
}

const ENVIRONMENT: Probe['environment'] = {
  appVersion: '',
  browser: 'inconnu (import)',
  browserVersion: '',
  userAgent: '',
  freshProfile: false,
  timeSource: 'import',
  os: '',
};

function probeOf(row: ImportRow, planning: Planning, provenance: ProbeProvenance, fileSha: string): Probe {
  const unsigned: Omit<Probe, 'hash'> = {
    id: `imp-${fileSha.slice(0, 12)}-${row.line}`,
    planningId: planning.id,
    startedAt: row.startedAt,
    localDate: row.localDate,
    localTime: row.localTime,
    durationMs: 0,
    url: row.url ?? planning.url,
    finalUrl: null,
    outcome: row.outcome,
    firstSlot: row.firstSlot,
    secondSlot: row.secondSlot,
    category: categoryOf(row.localDate, row.firstSlot, row.secondSlot, row.outcome),
    detail: `Importé de « ${provenance.file} », ligne ${row.line}${provenance.association ? ` (${provenance.association})` : ''}`,
    httpStatus: null,
    screenshot: null,
    pageText: null,
    environment: ENVIRONMENT,
    trigger: 'import',
    previousHash: null,
    imported: provenance,
  };
  return { ...unsigned, hash: hashRecord(unsigned) };
}

export async function importFile(store: Store, file: string, options: ImportOptions): Promise<ImportResult> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('invalid_input', `Fichier introuvable : « ${file} ».`);
  if (info.size > MAX_BYTES) throw new AppError('invalid_input', `« ${file} » dépasse 512 Mo : découpez-le avant de l’importer.`);
  const bytes = await readFile(file);
  const fileSha = createHash('sha256').update(bytes).digest('hex');
  const isZip = bytes.subarray(0, 2).toString('latin1') === 'PK';
  let text: string;
  let association = options.association?.trim() || null;
  if (isZip) {
    const bag = await readCheckedBag(file);
    text = bag.csv;
    association = bag.info.get('Source-Organization')?.[0]?.trim() || association;
  } else {
    text = bytes.toString('utf8');
    if (text.includes('\uFFFD')) throw refused(1, 'le fichier n’est pas en UTF-8 (enregistrez-le en « CSV UTF-8 »)');
  }
  const rows = parseImportCsv(text);
  const planningOf = matcher(await store.plannings.list(), options.planningId);
  const importedAt = options.now.toISOString();
  const source: Omit<ProbeProvenance, 'line'> = { kind: isZip ? 'dossier' : 'csv', file: path.basename(file), sha256: fileSha, association, importedAt };

  // What is already there, per planning and month: the robot's probes and earlier imports, by minute.
  const taken = new Map<string, Set<string>>();
  async function takenIn(planningId: string, month: string): Promise<Set<string>> {
    const key = `${planningId}|${month}`;
    let set = taken.get(key);
    if (!set) {
      const [own, imported] = await Promise.all([store.probes.list(planningId, { month }), importedProbes(store.dir, planningId, month)]);
      set = new Set([...own, ...imported].map((probe) => `${probe.localDate} ${probe.localTime.slice(0, 5)}`));
      taken.set(key, set);
    }
    return set;
  }

  const probes: Probe[] = [];
  const byPlanning: Record<string, number> = {};
  let skipped = 0;
  for (const row of rows) {
    const planning = planningOf(row);
    const seen = await takenIn(planning.id, monthOf(row.localDate));
    const minute = `${row.localDate} ${row.localTime}`;
    if (seen.has(minute)) {
      skipped += 1;
      continue;
    }
    seen.add(minute);
    probes.push(probeOf(row, planning, { ...source, line: row.line }, fileSha));
    byPlanning[planning.id] = (byPlanning[planning.id] ?? 0) + 1;
  }
  if (probes.length > 0) {
    const unsigned: Omit<ImportBatch, 'hash'> = {
      id: `${importedAt.replace(/[-:.]/g, '').slice(0, 15)}Z-${fileSha.slice(0, 12)}`,
      importedAt,
      source,
      probes,
    };
    await writeBatch(store.dir, { ...unsigned, hash: batchHash(unsigned) }, { bytes, ext: isZip ? 'zip' : 'csv' });
  }
  return { added: probes.length, skipped, byPlanning };
}
