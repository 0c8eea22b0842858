import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { markTurn } from '../../adapters/exif-turn.js';
import { toPgm } from '../../shared/files/pnm.js';
import type { Turn } from '../../shared/ports/ocr-engine.js';
import { fixturePath } from '../helpers/fixtures.js';

// What tesseract.js looks for in an image's first 500 bytes (its setImage).
const orientationOf = (b: Uint8Array) =>
  Number(
    Array.from(b.subarray(0, 500))
      .join(' ')
      .match(/1 18 0 3 0 0 0 1 0 (\d)/)?.[1] ?? 1,
  );

function pngChunksValid(b: Buffer): boolean {
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    const body = b.subarray(at + 4, at + 8 + len);
    if (crc32(body) >>> 0 !== b.readUInt32BE(at + 8 + len)) return false;
    at += 12 + len;
  }
  return true;
}

const TURNS: [Turn, number][] = [
  [90, 6],
  [180, 3],
  [270, 8],
];

describe('marking a page to be read turned', () => {
  const png = readFileSync(fixturePath('scans/xa-con-cuong-xoay.png'));
  const jpg = readFileSync(fixturePath('scans/xa-con-cuong-anh.jpg'));
  const pgm = toPgm({ width: 3, height: 2, kind: 2, data: new Uint8Array(18).fill(200) });

  it.each(TURNS)(
    'turn %i is EXIF orientation %i in a PNG, a JPEG and a PGM',
    (turn, orientation) => {
      for (const image of [png, jpg, pgm])
        expect(orientationOf(markTurn(image, turn)!)).toBe(orientation);
    },
  );

  it('keeps the PNG whole: every chunk with its right checksum, the pixels after', () => {
    const marked = Buffer.from(markTurn(png, 90)!);
    expect(pngChunksValid(marked)).toBe(true);
    expect(marked.subarray(-png.length + 33).equals(png.subarray(33))).toBe(true);
  });

  it('puts a well-formed APP1 segment right after the JPEG start', () => {
    const marked = Buffer.from(markTurn(jpg, 180)!);
    expect([marked[2], marked[3]]).toEqual([0xff, 0xe1]);
    const len = marked.readUInt16BE(4);
    expect(marked.subarray(6, 12).toString('latin1')).toBe('Exif\0\0');
    expect(marked.subarray(4 + len).equals(jpg.subarray(2))).toBe(true);
  });

  it('keeps the PGM header readable and leaves formats it cannot mark alone', () => {
    const marked = Buffer.from(markTurn(pgm, 270)!);
    expect(marked.toString('latin1').split('\n').slice(2, 4)).toEqual(['3 2', '255']);
    expect(markTurn(Buffer.from('II*\0rest of a tiff'), 90)).toBeNull();
  });
});
