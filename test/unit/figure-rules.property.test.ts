import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedSet } from '../../scripts/generated-score.js';
import { figureSentence } from '../../scripts/phrase-generator.js';
import { rngOf } from '../../scripts/report-generator.js';
import { INDICATOR_CATALOGUE } from '../../shared/reader/catalogue.js';
import { isFragment } from '../../shared/reader/figure-label.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Indicator } from '../../shared/schemas/report.js';
import { fold } from '../../shared/text/fold.js';

const DEFINING = new Map(
  INDICATOR_CATALOGUE.map((e) => [e.key, e.defining.map((p) => new RegExp(p))]),
);
const read = (sentence: string) => readReport(`I. KẾT QUẢ THỰC HIỆN\n- ${sentence}.\n`).indicators;
const near = (i: Indicator, v: number) => Math.abs(i.value - v) < 0.005;

/** Every figure filed under an indicator has that indicator's defining words in its text. */
function definedIn(text: string, indicators: Indicator[]): void {
  const words = fold(text).replace(/\s+/g, ' ');
  for (const i of indicators)
    if (i.key) for (const re of DEFINING.get(i.key)!) expect(words).toMatch(re);
}

describe('figures written the way offices write them', () => {
  it('are read with their fraction, filed only where their defining words are, labelled', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const f = figureSentence(rngOf(seed));
        const found = read(f.text);
        const figure = found.find((i) => near(i, f.value));
        expect(figure, f.text).toBeDefined();
        if (f.fraction) expect([figure!.numerator, figure!.denominator]).toEqual(f.fraction);
        if (f.key !== undefined) expect(figure!.key).toBe(f.key);
        for (const k of f.notKeys ?? []) expect(found.map((i) => i.key)).not.toContain(k);
        definedIn(f.text, found);
        for (const i of found) expect(isFragment(i.label), i.label).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('over a generated set, no label is a fragment and no key lacks its defining words', () => {
    for (const g of generatedSet(120, 41)) {
      const r = readReport(g.text);
      const lines = g.text.split('\n');
      for (const i of r.indicators) {
        expect(isFragment(i.label), i.label).toBe(false);
        definedIn(lines.slice(Math.max(0, i.line - 2), i.line + 1).join(' '), [i]);
      }
    }
  });
});

describe('what a fragment is', () => {
  it.each([
    'Duy trì',
    'phấn đấu',
    'kiện toàn Tổ công nghệ số cộng đồng ở',
    'triệu đồng cho nhiệm vụ chuyển đổi số, chiếm',
    'Tổng số hồ sơ tiếp nhận trong năm là',
    'đạt',
    'trong đó',
  ])('"%s" is one', (label) => expect(isFragment(label)).toBe(true));

  it.each([
    'Số tổ công nghệ số cộng đồng',
    'Tỷ lệ hồ sơ nộp trực tuyến',
    'Hồ sơ nộp trực tuyến',
    'Tổng số hồ sơ tiếp nhận trong năm',
    'Kinh phí cho nhiệm vụ chuyển đổi số',
    'CCCD',
  ])('"%s" is a noun phrase', (label) => expect(isFragment(label)).toBe(false));
});

describe('digits split by a space', () => {
  const grouped = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const nouns = ['hộ gia đình có cáp quang', 'hồ sơ trực tuyến', 'máy tính kết nối mạng'];

  it('a no-break, thin or figure space groups thousands; a plain space leaves the figure out, said', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 999_999_999 }),
        fc.constantFrom('\u00a0', '\u202f', '\u2009', '\u2007', ' '),
        fc.constantFrom(...nouns),
        fc.constantFrom('Toàn xã có ', 'Tổng số: '),
        (n, sep, noun, lead) => {
          const r = readReport(`I. KẾT QUẢ THỰC HIỆN\n- ${lead}${grouped(n, sep)} ${noun}.\n`);
          const values = r.indicators.map((i) => i.value);
          const said = r.diagnostics.some((d) => d.code === 'indicators.spacedDigits');
          if (sep === ' ') {
            expect(values).toEqual([]);
            expect(said).toBe(true);
          } else {
            expect(values).toEqual([n]);
            expect(said).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a figure at the end of a line', () => {
  // Each line a label, a colon and a count; the next line's label opens with a noun the reader
  // knows as a unit ("Tổ …", "Hộ …"). 120 of the first line was read as "120 tổ" filed under
  // the second line's indicator.
  const LABELS = [
    'Số tài khoản định danh điện tử được kích hoạt',
    'Tổ công nghệ số cộng đồng',
    'Hộ gia đình có cáp quang',
    'Hồ sơ nộp trực tuyến',
    'Người dân được tập huấn kỹ năng số',
    'Thôn có sóng di động',
  ];
  it('takes no unit nor catalogue key from the next line when it opens with a capital', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 2, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 2, max: 9_999 }), { minLength: 4, maxLength: 4 }),
        (labels, values) => {
          const lines = labels.map((l, i) => `${l}: ${values[i]}`);
          const found = readReport(`UBND XÃ A\nBÁO CÁO\nI. Kết quả\n${lines.join('\n')}\n`);
          for (const i of found.indicators) {
            const at = values.indexOf(i.value);
            expect(at, `${i.value}`).toBeGreaterThanOrEqual(0);
            // The figure's unit and key come from its own line.
            definedIn(lines[at]!, [i]);
            if (i.unit) expect(fold(lines[at]!)).toContain(fold(i.unit));
          }
        },
      ),
    );
  });
});

