import PDFDocument from 'pdfkit';
import { PDF_FONT } from '../../scripts/report-file-damage.js';

// A report as a PDF the way Word or LibreOffice prints one: the header's two columns and the
// signature beside "Nơi nhận:" on the same baselines (or stacked), justified prose, and a table
// of figures drawn cell by cell at its columns' places, numbers aligned as the typist set them,
// long labels and headers wrapped inside their cells. The truth of each row comes with it.

export type ColumnRole = 'index' | 'label' | 'unit' | 'result' | 'plan' | 'rate';

export interface TableRow {
  label: string;
  unit: string;
  result: number | null;
  plan: number | null;
  rate: number | null;
}

export interface TablePdfSpec {
  unitName: string;
  fontSize: number;
  /** Header and signature columns on the same baselines, or one under the other. */
  side: boolean;
  /** The table's columns, in order, each with its header words. */
  columns: { role: ColumnRole; header: string; width: number }[];
  rows: TableRow[];
  numberAlign: 'left' | 'center' | 'right';
  /**
   * How a row whose label wraps is written: its first line of every cell, then the wrapped words
   * (as row by row printers do), or every line of a cell before the next cell (as Word does).
   */
  order: 'rows' | 'cells';
  /** A group heading row in capitals before the rows ("I", "DỊCH VỤ CÔNG …"). */
  group: string | null;
  prose: string[];
}

const vn = (n: number, digits = 0) =>
  n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A row's cell as printed: numbers in Vietnamese notation, a rate with one decimal. */
export function cellText(role: ColumnRole, row: TableRow, index: number): string {
  switch (role) {
    case 'index':
      return String(index + 1);
    case 'label':
      return row.label;
    case 'unit':
      return row.unit;
    case 'result':
      return row.result === null ? '' : vn(row.result);
    case 'plan':
      return row.plan === null ? '' : vn(row.plan);
    case 'rate':
      return row.rate === null ? '' : vn(row.rate, 1);
  }
}

type Pdf = InstanceType<typeof PDFDocument>;

/** Words of `text` wrapped into lines no wider than `width` at the current font. */
function wrap(pdf: Pdf, text: string, width: number): string[] {
  const out: string[] = [];
  for (const word of text.split(' ')) {
    const last = out[out.length - 1];
    if (last !== undefined && pdf.widthOfString(`${last} ${word}`) <= width)
      out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

const PAD = 6;

/** One line of a cell at its place: numbers as aligned, words from the left. */
function put(pdf: Pdf, text: string, x: number, width: number, y: number, align: string): void {
  if (!text) return;
  const w = pdf.widthOfString(text);
  const left =
    align === 'right' ? x + width - PAD - w : align === 'center' ? x + (width - w) / 2 : x + PAD;
  pdf.text(text, left, y, { lineBreak: false });
}

function twoColumns(pdf: Pdf, s: TablePdfSpec, left: string[], right: string[]): void {
  const lh = s.fontSize * 1.3;
  let y = pdf.y;
  if (s.side) {
    for (let i = 0; i < Math.max(left.length, right.length); i++, y += lh) {
      if (left[i]) pdf.text(left[i]!, 56, y, { lineBreak: false });
      if (right[i]) pdf.text(right[i]!, 300, y, { lineBreak: false });
    }
  } else
    for (const l of [...left, ...right]) {
      pdf.text(l, 56, y, { lineBreak: false });
      y += lh;
    }
  pdf.x = 56;
  pdf.y = y + lh / 2;
}

/** Lines of each cell of one table row (header or body), wrapped to the column's width. */
function drawRow(pdf: Pdf, s: TablePdfSpec, cells: string[][], numeric: boolean[]): void {
  const lh = s.fontSize * 1.2;
  const top = pdf.y;
  const xs = s.columns.map((_, k) => 56 + s.columns.slice(0, k).reduce((a, c) => a + c.width, 0));
  const align = (k: number) => (numeric[k] ? s.numberAlign : 'left');
  const height = Math.max(...cells.map((c) => c.length));
  if (s.order === 'cells')
    cells.forEach((lines, k) => {
      lines.forEach((l, i) => {
        put(pdf, l, xs[k]!, s.columns[k]!.width, top + i * lh, align(k));
      });
    });
  else
    for (let i = 0; i < height; i++)
      cells.forEach((lines, k) => {
        put(pdf, lines[i] ?? '', xs[k]!, s.columns[k]!.width, top + i * lh, align(k));
      });
  pdf.x = 56;
  pdf.y = top + height * lh + 2;
}

function drawTable(pdf: Pdf, s: TablePdfSpec): void {
  const width = (k: number) => s.columns[k]!.width - 2 * PAD;
  const words = (text: string, k: number) => wrap(pdf, text, width(k));
  drawRow(
    pdf,
    s,
    s.columns.map((c, k) => words(c.header, k)),
    s.columns.map(() => false),
  );
  const numeric = s.columns.map(
    (c) => c.role === 'result' || c.role === 'plan' || c.role === 'rate',
  );
  if (s.group)
    drawRow(
      pdf,
      s,
      s.columns.map((c) => (c.role === 'index' ? ['I'] : c.role === 'label' ? [s.group!] : [])),
      numeric,
    );
  s.rows.forEach((r, i) => {
    const cells = s.columns.map((c, k) => {
      const text = cellText(c.role, r, i);
      return numeric[k] || !text ? [text] : words(text, k);
    });
    drawRow(pdf, s, cells, numeric);
  });
}

/** The report as a PDF with a text layer. */
export function tablePdf(s: TablePdfSpec): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  pdf.font(PDF_FONT).fontSize(s.fontSize);
  const name = s.unitName;
  twoColumns(
    pdf,
    s,
    ['ỦY BAN NHÂN DÂN', `XÃ ${name.toLocaleUpperCase('vi')}`, 'Số: 215/BC-UBND'],
    [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `${name}, ngày 5 tháng 11 năm 2025`,
    ],
  );
  for (const l of [
    'BÁO CÁO',
    'Kết quả thực hiện chuyển đổi số năm 2025',
    'Kính gửi: Sở Khoa học và Công nghệ.',
  ])
    pdf.text(l, { align: 'center' });
  pdf.text('I. KẾT QUẢ THỰC HIỆN');
  pdf.text(s.prose[0] ?? '', { align: 'justify', width: 480 });
  drawTable(pdf, s);
  pdf.text('II. KHÓ KHĂN, VƯỚNG MẮC');
  pdf.text(s.prose[1] ?? '', { align: 'justify', width: 480 });
  pdf.text('III. ĐỀ XUẤT, KIẾN NGHỊ');
  pdf.text(s.prose[2] ?? '', { align: 'justify', width: 480 });
  pdf.text(`Trên đây là báo cáo của Ủy ban nhân dân xã ${name}./.`);
  twoColumns(
    pdf,
    s,
    ['Nơi nhận:', '- Sở Khoa học và Công nghệ;', '- TT Đảng ủy, HĐND xã;', '- Lưu: VT.'],
    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', 'Nguyễn Văn Bình'],
  );
  return new Promise((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
