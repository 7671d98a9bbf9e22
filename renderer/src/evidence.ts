// Where the UI finds a probe's evidence: the desktop app serves the data folder's evidence through its own
// protocol (a page loaded from a file cannot read other files); the web host serves it at /evidence/.
import { EVIDENCE_DIR, type Probe, type ProbeArtefact } from '../../electron/shared/domain';
import { captionedPath } from '../../electron/shared/evidence-paths';

export const EVIDENCE_PROTOCOL = 'guichets-evidence:';
const FOLDER = `${EVIDENCE_DIR}/`;

/** Address of an artefact (path relative to the data folder), or null when it is not in the evidence folder. */
export function evidenceUrl(artefact: Pick<ProbeArtefact, 'path'> | null, desktop: boolean): string | null {
  const path = artefact?.path;
  if (!path?.startsWith(FOLDER)) return null;
  const segments = path.slice(FOLDER.length).split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  const encoded = segments.map(encodeURIComponent).join('/');
  return desktop ? `${EVIDENCE_PROTOCOL}//${EVIDENCE_DIR}/${encoded}` : `./${EVIDENCE_DIR}/${encoded}`;
}

/**
 * Address of a probe's captioned screenshot: drawn by the host from the capture and the record when the record
 * carries its caption, else (records made before) the stored PNG, whose caption is burned in.
 */
export function screenshotUrl(
  probe: Pick<Probe, 'caption' | 'planningId' | 'localDate' | 'id'> & { screenshot: Pick<ProbeArtefact, 'path'> | null },
  desktop: boolean,
): string | null {
  if (!probe.screenshot) return null;
  return evidenceUrl(probe.caption ? { path: captionedPath(probe) } : probe.screenshot, desktop);
}
