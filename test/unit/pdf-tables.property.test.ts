import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePdf, pdfDocument } from '../../shared/files/decode-pdf.js';
import { readPdfText } from '../../shared/files/pdf-text-worker.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Report } from '../../shared/schemas/report.js';
import { registry2025 } from '../helpers/fixtures.js';
import {
  type ColumnRole,
  type TablePdfSpec,
  type TableRow,
  tablePdf,
} from '../helpers/table-pdf.js';

// A PDF's table of figures is read as a table: each row a figure with its row's label, its unit
// column and the meaning of its columns, whatever the columns' order and widths, the headers'
// wording and wrapping, the numbers' alignment and the order the cells were written in. The
// header's and the signature's two columns and justified prose read as they did before.

const registry = registry2025();
const unitName = registry.unitsOf('40').find((u) => u.level === 'xa')!.name;

const HEADERS: Record<ColumnRole, string[]> = {
  index: ['TT', 'STT'],
  label: ['Nội dung', 'Tên chỉ tiêu', 'Chỉ tiêu'],
  unit: ['ĐVT', 'Đơn vị tính'],
  result: ['Kết quả thực hiện', 'Thực hiện', 'Kết quả đạt được'],
  plan: ['Kế hoạch', 'Chỉ tiêu giao', 'Kế hoạch năm 2025'],
  rate: ['Tỷ lệ (%)', 'Tỷ lệ đạt (%)'],
};

const LABELS: ReadonlyArray<readonly [string, string]> = [
  ['Kích hoạt tài khoản định danh điện tử', 'tài khoản'],
  ['Hồ sơ nộp trực tuyến', 'hồ sơ'],
  ['Tổ công nghệ số cộng đồng', 'tổ'],
  ['Máy vi tính phục vụ công tác', 'máy'],
  ['Camera giám sát an ninh được lắp đặt mới trong năm', 'camera'],
  ['Điểm phát sóng wifi công cộng', 'điểm'],
  ['Hộ gia đình có hợp đồng cáp quang', 'hộ'],
];

const PROSE = [
  'Trong năm, Ủy ban nhân dân xã đã triển khai các nhiệm vụ chuyển đổi số theo Kế hoạch số ' +
    '12/KH-UBND, đạt nhiều kết quả tích cực trên các lĩnh vực chính quyền số, kinh tế số và xã ' +
    'hội số; kết quả thực hiện các chỉ tiêu như sau.',
  'Hạ tầng viễn thông ở các thôn vùng sâu còn hạn chế, 3 thôn chưa có sóng di động ổn định; ' +
    'đội ngũ cán bộ kiêm nhiệm, thiếu kinh phí duy trì các phần mềm dùng chung.',
  'Đề nghị Sở Khoa học và Công nghệ hỗ trợ kinh phí đào tạo kỹ năng số cho 12 tổ công nghệ số ' +
    'cộng đồng và nâng cấp đường truyền tại trụ sở.',
  'Tỷ lệ kết quả đạt kế hoạch chưa cao.',
];

const rowArb = fc.record({
  label: fc.integer({ min: 0, max: LABELS.length - 1 }),
  result: fc.integer({ min: 1, max: 40_000 }),
  planOver: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }),
});

