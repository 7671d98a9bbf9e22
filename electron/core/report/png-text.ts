// Text written into a PNG (iTXt chunks, UTF-8, PNG specification 11.3.3.4): an image that travels alone still
// says in words what it shows, under the standard keywords (Title, Description) that viewers and file properties read.
import { crc32 } from 'node:zlib';

const SIGNATURE_BYTES = 8;
/** The IHDR chunk, always first: 4 length + 4 type + 13 data + 4 CRC. */
const IHDR_END = SIGNATURE_BYTES + 25;

function itxtChunk(keyword: string, text: string): Buffer {
  // keyword NUL, not compressed (0), method 0, no language tag NUL, no translated keyword NUL, then the text.
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const typeAndData = Buffer.concat([Buffer.from('iTXt', 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** The PNG with the texts given, right after its header (before the image data, where readers look first). */
export function withPngText(png: Buffer, texts: Record<string, string>): Buffer {
  const chunks = Object.entries(texts).map(([keyword, text]) => itxtChunk(keyword, text));
  return Buffer.concat([png.subarray(0, IHDR_END), ...chunks, png.subarray(IHDR_END)]);
}

/** The iTXt texts of a PNG, by keyword (what withPngText wrote, or another writer's uncompressed ones). */
export function pngTexts(png: Buffer): Record<string, string> {
  const texts: Record<string, string> = {};
  for (let at = SIGNATURE_BYTES; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'iTXt') {
      const keywordEnd = data.indexOf(0);
      const compressed = data[keywordEnd + 1] !== 0;
      const languageEnd = data.indexOf(0, keywordEnd + 3);
      const translatedEnd = data.indexOf(0, languageEnd + 1);
      if (!compressed) texts[data.toString('latin1', 0, keywordEnd)] = data.toString('utf8', translatedEnd + 1);
    }
    at += 12 + length;
  }
  return texts;
}
