// Where each imported row goes: its planning (given by the caller), not twice at the same minute (the robot's own
// probe or an earlier import is there already), then into the batch as a probe marked with where it came from.
// Rows are placed one at a time as they are read: the batch is written as it goes (never made visible before the
// caller commits it), so an import of a hundred thousand rows holds none of them in memory.
import type { ImportResult } from '../../shared/api.js';
import type { ImportSeal, Planning, Probe, ProbeProvenance } from '../../shared/domain.js';
import { coreMessage } from '../../shared/messages/index.js';
import { wordCore } from '../messages.js';
import { categoryOf, monthOf } from '../stats/index.js';
import { hashRecord, type Store } from '../store/index.js';
import { importedProbes, openBatch, type BatchOriginal, type BatchWriter } from '../store/imported.js';
import type { ImportRow } from './rows.js';

/** A row to place, with what the import knows of it. */
export interface Placed {
  row: ImportRow;
  planning: Planning;
  /** What signs it; absent: « non scellé ». */
  sealed?: ImportSeal;
  /** What names it within the file when its line does not (a signed record: its id). */
  key?: string;
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

function probeOf({ row, planning, sealed, key }: Placed, provenance: ProbeProvenance, fileSha: string): Probe {
  const detailMessage = coreMessage('import.probe_detail', {
    file: provenance.file,
    line: row.line,
    by: provenance.association ? 'yes' : 'no',
    association: provenance.association ?? '',
    sealed: sealed ? 'yes' : 'no',
  });
  const unsigned: Omit<Probe, 'hash'> = {
    id: `imp-${fileSha.slice(0, 12)}-${key ?? row.line}`,
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
    detail: wordCore(detailMessage, 'fr'),
    detailMessage,
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

export interface Placer {
  /** The association a signed seal names, instead of what the person said: before the first row is placed. */
  signedBy(association: string | null): void;
  place(placed: Placed): Promise<void>;
  /** Makes the batch visible (when anything was added) and says what was done. */
  commit(original: BatchOriginal, extra: Pick<ImportResult, 'sealed' | 'unsigned'>): Promise<ImportResult>;
  abort(): Promise<void>;
}

export function createPlacer(store: Store, given: Omit<ProbeProvenance, 'line'>): Placer {
  const source = { ...given };
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
  const batchId = `${source.importedAt.replace(/[-:.]/g, '').slice(0, 15)}Z-${source.sha256.slice(0, 12)}`;
  let batch: BatchWriter | null = null;
  const byPlanning: Record<string, number> = {};
  let skipped = 0;

  return {
    signedBy(association) {
      if (batch) throw new Error('signedBy() after a row was placed');
      source.association = association ?? source.association;
    },
    async place(placed) {
      const { row, planning } = placed;
      const seen = await takenIn(planning.id, monthOf(row.localDate));
      const minute = `${row.localDate} ${row.localTime}`;
      if (seen.has(minute)) {
        skipped += 1;
        return;
      }
      seen.add(minute);
      batch ??= await openBatch(store.dir, { id: batchId, importedAt: source.importedAt, source });
      await batch.add(probeOf(placed, { ...source, line: row.line, ...(placed.sealed ? { sealed: placed.sealed } : {}) }, source.sha256));
      byPlanning[planning.id] = (byPlanning[planning.id] ?? 0) + 1;
    },
    async commit(original, extra) {
      const added = batch?.count ?? 0;
      if (batch) await batch.commit(original);
      return { added, skipped, byPlanning, ...extra };
    },
    async abort() {
      await batch?.abort();
    },
  };
}
