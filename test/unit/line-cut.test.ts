import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readPnm, SharpPageCleaner } from '../../adapters/sharp-page-cleaner.js';
import type { Box } from '../../shared/ports/ocr-engine.js';

// A line read again is cut from the clean page where the engine read it: on the page as Tesseract
// straightened it (turned clockwise by its deskew about the page's centre). Cut straight out of the
// unturned page, a skewed line's picture held the line above it instead (a 1.8° skew over a
// 1,600-pixel line is more than a line's height), and its second reading spelled other numbers.
const [W, H] = [1600, 1000];
const bar: Box = { x0: 60, y0: 150, x1: 1000, y1: 190 };

/** A page with one dark line on it, turned counter-clockwise by `degrees`, as scanned. */
async function scanned(degrees: number): Promise<Uint8Array> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" ` +
    `fill="white"/><rect x="${bar.x0}" y="${bar.y0}" width="${bar.x1 - bar.x0}" height="${bar.y1 - bar.y0}" ` +
    'fill="black"/></svg>';
  const turned = await sharp(Buffer.from(svg))
    .rotate(-degrees, { background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = turned.info;
  const page = await sharp(turned.data, { raw: turned.info })
    .extract({
      left: Math.floor((width - W) / 2),
      top: Math.floor((height - H) / 2),
      width: W,
      height: H,
    })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return Buffer.concat([Buffer.from(`P5\n${W} ${H}\n255\n`, 'latin1'), page]);
}

/** Share of dark pixels on a row of a PGM. */
function darkShare(pgm: Uint8Array, row: number): number {
  const p = readPnm(pgm)!;
  const line = p.raw.subarray(row * p.width, (row + 1) * p.width);
  return line.filter((v) => v < 128).length / p.width;
}

describe("a line's picture cut to be read again", () => {
  it('is level and holds the line alone, whatever the skew the engine straightened (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.boolean(),
        async (deg, ccw) => {
          const degrees = ccw ? deg : -deg;
          const clean = await new SharpPageCleaner().clean({
            page: 1,
            image: await scanned(degrees),
          });
          expect(clean.scale).toBe(1);
          const cut = await clean.cut!(bar, (degrees * Math.PI) / 180);
          const { height } = readPnm(cut)!;
          // The line's rows are ink across; the margin's rows above and below are paper.
          expect(darkShare(cut, Math.floor(height / 2))).toBeGreaterThan(0.6);
          expect(darkShare(cut, 2)).toBeLessThan(0.05);
          expect(darkShare(cut, height - 3)).toBeLessThan(0.05);
        },
      ),
      { numRuns: 6 },
    );
  });
});
