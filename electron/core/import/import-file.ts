// Import: a CSV in La Cimade's published layout, or another association's dossier de preuves, for plannings this
// data folder follows. Everything is read as a stream within the limits of limits.ts, and checked whole before the
// batch it writes as it goes is made visible. Rows are matched to plannings (match.ts) and placed by time
// (place.ts). What no signature vouches for (a CSV, a dossier without records) is kept marked « non scellé »; a
// dossier's records are believed only as far as its seal and tokens prove them (dossier.ts).
import path from 'node:path';
import type { ImportResult } from '../../shared/api.js';
import type { ProbeProvenance } from '../../shared/domain.js';
import { shippedTrust, type TrustSet } from '../seals/index.js';
import type { Store } from '../store/index.js';
import { DOSSIER_CSV } from './bag-reader.js';
import { readDossier } from './dossier.js';
import { IMPORT_LIMITS, type ImportLimits } from './limits.js';
import { givenPlanning, rowMatcher } from './match.js';
import { createPlacer } from './place.js';
import { excerpt, importError } from './problems.js';
import { csvRows } from './rows.js';
import { fileChunks, fileSha256, openChosen } from './source.js';

export interface ImportOptions {
  /** Every row goes to this planning, whatever its name in the file. */
  planningId?: string;
  /** Who made the file, as the person says (a CSV says nothing; a dossier's signed seal says it). */
  association?: string;
  /** The file's name as the person knows it (an upload's), for the provenance and the messages; else the path's. */
  name?: string;
  now: Date;
  limits?: ImportLimits;
  /** The time-stamping roots a dossier's tokens must reach, as for `verify`; else those shipped with Guichets. */
  trust?: TrustSet;
}

/** A file's name as messages and the provenance show it: printable, 120 characters at most. */
const shownName = (name: string): string => excerpt(name, 120) || 'fichier';

export async function importFile(store: Store, file: string, options: ImportOptions): Promise<ImportResult> {
  const limits = options.limits ?? IMPORT_LIMITS;
  const plannings = await store.plannings.list();
  // Refused before the file is read: a wrong id costs nothing.
  const given = options.planningId ? givenPlanning(plannings, options.planningId) : null;
  const chosen = await openChosen(file, limits);
  try {
    const name = shownName(options.name ?? path.basename(file));
    const source: Omit<ProbeProvenance, 'line'> = {
      kind: chosen.kind,
      file: name,
      sha256: await fileSha256(chosen),
      association: options.association?.trim() || null,
      importedAt: options.now.toISOString(),
    };
    const placer = createPlacer(store, source);
    const byName = rowMatcher(plannings, chosen.kind === 'csv' ? name : DOSSIER_CSV);
    const planningOf = given ? () => given : byName;
    try {
      let outcome: Pick<ImportResult, 'sealed' | 'unsigned'> = { sealed: null, unsigned: 0 };
      if (chosen.kind === 'csv') {
        for await (const row of csvRows({ entry: name, chunks: fileChunks(chosen, limits.csvBytes) }, limits)) await placer.place({ row, planning: planningOf(row) });
      } else {
        outcome = await readDossier(chosen, { limits, placer, planningOf, plannings, given, trust: options.trust ?? shippedTrust() });
      }
      const original = { chunks: () => fileChunks(chosen, Number.MAX_SAFE_INTEGER), ext: chosen.kind === 'dossier' ? 'zip' : 'csv', changed: () => importError('import.changed_while_read') };
      return await placer.commit(original, outcome);
    } catch (error) {
      await placer.abort();
      throw error;
    }
  } finally {
    await chosen.handle.close();
  }
}
