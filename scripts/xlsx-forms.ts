// Excel forms as the Sở sends them out and communes fill them in, written with exceljs for the
// tests and the bench: header lines (the commune beside the national motto, a title, "Đơn vị báo
// cáo: …"), one table of figures whose columns come in any order, a header over one or two rows
// (merged "Kết quả" over its sub-columns), numbers as numbers, as text with Vietnamese separators,
// as percent-formatted fractions or as formulas with (or without) their saved result.
import ExcelJS from 'exceljs';

export interface FormRow {
  label: string;
  unit: string;
  result: number;
  plan: number | null;
}

export type FormColumn = 'stt' | 'label' | 'unit' | 'result' | 'plan' | 'rate' | 'note';

export interface FormLayout {
  columns: FormColumn[];
  /** "Kết quả" merged over "Thực hiện | Tỷ lệ (%)" on a second header row. */
  twoRowHeader: boolean;
  /** How numbers are stored: numbers, Vietnamese text, formulas with their saved results. */
  numbers: 'number' | 'text' | 'formula';
  /** The rate as a fraction formatted "0.00%" rather than a number in a "(%)" column. */
  percentFormat: boolean;
  /** The header lines: the commune beside the motto, and/or "Đơn vị báo cáo: …". */
  header: 'columns' | 'reportingUnit' | 'none';
  /** An empty row between groups of rows, with a group heading row ("I. Hạ tầng số"). */
  groups: boolean;
}

export const rateOf = (r: FormRow): number | null =>
  r.plan ? Math.round((r.result / r.plan) * 10_000) / 100 : null;

const vn = (n: number) => {
  const [i, f] = String(n).split('.');
  const grouped = i!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return f ? `${grouped},${f}` : grouped;
};

const HEADINGS: Record<FormColumn, string> = {
  stt: 'STT',
  label: 'Chỉ tiêu',
  unit: 'Đơn vị tính',
  result: 'Kết quả thực hiện',
  plan: 'Kế hoạch năm',
  rate: 'Tỷ lệ (%)',
  note: 'Ghi chú',
};

function value(layout: FormLayout, n: number | null, col: string): ExcelJS.CellValue {
  if (n === null) return null;
  if (layout.numbers === 'text') return vn(n);
  if (layout.numbers === 'formula') return { formula: `${col}1*1`, result: n } as ExcelJS.CellValue;
  return n;
}

function headerLines(ws: ExcelJS.Worksheet, layout: FormLayout, unit: string, title: string): void {
  if (layout.header === 'columns') {
    ws.addRow([`UBND XÃ ${unit.toUpperCase()}`, '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    ws.addRow(['', '', '', 'Độc lập - Tự do - Hạnh phúc']);
  }
  ws.addRow([]);
  ws.addRow([title]);
  if (layout.header === 'reportingUnit') ws.addRow([`Đơn vị báo cáo: UBND xã ${unit}`]);
  ws.addRow([]);
}

function tableHeader(ws: ExcelJS.Worksheet, layout: FormLayout): void {
  const cols = layout.columns;
  if (!layout.twoRowHeader) {
    ws.addRow(cols.map((c) => HEADINGS[c]));
    return;
  }
  // "Kết quả" over the result and rate columns when they stand side by side.
  const r = cols.indexOf('result');
  const together = r >= 0 && cols[r + 1] === 'rate';
  const top = ws.addRow(
    cols.map((c, i) =>
      together && i === r + 1 ? '' : c === 'result' && together ? 'Kết quả' : HEADINGS[c],
    ),
  );
  const second = ws.addRow(
    cols.map((c) =>
      together && c === 'result' ? 'Thực hiện' : together && c === 'rate' ? 'Tỷ lệ (%)' : '',
    ),
  );
  cols.forEach((c, i) => {
    const col = i + 1;
    if (together && (i === r || i === r + 1)) return;
    ws.mergeCells(top.number, col, second.number, col);
  });
  if (together) ws.mergeCells(top.number, r + 1, top.number, r + 2);
}

function figureRow(ws: ExcelJS.Worksheet, layout: FormLayout, row: FormRow, i: number): void {
  const rate = rateOf(row);
  const added = ws.addRow([]);
  layout.columns.forEach((c, k) => {
    const cell = added.getCell(k + 1);
    const col = String.fromCharCode(65 + k);
    if (c === 'stt') cell.value = i + 1;
    else if (c === 'label') cell.value = row.label;
    else if (c === 'unit') cell.value = row.unit;
    else if (c === 'result') cell.value = value(layout, row.result, col);
    else if (c === 'plan') cell.value = value(layout, row.plan, col);
    else if (c === 'rate' && rate !== null) {
      if (layout.percentFormat && layout.numbers !== 'text') {
        cell.value = value(layout, Number((rate / 100).toFixed(6)), col);
        cell.numFmt = '0.00%';
      } else cell.value = value(layout, rate, col);
    } else if (c === 'note') cell.value = '';
  });
}

/** One sheet: header lines, the table of `rows`, the signatures. */
export function addFormSheet(
  wb: ExcelJS.Workbook,
  name: string,
  layout: FormLayout,
  unit: string,
  rows: FormRow[],
): void {
  const ws = wb.addWorksheet(name);
  headerLines(ws, layout, unit, 'BIỂU SỐ LIỆU KẾT QUẢ CHUYỂN ĐỔI SỐ');
  tableHeader(ws, layout);
  const half = Math.ceil(rows.length / 2);
  rows.forEach((row, i) => {
    if (layout.groups && (i === 0 || i === half)) {
      if (i === half) ws.addRow([]);
      const at = layout.columns.indexOf('label');
      ws.addRow(
        layout.columns.map((_, k) => (k === at ? (i === 0 ? 'Hạ tầng số' : 'Dịch vụ số') : '')),
      );
    }
    figureRow(ws, layout, row, i);
  });
  ws.addRow([]);
  ws.addRow(['NGƯỜI LẬP BIỂU', '', '', 'CHỦ TỊCH']);
  ws.addRow(['Nguyễn Văn An', '', '', 'Trần Thị Bình']);
}

export async function xlsxForm(
  sheets: Array<{ name: string; layout: FormLayout; unit: string; rows: FormRow[] }>,
) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) addFormSheet(wb, s.name, s.layout, s.unit, s.rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
