// The captioned screenshot a person sees, exports or files: the page as captured, under a band giving the
// caption of probe/caption.ts (planning, address, Paris and UTC times, outcome, probe id). Drawn from the
// stored capture and the probe's sealed record, deterministically: the same capture and record give the same
// PNG bytes (with the same sharp and font), so anyone can draw it again and compare its hash. The font ships
// with the app (DejaVu Sans, OFL): the drawing does not depend on the fonts of the PC.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OverlayOptions } from 'sharp';
import type { Probe } from '../../shared/domain.js';
import { loadSharp } from '../evidence/capture.js';
import { captionLines, type CaptionFacts } from '../probe/caption.js';
import { insideDir } from '../store/layout.js';

const require = createRequire(import.meta.url);
/** The font files, read by the native text renderer: in the packaged app, from outside the archive (asarUnpack). */
const fontFile = (name: string): string =>
  require.resolve(`@fontsource/dejavu-sans/files/${name}`).replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
const FONT = { regular: fontFile('dejavu-sans-latin-400-normal.woff'), bold: fontFile('dejavu-sans-latin-700-normal.woff') };
const BAND = '#fff7d6';
const RULE = { height: 3, colour: '#222222' };
const PAD_X = 10;
const PAD_Y = 3;
const SIZE = 'DejaVu Sans 15px';

/** Pango markup: the record's words are text, never markup. */
function escapeMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');
}

interface Drawn {
  input: Buffer;
  width: number;
  height: number;
}

/**
 * Texts already drawn, by text, weight and width: the labels, the planning, its address and the usual outcomes
 * repeat from probe to probe (a dossier draws thousands); only the times and the id are new each time.
 */
const drawn = new Map<string, Promise<Drawn>>();
const DRAWN_KEPT = 500;

function drawTextOnce(text: string, bold: boolean, width: number): Promise<Drawn> {
  const key = `${bold ? 'b' : 'r'}${width}\u0000${text}`;
  let found = drawn.get(key);
  if (!found) {
    if (drawn.size >= DRAWN_KEPT) drawn.clear();
    found = drawText(text, bold, width);
    drawn.set(key, found);
    found.catch(() => drawn.delete(key));
  }
  return found;
}

async function drawText(text: string, bold: boolean, width: number): Promise<Drawn> {
  const sharp = await loadSharp();
  const markup = `<span foreground="#000000" insert_hyphens="false">${bold ? `<b>${escapeMarkup(text)}</b>` : escapeMarkup(text || ' ')}</span>`;
  const { data, info } = await sharp({
    text: { text: markup, font: SIZE, fontfile: bold ? FONT.bold : FONT.regular, width, wrap: 'word-char', rgba: true, dpi: 72 },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, width: info.width, height: info.height };
}

/** The caption band above `capture` (WebP or PNG), as a PNG. */
export async function captionedPng(capture: Buffer, facts: CaptionFacts): Promise<Buffer> {
  const sharp = await loadSharp();
  const { width } = await sharp(capture).metadata();
  const lines = captionLines(facts);
  const labels = await Promise.all(lines.map(([label]) => drawTextOnce(label, true, width)));
  const labelWidth = Math.max(...labels.map((drawn) => drawn.width));
  const valueLeft = labelWidth + 3 * PAD_X;
  const valueWidth = Math.max(width - valueLeft - PAD_X, 100);
  const values = await Promise.all(lines.map(([, value]) => drawTextOnce(value, false, valueWidth)));
  const layers: OverlayOptions[] = [];
  let top = 0;
  lines.forEach((_, index) => {
    const label = labels[index];
    const value = values[index];
    if (!label || !value) return;
    layers.push({ input: label.input, left: PAD_X, top: top + PAD_Y });
    layers.push({ input: value.input, left: valueLeft, top: top + PAD_Y });
    top += Math.max(label.height, value.height) + 2 * PAD_Y;
  });
  const bandHeight = top + RULE.height;
  layers.push({ input: { create: { width, height: RULE.height, channels: 3, background: RULE.colour } }, left: 0, top });
  const band = await sharp({ create: { width, height: bandHeight, channels: 3, background: BAND } })
    .composite(layers)
    .png()
    .toBuffer();
  return sharp(capture)
    .flatten({ background: '#ffffff' })
    .extend({ top: bandHeight, background: BAND })
    .composite([{ input: band, left: 0, top: 0 }])
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}

/** The caption's facts of a probe whose record carries them. */
export function captionFacts(probe: Probe & { caption: NonNullable<Probe['caption']> }): CaptionFacts {
  return {
    planningLabel: probe.caption.planningLabel,
    url: probe.url,
    startedAt: new Date(probe.startedAt),
    outcome: probe.outcome,
    firstSlot: probe.firstSlot,
    secondSlot: probe.secondSlot,
    probeId: probe.id,
  };
}

/**
 * The captioned PNG of a probe, or null when it has no screenshot or its file is missing or no longer an image
 * (damaged: `verify` names it, a dossier lists it as altered). Records made before captions were data hold a PNG
 * with the caption burned in: it is returned as it is.
 */
export async function renderCaptioned(dataDir: string, probe: Probe): Promise<Buffer | null> {
  if (!probe.screenshot) return null;
  const file = insideDir(dataDir, probe.screenshot.path);
  const capture = file ? await readFile(file).catch(() => null) : null;
  if (!capture) return null;
  const { caption } = probe;
  if (!caption) return capture;
  return captionedPng(capture, captionFacts({ ...probe, caption })).catch(() => null);
}
