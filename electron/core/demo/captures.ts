// The few captures the demo's past shows for its probes with dates: drawn once per start, stored once by their
// hash like any capture, each saying in its own pixels that no page was visited. The caption band that a person
// sees above it (planning, address, time, outcome, first dates) is drawn from the record, as for real probes.
import { createRequire } from 'node:module';
import type { BookingSystem } from '../../shared/domain.js';
import { loadSharp } from '../evidence/capture.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff');
const WIDTH = 900;
const HEIGHT = 420;

const TITLES: Record<BookingSystem, string> = {
  legacy: 'Préfecture fictive — Prendre un rendez-vous',
  rdvpref: 'RDV-Préfecture (réplique fictive)',
  anct: 'RDV Service Public (réplique fictive)',
  steps: 'Site fictif',
};

async function text(content: string, size: number, width: number): Promise<Buffer> {
  const sharp = await loadSharp();
  const markup = `<span foreground="#111111">${content.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</span>`;
  return sharp({ text: { text: markup, font: `DejaVu Sans ${size}px`, fontfile: FONT, width, wrap: 'word', rgba: true, dpi: 72 } })
    .png()
    .toBuffer();
}

/** A made-up booking page with a few free days, as WebP lossless (the store's format for captures). */
async function drawCapture(system: BookingSystem): Promise<Buffer> {
  const sharp = await loadSharp();
  const cells = Array.from({ length: 14 }, (_, index) => ({
    input: { create: { width: 70, height: 40, channels: 3 as const, background: index % 5 === 2 ? '#66bb6a' : '#e0e0e0' } },
    left: 40 + (index % 7) * 80,
    top: 250 + Math.floor(index / 7) * 50,
  }));
  const layers = [
    { input: { create: { width: WIDTH, height: 56, channels: 3 as const, background: '#1d4e89' } }, left: 0, top: 0 },
    { input: await text(TITLES[system], 22, WIDTH - 80), left: 40, top: 76 },
    { input: await text('Démonstration : capture synthétique, aucune page n’a été visitée.', 17, WIDTH - 80), left: 40, top: 120 },
    { input: await text('Choisissez une date (en vert : des créneaux libres). Les dates relevées sont écrites dans la légende.', 15, WIDTH - 80), left: 40, top: 160 },
    ...cells,
  ];
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .webp({ lossless: true, effort: 4 })
    .toBuffer();
}

/** One capture per booking system, drawn at the first call of the process. */
const drawn = new Map<BookingSystem, Promise<Buffer>>();
export function demoCapture(system: BookingSystem): Promise<Buffer> {
  let capture = drawn.get(system);
  if (!capture) {
    capture = drawCapture(system);
    drawn.set(system, capture);
  }
  return capture;
}
