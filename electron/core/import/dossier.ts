// A dossier de preuves to import: the bag checked whole (bag-reader.ts), then what its rows are worth. Without
// records (a dossier made before they were carried), its CSV is all there is: imported as it streams by, « non
// scellé », whoever bag-info.txt says made it.
import type { ImportResult } from '../../shared/api.js';
import type { Planning } from '../../shared/domain.js';
import { BAG_DIRS } from '../seals/index.js';
import { DOSSIER_CSV, readBag, type EntryUse } from './bag-reader.js';
import type { ImportLimits } from './limits.js';
import type { Placer } from './place.js';
import { importError } from './problems.js';
import { csvRows, type ImportRow } from './rows.js';
import { signedReader, type SignedContext } from './signed.js';
import type { ChosenFile } from './source.js';

export interface DossierContext {
  limits: ImportLimits;
  placer: Placer;
  planningOf: (row: ImportRow) => Planning;
}

/** What the dossier's signature covers, for the result. */
export type DossierOutcome = Pick<ImportResult, 'sealed' | 'unsigned'>;

/** The folder of a dossier's period records: when it is there, only what the seal signs is imported. */
const RECORDS = `data/${BAG_DIRS.records}`;

export async function readDossier(chosen: ChosenFile, context: DossierContext & Omit<SignedContext, keyof DossierContext>): Promise<DossierOutcome> {
  const { limits, placer } = context;
  const read = { csv: false };
  const unsigned = (name: string): EntryUse | null => {
    if (name !== DOSSIER_CSV) return null;
    return {
      max: limits.csvBytes,
      read: async (chunks) => {
        read.csv = true;
        for await (const row of csvRows({ entry: DOSSIER_CSV, chunks }, limits)) await placer.place({ row, planning: context.planningOf(row) });
      },
    };
  };
  const signed = await signedReader(context);
  try {
    const kind = { withRecords: false };
    const bag = await readBag(
      chosen.handle,
      chosen.size,
      (folders) => {
        kind.withRecords = folders.has(RECORDS);
        return kind.withRecords ? signed.useOf : unsigned;
      },
      limits,
    );
    if (kind.withRecords) return await signed.finish(bag);
    if (!read.csv) throw importError('import.bag_missing', { entry: DOSSIER_CSV });
    return { sealed: null, unsigned: 0 };
  } finally {
    await signed.dispose();
  }
}
