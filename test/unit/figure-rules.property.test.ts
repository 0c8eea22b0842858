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
