// How a page capture is stored: WebP lossless, about 2.5 times smaller than Chromium's PNG for the same pixels
// (20 kB against 52 kB for a replica's no-slot page), and the same bytes for the same pixels, so that an
// unchanged page, stored by its hash, is stored once.
import sharp from 'sharp';

/** The capture to store, from the browser's PNG. Same pixels in, same bytes out (with the same libwebp). */
export function encodeCapture(png: Buffer): Promise<Buffer> {
  return sharp(png).webp({ lossless: true, effort: 4 }).toBuffer();
}