describe('an amount per one unit', () => {
  // "Mỗi thôn có 01 tổ công nghệ số" beside "Toàn xã có 12 tổ": read as a count, the commune's
  // twelve teams were filed as one; "01 máy tính/01 cán bộ" gave one computer.
  const NOUNS = [
    'tổ công nghệ số cộng đồng',
    'máy tính',
    'camera giám sát',
    'thành viên',
    'thuê bao',
  ];
  const PLACES = ['thôn', 'ấp', 'tổ dân phố', 'cán bộ', 'hộ gia đình', 'người'];
  const PER = [
    (n: string, noun: string, place: string) => `Mỗi ${place} có ${n} ${noun}`,
    (n: string, noun: string, place: string) => `bình quân ${n} ${noun}/${place}`,
    (n: string, noun: string, place: string) => `trung bình mỗi ${place} ${n} ${noun}`,
    (n: string, noun: string, place: string) => `Tỷ lệ ${n} ${noun}/01 ${place}`,
    (n: string, noun: string, place: string) => `${n} ${noun}/1 ${place} đạt 100%`,
  ];
  it('is no count; the total beside it is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 10, max: 5_000 }),
        fc.constantFrom(...NOUNS),
        fc.constantFrom(...PLACES),
        fc.integer({ min: 0, max: PER.length - 1 }),
        fc.boolean(),
        fc.boolean(),
        (n, total, noun, place, shape, padded, first) => {
          const per = PER[shape]!(padded ? `0${n}` : String(n), noun, place);
          const whole = `Toàn xã có ${total.toLocaleString('vi-VN')} ${noun}`;
          const body = first
            ? `- ${per};\n- ${whole}.`
            : `- ${whole}, ${per.charAt(0).toLowerCase()}${per.slice(1)}.`;
          const found = readReport(`I. KẾT QUẢ THỰC HIỆN\n${body}\n`).indicators;
          expect(
            found.filter((i) => i.value === n && i.unit !== '%'),
            body,
          ).toEqual([]);
          expect(
            found.map((i) => i.value),
            body,
          ).toContain(total);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a change, a bound or a range', () => {
  // "tăng 15% so với năm 2024" was filed as the online rate 15%; "tăng từ 65% lên 80%" as 65;
  // "80% - 85%" and "từ 70% trở lên" as 80 and 70. Only the figure a change reaches is one.
  const RATES = [
    'Tỷ lệ hồ sơ trực tuyến',
    'Tỷ lệ thanh toán không dùng tiền mặt',
    'Tỷ lệ hồ sơ đúng hạn',
  ];
  const COUNTS = [
    ['Số lớp tập huấn kỹ năng số', 'lớp'],
    ['Số hồ sơ tiếp nhận trực tuyến', 'hồ sơ'],
    ['Số tổ công nghệ số cộng đồng', 'tổ'],
  ] as const;
  const pct = (n: number, comma: boolean) => (comma ? `${n},5%` : `${n}%`);
  const SHAPES: ((
    l: string,
    c: readonly [string, string],
    a: string,
    b: string,
    y: number,
  ) => string)[] = [
    (l, _c, a, _b, y) => `${l} tăng ${a} so với năm ${y}`,
    (l, _c, a) => `${l} giảm ${a} so với cùng kỳ`,
    (l, _c, a) => `${l} đạt từ ${a} trở lên`,
    (l, _c, a, b) => `${l} đạt ${a.replace('%', '')} - ${b}`,
    (l, _c, a, b) => `${l} đạt ${a} – ${b}`,
    (l, _c, a, b) => `${l} đạt từ ${a} đến ${b}`,
    (_l, c, a, b) => `${c[0]}: ${a.replace(/[,%].*/, '')} - ${b.replace(/[,%].*/, '')} ${c[1]}`,
    (_l, c, a, _b, y) => `${c[0]} tăng thêm ${a.replace(/[,%].*/, '')} ${c[1]} so với năm ${y}`,
  ];
  it('states no figure of the period, but the value a change reaches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 49 }),
        fc.integer({ min: 50, max: 99 }),
        fc.constantFrom(...RATES),
        fc.constantFrom(...COUNTS),
        fc.integer({ min: 0, max: SHAPES.length }),
        fc.boolean(),
        (a, b, rate, count, shape, comma) => {
          const [pa, pb] = [pct(a, comma), pct(b, comma)];
          const reaches = shape === SHAPES.length;
          const text = reaches
            ? `${rate} tăng từ ${pa} lên ${pb}`
            : SHAPES[shape]!(rate, count, pa, pb, 2024);
          const found = readReport(`I. KẾT QUẢ THỰC HIỆN\n- ${text}.\n`).indicators;
          const values = found.map((i) => Math.floor(i.value));
          expect(values, text).not.toContain(a);
          if (reaches) expect(values, text).toEqual([b]);
          else expect(values, text).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
