import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../../scripts/report-files.js';
import {
  type FormColumn,
  type FormLayout,
  type FormRow,
  rateOf,
  xlsxForm,
} from '../../scripts/xlsx-forms.js';
import { FileProblem } from '../../shared/files/file-problem.js';
import { MAX_TEXT_CHARS } from '../../shared/files/limits.js';
import { readFileContent } from '../../shared/files/read-file.js';
import { cellText, vnNumber } from '../../shared/files/xlsx/cell-text.js';
import { parseVnNumber } from '../../shared/reader/numbers.js';
import { readReport } from '../../shared/reader/read-report.js';
import type { Indicator, Report } from '../../shared/schemas/report.js';
import { registry2025 } from '../helpers/fixtures.js';

const registry = registry2025();

async function readForm(bytes: Buffer, name = 'bieu-mau.xlsx'): Promise<Report> {
  const content = await readFileContent(name, bytes);
  if (content.kind !== 'text' || !content.document) throw new Error('no document');
  return readReport(content.text, { registry, document: content.document });
}

async function problemOf(name: string, bytes: Uint8Array): Promise<FileProblem> {
  try {
    await readFileContent(name, bytes);
  } catch (e) {
    if (e instanceof FileProblem) return e;
    throw e;
  }
  throw new Error('read without a problem');
}

const LABELS = [
  'Số hồ sơ nộp trực tuyến',
  'Tổ công nghệ số cộng đồng',
  'Tài khoản định danh điện tử được kích hoạt',
  'Thẻ căn cước công dân đã cấp',
  'Máy tính kết nối mạng tại trụ sở',
  'Cán bộ, công chức được tập huấn kỹ năng số',
  'Hộ gia đình có cáp quang',
  'Kinh phí chi cho chuyển đổi số',
];
const UNITS = ['hồ sơ', 'tổ', 'tài khoản', 'thẻ', 'máy', 'người', 'hộ', 'triệu đồng'];
/** Rows that measure a share, in %: their rate column says how much of the plan was met. */
const SHARES = ['Tỷ lệ hồ sơ trực tuyến toàn trình', 'Tỷ lệ hộ gia đình có cáp quang'];
/** Rows the commune hid: labels of their own, so that reading one shows. */
const DECOYS = ['Số liệu tạm tính chưa duyệt', 'Dòng kiểm tra công thức'];

const amount = fc.oneof(
  fc.integer({ min: 0, max: 5_000_000 }),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => n / 100),
);
const share = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);

const countRow = (i: number) =>
  fc.record({
    label: fc.constant(LABELS[i]!),
    unit: fc.constant(UNITS[i]!),
    result: fc.option(amount, { nil: null, freq: 8 }),
    plan: fc.option(fc.integer({ min: 1, max: 9_000_000 }), { nil: null }),
    sub: fc.boolean(),
  });

const shareRow = (label: string) =>
  fc.record({
    label: fc.constant(label),
    unit: fc.constant('%'),
    result: fc.option(share, { nil: null, freq: 8 }),
    plan: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
  });

const decoyRow = (label: string) =>
  fc.record({
    label: fc.constant(label),
    unit: fc.constant('hồ sơ'),
    result: amount,
    plan: fc.constant(null),
    hidden: fc.constant(true),
  });

/** Rows in a random order: counts (some under "Trong đó:"), shares, and hidden decoys. */
const formRows: fc.Arbitrary<FormRow[]> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: LABELS.length - 1 }), { minLength: 1, maxLength: 6 }),
    fc.subarray(SHARES),
    fc.subarray(DECOYS),
  )
  .chain(([counts, shares, decoys]) =>
    fc.shuffledSubarray(
      [...counts.map(countRow), ...shares.map(shareRow), ...decoys.map(decoyRow)],
      { minLength: counts.length + shares.length + decoys.length },
    ),
  )
  .chain((rows) => fc.tuple(...(rows as fc.Arbitrary<FormRow>[])))
  // The first row is never a sub-row: "Trong đó" follows a row it breaks down.
  .map((rows) => rows.map((r, i) => (i === 0 ? { ...r, sub: false } : r)));

const soForm = fc.record({
  phuLuc: fc.boolean(),
  threeRowHeader: fc.boolean(),
  columnNumbers: fc.constantFrom('none' as const, 'bracketed' as const, 'letters' as const),
  roman: fc.boolean(),
});

const layout: fc.Arbitrary<FormLayout> = fc.record({
  columns: fc
    .subarray(['stt', 'unit', 'plan', 'rate', 'note'] as FormColumn[])
    .chain((extra) =>
      fc.shuffledSubarray([...extra, 'label', 'result'] as FormColumn[], {
        minLength: extra.length + 2,
      }),
    )
    // The label before the figures, as every form has it; the rest in any order.
    .map((cols) => ['label' as FormColumn, ...cols.filter((c) => c !== 'label')]),
  twoRowHeader: fc.boolean(),
  numbers: fc.constantFrom('number' as const, 'text' as const, 'formula' as const),
  percentFormat: fc.boolean(),
  header: fc.constantFrom('columns' as const, 'reportingUnit' as const, 'none' as const),
  groups: fc.boolean(),
  so: soForm,
});

