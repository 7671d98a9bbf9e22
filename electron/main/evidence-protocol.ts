import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVIDENCE_DIR } from '../shared/domain.js';

export const EVIDENCE_SCHEME = 'guichets-evidence';

/** Must run before the app is ready. */
export function registerEvidenceScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: EVIDENCE_SCHEME, privileges: { standard: true, secure: true } }]);
}

/**
 * Screenshots and page texts of the probes, read-only, for the UI: `guichets-evidence://evidence/<path>`, where
 * <path> is a probe artefact's path relative to the data folder's evidence folder. Nothing outside it is served.
 */
export function setupEvidenceProtocol(evidenceDir: () => string): void {
  protocol.handle(EVIDENCE_SCHEME, (request) => {
    const root = path.resolve(evidenceDir());
    const url = new URL(request.url);
    const file = path.resolve(root, decodeURIComponent(url.pathname).replace(/^\/+/, ''));
    if (url.host !== EVIDENCE_DIR || !file.startsWith(root + path.sep)) {
      return new Response('Forbidden', { status: 403 });
    }
    return net.fetch(pathToFileURL(file).toString());
  });
}
