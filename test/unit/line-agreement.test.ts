import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanedEngine } from '../../shared/ocr/cleaned-engine.js';
import { figureContradiction, numbersIn } from '../../shared/ocr/line-agreement.js';
import { reviewScan } from '../../shared/ocr/scan-review.js';
import { scanText } from '../../shared/ocr/scan-text.js';
import type { Box, OcrEngine, OcrLine, PageImage } from '../../shared/ports/ocr-engine.js';
import type { CleanPage, PageCleaner } from '../../shared/ports/page-cleaner.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Indicator } from '../../shared/schemas/report.js';
import { registry2025 } from '../helpers/fixtures.js';

// A digit misread with every word sure ("9412", "98,4", a cited "89/UBND-KGVX" for 80) is caught by
// reading the line a second time from its own picture: a figure or a cited number stands only
// where both readings spell it alike; a figure whose numbers contradict each other is held.
const registry = registry2025();
const box: Box = { x0: 0, y0: 0, x1: 10, y1: 10 };
const line = (text: string, again?: string): OcrLine => ({
  words: text.split(' ').map((w) => ({ text: w, confidence: 96, box })),
  box,
  ...(again !== undefined ? { again } : {}),
});

const HEADER = [
  'ỦY BAN NHÂN DÂN     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'XÃ CON CUÔNG     Độc lập - Tự do - Hạnh phúc',
  'Số: 52/BC-UBND     Con Cuông, ngày 02 tháng 6 năm 2026',
  'BÁO CÁO',
  'Kết quả chuyển đổi số 6 tháng đầu năm 2026',
];

/** A scanned page: the header, then the given lines, each with its second reading. */
function review(body: [string, string | undefined][]) {
  const lines = [...HEADER.map((t) => line(t)), ...body.map(([t, a]) => line(t, a))];
  const scan = scanText([{ page: 1, lines }]);
  return reviewScan(readReport(scan.text, { registry }), scan);
}

/** One digit of a number changed to another digit (a misread). */
const misread = (n: string, at: number, digit: number) => {
  const places = [...n].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
  const i = places[at % places.length]!;
  const d = String((Number(n[i]) + 1 + (digit % 9)) % 10);
  return n.slice(0, i) + d + n.slice(i + 1);
};

describe('a scanned figure read twice', () => {
  it('is kept when its line read again spells its numbers alike, held when a digit differs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 99_999 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom('', ' 1', ' .ị'),
        (count, at, digit, noise) => {
          const n = count.toLocaleString('vi-VN');
          const text = `- Tổng số hồ sơ tiếp nhận: ${n} hồ sơ.`;
          const same = review([[text, `${text}${noise}`]]);
          expect(same.indicators.map((i) => i.value)).toEqual([count]);
          const other = misread(n, at, digit);
          const held = review([[text, text.replace(n, other)]]);
          expect(held.indicators).toEqual([]);
          const why = held.diagnostics.find((d) => d.code === 'ocr.doubtfulFigure');
          expect(why?.message).toContain('hai lần đọc dòng này không khớp nhau');
          expect(why?.message).toContain(other);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is held when its line read again reads nothing; an engine that reads once keeps the bar', () => {
    const text = '- Tổng số hồ sơ tiếp nhận: 874 hồ sơ; tỷ lệ hồ sơ trực tuyến đạt 68,5%.';
    const held = review([[text, '']]);
    expect(held.indicators).toEqual([]);
    expect(held.diagnostics.map((d) => d.message).join('\n')).toContain(
      'lần đọc lại dòng này không đọc được',
    );
    expect(review([[text, undefined]]).indicators.map((i) => i.value)).toEqual([874, 68.5]);
  });

  it('is judged on its own numbers: a digit misread elsewhere on the line does not hold it', () => {
    const text = '- Kích hoạt tài khoản định danh điện tử 9.412/10.650, đạt 88,4%.';
    const kept = review([[`1 ${text}`, `7 ${text}`]]);
    expect(kept.indicators.map((i) => i.value)).toEqual([88.4]);
    const held = review([[text, text.replace('88,4', '98,4')]]);
    expect(held.indicators).toEqual([]);
  });

  it('holds a share over 100 % read surely twice, with its reason', () => {
    const text = '- Tỷ lệ hồ sơ trực tuyến đạt 168,5%.';
    const held = review([[text, text]]);
    expect(held.indicators).toEqual([]);
    expect(held.diagnostics.map((d) => d.message).join('\n')).toContain('lớn hơn 100 %');
    // A plan met is no share: over 100 % is what it says.
    const growth = '- Thu ngân sách đạt 168,5% kế hoạch.';
    expect(review([[growth, growth]]).indicators.map((i) => i.value)).toEqual([168.5]);
  });
});

