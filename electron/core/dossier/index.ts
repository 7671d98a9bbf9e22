// The dossier de preuves: a BagIt ZIP with a PDF summary, for a lawyer to attach.
export { buildDossier, pdfPathFor, type DossierOptions, type DossierProgress, type DossierResult } from './build.js';
export { defaultPeriod, resolvePeriod, type Period } from '../report/period.js';
export { readProbePageText, readProbeScreenshot } from './evidence.js';
