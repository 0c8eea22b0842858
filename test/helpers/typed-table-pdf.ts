import PDFDocument from 'pdfkit';
import { PDF_FONT } from '../../scripts/report-file-damage.js';

// Tables as typists make them in a PDF: cells typed one after another with the same run of
// spaces between them in a proportional font (columns do not align; a blank cell is no text, so
// the run of spaces comes twice), and a table drawn at its columns' places whose figure is too
// wide for its column and wraps inside a number ("22.226/22.79" over "6"), as Word breaks a word
// longer than its cell.

export const TYPED_HEADER = [
  'TT',
  'Nội dung',
  'ĐVT',
  'Kết quả thực hiện',
  'Chỉ tiêu giao',
  'Tỷ lệ (%)',
];

type Pdf = InstanceType<typeof PDFDocument>;

function pdfOf(draw: (pdf: Pdf) => void): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  pdf.font(PDF_FONT).fontSize(11);
  pdf.text('BÁO CÁO', { align: 'center' });
  pdf.text('Kết quả thực hiện chuyển đổi số năm 2025', { align: 'center' });
  pdf.text('I. KẾT QUẢ THỰC HIỆN');
  pdf.text('Kết quả thực hiện các chỉ tiêu trong năm như sau:');
  draw(pdf);
  pdf.text('II. KHÓ KHĂN, VƯỚNG MẮC');
  pdf.text('Đường truyền tại trụ sở có lúc gián đoạn.');
  return new Promise((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}

/**
 * A table typed line by line: each row's cells joined by `spaces` spaces, a blank cell as no
 * text. `slips` adds one space after the given cell of the given row (a typist's slip).
 */
export function typedTablePdf(
  rows: string[][],
  spaces: number,
  slip: { row: number; cell: number } | null = null,
): Promise<Buffer> {
  return pdfOf((pdf) => {
    let y = pdf.y;
    rows.forEach((cells, r) => {
      const typed = cells.map((c, k) => (slip?.row === r && slip.cell === k ? `${c} ` : c));
      pdf.text(typed.join(' '.repeat(spaces)).replace(/\s+$/, ''), 56, y, { lineBreak: false });
      y += 13;
    });
    pdf.x = 56;
    pdf.y = y + 4;
  });
}

/**
 * A table drawn at its columns' places (x from the left margin), whose cells are lines already
 * wrapped: a cell of two lines has its second one a line below, the next row after both. Set
 * at 10 pt, the longest label fits its column.
 */
export function placedTablePdf(
  xs: number[],
  rows: string[][][],
  breakAfter: number | null = null,
): Promise<Buffer> {
  return pdfOf((pdf) => {
    let y = pdf.y;
    pdf.fontSize(10);
    for (const [r, row] of rows.entries()) {
      // The page ends after row `breakAfter` (0: the header): the rest goes on the next page.
      if (r === (breakAfter ?? -1) + 1 && r > 0) {
        pdf.addPage();
        y = pdf.y;
      }
      row.forEach((lines, k) => {
        lines.forEach((l, i) => {
          if (l) pdf.text(l, xs[k]!, y + i * 13, { lineBreak: false });
        });
      });
      y += 13 * Math.max(...row.map((c) => c.length)) + 4;
    }
    pdf.fontSize(11);
    pdf.x = 56;
    pdf.y = y + 6;
  });
}
