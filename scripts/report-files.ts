// Builds report files in the formats communes send (DOCX, PDF), for the examples and the tests.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

export async function docxFromText(text: string, font = 'Times New Roman'): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: text
          .split('\n')
          .map(
            (line) => new Paragraph({ children: [new TextRun({ text: line, font, size: 26 })] }),
          ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A PDF with a text layer. Without `fontPath` only Latin-1 text renders (enough for OCR-style text). */
export function pdfFromText(
  text: string,
  opts: { fontPath?: string; userPassword?: string; fontSize?: number } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    ...(opts.userPassword
      ? { userPassword: opts.userPassword, ownerPassword: `${opts.userPassword}-owner` }
      : {}),
  });
  if (opts.fontPath) doc.font(opts.fontPath);
  doc.fontSize(opts.fontSize ?? 12);
  for (const line of text.split('\n')) doc.text(line || ' ');
  return collect(doc);
}

/** A "scanned" PDF: drawn shapes only, no text layer. */
export function pdfWithoutText(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  for (let i = 0; i < 40; i++) doc.rect(60, 60 + i * 18, 400 - (i % 7) * 30, 8).fill('#333');
  return collect(doc);
}

/** A DOCX-named ZIP whose one part unpacks to `megabytes` MB of zeros. */
export async function zipBomb(megabytes = 30): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', Buffer.alloc(megabytes * 1024 * 1024));
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}
