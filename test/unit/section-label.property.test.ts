import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionLabel, sectionNumber } from '../../shared/reader/section-label.js';
import type { RollupPoint } from '../../shared/schemas/rollup-view.js';
import { morningRollup, registry, viewSubmissionOf } from '../helpers/rollup-fixtures.js';

// The rollup's "Mục" column shows where a quote stands in its report. Headings come from scans
// as OCR read them ("I11. NGUYÊN NHÂN", "PE XUAT"): the label is the repaired number and the
// reader's word for the kind, whatever the heading's characters.

type PointKind = RollupPoint['kind'];
const KIND_WORDS: Record<PointKind, string> = {
  difficulties: 'Khó khăn, vướng mắc',
  causes: 'Nguyên nhân',
  proposals: 'Kiến nghị, đề xuất',
};
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const LABEL = new RegExp(
  String.raw`^(?:(?:[IVXL]+(?:\.\d{1,2})?|\d{1,2}|[A-E])\. )?(?:${Object.values(KIND_WORDS).join('|')})$`,
);

/** How OCR damages an "I": a bar, a small L, a one; or left alone. */
const stroke = fc.constantFrom('I', 'I', '|', 'l', '1');
/** A Roman numeral as a scan may give it, with its value. */
const numeral = fc.integer({ min: 1, max: 12 }).chain((value) =>
  fc
    .array(stroke, { minLength: ROMANS[value - 1]!.length, maxLength: ROMANS[value - 1]!.length })
    .map((strokes) => {
      let n = 0;
      const token = [...ROMANS[value - 1]!].map((ch) => (ch === 'I' ? strokes[n++]! : ch)).join('');
      return { value, token };
    }),
);
/** Words of a heading as OCR may read them: anything, capitals, diacritics lost, letters swapped. */
const words = fc.oneof(
  fc.constantFrom(
    'NGUYÊN NHÂN',
    'NGUYEN NHAN',
    'KHÓ KHĂN, VƯỚNG MẮC',
    'KHO KHAN, VUONG MAC',
    'PE XUAT, KIEN NGHI',
    'D¢ xuit',
    'ĐỀ XUẤT, KIẾN NGHỊ',
    'HAN CHE VA NGUYEN NHAN',
  ),
  // Words that open with a number and its mark ("1) …") are a sub-section's label, which the
  // next property covers: here the words are anything else.
  fc
    .string({ minLength: 1, maxLength: 40 })
    .map((s) => s.replace(/^\s+/, 'X'))
    .filter((s) => !/^\d+\s*[.):]/.test(s)),
);
const separator = fc.constantFrom('. ', '.', ': ', ' - ', ') ', '.  ');
const kind = fc.constantFrom<PointKind>('difficulties', 'causes', 'proposals');

/** The number a heading with this numeral shows: a lone "1" may be Arabic and stays one. */
const expectedNumber = (n: { value: number; token: string }) =>
  n.token === '1' ? '1' : ROMANS[n.value - 1]!;

describe('the section a quote comes from', () => {
  it('shows the repaired numeral and the kind, never the heading as read', () => {
    fc.assert(
      fc.property(numeral, separator, words, kind, (n, sep, w, k) => {
        const label = sectionLabel(`${n.token}${sep}${w}`, k);
        expect(label).toBe(`${expectedNumber(n)}. ${KIND_WORDS[k]}`);
      }),
    );
    expect(sectionLabel('I11. NGUYÊN NHÂN', 'causes')).toBe('III. Nguyên nhân');
    // Words that open with "0)" are no sub-section 0 (the property's counterexample).
    expect(sectionLabel('I. 0) Khó khăn', 'difficulties')).toBe('I. Khó khăn, vướng mắc');
    // A sub-section's own mark after the part's numeral is kept (the property's counterexample at 30,000 runs).
    expect(sectionLabel('I. 1) Khó khăn', 'difficulties')).toBe('I.1. Khó khăn, vướng mắc');
  });

  it('keeps the sub-section of a joined heading and the number of a part', () => {
    fc.assert(
      fc.property(numeral, fc.integer({ min: 1, max: 9 }), words, kind, (n, sub, w, k) => {
        expect(sectionNumber(`${n.token}.${sub}. ${w}`)).toBe(`${expectedNumber(n)}.${sub}`);
        expect(sectionLabel(`${n.token}.${sub}. ${w}`, k)).toBe(
          `${expectedNumber(n)}.${sub}. ${KIND_WORDS[k]}`,
        );
      }),
    );
    expect(sectionNumber('PHẦN THỨ HAI: KIẾN NGHỊ')).toBe('II');
    expect(sectionNumber('Phần III. Đề xuất')).toBe('III');
    expect(sectionNumber('3. Kiến nghị, đề xuất')).toBe('3');
    expect(sectionNumber('B) Khó khăn')).toBe('B');
  });

  it("is made of the reader's words only, whatever the heading holds", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), kind, (heading, k) => {
        expect(sectionLabel(heading, k)).toMatch(LABEL);
      }),
      { numRuns: 500 },
    );
    // A heading without a numeral is not given one by its first word.
    expect(sectionLabel('Vì sao chưa đạt', 'causes')).toBe('Nguyên nhân');
    expect(sectionLabel('Khó khăn, vướng mắc', 'difficulties')).toBe('Khó khăn, vướng mắc');
  });

  it('the XLSX and JSON of a rollup show the labels of damaged headings', async () => {
    const units = registry.unitsOf('40').slice(0, 3);
    const damaged: Array<[string, PointKind, string]> = [
      ['I11. NGUYÊN NHÂN', 'causes', 'III. Nguyên nhân'],
      ['1I: KHO KHAN, VUONG MAC', 'difficulties', 'II. Khó khăn, vướng mắc'],
      ['|V - PE XUAT, KIEN NGHI', 'proposals', 'IV. Kiến nghị, đề xuất'],
    ];
    const subs = damaged.map(([section, k], i) =>
      viewSubmissionOf(units[i]!, {
        points: [
          { kind: k, section, text: `Thiếu kinh phí cho chuyển đổi số số ${i}`, original: 'x' },
        ],
      }),
    );
    const { rollup, files } = await morningRollup(units, subs);
    const quoted = [...rollup.difficulties, ...rollup.proposals].flatMap((g) => g.quotes);
    expect(new Set(quoted.map((q) => q.section))).toEqual(new Set(damaged.map((d) => d[2])));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(files.xlsx!.bytes) as unknown as ArrayBuffer);
    const shown: string[] = [];
    for (const name of ['Khó khăn', 'Kiến nghị']) {
      const ws = book.getWorksheet(name)!;
      const col = (ws.getRow(1).values as string[]).indexOf('Mục');
      ws.eachRow((row, r) => {
        if (r > 1) shown.push(String(row.getCell(col).value));
      });
    }
    expect(new Set(shown)).toEqual(new Set(damaged.map((d) => d[2])));
    expect(files.json!.bytes.length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(files.json!.bytes)).not.toMatch(/I11|1I:|\|V/);
  });
});
