import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readPnm, SharpPageCleaner } from '../../adapters/sharp-page-cleaner.js';
import { cleanedEngine } from '../../shared/ocr/cleaned-engine.js';
import type { Box, OcrEngine, OcrLine, PageImage } from '../../shared/ports/ocr-engine.js';
import type { CleanPage, PageCleaner } from '../../shared/ports/page-cleaner.js';
import { plainMeasures } from '../helpers/plain-measures.js';

// A two-page spread (two pages side by side on the scanner's glass, a fold between them) is cut
// at its gutter and each page read on its own; a landscape page whose text crosses its middle is
// never cut. Synthetic pages drawn with SVG: lines of text are black bars.
const W = 1400;
const H = 1000;
const PITCH = 30;

/** Bars from x0, each at most `most` wide, one every PITCH pixels from y = 60. */
const bars = (x0: number, most: number, seed: number) =>
  Array.from({ length: Math.floor((H - 120) / PITCH) }, (_, i) => {
    const w = Math.round(most * (0.6 + 0.4 * (((i + seed) * 37) % 10) * 0.1));
    return `<rect x="${x0}" y="${60 + i * PITCH}" width="${w}" height="13" fill="#111"/>`;
  }).join('');

const svg = (inner: string) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
      `<rect width="100%" height="100%" fill="white"/>${inner}</svg>`,
  );

const clean = async (inner: string) =>
  new SharpPageCleaner().clean({
    page: 1,
    image: await sharp(svg(inner)).jpeg({ quality: 90 }).toBuffer(),
    dpi: 200,
  });

const inkOf = (image: PageImage) => {
  const pnm = readPnm(image.image)!;
  let ink = 0;
  for (const v of pnm.raw) if (v < 100) ink++;
  return { ink, width: pnm.width };
};

describe('two-page spreads', () => {
  it('cuts a spread in its gutter, whatever its fold, and leaves a blank page out (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 630, max: 770 }),
        fc.integer({ min: 70, max: 220 }),
        fc.double({ min: 0, max: 0.7, noNaN: true }),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        async (mid, gutter, shadow, line, blankRight) => {
          const [leftEnd, rightStart] = [mid - gutter / 2, mid + gutter / 2];
          const grey = Math.round(255 * (1 - shadow));
          // The fold: a soft shadow either side of it and a dark line along it.
          const fold =
            '<defs><linearGradient id="f"><stop offset="0" stop-color="#fff"/>' +
            `<stop offset="0.5" stop-color="rgb(${grey},${grey},${grey})"/>` +
            '<stop offset="1" stop-color="#fff"/></linearGradient></defs>' +
            `<rect x="${mid - 120}" width="240" height="100%" fill="url(#f)"/>` +
            (line ? `<rect x="${mid - line / 2}" width="${line}" height="100%" fill="#222"/>` : '');
          const left = bars(60, leftEnd - 60, 1);
          const right = blankRight ? '' : bars(rightStart, W - 60 - rightStart, 4);
          const page = await clean(fold + left + right);
          expect(page.measures.spread).toBe(true);
          const parts = page.parts!;
          expect(parts.length).toBe(blankRight ? 1 : 2);
          expect(parts[0]!.left).toBe(0);
          const cut = inkOf(parts[0]!.image).width;
          expect(cut).toBeGreaterThanOrEqual(leftEnd - 1);
          if (!blankRight) expect(cut).toBeLessThanOrEqual(rightStart + 1);
          if (!blankRight) expect(parts[1]!.left).toBe(cut);
          for (const part of parts) expect(inkOf(part.image).ink).toBeGreaterThan(5000);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('never cuts a landscape page whose text crosses its middle: a table, a centred title', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 9 }),
        async (kind, seed) => {
          // Two columns under a title across both; a bordered table whose rules cross the middle;
          // rows of text across the page, one narrower block.
          const title = `<rect x="${400 + seed * 10}" y="30" width="${500 - seed * 10}" height="16" fill="#111"/>`;
          const rules = Array.from(
            { length: 15 },
            (_, i) => `<rect x="40" y="${50 + i * 60}" width="${W - 80}" height="2" fill="#333"/>`,
          ).join('');
          const inner = [
            title + bars(60, 560, seed) + bars(760, 580, seed + 3),
            `${rules}<rect x="699" y="50" width="2" height="840" fill="#333"/>` +
              bars(60, 560, seed) +
              bars(760, 560, seed + 2),
            bars(60, W - 120, seed),
            bars(200, W - 400, seed),
          ][kind]!;
          const page = await clean(inner);
          expect(page.measures.spread).toBe(false);
          expect(page.parts).toBeUndefined();
        },
      ),
      { numRuns: 8 },
    );
  });

  it('reads the pages of a spread one after the other, boxes moved onto the whole image', async () => {
    const lineAt = (text: string, x: number, y: number): OcrLine => {
      const b: Box = { x0: x, y0: y, x1: x + 100, y1: y + 20 };
      return { box: b, words: [{ text, confidence: 95, box: b }] };
    };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 300, max: 900 }),
        fc.constantFrom(1, 1.5),
        async (cut, scale) => {
          const seen: PageImage[] = [];
          // Each part's image names its page by its first byte; the engine reads it at x = 10.
          const engine: OcrEngine = {
            recognize: async (image) => {
              seen.push(image);
              const n = image.image[0]!;
              const lines = [0, 1, 2].map((i) => lineAt(`p${n}l${i}`, 10, 100 + i * 40));
              return { page: image.page, lines };
            },
          };
          const part = (n: number, left: number) => ({
            image: { page: 3, image: new Uint8Array([n]) },
            left,
          });
          const cleaner: PageCleaner = {
            clean: async (image): Promise<CleanPage> => ({
              image,
              scale,
              straightened: false,
              measures: plainMeasures(true),
              parts: [part(1, 0), part(2, cut)],
            }),
          };
          const read = await cleanedEngine(engine, cleaner).recognize({
            page: 3,
            image: new Uint8Array([9]),
          });
          expect(seen.map((s) => s.image[0])).toEqual([1, 2]);
          expect(read.page).toBe(3);
          expect(read.lines.map((l) => l.words[0]!.text)).toEqual([
            'p1l0',
            'p1l1',
            'p1l2',
            'p2l0',
            'p2l1',
            'p2l2',
          ]);
          expect(read.lines.map((l) => l.box.x0)).toEqual(
            [10, 10, 10, 10 + cut, 10 + cut, 10 + cut].map((x) => Math.round(x / scale)),
          );
        },
      ),
      { numRuns: 20 },
    );
  });
});
