// The one place the dossier reads a probe's evidence from. Records made before captions were data hold a PNG
// with its caption burned in, one file per probe; newer records point at a capture stored once by its hash
// (evidence/_blobs/), whose captioned PNG is drawn from the record (report/captioned.ts).
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Probe, ProbeArtefact } from '../../shared/domain.js';
import { renderCaptioned } from '../report/captioned.js';
import { insideDir } from '../store/layout.js';

export interface EvidenceSource {
  /** Opened only when read, so that thousands of them never hold thousands of files open. */
  open(): Readable;
  bytes: number;
  /** The SHA-256 the probe's record gives for it; null for a captioned PNG drawn from the record. */
  recordedSha256: string | null;
}

async function artefactSource(dataDir: string, artefact: ProbeArtefact | null): Promise<EvidenceSource | null> {
  if (!artefact) return null;
  const file = insideDir(dataDir, artefact.path);
  if (!file) return null;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  return { open: () => createReadStream(file), bytes: info.size, recordedSha256: artefact.sha256 };
}

/**
 * The captioned PNG of a probe, or null when it has none or its file is missing. A stored one (older records) is
 * read as it is and checked against its record; a drawn one is checked through its capture (probeCapture).
 */
export async function readProbeScreenshot(dataDir: string, probe: Probe): Promise<EvidenceSource | null> {
  if (!probe.caption) return artefactSource(dataDir, probe.screenshot);
  const png = await renderCaptioned(dataDir, probe);
  return png ? { open: () => Readable.from([png]), bytes: png.length, recordedSha256: null } : null;
}

/**
 * The capture a captioned PNG is drawn from, as stored (shared by every probe that saw the same page), with the
 * name it takes in the dossier; null for older records, whose PNG is the stored file itself.
 */
export async function probeCapture(dataDir: string, probe: Probe): Promise<(EvidenceSource & { name: string }) | null> {
  if (!probe.caption || !probe.screenshot) return null;
  const source = await artefactSource(dataDir, probe.screenshot);
  return source ? { ...source, name: path.posix.basename(probe.screenshot.path) } : null;
}

/** The text of the final page of a probe, or null. */
export function readProbePageText(dataDir: string, probe: Probe): Promise<EvidenceSource | null> {
  return artefactSource(dataDir, probe.pageText);
}

/**
 * A file of the captioned screenshot, for a page to show it (file: URL), or null: the stored PNG of an older
 * record, else the PNG drawn into `workDir`.
 */
export async function probeScreenshotFile(dataDir: string, probe: Probe, workDir: string): Promise<string | null> {
  if (!probe.screenshot) return null;
  if (probe.caption) {
    const png = await renderCaptioned(dataDir, probe);
    if (!png) return null;
    const file = path.join(workDir, `capture-${probe.id}.png`);
    await writeFile(file, png);
    return file;
  }
  const file = insideDir(dataDir, probe.screenshot.path);
  return file && (await stat(file).catch(() => null))?.isFile() ? file : null;
}
