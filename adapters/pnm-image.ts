import type { Box, Turn } from '../shared/ports/ocr-engine.js';

// The page cleaner hands the engine a PGM (grey) or, for colour PDF pages, a PPM: raw pixels after
// a short text header. Cutting a region out of one, or turning it a quarter, is a copy of rows;
// the native engine does both here because Tesseract's command line has neither a rectangle nor
// a rotation.

export interface Pnm {
  width: number;
  height: number;
  /** 1 (P5, grey) or 3 (P6, colour). */
  channels: 1 | 3;
  pixels: Uint8Array;
}

/** A binary PGM or PPM with 8-bit samples; null for any other image. */
export function parsePnm(bytes: Uint8Array): Pnm | null {
  const head = /^P([56])\s+(\d+)\s+(\d+)\s+255\s/.exec(
    Buffer.from(bytes.subarray(0, 40)).toString('latin1'),
  );
  if (!head) return null;
  const [width, height, channels] = [Number(head[2]), Number(head[3]), head[1] === '6' ? 3 : 1];
  const size = width * height * channels;
  if (!width || !height || bytes.length < head[0].length + size) return null;
  const pixels = new Uint8Array(bytes.buffer, bytes.byteOffset + head[0].length, size);
  return { width, height, channels: channels as 1 | 3, pixels };
}

export const encodePnm = (p: Pnm): Uint8Array =>
  Buffer.concat([
    Buffer.from(`P${p.channels === 3 ? 6 : 5}\n${p.width} ${p.height}\n255\n`, 'latin1'),
    p.pixels,
  ]);

/** The part of the image within `box` (clipped to the image), and where it lies. */
export function cropPnm(p: Pnm, box: Box): { image: Pnm; at: Box } | null {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(p.width, Math.ceil(box.x1));
  const y1 = Math.min(p.height, Math.ceil(box.y1));
  if (x1 - x0 < 1 || y1 - y0 < 1) return null;
  const row = (x1 - x0) * p.channels;
  const pixels = new Uint8Array(row * (y1 - y0));
  for (let y = y0; y < y1; y++) {
    const from = (y * p.width + x0) * p.channels;
    pixels.set(p.pixels.subarray(from, from + row), (y - y0) * row);
  }
  return {
    image: { width: x1 - x0, height: y1 - y0, channels: p.channels, pixels },
    at: { x0, y0, x1, y1 },
  };
}

/** The image turned `turn` degrees clockwise. */
export function turnPnm(p: Pnm, turn: Turn): Pnm {
  const quarter = turn !== 180;
  const [w, h] = quarter ? [p.height, p.width] : [p.width, p.height];
  const c = p.channels;
  const pixels = new Uint8Array(p.pixels.length);
  for (let y = 0; y < p.height; y++)
    for (let x = 0; x < p.width; x++) {
      // Where the pixel (x, y) lands on the turned image.
      const [nx, ny] =
        turn === 90
          ? [p.height - 1 - y, x]
          : turn === 270
            ? [y, p.width - 1 - x]
            : [p.width - 1 - x, p.height - 1 - y];
      const [from, to] = [(y * p.width + x) * c, (ny * w + nx) * c];
      for (let k = 0; k < c; k++) pixels[to + k] = p.pixels[from + k]!;
    }
  return { width: w, height: h, channels: c, pixels };
}
