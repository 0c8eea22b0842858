import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreReport, uniquelyNamedUnits } from '../../scripts/generated-score.js';
import {
  generateReport,
  rngOf,
  TABLE_SEPARATORS,
  withFigureTable,
} from '../../scripts/report-generator.js';
import { textDocument } from '../../shared/files/text-document.js';
import { readReport } from '../../shared/reader/read-report.js';
import {
  cellNumber,
  figureTableOf,
  rowFigure,
  rowFigures,
} from '../../shared/reader/table-figures.js';
import type { Report } from '../../shared/schemas/report.js';
import { registry2025 } from '../helpers/fixtures.js';

const registry = registry2025();
const units = uniquelyNamedUnits(registry);
const report = fc.integer().map((seed) => generateReport(rngOf(seed), units));
const figures = (r: Report) =>
  r.indicators
    .filter((i) => i.key)
    .map((i) => [i.key, i.value, i.numerator, i.denominator])
    .sort();

describe('tables typed in plain text', () => {
  it('lines cut into the same columns are one table, each row on its own line of the file', () => {
    const doc = textDocument('Mở đầu\nChỉ tiêu\tKết quả\nHồ sơ\t12\n\nKết thúc');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = doc.blocks[1];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Chỉ tiêu', 'Kết quả'],
      ['Hồ sơ', '12'],
    ]);
    expect(table.rows[1]?.cells[1]?.paragraphs[0]?.at.line).toBe(3);
    expect(doc.blocks[2]?.at.line).toBe(5);
  });

  it('metamorphic: figures as typed lines or as a table (tabs, bars, aligned) read the same', () => {
    fc.assert(
      fc.property(report, fc.constantFrom(...TABLE_SEPARATORS), (g, sep) => {
        const asLines = readReport(g.text, { registry });
        const asTable = readReport(withFigureTable(g, sep), { registry });
        expect(figures(asTable)).toEqual(figures(asLines));
        expect(scoreReport(asTable, g.truth).problems).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('a rate beside counts that say otherwise is not taken; a plain count keeps its unit', () => {
    const base = { label: 'Hồ sơ trực tuyến', unit: 'hồ sơ', ratio: null };
    expect(rowFigure({ ...base, result: 90, plan: 100, rate: 50 })).toBeNull();
    expect(rowFigure({ ...base, result: 90, plan: 100, rate: 90 })).toMatchObject({
      value: 90,
      numerator: 90,
      denominator: 100,
      unit: '%',
    });
    expect(rowFigure({ ...base, result: 120, plan: null, rate: null })).toMatchObject({
      value: 120,
      unit: 'hồ sơ',
      numerator: null,
    });
  });

  it('over its plan a row is its count; a share in % is its result, never the rate of its plan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 900 }),
        (plan, over) => {
          const result = plan + over;
          const rate = Math.round((result / plan) * 10_000) / 100;
          const base = { label: 'Hồ sơ trực tuyến', unit: 'hồ sơ', ratio: null };
          const f = rowFigures({ ...base, result, plan, rate });
          if (rate > 1000) expect(f).toEqual([]);
          else expect(f).toMatchObject([{ value: result, unit: 'hồ sơ', numerator: null }]);
        },
      ),
    );
    const share = { label: 'Tỷ lệ hồ sơ trực tuyến', ratio: null };
    expect(rowFigures({ ...share, unit: '%', result: 75, plan: 80, rate: 93.75 })).toMatchObject([
      { value: 75, unit: '%', numerator: null },
    ]);
    // Named a share, with no unit: 75 could be the share or a count of 80 planned. Nothing.
    expect(rowFigures({ ...share, unit: null, result: 75, plan: 80, rate: 93.75 })).toEqual([]);
    // A rate and a count with no plan: two figures, each as written.
    expect(
      rowFigures({
        label: 'Hồ sơ',
        unit: 'hồ sơ',
        ratio: null,
        result: 1234,
        plan: null,
        rate: 88.5,
      }),
    ).toMatchObject([
      { value: 88.5, unit: '%' },
      { value: 1234, unit: 'hồ sơ' },
    ]);
  });

  it('a cell "1,234" (decimal or thousands, by who typed it) is no value; "1,5", "1.234", "12,345%" are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), (a, b) => {
        const three = String(b).padStart(3, '0');
        expect(cellNumber(`${a},${three}`)).toBeNull();
        expect(cellNumber(` ${a},${three} `)).toBeNull();
        expect(cellNumber(`${a},${three}%`)).toBeCloseTo(a + b / 1000, 6);
        expect(cellNumber(`${a}.${three}`)).toBe(a * 1000 + b);
        expect(cellNumber(`${a},${String(b % 100).padStart(2, '0')}`)).toBeCloseTo(
          a + (b % 100) / 100,
          6,
        );
      }),
    );
  });

  it('a table whose header names no result column is no table of figures', () => {
    const doc = textDocument('STT\tThôn\tSố hộ\n1\tThôn Đông\t312\n2\tThôn Tây\t287');
    const table = doc.blocks[0];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(figureTableOf(table)).toBeNull();
  });

  it('a row whose value was left blank ("Cán bộ…⇥") keeps the table: every row after it is read', () => {
    const LABELS = [
      'Cán bộ được tập huấn kỹ năng số',
      'Tài khoản định danh điện tử',
      'Hồ sơ nộp trực tuyến',
      'Tổ công nghệ số cộng đồng',
      'Máy vi tính phục vụ công tác',
    ];
    const rowsArb = fc.uniqueArray(
      fc.record({
        label: fc.constantFrom(...LABELS),
        value: fc.option(fc.integer({ min: 1, max: 9_999 }), { nil: null }),
      }),
      { minLength: 2, maxLength: 5, selector: (r) => r.label },
    );
    const typed = (cells: string[], sep: 'tab' | 'bar') =>
      sep === 'tab' ? cells.join('\t') : `| ${cells.join(' | ')} |`;
    fc.assert(
      fc.property(rowsArb, fc.constantFrom('tab' as const, 'bar' as const), (rows, sep) => {
        // A blank row before a row of figures, and a row of figures last.
        const all = [...rows, { label: 'Điểm phát sóng wifi công cộng', value: 37 }];
        if (all.every((r) => r.value !== null)) all[0] = { ...all[0]!, value: null };
        const text = [
          'BÁO CÁO',
          'Kết quả chuyển đổi số năm 2025',
          'I. KẾT QUẢ THỰC HIỆN',
          'Kết quả các chỉ tiêu như sau:',
          typed(['Nội dung', 'Kết quả'], sep),
          ...all.map((r) => typed([r.label, r.value === null ? '' : String(r.value)], sep)),
          'II. KHÓ KHĂN, VƯỚNG MẮC',
          'Thiếu kinh phí duy trì phần mềm.',
        ].join('\n');
        const want = all.filter((r) => r.value !== null).map((r) => [r.label, r.value]);
        for (const r of [
          readReport(text, { registry }),
          readReport(text, { registry, document: textDocument(text) }),
        ])
          expect(r.indicators.map((i) => [i.label, i.value])).toEqual(want);
      }),
      { numRuns: 80 },
    );
  });

  it('a line of one cell after a table is no row of it, however it ends', () => {
    const doc = textDocument('Nội dung\tKết quả\nHồ sơ\t12\nTổ công nghệ\t4\nGhi chú\t\nHết.');
    const table = doc.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows).toHaveLength(3);
    expect(doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.at.line)).toEqual([4, 5]);
  });
});
