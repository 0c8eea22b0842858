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

/** The bytes of a PDF once pdfkit has written it: `doc` is ended here. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
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
  opts: {
    fontPath?: string;
    userPassword?: string;
    fontSize?: number;
    /** Text after a tab starts this far across the page (0–1), as a Word tab stop or table puts it. */
    tabColumn?: number;
  } = {},
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
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0 || opts.tabColumn === undefined) doc.text(line || ' ');
    else twoColumns(doc, line.slice(0, tab), line.slice(tab + 1), opts.tabColumn);
  }
  return collect(doc);
}

/** A line in two columns, the second from `at` of the page's width (the signer beside "Nơi nhận"). */
function twoColumns(doc: PDFKit.PDFDocument, left: string, right: string, at: number): void {
  const margin = doc.page.margins.left;
  const x = margin + at * (doc.page.width - 2 * margin);
  const y = doc.y;
  doc.text(left || ' ', margin, y, { width: x - margin - 12 });
  const below = doc.y;
  doc.text(right.replace(/\t/g, ' ') || ' ', x, y, { width: doc.page.width - margin - x });
  doc.x = margin;
  doc.y = Math.max(below, doc.y);
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
