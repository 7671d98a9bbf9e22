// The one place the dossier and the publication read a probe's evidence from. Screenshots may later be stored
// differently (content-addressed, caption drawn on demand): only these functions then change.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Probe, ProbeArtefact } from '../../shared/domain.js';
import { insideDir } from '../store/layout.js';

export interface EvidenceSource {
  /** Opened only when read, so that thousands of them never hold thousands of files open. */
  open(): Readable;
  bytes: number;
  /** The SHA-256 the probe's record gives for it. */
  recordedSha256: string;
}

async function artefactSource(dataDir: string, artefact: ProbeArtefact | null): Promise<EvidenceSource | null> {
  if (!artefact) return null;
  const file = insideDir(dataDir, artefact.path);
  if (!file) return null;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  return { open: () => createReadStream(file), bytes: info.size, recordedSha256: artefact.sha256 };
}

/** The captioned PNG of a probe, or null when it has none or it is missing from the data folder. */
export function readProbeScreenshot(dataDir: string, probe: Probe): Promise<EvidenceSource | null> {
  return artefactSource(dataDir, probe.screenshot);
}

/** The text of the final page of a probe, or null. */
export function readProbePageText(dataDir: string, probe: Probe): Promise<EvidenceSource | null> {
  return artefactSource(dataDir, probe.pageText);
}

/** Where the file of a screenshot is, for a page to show it (file: URL), or null. */
export async function probeScreenshotFile(dataDir: string, probe: Probe): Promise<string | null> {
  if (!probe.screenshot) return null;
  const file = insideDir(dataDir, probe.screenshot.path);
  return file && (await stat(file).catch(() => null))?.isFile() ? file : null;
}
