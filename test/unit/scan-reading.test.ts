import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { jpegDeclaring } from '../../scripts/worst-files.js';
import { FileProblem } from '../../shared/files/file-problem.js';
import { pdfPageImages } from '../../shared/files/pdf-page-images.js';
import { toPgm, toPnm } from '../../shared/files/pnm.js';
import { readUpload } from '../../shared/ocr/read-upload.js';
import { repairHeadingNumerals } from '../../shared/ocr/roman-headings.js';
import { DOUBT_CONFIDENCE, reviewScan } from '../../shared/ocr/scan-review.js';
import { scanText } from '../../shared/ocr/scan-text.js';
import type { OcrEngine, OcrLine, OcrPage, PageImage } from '../../shared/ports/ocr-engine.js';
import { readReport } from '../../shared/reader/read-report.js';
import { fixturePath, registry2025 } from '../helpers/fixtures.js';
import { photoText, textPhoto } from '../helpers/text-photo.js';

const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const line = (text: string, confidence = 95): OcrLine => ({
  words: text.split(' ').map((w) => ({ text: w, confidence, box })),
  box,
});

/** An engine that "reads" the text a textPhoto carries, and remembers the order it was asked. */
class TextEngine implements OcrEngine {
  readonly seen: number[] = [];
  constructor(private readonly fixed?: string) {}
  async recognize(img: PageImage): Promise<OcrPage> {
    this.seen.push(img.page);
    const text = this.fixed ?? photoText(img.image);
    return { page: img.page, lines: text.split('\n').map((l) => line(l)) };
  }
}

const source = readFileSync(fixturePath('scans/xa-con-cuong.txt'), 'utf8');
const registry = registry2025();

describe('scan text', () => {
  it('keeps every line with its page, typed and scanned pages in page order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.boolean(),
            fc.array(fc.stringMatching(/^[a-zđ0-9]{1,8}$/), { minLength: 1, maxLength: 5 }),
          ),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (spec) => {
          const pages = spec.map(([typed, words], i) =>
            typed
              ? { page: i + 1, text: words.join('\n') }
              : { page: i + 1, lines: words.map((w) => line(w)) },
          );
          const scan = scanText([...pages].reverse());
          const textLines = scan.text.split('\n');
          expect(textLines).toHaveLength(scan.lines.length);
          expect(textLines).toEqual(spec.flatMap(([, words]) => words));
          const pageOf = spec.flatMap(([, words], i) => words.map(() => i + 1));
          expect(scan.lines.map((l) => l.page)).toEqual(pageOf);
          expect(scan.scannedPages).toEqual(spec.flatMap(([typed], i) => (typed ? [] : [i + 1])));
        },
      ),
    );
  });

  it('a heading numeral read unsure that breaks the sequence becomes the next one', () => {
    const lines = [line('I. KẾT QUẢ'), line('II. KHÓ KHĂN'), line('II. KIẾN NGHỊ', 46)];
    expect(repairHeadingNumerals(lines).map((l) => l.words[0]?.text)).toEqual([
      'I.',
      'II.',
      'III.',
    ]);
    const sure = [line('I. A'), line('I. B', 96)];
    expect(repairHeadingNumerals(sure).map((l) => l.words[0]?.text)).toEqual(['I.', 'I.']);
  });
});

