// Excel forms as the Sở sends them out and communes fill them in, written with exceljs for the
// tests and the bench: header lines (the commune beside the national motto, a title, "Đơn vị báo
// cáo: …"), one table of figures whose columns come in any order, a header over one or two rows
// (merged "Kết quả" over its sub-columns), numbers as numbers, as text with Vietnamese separators,
// as percent-formatted fractions or as formulas with (or without) their saved result.
// The Sở's own indicator forms add (`SoForm`, all optional): a "PHỤ LỤC / Biểu số 01" title with
// the letter it goes with, a header over three rows, a row of column numbers under the header,
// groups numbered I, II in the STT column, "Trong đó:" sub-rows, rows measured in % (a share,
// whose rate column says how much of the plan was met), empty value cells, and rows the commune
// hid (decoys with figures of their own, which must never be read).
import ExcelJS from 'exceljs';

export interface FormRow {
  label: string;
  unit: string;
  /** null: the commune left the cell empty. */
  result: number | null;
  plan: number | null;
  /** Shown under a "Trong đó:" row, as "- label", below the row before it. */
  sub?: boolean;
  /** A row the commune hid (Format → Hide): never part of what the form shows. */
  hidden?: boolean;
}

/** What the Sở's forms add to the plain layout; every field optional (the plain form). */
export interface SoForm {
  /** "PHỤ LỤC" and "Biểu số 01" over the title, "(Kèm theo Công văn số …)" under it. */
  phuLuc?: boolean;
  /** "Kết quả" over "Số lượng | Tỷ lệ" over "Thực hiện | (%)": three header rows. */
  threeRowHeader?: boolean;
  /** A row of column numbers under the header: "(1) (2) (3)…" or "A B 1 2 3=2/1". */
  columnNumbers?: 'none' | 'bracketed' | 'letters';
  /** Group rows numbered I, II in the STT column ("Hạ tầng số (02 chỉ tiêu)"). */
  roman?: boolean;
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
  so?: SoForm;
}

export const rateOf = (r: FormRow): number | null =>
  r.plan && r.result !== null ? Math.round((r.result / r.plan) * 10_000) / 100 : null;

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

function headerLines(ws: ExcelJS.Worksheet, layout: FormLayout, unit: string, title: string): void {
  if (layout.header === 'columns') {
    ws.addRow([`UBND XÃ ${unit.toUpperCase()}`, '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    ws.addRow(['', '', '', 'Độc lập - Tự do - Hạnh phúc']);
  }
  ws.addRow([]);
  if (layout.so?.phuLuc) {
    ws.addRow(['PHỤ LỤC']);
    ws.addRow(['Biểu số 01']);
  }
  ws.addRow([title]);
  if (layout.so?.phuLuc)
    ws.addRow([
      '(Kèm theo Công văn số 1234/SKHCN-CĐS ngày 05/01/2026 của Sở Khoa học và Công nghệ)',
    ]);
  if (layout.header === 'reportingUnit') ws.addRow([`Đơn vị báo cáo: UBND xã ${unit}`]);
  ws.addRow([]);
}

function mergeDown(ws: ExcelJS.Worksheet, from: number, to: number, col: number): void {
  if (to > from) ws.mergeCells(from, col, to, col);
}

function tableHeader(ws: ExcelJS.Worksheet, layout: FormLayout): void {
  const cols = layout.columns;
  const depth = layout.so?.threeRowHeader ? 3 : layout.twoRowHeader ? 2 : 1;
  if (depth === 1) {
    ws.addRow(cols.map((c) => HEADINGS[c]));
    columnNumbers(ws, layout);
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
  const under: Array<Partial<Record<FormColumn, string>>> =
    depth === 3
      ? [
          { result: 'Số lượng', rate: 'Tỷ lệ' },
          { result: 'Thực hiện', rate: '(%)' },
        ]
      : [{ result: 'Thực hiện', rate: 'Tỷ lệ (%)' }];
  let last = top.number;
  for (const words of under)
    last = ws.addRow(cols.map((c) => (together ? (words[c] ?? '') : ''))).number;
  cols.forEach((_, i) => {
    if (!together || (i !== r && i !== r + 1)) mergeDown(ws, top.number, last, i + 1);
  });
  if (together) ws.mergeCells(top.number, r + 1, top.number, r + 2);
  columnNumbers(ws, layout);
}

/** The row of column numbers many Sở forms print under their header. */
function columnNumbers(ws: ExcelJS.Worksheet, layout: FormLayout): void {
  const kind = layout.so?.columnNumbers ?? 'none';
  if (kind === 'none') return;
  let n = 0;
  ws.addRow(
    layout.columns.map((c, i) => {
      if (kind === 'bracketed') return `(${i + 1})`;
      if (c === 'label' || c === 'stt') return c === 'stt' ? 'A' : 'B';
      n++;
      return c === 'rate' ? `${n}=2/1` : String(n);
    }),
  );
}

function value(layout: FormLayout, n: number | null, col: string): ExcelJS.CellValue {
  if (n === null) return null;
  if (layout.numbers === 'text') return vn(n);
  if (layout.numbers === 'formula') return { formula: `${col}1*1`, result: n } as ExcelJS.CellValue;
  return n;
}

function figureRow(ws: ExcelJS.Worksheet, layout: FormLayout, row: FormRow, i: number): void {
  const rate = rateOf(row);
  const added = ws.addRow([]);
  layout.columns.forEach((c, k) => {
    const cell = added.getCell(k + 1);
    const col = String.fromCharCode(65 + k);
    if (c === 'stt') cell.value = row.sub ? '-' : i + 1;
    else if (c === 'label') cell.value = row.sub ? `- ${row.label}` : row.label;
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
  if (row.hidden) added.hidden = true;
}

const GROUPS = ['Hạ tầng số', 'Dịch vụ số'];
const ROMAN = ['I', 'II'];

/** A group's heading row: its name in the label column, numbered I, II on Sở forms. */
function groupRow(ws: ExcelJS.Worksheet, layout: FormLayout, g: number, count: number): void {
  const at = layout.columns.indexOf('label');
  const stt = layout.columns.indexOf('stt');
  const roman = layout.so?.roman;
  const name = roman ? `${GROUPS[g]} (${String(count).padStart(2, '0')} chỉ tiêu)` : GROUPS[g]!;
  ws.addRow(
    layout.columns.map((_, k) =>
      k === at
        ? roman && stt < 0
          ? `${ROMAN[g]}. ${name}`
          : name
        : k === stt && roman
          ? ROMAN[g]
          : '',
    ),
  );
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
      groupRow(ws, layout, i === 0 ? 0 : 1, i === 0 ? half : rows.length - half);
    }
    if (row.sub && !rows[i - 1]?.sub) {
      const at = layout.columns.indexOf('label');
      ws.addRow(layout.columns.map((_, k) => (k === at ? 'Trong đó:' : '')));
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

/** The plainest form: STT, label, unit and result under a one-row header, no header lines. */
export const plainLayout = (): FormLayout => ({
  columns: ['stt', 'label', 'unit', 'result'],
  twoRowHeader: false,
  numbers: 'number',
  percentFormat: false,
  header: 'none',
  groups: false,
});

/** One sheet "Biểu" of the plainest form with `rows`, of no unit in particular. */
export const plainForm = (rows: FormRow[]) =>
  xlsxForm([{ name: 'Biểu', layout: plainLayout(), unit: '', rows }]);
