// Exports: the raw data CSV (DESIGN.md, "Raw data CSV").
export { CSV_COLUMNS, csvRow, exportCsvFile, writeCsv, writeCsvForPlannings } from './csv.js';
