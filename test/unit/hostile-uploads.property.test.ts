import fc from 'fast-check';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { type PaintedImage, pdfPaintingImages } from '../../scripts/hostile-files.js';
import { HOSTILE_EXTS, HOSTILE_KINDS } from '../../scripts/hostile-kinds.js';
import { reportText } from '../../scripts/report-text.js';
import { noise } from '../../scripts/worst-files.js';
import { MAX_IMAGE_PIXELS, MAX_PAGE_IMAGE_PIXELS } from '../../shared/files/limits.js';
import { pageImagePixels, pdfObjects } from '../../shared/files/pdf-image-budget.js';
import type { ObjectRef } from '../../shared/ingest/ingest-object.js';
import type { OcrEngine, OcrPage, PageImage } from '../../shared/ports/ocr-engine.js';
import { registry2025 } from '../helpers/fixtures.js';
import { inboxKey, memoryIngest } from '../helpers/memory-ingest.js';

// The rule for any upload nobody has seen: it ends as one stored submission with a status and a
// Vietnamese reason, its original untouched, and nothing is thrown (a throw is a retry, and a
// file that is wrong is wrong on every retry). No kind may reach the catch-all "unexpected"
// diagnostic either: that one means the product did not understand what it was given.
const registry = registry2025();
const unit = registry.unitsOf('40')[0]!;
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
/** Control and format characters other than a line break (terminal escapes, bidi overrides). */
const CONTROL = /(?!\n)[\p{Cc}\p{Cf}]/u;

/** An engine that refuses to be handed an image whose header claims too many pixels. */
class GuardedEngine implements OcrEngine {
  pages = 0;
  async recognize(img: PageImage): Promise<OcrPage> {
    const { width = 0, height = 0 } = imageSize(img.image);
    if (width * height > MAX_IMAGE_PIXELS) throw new Error(`engine given ${width} × ${height}`);
    this.pages++;
    return { page: img.page, lines: [] };
  }
}

async function ingestHostile(name: string, bytes: Uint8Array, scans: 'queue' | 'engine') {
  const queued: ObjectRef[] = [];
  const scanDeps =
    scans === 'engine'
      ? { ocr: new GuardedEngine() }
      : { ocrQueue: { send: async (r: ObjectRef) => void queued.push(r) } };
  const ingest = memoryIngest({ deps: scanDeps });
  const key = inboxKey(unit.code, name);
  const result = await ingest.upload(key, bytes);
  return { result, objects: ingest.objects, submissions: ingest.submissions, key };
}

const kinds = Object.keys(HOSTILE_KINDS);

describe('hostile uploads of every kind', () => {
  it('each ends as one stored submission with a status and a Vietnamese reason, the original kept', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        fc.nat({ max: 1_000_000 }),
        fc.constantFrom(...HOSTILE_EXTS),
        fc.constantFrom('queue' as const, 'engine' as const),
        async (kind, seed, ext, scans) => {
          const file = await HOSTILE_KINDS[kind]!({ seed, ext });
          const { result, objects, submissions, key } = await ingestHostile(
            file.name,
            file.bytes,
            scans,
          );
          const s = result.submission;
          expect(submissions.all, kind).toHaveLength(1);
          expect(['accepted', 'needs_review', 'rejected', 'ocr_pending'], kind).toContain(s.status);
          expect(s.status, kind).not.toBe('accepted');
          expect(s.diagnostics.length, kind).toBeGreaterThan(0);
          for (const d of s.diagnostics) {
            expect(d.message, `${kind}: ${d.code}`).toMatch(VIETNAMESE);
            expect(d.message, `${kind}: ${d.code}`).not.toMatch(CONTROL);
          }
          expect(
            s.diagnostics.map((d) => d.code),
            kind,
          ).not.toContain('ingest.unexpected');
          // The original is still there, byte for byte, and nothing else was written.
          expect([...objects.files.keys()]).toEqual([key]);
          expect(objects.files.get(key)).toBe(file.bytes);
        },
      ),
      { numRuns: 160 },
    );
  }, 600_000);

  it('a kind that is wrong is recorded at once, never thrown back for a retry', async () => {
    for (const kind of kinds) {
      const file = await HOSTILE_KINDS[kind]!({ seed: 7, ext: 'pdf' });
      await expect(ingestHostile(file.name, file.bytes, 'queue'), kind).resolves.toBeDefined();
    }
  }, 300_000);
});

