import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { TesseractOcr } from '../../adapters/tesseract-ocr.js';
import { FileProblem } from '../../shared/files/file-problem.js';
import { readUpload } from '../../shared/ocr/read-upload.js';
import type { OcrEngine, PageImage } from '../../shared/ports/ocr-engine.js';
import { fixturePath } from '../helpers/fixtures.js';

// One document's OCR is bounded by wall time, whatever its pages hold: when the time is spent the
// page being read stops, the upload is the file's problem (needs_review, one reason), and the
// engine reads the next document as usual.

const blankPng = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#ffffff' } } as never)
    .png()
    .toBuffer();

/** A dense page of text-like glyphs: rows of small random marks, as a fax of small print. */
function densePage(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height, 255);
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let top = 8; top + 12 < height; top += 18)
    for (let left = 4; left + 8 < width; left += random() < 0.15 ? 14 : 9)
      for (let y = 0; y < 12; y++)
        for (let x = 0; x < 7; x++) if (random() < 0.35) pixels[(top + y) * width + left + x] = 0;
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

async function problemOf(p: Promise<unknown>): Promise<FileProblem> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FileProblem);
  return e as FileProblem;
}

describe('the OCR time of one document', () => {
  it('stops the page being read when the time is spent, and says so in one reason', async () => {
    const signals: AbortSignal[] = [];
    const never: OcrEngine = {
      documentMs: 80,
      recognize: (_image: PageImage, signal?: AbortSignal) =>
        new Promise((_, reject) => {
          signals.push(signal!);
          signal!.addEventListener('abort', () => reject(new Error('stopped')));
        }),
    };
    const problem = await problemOf(readUpload('trang.png', await blankPng(), never));
    expect(problem.status).toBe('needs_review');
    expect(problem.diagnostic.code).toBe('file.ocrTooSlow');
    expect(problem.diagnostic.message).toMatch(/^Bản quét .* phút cho phép \(đã đọc 0 trang\)/);
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  describe('with Tesseract', () => {
    const ocr = new TesseractOcr({ workers: 1, documentMs: 1_500 });
    afterAll(() => ocr.close());
    const photo = fixturePath('scans/xa-con-cuong-anh.jpg');

    it('a dense page over the time is needs_review, and the next document still reads', async () => {
      // Warm (no time limit on a page read alone): the worker and its model are loaded, so the
      // document's time runs out mid-page.
      const page = { page: 1, image: readFileSync(photo) };
      const warm = await ocr.recognize(page);
      expect(warm.lines.length).toBeGreaterThan(10);
      const problem = await problemOf(readUpload('day-chu.png', await densePage(3000, 4200), ocr));
      expect(problem.diagnostic.code).toBe('file.ocrTooSlow');
      const after = await ocr.recognize(page);
      expect(after.lines).toEqual(warm.lines);
    }, 120_000);
  });
});
