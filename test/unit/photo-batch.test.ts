import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileProblem } from '../../shared/files/file-problem.js';
import { MAX_ZIP_PAGES } from '../../shared/files/zip-images.js';
import { readPhotos } from '../../shared/ocr/read-upload.js';
import type { OcrEngine, OcrPage, PageImage } from '../../shared/ports/ocr-engine.js';
import { photoText, textPhoto } from '../helpers/text-photo.js';

const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
/** Reads the text a textPhoto carries, as one line of one word per space. */
const engine: OcrEngine = {
  async recognize(img: PageImage): Promise<OcrPage> {
    const words = photoText(img.image)
      .split(' ')
      .map((text) => ({ text, confidence: 95, box }));
    return { page: img.page, lines: [{ words, box }] };
  },
};

const problem = (e: unknown) => (e instanceof FileProblem ? e.diagnostic : null);

describe('several photos of one report sent together', () => {
  it('are read as its pages in order of their names, whatever order they came in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('IMG_', 'trang ', 'Ảnh '),
        fc.constantFrom('.jpg', '.JPG', '.jpeg'),
        async (numbers, prefix, ext) => {
          const photos = numbers.map((n) => ({
            name: `${prefix}${n}${ext}`,
            bytes: textPhoto(`trang-${n}`),
          }));
          const content = await readPhotos(photos, engine);
          const sorted = [...numbers].sort((a, b) => a - b);
          expect(content.kind === 'text' && content.text.split('\n')).toEqual(
            sorted.map((n) => `trang-${n}`),
          );
          expect(content.kind === 'text' && content.scan?.scannedPages).toEqual(
            sorted.map((_, i) => i + 1),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('refuse, in Vietnamese, a file among them that is no photo, and more pages than one upload may hold', async () => {
    const mixed = [
      { name: '1.jpg', bytes: textPhoto('a') },
      { name: 'bao-cao.docx', bytes: Buffer.from('PK') },
    ];
    const notPhoto = problem(await readPhotos(mixed, engine).catch((e) => e));
    expect(notPhoto?.code).toBe('file.notAPhoto');
    expect(notPhoto?.message).toContain('"bao-cao.docx" không phải ảnh');
    const many = Array.from({ length: MAX_ZIP_PAGES + 1 }, (_, i) => ({
      name: `${i}.jpg`,
      bytes: textPhoto('x'),
    }));
    const tooMany = problem(await readPhotos(many, engine).catch((e) => e));
    expect(tooMany?.code).toBe('file.tooManyPhotos');
    expect(tooMany?.message).toContain(`tối đa ${MAX_ZIP_PAGES} ảnh`);
  });
});