/** `text` as UTF-16 without a byte-order mark, little- or big-endian. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? le : Uint8Array.from(le, (_, i) => le[i ^ 1]!);
}

describe('UTF-16 without a byte-order mark', () => {
  const communes = registry.unitsOf('40');
  it('is read as the same report as its UTF-8 form, in either byte order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...communes),
        fc.nat({ max: 500 }),
        fc.constantFrom('le' as const, 'be' as const),
        async (u, computers, order) => {
          const text = reportText(u, { computers });
          const key = inboxKey(u.code, 'bao-cao.txt');
          const plain = await memoryIngest().upload(key, new TextEncoder().encode(text));
          const wide = await memoryIngest().upload(key, utf16(text, order));
          expect(wide.submission.status).toBe(plain.submission.status);
          expect(wide.submission.report).toEqual(plain.submission.report);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('binary with zero bytes at both offsets is still refused as binary', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 16, max: 4096 }), async (seed, length) => {
        const bytes = noise(length * 2, seed + 1);
        bytes[0] = 0;
        bytes[3] = 0;
        const r = await memoryIngest().upload(inboxKey(unit.code, 'x.txt'), bytes);
        expect(r.submission.status).toBe('rejected');
        expect(r.submission.diagnostics[0]?.code).toBe('file.binary');
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('PDF images are bounded by count and masks before anything decodes them', () => {
  const image = fc.record(
    {
      width: fc.integer({ min: 1, max: 40_000 }),
      height: fc.integer({ min: 1, max: 40_000 }),
      mask: fc.record({
        width: fc.integer({ min: 1, max: 40_000 }),
        height: fc.integer({ min: 1, max: 40_000 }),
      }),
    },
    { requiredKeys: ['width', 'height'] },
  );
  const shape = fc.record({
    resources: fc.constantFrom('inline' as const, 'indirect' as const, 'inherited' as const),
    viaForm: fc.boolean(),
    decodable: fc.constant(false),
  });
  const pixels = (images: PaintedImage[]) =>
    images.reduce(
      (s, i) => s + i.width * i.height + (i.mask ? i.mask.width * i.mask.height : 0),
      0,
    );

  it('every image a page paints is counted with its mask, however the page reaches it', () => {
    fc.assert(
      fc.property(fc.array(image, { minLength: 1, maxLength: 16 }), shape, (images, s) => {
        const pdf = pdfPaintingImages(images, s);
        expect(pageImagePixels(pdfObjects(pdf))).toEqual([pixels(images)]);
      }),
      { numRuns: 200 },
    );
  });

  it('a page over the budget is needs_review with the reason, never decoded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(image, { minLength: 1, maxLength: 16 }),
        shape,
        async (images, s) => {
          fc.pre(pixels(images) > MAX_PAGE_IMAGE_PIXELS);
          const { result } = await ingestHostile(
            'quet.pdf',
            pdfPaintingImages(images, s),
            'engine',
          );
          expect(result.submission.status).toBe('needs_review');
          expect(result.submission.diagnostics[0]?.code).toBe('ocr.imagesTooLarge');
          expect(result.submission.diagnostics[0]?.message).toMatch(VIETNAMESE);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('the named cases: twelve 7,000 × 7,000 images on a page; a 30,000 × 30,000 soft mask', async () => {
    const shape = { resources: 'indirect', viaForm: false, decodable: false } as const;
    const twelve = Array.from({ length: 12 }, () => ({ width: 7000, height: 7000 }));
    const masked = [{ width: 100, height: 100, mask: { width: 30_000, height: 30_000 } }];
    for (const images of [twelve, masked]) {
      const { result } = await ingestHostile(
        'quet.pdf',
        pdfPaintingImages(images, shape),
        'engine',
      );
      expect(result.submission.diagnostics[0]?.code).toBe('ocr.imagesTooLarge');
    }
  });
});
