// How a page capture is stored: WebP lossless, about 2.5 times smaller than Chromium's PNG for the same pixels
// (20 kB against 52 kB for a replica's no-slot page), and the same bytes for the same pixels, so that an
// unchanged page, stored by its hash, is stored once.

/** sharp (libvips) is loaded when first needed: the core and the command line start without it. */
let loading: Promise<typeof import('sharp')> | null = null;
export async function loadSharp(): Promise<typeof import('sharp').default> {
  loading ??= import('sharp');
  return (await loading).default;
}

/** The capture to store, from the browser's PNG. Same pixels in, same bytes out (with the same libwebp). */
export async function encodeCapture(png: Buffer): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(png).webp({ lossless: true, effort: 4 }).toBuffer();
}