describe('figures read from scans', () => {
  it('a figure whose digits were read unsure is held back with its page; a sure one keeps its page', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 9 }),
        (conf, page) => {
          const lines = source.split('\n').map((l) => (/874/.test(l) ? line(l, conf) : line(l)));
          const scan = scanText([{ page, lines }]);
          const report = reviewScan(readReport(scan.text, { registry }), scan);
          const figure = report.indicators.find((i) => i.key === 'tthc_received_total');
          const doubt = report.diagnostics.find((d) => d.code === 'ocr.doubtfulFigure');
          if (conf < DOUBT_CONFIDENCE) {
            expect(figure).toBeUndefined();
            expect(doubt?.level).toBe('error');
            expect(doubt?.message).toContain(`Trang ${page}`);
            expect(doubt?.message).toContain('874');
          } else {
            expect(figure).toMatchObject({ value: 874, page, box });
            expect(doubt).toBeUndefined();
          }
          expect(report.indicators.every((i) => i.page === page)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('slashes OCR reads for "/"', () => {
  it('reads a figure with a fraction or division slash as the same figure with "/" (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 1, max: 99_999 }),
        fc.constantFrom('\u2044', '\u2215'),
        (a, extra, slash) => {
          const b = a + extra;
          const shown = (n: number) => n.toLocaleString('de-DE');
          const text = (s: string) =>
            source.replace(
              /\n([^\n]*)$/,
              `\n- Số tài khoản VNeID đã kích hoạt: ${shown(a)}${s}${shown(b)} tài khoản.\n$1`,
            );
          const read = (s: string) => {
            const scan = scanText([
              {
                page: 1,
                lines: text(s)
                  .split('\n')
                  .map((l) => line(l)),
              },
            ]);
            return { scan, report: reviewScan(readReport(scan.text, { registry }), scan) };
          };
          const odd = read(slash);
          const plain = read('/');
          expect(odd.scan.text).toBe(plain.scan.text);
          expect(odd.report.indicators).toEqual(plain.report.indicators);
          expect(
            plain.report.indicators.some((i) => i.numerator === a && i.denominator === b),
          ).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('page images', () => {
  it('a .zip of photos is read in page order by name (2 before 10)', async () => {
    const zip = new JSZip();
    for (const n of ['10', '2', '1']) zip.file(`anh/${n}.jpg`, textPhoto(`trang ${n}`));
    zip.file('__MACOSX/anh/._1.jpg', 'junk');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const content = await readUpload('bao-cao.zip', bytes, new TextEngine());
    expect(content.kind === 'text' && content.text).toBe('trang 1\ntrang 2\ntrang 10');
    expect(content.format).toBe('zip');
  });

  it('without an engine a photo is a file that needs OCR', async () => {
    const err = await readUpload('anh.jpg', jpegDeclaring(1200, 1600)).catch((e) => e);
    expect(err).toBeInstanceOf(FileProblem);
    expect((err as FileProblem).diagnostic.code).toBe('file.needsOcr');
  });

  it('a typed PDF with a scanned last page: the typed text stays, only the scan goes to OCR', async () => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => doc.on('end', r));
    doc.text('UBND XA CON CUONG\nBao cao ket qua chuyen doi so 6 thang dau nam 2026');
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(fixturePath('scans/xa-con-cuong-anh.jpg'), 0, 0, { width: 595.28, height: 841.89 });
    doc.end();
    await done;
    const bytes = Buffer.concat(chunks);
    const images = [];
    for await (const img of pdfPageImages(bytes)) images.push(img);
    expect(images.map((i) => i.page)).toEqual([2]);
    expect(images[0]?.dpi).toBeGreaterThan(140);
    expect(images[0]?.dpi).toBeLessThan(160);
    const engine = new TextEngine('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLô Văn Hùng');
    const content = await readUpload('bc.pdf', bytes, engine);
    expect(engine.seen).toEqual([2]);
    expect(content.kind === 'text' && content.scan?.scannedPages).toEqual([2]);
    expect(content.kind === 'text' && content.text).toMatch(
      /^UBND XA CON CUONG\n[\s\S]*\nLô Văn Hùng$/,
    );
  });

  it('a PDF page with colour ink stays in colour (PPM) for the cleaner, a grey one is a PGM', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 60 }),
        fc.integer({ min: 20, max: 60 }),
        fc.boolean(),
        fc.constantFrom(2, 3),
        (w, h, seal, kind) => {
          const step = kind === 3 ? 4 : 3;
          const data = new Uint8Array(w * h * step).fill(230);
          // Black text in a band, and a red seal over a quarter of the page when `seal`.
          for (let i = 0; i < w * h; i++) {
            const [x, y] = [i % w, Math.floor(i / w)];
            if (y % 5 === 0) data.fill(20, i * step, i * step + 3);
            if (seal && x < w / 2 && y < h / 2) data.set([206, 38, 48], i * step);
          }
          const pnm = Buffer.from(toPnm({ width: w, height: h, kind, data }));
          const header = `P${seal ? 6 : 5}\n${w} ${h}\n255\n`;
          expect(pnm.subarray(0, header.length).toString('latin1')).toBe(header);
          if (!seal) return;
          expect(pnm.length).toBe(header.length + w * h * 3);
          expect([...pnm.subarray(header.length, header.length + 3)]).toEqual([206, 38, 48]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('PGM of pdf.js pixels: 1-bit rows (1 = white) and RGB luma', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5 }), (w, h) => {
        const rowBytes = (w + 7) >> 3;
        const bits = Uint8Array.from({ length: rowBytes * h }, (_, i) => (i * 37) & 0xff);
        const pgm = toPgm({ width: w, height: h, kind: 1, data: bits });
        const header = `P5\n${w} ${h}\n255\n`.length;
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) {
            const white = (bits[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
            expect(pgm[header + y * w + x]).toBe(white ? 255 : 0);
          }
        const rgb = toPgm({
          width: w,
          height: h,
          kind: 2,
          data: new Uint8Array(w * h * 3).fill(200),
        });
        expect(rgb[header]).toBe(200);
      }),
      { numRuns: 20 },
    );
  });
});
