import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVIDENCE_DIR } from '../shared/domain.js';
import { parseCaptionedPath } from '../shared/evidence-paths.js';

/** Draws a probe's captioned screenshot (Core.captionedScreenshot). */
export type CaptionedSource = (planningId: string, localDate: string, probeId: string) => Promise<Buffer | null>;

export const EVIDENCE_SCHEME = 'guichets-evidence';

/** Must run before the app is ready. */
export function registerEvidenceScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: EVIDENCE_SCHEME, privileges: { standard: true, secure: true } }]);
}

/**
 * Screenshots and page texts of the probes, read-only, for the UI: `guichets-evidence://evidence/<path>`, where
 * <path> is a probe artefact's path relative to the data folder's evidence folder. Nothing outside it is served.
 * `_captioned/<planning>/<day>/<probe>.png` is the probe's screenshot with its caption, drawn from its record.
 */
export function setupEvidenceProtocol(evidenceDir: () => string, captioned: CaptionedSource): void {
  protocol.handle(EVIDENCE_SCHEME, async (request) => {
    const root = path.resolve(evidenceDir());
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const wanted = url.host === EVIDENCE_DIR ? parseCaptionedPath(relative) : null;
    if (wanted) {
      const png = await captioned(wanted.planningId, wanted.localDate, wanted.probeId);
      return png ? new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } }) : new Response('Introuvable', { status: 404 });
    }
    const file = path.resolve(root, relative);
    if (url.host !== EVIDENCE_DIR || !file.startsWith(root + path.sep)) {
      return new Response('Forbidden', { status: 403 });
    }
    return net.fetch(pathToFileURL(file).toString());
  });
}