describe('figure contradictions', () => {
  const figure = (f: Partial<Indicator>): Indicator => ({
    label: 'Số hồ sơ',
    value: 1,
    unit: null,
    numerator: null,
    denominator: null,
    key: null,
    line: 1,
    ...f,
  });
  it('names a share over 100 %, a part over its whole, a percentage off its fraction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (a, b) => {
          const [n, d] = [Math.min(a, b), Math.max(a, b)];
          const pct = Math.round((1000 * n) / d) / 10;
          const rate = {
            label: 'Tỷ lệ hồ sơ',
            unit: '%',
            value: pct,
            numerator: n,
            denominator: d,
          };
          expect(figureContradiction(figure(rate))).toBeNull();
          if (n < d)
            expect(
              figureContradiction(figure({ ...rate, numerator: d, denominator: n })),
            ).toContain('lớn hơn tổng số');
          expect(
            figureContradiction(figure({ ...rate, value: pct > 50 ? pct - 10 : pct + 10 })),
          ).toContain('không khớp');
          expect(
            figureContradiction(figure({ ...rate, value: 101 + pct, numerator: null })),
          ).toContain('lớn hơn 100 %');
        },
      ),
    );
  });
});

describe('a scanned cited number read twice', () => {
  const cite = (n: string) =>
    `Thực hiện Công văn số ${n} ngày 12/5/2026 của Ủy ban nhân dân tỉnh Nghệ An, ` +
    'Ủy ban nhân dân xã Con Cuông báo cáo như sau:';
  it('is kept when both readings spell it, held with its reason when a digit differs', () => {
    const kept = review([[cite('80/UBND-KGVX'), cite('80/UBND-KGVX')]]);
    expect(kept.requestedBy.map((r) => r.number)).toEqual(['80/UBND-KGVX']);
    const held = review([[cite('89/UBND-KGVX'), cite('80/UBND-KGVX')]]);
    expect(held.requestedBy).toEqual([]);
    const why = held.diagnostics.find((d) => d.field === 'requestedBy');
    expect(why?.message).toContain('89/UBND-KGVX');
    expect(why?.message).toContain('khác nhau');
  });
  it('is read across the line it is wrapped on, both lines read again', () => {
    const [a, b] = [
      'Thực hiện Công văn số 4932/SKHCN-',
      'CĐS ngày 13/2/2025 của Sở Khoa học và Công nghệ, Ủy ban báo cáo:',
    ];
    const kept = review([
      [a, a],
      [b, b],
    ]);
    expect(kept.requestedBy.map((r) => r.number)).toEqual(['4932/SKHCN-CĐS']);
    const held = review([
      [a, a.replace('4932', '4982')],
      [b, b],
    ]);
    expect(held.requestedBy).toEqual([]);
    expect(held.diagnostics.find((d) => d.field === 'requestedBy')?.message).toContain('4932');
  });
});

describe('the engine reads each line holding a digit again, from its own picture', () => {
  const words = (t: string) => t.split(' ').map((w) => ({ text: w, confidence: 95, box }));
  const page = (texts: string[]): OcrLine[] =>
    texts.map((t, i) => ({
      words: words(t),
      box: { x0: 0, y0: i * 30, x1: 400, y1: i * 30 + 20 },
    }));
  function cleaner(cuts: number[]): PageCleaner {
    return {
      async clean(image): Promise<CleanPage> {
        return {
          image,
          scale: 1,
          straightened: false,
          measures: {
            colour: false,
            bilevel: false,
            xHeight: 20,
            unevenLight: 0,
            speckle: 0,
            pageFound: false,
            spread: false,
          },
          async cut(b, deskew) {
            cuts.push(deskew ?? 0);
            return new Uint8Array([b.y0 / 30]);
          },
        };
      },
    };
  }
  const legible = Array.from(
    { length: 12 },
    (_, i) => `Ủy ban nhân dân xã báo cáo kết quả số ${i}`,
  );
  const garbled = Array.from(
    { length: 12 },
    (_, i) => `Ủỳ bqn nhẫn dxn xã bđo cáo kzt quả sỗ ${i}`,
  );
  it('as one line, the cut level with the page as read; a page read poorly is not read again', async () => {
    for (const [texts, readAgain] of [
      [legible, true],
      [garbled, false],
    ] as const) {
      const asked: PageImage[] = [];
      const engine: OcrEngine = {
        async recognize(p) {
          asked.push(p);
          if (p.segmentation === 'line')
            return { page: p.page, lines: [{ words: words(`lại ${p.image[0]}`), box }] };
          return { page: p.page, lines: page(texts), deskew: 0.02 };
        },
      };
      const cuts: number[] = [];
      const read = await cleanedEngine(engine, cleaner(cuts)).recognize({
        page: 1,
        image: new Uint8Array(),
      });
      const again = read.lines.map((l) => l.again);
      if (readAgain) {
        expect(again).toEqual(texts.map((_, i) => `lại ${i}`));
        expect(cuts.every((d) => d === 0.02)).toBe(true);
        expect(asked.filter((a) => a.segmentation === 'line')).toHaveLength(texts.length);
      } else {
        expect(again.every((a) => a === '')).toBe(true);
        expect(asked.some((a) => a.segmentation === 'line')).toBe(false);
      }
    }
  });
  it('names the numbers a line spells, digit for digit', () => {
    expect(numbersIn('đạt 9.412/10.650, đạt 88,4%.')).toEqual(['9.412', '10.650', '88,4']);
  });
});
