// Hostile uploads, generated: each kind is a shape (a rule to break), not a stored sample.
import JSZip from 'jszip';
import type { Unit } from '../shared/schemas/unit.js';
import { docxFromText, pdfFromText } from './report-files.js';
import { reportText } from './report-text.js';
import { docxPackage } from './worst-files.js';

/** A DOCX whose ZIP directory claims small sizes while its document inflates to `mb` MB. */
export async function lyingZipBomb(mb: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', Buffer.alloc(mb * 1024 * 1024, 0x20));
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
  // Local headers keep the uncompressed size at offset 22, central directory entries at 24.
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const sig = bytes.readUInt32LE(i);
    if (sig === 0x04034b50) bytes.writeUInt32LE(1000, i + 22);
    if (sig === 0x02014b50) bytes.writeUInt32LE(1000, i + 24);
  }
  return bytes;
}

/** An honest DOCX whose text is about `chars` characters of report prose. */
export function largeDocx(unit: Unit, chars: number): Promise<Buffer> {
  return docxFromText(reportText(unit, { targetChars: chars }));
}

/** A minimal honest DOCX (the parts Word needs) whose document.xml has about `xmlBytes` bytes. */
export function docxOfXmlSize(xmlBytes: number): Promise<Buffer> {
  const para = '<w:p><w:r><w:t>Ủy ban nhân dân xã triển khai chuyển đổi số.</w:t></w:r></w:p>';
  const body = para.repeat(Math.ceil(xmlBytes / Buffer.byteLength(para)));
  return docxPackage(
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  );
}

/** A minimal PDF of `pages` pages that all share one content stream, as a generator makes. */
export function manyPagePdf(
  pages: number,
  text = 'BAO CAO KET QUA CHUYEN DOI SO CUA UBND XA',
): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  const stream = `BT /F1 12 Tf 56 780 Td (${text}) Tj ET`;
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  objects[4] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  for (let i = 0; i < pages; i++)
    objects[5 + i] =
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = Buffer.byteLength(out, 'latin1');
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++)
    out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A PDF that opens (catalog and xref fine) but whose page tree points at nothing. */
export function brokenPageTreePdf(): Buffer {
  const good = manyPagePdf(3).toString('latin1');
  return Buffer.from(good.replace('/Kids [5 0 R', '/Kids [77 0 R'), 'latin1');
}

/** A report whose figures run to 16 digits and more (beyond MAX_SAFE_INTEGER). */
export function hugeFigureText(unit: Unit): string {
  return reportText(unit, {
    results: [
      '3. Toàn xã có 98765432109876543210 máy tính phục vụ công tác chuyên môn.',
      '4. Tổ chức 12345678901234567 lớp tập huấn kỹ năng số.',
    ],
  });
}

/** A report with thousands of figures (a table pasted into the text). */
export function manyFiguresText(unit: Unit, n = 6000): string {
  const results = Array.from(
    { length: n },
    (_, i) =>
      `${i + 3}. Tổ chức ${i + 1} lớp tập huấn kỹ năng số cho ${i * 3 + 7} người dân ` +
      `tại thôn ${i}.`,
  );
  return reportText(unit, { results });
}

/** Prose with no header at all: no issuing unit, number, date or title. */
export function headerlessText(): string {
  return [
    'Trong 6 tháng qua xã có 42 máy tính phục vụ công tác chuyên môn.',
    'Đường truyền còn chậm.',
  ].join('\n');
}

/** A PDF whose text layer reads fine: a report in Latin-1 letters (what pdfkit writes). */
export function textPdf(unit: Unit): Promise<Buffer> {
  return pdfFromText(
    reportText(unit).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd'),
  );
}
