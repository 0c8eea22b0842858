import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SharpPageCleaner } from '../../adapters/sharp-page-cleaner.js';
import { cleanedEngine, MAX_CROPS_PER_PAGE } from '../../shared/ocr/cleaned-engine.js';
import { keepFigureCrops } from '../../shared/ocr/figure-crops.js';
import { scanText } from '../../shared/ocr/scan-text.js';
import type { Box, OcrEngine, OcrLine } from '../../shared/ports/ocr-engine.js';
import type { CleanPage, PageCleaner } from '../../shared/ports/page-cleaner.js';
import type { Indicator, Report } from '../../shared/schemas/report.js';
import { MemoryObjects } from '../helpers/memory-stores.js';
import { plainMeasures } from '../helpers/plain-measures.js';

// The picture of each scanned figure's line: cut from the page the engine read, kept through the
// storage port beside the reading, and named on the figure.
const box = (y: number): Box => ({ x0: 40, y0: y, x1: 400, y1: y + 20 });
const line = (text: string, y: number): OcrLine => ({
  box: box(y),
  words: text
    .split(' ')
    .map((t, i) => ({ text: t, confidence: 95, box: { ...box(y), x0: 40 + i * 50 } })),
});

function fakeCleaner(scale: number, cut: Box[]): PageCleaner {
  return {
    async clean(image): Promise<CleanPage> {
      return {
        image,
        scale,
        straightened: false,
        measures: plainMeasures(false),
        async crop(b) {
          cut.push(b);
          return new Uint8Array([cut.length]);
        },
      };
    },
  };
}

describe('crops of lines holding a digit', () => {
  it('cuts each digit line on the page the engine read, boxes scaled back after', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: MAX_CROPS_PER_PAGE + 20 }),
        fc.constantFrom(1, 2),
        async (digits, scale) => {
          const lines = digits.map((d, i) => line(d ? `Số máy ${i + 1}` : 'Không có số', i * 30));
          const engine: OcrEngine = { recognize: async (p) => ({ page: p.page, lines }) };
          const cut: Box[] = [];
          const read = await cleanedEngine(engine, fakeCleaner(scale, cut)).recognize({
            page: 1,
            image: new Uint8Array(),
          });
          const withDigit = digits.flatMap((d, i) => (d ? [i] : []));
          const kept = withDigit.slice(0, MAX_CROPS_PER_PAGE);
          expect(cut).toEqual(kept.map((i) => box(i * 30)));
          read.lines.forEach((l, i) => {
            expect(l.crop ? [...l.crop] : null).toEqual(
              kept.includes(i) ? [kept.indexOf(i) + 1] : null,
            );
            expect(l.box.y0).toBe(Math.round((i * 30) / scale));
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('cuts a PNG no wider than a phone shows, with the ink of the line in it', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="800">' +
        '<rect width="100%" height="100%" fill="white"/>' +
        '<rect x="200" y="300" width="1800" height="40" fill="#111"/></svg>',
    );
    // A scanner's page (its resolution known, JPEG): no photo of a desk is looked for.
    const page = await new SharpPageCleaner().clean({
      page: 1,
      image: await sharp(svg).jpeg({ quality: 92 }).toBuffer(),
      dpi: 300,
    });
    const at = {
      x0: 200 * page.scale,
      y0: 300 * page.scale,
      x1: 2000 * page.scale,
      y1: 340 * page.scale,
    };
    const png = await page.crop!(at);
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBeLessThanOrEqual(1200);
    expect(meta.height).toBeLessThan(120);
    const { channels } = await sharp(png).stats();
    expect(channels[0]!.min).toBeLessThan(60); // the bar
    expect(channels[0]!.max).toBeGreaterThan(200); // the margin
    await expect(page.crop!({ x0: 5000, y0: 5000, x1: 5001, y1: 5001 })).rejects.toThrow();
  });
});

describe('keeping the crops beside the reading', () => {
  const figure = (line: number, scanned: boolean): Indicator => ({
    label: `Số máy ${line}`,
    value: line,
    unit: 'máy',
    numerator: null,
    denominator: null,
    key: 'computers',
    line,
    ...(scanned ? { page: 1, box: box(line) } : {}),
  });

  it('stores one picture per scanned line and names it on each of its figures', async () => {
    const scan = scanText([
      { page: 1, text: 'Dòng đánh máy 1' },
      {
        page: 2,
        lines: [{ ...line('Số máy 12 và 13', 0), crop: new Uint8Array([7]) }, line('Số 5', 30)],
      },
    ]);
    const report = {
      indicators: [
        figure(1, false),
        figure(2, true),
        { ...figure(2, true), value: 13 },
        figure(3, true),
      ],
    } as unknown as Report;
    const objects = new MemoryObjects();
    const out = await keepFigureCrops(report, scan, 'crops/40/16941/abc/', objects);
    expect(out.indicators.map((i) => i.crop ?? null)).toEqual([
      null,
      'crops/40/16941/abc/dong-2.png',
      'crops/40/16941/abc/dong-2.png',
      null,
    ]);
    expect([...(await objects.get('crops/40/16941/abc/dong-2.png')).bytes]).toEqual([7]);
    expect((await objects.list('crops/')).map((o) => o.key)).toEqual([
      'crops/40/16941/abc/dong-2.png',
    ]);
    expect(await keepFigureCrops(report, undefined, 'crops/x/', objects)).toBe(report);
  });
});