const specArb = fc
  .record({
    fontSize: fc.constantFrom(11, 12, 13),
    side: fc.boolean(),
    index: fc.boolean(),
    unit: fc.boolean(),
    plan: fc.boolean(),
    rate: fc.boolean(),
    figuresFirst: fc.boolean(),
    headers: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    labelWidth: fc.integer({ min: 110, max: 200 }),
    numberWidth: fc.integer({ min: 62, max: 90 }),
    rows: fc.array(rowArb, { minLength: 1, maxLength: 5 }),
    numberAlign: fc.constantFrom<TablePdfSpec['numberAlign']>('left', 'center', 'right'),
    order: fc.constantFrom<TablePdfSpec['order']>('rows', 'cells'),
    group: fc.option(fc.constantFrom('DỊCH VỤ CÔNG TRỰC TUYẾN', 'HẠ TẦNG SỐ'), { nil: null }),
    prose: fc.shuffledSubarray(PROSE, { minLength: 3, maxLength: 3 }),
  })
  .map((o): TablePdfSpec => {
    const roles: ColumnRole[] = [
      ...(o.index ? (['index'] as const) : []),
      'label',
      ...(o.unit ? (['unit'] as const) : []),
    ];
    const figures: ColumnRole[] = ['result', ...(o.plan ? (['plan'] as const) : [])];
    if (o.rate) figures.push('rate');
    roles.push(...(o.figuresFirst ? figures : figures.reverse()));
    // The table fits between A4's margins (483 pt): a wider one put its last column past the page's
    // edge, out of the text layer, and a row lost the figure no reader could see.
    const fixed = roles.length - figures.length;
    const room = 483 - (o.index ? 32 : 0) - o.labelWidth - (o.unit ? 66 : 0);
    const numberWidth = Math.min(o.numberWidth, Math.floor(room / (roles.length - fixed)));
    const width = (r: ColumnRole) =>
      r === 'index' ? 32 : r === 'label' ? o.labelWidth : r === 'unit' ? 66 : numberWidth;
    const columns = roles.map((role, k) => {
      const words = HEADERS[role];
      return { role, header: words[o.headers[k]! % words.length]!, width: width(role) };
    });
    const rows: TableRow[] = o.rows.map((r) => {
      const [label, unit] = LABELS[r.label]!;
      const plan = o.plan && r.planOver !== null ? r.result + r.planOver : null;
      const rate = o.rate && plan !== null ? Math.round((r.result / plan) * 1000) / 10 : null;
      return { label, unit, result: r.result, plan, rate };
    });
    return { ...o, unitName, columns, rows };
  });

/** The figure the reader should take from a row, as a Word table's row is read. */
function expected(s: TablePdfSpec, r: TableRow) {
  const has = (role: ColumnRole) => s.columns.some((c) => c.role === role);
  const unit = has('unit') ? r.unit : null;
  if (r.rate !== null)
    return { value: r.rate, unit: '%', numerator: r.result, denominator: r.plan };
  if (r.plan !== null) return { value: r.result, unit, numerator: r.result, denominator: r.plan };
  return { value: r.result, unit, numerator: null, denominator: null };
}

/** What a reading says apart from its figures. */
const fields = (r: Report) => ({
  number: r.number,
  issuedOn: r.issuedOn,
  issuer: r.issuer,
  title: r.title,
  sections: r.sections.map((s) => s.heading),
});

async function readBoth(bytes: Buffer) {
  const { text, document } = await decodePdf(bytes);
  const withTables = readReport(text, { registry, document });
  const raw = await readPdfText(bytes);
  if (raw.kind !== 'ok') throw new Error(raw.kind);
  const flat = pdfDocument(raw.pages, raw.lines);
  const asLines = readReport(flat.pages.join('\n'), { registry, document: flat.document });
  return { document, withTables, asLines };
}

describe('tables of figures in a PDF text layer', () => {
  it('each row is a figure with its label, unit and columns; nothing else changes', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, async (s) => {
        const { document, withTables, asLines } = await readBoth(await tablePdf(s));
        const tables = document.blocks.filter((b) => b.kind === 'table');
        expect(tables).toHaveLength(1);
        const lines = tables[0]!.rows.flatMap((r) =>
          r.cells.flatMap((c) => c.paragraphs.map((p) => p.at.line)),
        );
        const [first, last] = [Math.min(...lines), Math.max(...lines)];
        const inTable = withTables.indicators.filter((i) => i.line >= first && i.line <= last);
        expect(inTable.map((i) => i.label)).toEqual(s.rows.map((r) => r.label));
        inTable.forEach((i, k) => {
          expect({
            value: i.value,
            unit: i.unit,
            numerator: i.numerator,
            denominator: i.denominator,
          }).toEqual(expected(s, s.rows[k]!));
          expect(i.page).toBe(1);
        });
        // The header's and the signature's columns, the prose: read as without the table.
        expect(fields(withTables)).toEqual(fields(asLines));
        // The signature beside "Nơi nhận:" on the same baselines is its own column: its name is
        // read whole, not run into the distribution list.
        // (Without its cells, the flat reading runs the two columns into one line: no baseline.)
        expect(withTables.signer).toEqual({ name: 'Nguyễn Văn Bình', title: 'CHỦ TỊCH' });
        expect(withTables.distribution).toEqual([
          'Sở Khoa học và Công nghệ',
          'TT Đảng ủy, HĐND xã',
          'Lưu: VT',
        ]);
        const outside = (r: Report) => r.indicators.filter((i) => i.line < first || i.line > last);
        expect(outside(withTables)).toEqual(outside(asLines));
      }),
      { numRuns: 50 },
    );
  }, 240_000);
});
