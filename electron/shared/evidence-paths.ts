// The address of a probe's captioned screenshot, drawn on demand from its stored capture and its record: the UI
// asks for it under the evidence folder (web host /evidence/, desktop protocol), the transports answer it.
import { EVIDENCE_DIR, type Probe } from './domain.js';

/** Not a planning id (those start with a letter or digit): no folder of the data folder can take this name. */
export const CAPTIONED_DIR = '_captioned';

/** `evidence/_captioned/<planning>/<YYYY-MM-DD>/<probe>.png`: enough to find the record in its day file. */
export function captionedPath(probe: Pick<Probe, 'planningId' | 'localDate' | 'id'>): string {
  return `${EVIDENCE_DIR}/${CAPTIONED_DIR}/${probe.planningId}/${probe.localDate}/${probe.id}.png`;
}

export interface CaptionedRequest {
  planningId: string;
  localDate: string;
  probeId: string;
}

/** The probe a path under the evidence folder names (`_captioned/…`, without the leading `evidence/`), or null. */
export function parseCaptionedPath(relative: string): CaptionedRequest | null {
  const match = /^_captioned\/([A-Za-z0-9][A-Za-z0-9._-]{0,127})\/(\d{4}-\d{2}-\d{2})\/([A-Za-z0-9][A-Za-z0-9._-]{0,127})\.png$/.exec(relative);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { planningId: match[1], localDate: match[2], probeId: match[3] };
}
