// A dossier de preuves to import: the bag checked whole (bag-reader.ts), then what its rows are worth. Without
// records (a dossier made before they were carried), its CSV is all there is: imported as it streams by, « non
// scellé », whoever bag-info.txt says made it.
import type { ImportResult } from '../../shared/api.js';
import type { Planning } from '../../shared/domain.js';
import { readBag, type EntryUse } from './bag-reader.js';
import type { ImportLimits } from './limits.js';
import type { Placer } from './place.js';
import { importError } from './problems.js';
import { csvRows, type ImportRow } from './rows.js';
import type { ChosenFile } from './source.js';

/** The CSV's entry in a dossier. */
export const DOSSIER_CSV = 'data/sondages.csv';

export interface DossierContext {
  limits: ImportLimits;
  placer: Placer;
  planningOf: (row: ImportRow) => Planning;
}

/** What the dossier's signature covers, for the result. */
export type DossierOutcome = Pick<ImportResult, 'sealed' | 'unsigned'>;

export async function readDossier(chosen: ChosenFile, context: DossierContext): Promise<DossierOutcome> {
  const { limits, placer } = context;
  const read = { csv: false };
  const plan = (): ((name: string) => EntryUse | null) => (name) => {
    if (name !== DOSSIER_CSV) return null;
    return {
      max: limits.csvBytes,
      read: async (chunks) => {
        read.csv = true;
        for await (const row of csvRows({ entry: DOSSIER_CSV, chunks }, limits)) await placer.place({ row, planning: context.planningOf(row) });
      },
    };
  };
  await readBag(chosen.handle, chosen.size, plan, limits);
  if (!read.csv) throw importError('import.bag_missing', { entry: DOSSIER_CSV });
  return { sealed: null, unsigned: 0 };
}
