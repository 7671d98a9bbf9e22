// The dossier de preuves: a BagIt ZIP with a PDF summary and its own verifier, for a lawyer to attach (README.md).
export { buildDossier, pdfPathFor, type DossierOptions, type DossierProgress, type DossierResult } from './build.js';
export { defaultPeriod, resolvePeriod, type Period } from '../report/period.js';
export { readProbePageText, readProbeScreenshot } from './evidence.js';