const isShare = (r: FormRow) => r.unit === '%';

/**
 * What a row may read as. A count: its rate when the form has one, or its result with its
 * unit (null without a unit column). A share: its result, in % (or without unit when the form
 * has no unit column) — never the rate column, which says how much of the plan was met.
 */
function written(row: FormRow, cols: FormColumn[]): Array<{ value: number; unit: string | null }> {
  if (row.result === null) return [];
  const unit = cols.includes('unit') ? row.unit : null;
  if (isShare(row))
    return [
      { value: row.result, unit: '%' },
      { value: row.result, unit },
    ];
  const rate = rateOf(row);
  const result = { value: row.result, unit };
  return cols.includes('rate') && rate !== null ? [{ value: rate, unit: '%' }, result] : [result];
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function checkFigures(indicators: Indicator[], rows: FormRow[], cols: FormColumn[]): void {
  const shown = rows.filter((r) => !r.hidden);
  for (const i of indicators) {
    const row = shown.find((r) => r.label === i.label);
    // Every figure is one of the rows shown, with one of its values and that value's unit.
    expect(row, `figure "${i.label}" is no row the form shows`).toBeDefined();
    const ok = written(row!, cols).some((w) => near(w.value, i.value) && w.unit === i.unit);
    expect(ok, `${i.label}: ${i.value} ${i.unit} is not what was written`).toBe(true);
    // A fraction is the row's result over its plan, and a share is never one.
    if (i.numerator !== null) {
      expect(isShare(row!), `${i.label}: a share read as a fraction`).toBe(false);
      expect([i.numerator, i.denominator]).toEqual([row!.result, row!.plan]);
    }
  }
}

/**
 * The rows a reading must find: shown, with a result, but not those whose rate the reader's
 * rules do not take (a rate over 1000 %: shared/reader/table-figures.ts), nor a share on a form
 * without a unit column (its result could be the share or a count of it). A result over its plan
 * is read (as its count); a formula whose saved result is 0 too (the sheet census restores it).
 */
function mustRead(rows: FormRow[], l: FormLayout): FormRow[] {
  const rates = l.columns.includes('rate');
  return rows.filter(
    (r) =>
      !r.hidden &&
      r.result !== null &&
      !(isShare(r) && !l.columns.includes('unit')) &&
      !(rates && (rateOf(r) ?? 0) > 1000),
  );
}

describe('an Excel form is read row by row: label, value, unit, or nothing', () => {
  it('any column order, header over one to three rows, Sở forms, numbers stored any way', async () => {
    await fc.assert(
      fc.asyncProperty(layout, formRows, async (l, rows) => {
        const report = await readForm(
          await xlsxForm([{ name: 'Biểu 01', layout: l, unit: 'Nà Hỳ', rows }]),
        );
        checkFigures(report.indicators, rows, l.columns);
        // Every row with a result is read (formulas carry the result Excel saved).
        const read = new Set(report.indicators.map((i) => i.label));
        for (const r of mustRead(rows, l))
          expect(read.has(r.label), `${r.label} not read`).toBe(true);
        // Hidden rows are not read, and never silently: the officer is told which.
        const notice = report.diagnostics.find((d) => d.code === 'indicators.hiddenCells');
        expect(!!notice).toBe(rows.some((r) => r.hidden));
        // The title stops where the table begins.
        expect(report.title ?? '').not.toMatch(/\bSTT\b|Chỉ tiêu|Đơn vị tính|Kết quả/);
      }),
      { numRuns: Number(process.env.FORM_RUNS ?? 60) },
    );
  }, 600_000);

  it('a sheet per section, and a hidden sheet of lookups that is never read', async () => {
    const l: FormLayout = {
      columns: ['stt', 'label', 'unit', 'result', 'plan', 'rate'],
      twoRowHeader: false,
      numbers: 'number',
      percentFormat: false,
      header: 'columns',
      groups: false,
    };
    const first = [{ label: LABELS[0]!, unit: UNITS[0]!, result: 120, plan: 150 }];
    const second = [{ label: LABELS[1]!, unit: UNITS[1]!, result: 9, plan: null }];
    const wb = new ExcelJS.Workbook();
    const bytes = await xlsxForm([
      { name: 'I. Dịch vụ số', layout: l, unit: 'Nà Hỳ', rows: first },
      { name: 'II. Nhân lực số', layout: l, unit: 'Nà Hỳ', rows: second },
      {
        name: 'Danh mục',
        layout: l,
        unit: 'Nà Hỳ',
        rows: [{ ...first[0]!, result: 999, plan: 1000 }],
      },
    ]);
    await wb.xlsx.load(bytes as never);
    wb.getWorksheet('Danh mục')!.state = 'hidden';
    const hiddenSaved = Buffer.from(await wb.xlsx.writeBuffer());
    const report = await readForm(hiddenSaved);
    checkFigures(report.indicators, [...first, ...second], l.columns);
    expect(report.indicators.map((i) => i.value).sort()).toEqual([80, 9]);
    expect(report.issuer.name).toBe('Nà Hỳ');
  });

  it('a formula without its saved result is no figure; its row is left out, never computed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu');
    ws.addRow(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả']);
    ws.addRow([1, LABELS[4], 'máy', { formula: 'SUM(E2:E9)' }]);
    ws.addRow([2, LABELS[6], 'hộ', { formula: 'E3*2', result: 340 }]);
    // A saved result of 0 is a result (exceljs reads it as none; the sheet census keeps it).
    ws.addRow([3, LABELS[5], 'người', { formula: 'E4*0', result: 0 }]);
    const report = await readForm(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(report.indicators.map((i) => [i.label, i.value])).toEqual([
      [LABELS[6], 340],
      [LABELS[5], 0],
    ]);
  });

  it('a number shown in Vietnamese notation reads back as the value stored', () => {
    fc.assert(
      fc.property(amount, fc.boolean(), (n, pct) => {
        const shown = vnNumber(n, pct ? '0.00%' : 'General');
        const back = parseVnNumber(shown.replace(/%$/, ''));
        expect(back).not.toBeNull();
        expect(near(back!, pct ? Number((n * 100).toPrecision(12)) : n)).toBe(true);
      }),
    );
    expect(cellText({ formula: 'A1', result: { error: '#DIV/0!' } } as never)).toBe('');
    expect(cellText(new Date(Date.UTC(2025, 5, 30)))).toBe('30/06/2025');
  });
});

describe('what a Sở officer sees is what is read', () => {
  it('a row with a count and its share, under a header over three rows, gives both figures', async () => {
    // "Kết quả" over "Số lượng" over "Tỷ lệ (%) | Số hồ sơ": the bug hunt read only the rate.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu');
    ws.addRow(['STT', 'Chỉ tiêu', 'Kết quả']);
    ws.addRow(['', '', 'Số lượng']);
    ws.addRow(['', '', 'Tỷ lệ (%)', 'Số hồ sơ']);
    ws.addRow([1, 'Hồ sơ trực tuyến toàn trình', 88.5, 1234]);
    for (const m of ['A1:A3', 'B1:B3', 'C1:D1', 'C2:D2']) ws.mergeCells(m);
    const report = await readForm(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(report.indicators.map((i) => [i.value, i.unit]).sort()).toEqual([
      [1234, null],
      [88.5, '%'],
    ]);
  });

  it('a row left empty lends its words to no other row; rows after the last figure stay in the table', async () => {
    // "… tập huấn kỹ năng số" left empty, taken as a group heading, filed the next row's count
    // under the trainees' indicator; and "II. … (03 chỉ tiêu)" below the last figure was read
    // as 3 with the following rows and the signers for its label.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu');
    ws.addRow(['Chỉ tiêu', 'Kết quả thực hiện']);
    ws.addRow(['I. Hạ tầng số (02 chỉ tiêu)', '']);
    ws.addRow(['Cán bộ, công chức được tập huấn kỹ năng số', '']);
    ws.addRow(['Tài khoản định danh điện tử được kích hoạt', 120]);
    ws.addRow(['II. Dịch vụ số (02 chỉ tiêu)', '']);
    ws.addRow(['Hộ gia đình có cáp quang', '']);
    ws.addRow([]);
    ws.addRow(['NGƯỜI LẬP BIỂU', 'CHỦ TỊCH']);
    const report = await readForm(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(report.indicators.map((i) => [i.label, i.value])).toEqual([[LABELS[2], 120]]);
    expect(report.indicators[0]!.key).not.toBe('digital_literacy_trainees');
  });

  it('a hidden column of drafts is not read, and the warning names it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu');
    ws.addRow(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Kết quả (nháp)']);
    ws.addRow([1, LABELS[0], UNITS[0], 120, 99_999]);
    ws.getColumn(5).hidden = true;
    const report = await readForm(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(report.indicators.map((i) => i.value)).toEqual([120]);
    const notice = report.diagnostics.find((d) => d.code === 'indicators.hiddenCells');
    expect(notice?.message).toMatch(/cột E/);
  });

  it('.xlsm is a form like any other: its cells are read, its macros never run', async () => {
    const l: FormLayout = {
      columns: ['stt', 'label', 'unit', 'result'],
      twoRowHeader: false,
      numbers: 'formula',
      percentFormat: false,
      header: 'columns',
      groups: false,
    };
    const rows = [{ label: LABELS[0]!, unit: UNITS[0]!, result: 321, plan: null }];
    const zip = await JSZip.loadAsync(
      await xlsxForm([{ name: 'Biểu', layout: l, unit: 'Nà Hỳ', rows }]),
    );
    // A VBA project that names a figure of its own: nothing of it may be read.
    zip.file('xl/vbaProject.bin', Buffer.from('Số hồ sơ nộp trực tuyến\t999999 hồ sơ'));
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const report = await readForm(bytes, 'bieu-mau.xlsm');
    expect(report.indicators.map((i) => [i.label, i.value])).toEqual([[LABELS[0], 321]]);
  });
});

/** An exceljs workbook with its first sheet's XML replaced. */
async function withSheetXml(xml: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Biểu').addRow(['Chỉ tiêu', 'Kết quả']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

describe('an Excel file that cannot be read is rejected with one plain reason', () => {
  it('a zip bomb, a million-row sheet, a merge over the whole sheet, a DOCTYPE: bounded', async () => {
    expect((await problemOf('bom.xlsx', await zipBomb(30))).diagnostic.code).toBe(
      'file.xlsxTooLarge',
    );
    const million = `${SHEET_OPEN}<sheetData>${'<row/>'.repeat(1_000_000)}</sheetData></worksheet>`;
    expect((await problemOf('trieu-dong.xlsx', await withSheetXml(million))).diagnostic.code).toBe(
      'file.xlsxTooLarge',
    );
    const merge =
      `${SHEET_OPEN}<sheetData/><mergeCells count="1">` +
      '<mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>';
    expect((await problemOf('gop.xlsx', await withSheetXml(merge))).diagnostic.code).toBe(
      'file.xlsxTooLarge',
    );
    const doctype =
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>` +
      `${SHEET_OPEN.slice(21)}<sheetData/></worksheet>`;
    expect((await problemOf('dtd.xlsx', await withSheetXml(doctype))).diagnostic.message).toMatch(
      /DOCTYPE/,
    );
  }, 60_000);

  it('one long shared string named by many cells stops at the text bound, before the text is built', async () => {
    // A shared string is stored once: the file stays small, the text it names is length × cells.
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 50_000, max: 300_000 }),
        fc.integer({ min: 2, max: 40 }),
        fc.integer(),
        async (length, spread, seed) => {
          const cells = Math.ceil(MAX_TEXT_CHARS / length) + spread;
          let x = seed >>> 0;
          const text = Array.from({ length }, () => {
            x = (Math.imul(x, 1103515245) + 12345) >>> 0;
            return 'abcdefghijklmnopqrstuvwxyz '[x % 27];
          }).join('');
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet('Biểu');
          for (let r = 0; r < Math.ceil(cells / 10); r++) ws.addRow(Array(10).fill(text));
          const p = await problemOf('chuoi-chung.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
          expect(p.diagnostic.code).toBe('file.textTooLong');
          // Counted cell by cell: the read stopped at the first cell past the bound.
          const counted = Number(/text of (\d+) characters/.exec(p.message)?.[1]);
          expect(counted).toBeGreaterThan(MAX_TEXT_CHARS);
          expect(counted).toBeLessThanOrEqual(MAX_TEXT_CHARS + length);
        },
      ),
      { numRuns: 4 },
    );
  }, 120_000);

  it('a workbook whose every sheet is hidden says so, not that the file is empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('hidden' as const, 'veryHidden' as const), {
          minLength: 1,
          maxLength: 3,
        }),
        async (states) => {
          const wb = new ExcelJS.Workbook();
          states.forEach((state, i) => {
            const ws = wb.addWorksheet(`Biểu ${i + 1}`);
            ws.addRow(['Chỉ tiêu', 'Đơn vị tính', 'Kết quả']);
            ws.addRow(['Số hồ sơ trực tuyến', 'hồ sơ', 120]);
            ws.state = state;
          });
          const p = await problemOf('an.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
          expect(p.diagnostic.code).toBe('file.xlsxNoSheet');
          expect(p.diagnostic.message).toMatch(/bị ẩn/);
        },
      ),
      { numRuns: 4 },
    );
  });

  it('.xls asks for .xlsx; garbage named .xlsx is damaged', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    for (const name of ['cu.xls', 'cu.xlsx']) {
      const p = await problemOf(name, ole);
      expect(p.status).toBe('rejected');
      expect(p.diagnostic.message).toMatch(/\.xlsx/);
    }
    expect(
      (await problemOf('hong.xlsx', Buffer.from('not a workbook at all'))).diagnostic.code,
    ).toBe('file.xlsxDamaged');
  });
});
