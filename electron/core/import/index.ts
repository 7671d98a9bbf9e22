// Import (a La Cimade CSV, another association's dossier de preuves) and the imported area it fills.
export { forgetImported, importedMonths, importedProbes, importedProbesOf, IMPORTED_DIR, withImportedProbes } from '../store/imported.js';
export { importFile, type ImportOptions } from './import-file.js';
export { IMPORT_LIMITS, type ImportLimits } from './limits.js';
export { csvRows, type ImportRow } from './rows.js';
export { IMPORT_HEAP_MB, runImport, type RunOptions } from './run.js';
