// A dossier that carries records: only what its seal signs is imported. The files the check reads are copied as
// they stream by (extract.ts), the CSV read at the same time within the import's limits (and the line of each
// probe noted, for the provenance), then the seals' own check of a dossier (seals/bag-check.ts, the rules of
// dossier/README.md and of `verify`: roots and keys pinned outside the bag) decides. Anything it finds wrong
// refuses the dossier whole; otherwise its period records are imported, each to the planning that has the same
// identity here (address and guichet), with the association the signed seal names and the key's fingerprint.
import type { ImportSeal, Planning, Probe } from '../../shared/domain.js';
import { coreMessage } from '../../shared/messages/index.js';
import { coreError } from '../errors.js';
import { BAG_DIRS, checkBag, type BagCheck, type BagPlanning, type TrustSet } from '../seals/index.js';
import { DOSSIER_CSV, type CheckedBag, type EntryUse } from './bag-reader.js';
import type { DossierContext, DossierOutcome } from './dossier.js';
import { createExtraction } from './extract.js';
import { identityMatch, sameAddress } from './match.js';
import { IMPORT_LIMITS } from './limits.js';
import { excerpt, importError } from './problems.js';
import { csvRows, isHttpUrl, type ImportRow } from './rows.js';

/** The folders of data/ whose files the check reads. */
const CHECKED = [BAG_DIRS.records, BAG_DIRS.chainage, BAG_DIRS.history, BAG_DIRS.seals].map((folder) => `data/${folder}/`);

export interface SignedContext extends DossierContext {
  plannings: readonly Planning[];
  given: Planning | null;
  trust: TrustSet;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLOT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/**
 * The record as a row to place: the signed values, the CSV's line for the provenance. Signed is not well made: a
 * record of another installation is held to the forms the import stores, as a CSV row is.
 */
function rowOf(probe: Probe, line: number): ImportRow {
  const wellMade =
    DATE.test(probe.localDate) &&
    /^\d{2}:\d{2}/.test(probe.localTime) &&
    !Number.isNaN(Date.parse(probe.startedAt)) &&
    probe.startedAt.length <= 40 &&
    [probe.firstSlot, probe.secondSlot].every((slot) => slot === null || SLOT.test(slot)) &&
    isHttpUrl(probe.url) &&
    probe.url.length <= IMPORT_LIMITS.cell;
  if (!wellMade) throw importError('import.record_malformed', { id: excerpt(probe.id) });
  return {
    line,
    departement: '',
    planning: '',
    localDate: probe.localDate,
    localTime: probe.localTime.slice(0, 5),
    startedAt: probe.startedAt,
    outcome: probe.outcome,
    firstSlot: probe.firstSlot,
    secondSlot: probe.secondSlot,
    url: probe.url,
    id: probe.id,
    category: probe.category,
    capture: probe.screenshot?.sha256 ?? null,
    provenance: null,
  };
}

/** The planning here of a planning of the dossier: its identity, sealed; the one given must have it too. */
function planningHere(planning: BagPlanning, context: SignedContext): Planning {
  const identity = planning.identity;
  const params = { label: excerpt(identity?.label ?? planning.id), url: excerpt(identity?.url ?? '?', 120), guichet: excerpt(identity?.guichetLabel ?? identity?.guichet ?? '—') };
  if (!identity) throw importError('import.identity_unsealed', params);
  const wanted = { id: planning.id, url: identity.url, guichet: identity.guichet, label: identity.label, departement: identity.departement };
  if (context.given) {
    const { given } = context;
    if (!sameAddress(given.url, identity.url) || (given.guichet ?? null) !== (identity.guichet ?? null)) throw importError('import.identity_differs', params);
    return given;
  }
  const found = identityMatch(context.plannings, wanted);
  if (!found) throw importError('import.identity_unknown', params);
  return found;
}

/** From when a record is proven: the span of the planning's proof it falls in. */
function provenFrom(planning: BagPlanning, probe: Probe): string | null {
  const { proof } = planning;
  const spans = [proof.inTime, ...proof.late, proof.unproven, proof.beforeFirstSeal];
  const span = spans.find((candidate) => candidate && candidate.first <= probe.startedAt && probe.startedAt <= candidate.last);
  return span?.provenFrom ?? null;
}

/** Reads a dossier's records as readBag streams them by, then checks them whole: see the file's header. */
export async function signedReader(context: SignedContext): Promise<{ useOf: (name: string) => EntryUse | null; finish(bag: CheckedBag): Promise<DossierOutcome>; dispose(): Promise<void> }> {
  const { limits, placer } = context;
  const extraction = await createExtraction(limits);
  const lines = new Map<string, number>();
  const useOf = (name: string): EntryUse | null => {
    if (name === DOSSIER_CSV) {
      // Read within the import's limits as it is copied; the check then compares it with the records.
      return extraction.use(name, limits.csvBytes, async (chunks) => {
        for await (const row of csvRows({ entry: DOSSIER_CSV, chunks }, limits)) if (row.id && row.provenance === null) lines.set(row.id, row.line);
      });
    }
    if (!CHECKED.some((folder) => name.startsWith(folder))) return null;
    return extraction.use(name, name.startsWith(`data/${BAG_DIRS.seals}/`) ? limits.sealBytes : limits.recordsBytes);
  };
  async function finish(bag: CheckedBag): Promise<DossierOutcome> {
    const tags = new Map([
      ['manifest-sha256.txt', bag.manifest],
      ['bag-info.txt', bag.infoText],
    ]);
    const check: BagCheck = await checkBag(
      {
        list: () => [...tags.keys(), ...extraction.names()],
        read: async (name) => (tags.has(name) ? Buffer.from(tags.get(name) ?? '', 'utf8') : extraction.read(name)),
      },
      context.trust,
    );
    const closing = check.closing;
    const key = check.key?.fingerprint ?? closing?.key;
    if (!check.ok || !closing || !key) {
      // The check's first problem, as its code: worded in the reader's language inside the refusal.
      const problem = check.problems[0]?.said ?? coreMessage('verify.dossier_no_seal');
      throw coreError('invalid_input', { code: 'import.dossier_refused', nested: { problem } });
    }
    const targets = check.plannings.map((planning) => ({ planning, here: planningHere(planning, context) }));
    const association = closing.association || null;
    placer.signedBy(association);
    for (const { planning, here } of targets) {
      for (const probe of planning.records) {
        const sealed: ImportSeal = { seal: closing.name, key, provenFrom: provenFrom(planning, probe), record: probe.hash };
        await placer.place({ row: rowOf(probe, lines.get(probe.id) ?? 0), planning: here, sealed, key: probe.id });
      }
    }
    return { sealed: { seal: closing.name, key, association, provenFrom: closing.provenFrom }, unsigned: check.importedRows };
  }
  return { useOf, finish, dispose: () => extraction.dispose() };
}
