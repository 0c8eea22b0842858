import { crc32 } from 'node:zlib';
import type { Turn } from '../shared/ports/ocr-engine.js';

// tesseract.js looks for an EXIF orientation entry (tag 0x0112, big-endian, as bytes) in an image's
// first 500 bytes and turns the page by it before reading: a true quarter turn, the page's width and
// height swapped, and deskew still applies. Its rotateRadians instead turns a page inside its own
// frame and cuts off the top and bottom of a page lying sideways (the header and the signature).
const ORIENTATION: Record<Turn, number> = { 90: 6, 180: 3, 270: 8 };
const entry = (turn: Turn) =>
  Buffer.from([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, ORIENTATION[turn], 0, 0]);

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Signature (8) and the IHDR chunk (4 + 4 + 13 + 4), which must come first. */
const AFTER_IHDR = 33;

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

function jpegExif(turn: Turn): Buffer {
  const tiff = Buffer.concat([
    Buffer.from('Exif\0\0MM\0*\0\0\0\x08\0\x01', 'latin1'),
    entry(turn),
    Buffer.alloc(4),
  ]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(tiff.length + 2, 2);
  return Buffer.concat([head, tiff]);
}

/**
 * The image marked to be read turned `turn` degrees clockwise (JPEG, PNG, or the PGM of a PDF's
 * page, grey or colour); null for a format that cannot carry the mark (TIFF, BMP).
 */
export function markTurn(image: Uint8Array, turn: Turn): Uint8Array | null {
  const b = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  if (b[0] === 0xff && b[1] === 0xd8)
    return Buffer.concat([b.subarray(0, 2), jpegExif(turn), b.subarray(2)]);
  if (b.subarray(0, 8).equals(PNG) && b.length > AFTER_IHDR) {
    const chunk = pngChunk(
      'tEXt',
      Buffer.concat([Buffer.from('Orientation\0', 'latin1'), entry(turn)]),
    );
    return Buffer.concat([b.subarray(0, AFTER_IHDR), chunk, b.subarray(AFTER_IHDR)]);
  }
  if (b[0] === 0x50 && (b[1] === 0x35 || b[1] === 0x36) && b[2] === 0x0a) {
    // A comment line of the PGM (PPM) header; the entry holds no newline.
    return Buffer.concat([
      b.subarray(0, 3),
      Buffer.from('# '),
      entry(turn),
      Buffer.from('\n'),
      b.subarray(3),
    ]);
  }
  return null;
}
