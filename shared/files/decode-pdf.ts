import { type Block, type Document, plainParagraph } from '../schemas/document.js';
import { fileProblem, textTooLong } from './file-problem.js';
import { MAX_IMAGE_PIXELS, MAX_PDF_PAGES, MIN_LETTERS_PER_PAGE } from './limits.js';
import { type Carry, pdfTables } from './pdf-tables.js';
import { type PdfCell, type PdfLine, type PdfTextAnswer, readPdfText } from './pdf-text-worker.js';

export type PdfJs = typeof import('unpdf/pdfjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js is large, so it loads only when a PDF arrives. It is unpdf's serverless build: one file
 * with the worker inside and no native canvas (pdfjs-dist needs @napi-rs/canvas for DOMMatrix,
 * a native module Lambda's arm64 would not get), shipped beside the bundle (infra/ingest.ts).
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('unpdf/pdfjs');
  return pdfjs;
}

const damaged = (message: string, log: string) =>
  fileProblem('rejected', 'file', 'file.pdfDamaged', message, log);

const encrypted = () =>
  fileProblem(
    'rejected',
    'file',
    'file.pdfEncrypted',
    'Tệp PDF được đặt mật khẩu; vui lòng gửi bản không đặt mật khẩu.',
    'encrypted pdf',
  );

function checkHeader(bytes: Uint8Array): void {
  if (!/^%PDF-/.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart()))
    throw damaged('Tệp .pdf bị hỏng hoặc không phải tệp PDF.', 'missing %PDF header');
}

/** Opens a PDF with pdf.js in this thread (page images for OCR); damaged or encrypted: FileProblem. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  checkHeader(bytes);
  const { getDocument } = await loadPdfJs();
  try {
    return await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
      // Images are decoded by pdf.js itself into pixels (no OffscreenCanvas or ImageDecoder in Node).
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      // An image whose dictionary claims more pixels is skipped, never allocated.
      maxImageSize: MAX_IMAGE_PIXELS,
    }).promise;
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') throw encrypted();
    throw damaged('Tệp PDF bị hỏng, không mở được.', `pdf.js failed: ${err.message}`);
  }
}

/** A page with fewer letters than this has no usable text layer: a scanned page. */
export const lettersOf = (text: string) => text.replace(/[^\p{L}]/gu, '').length;

const tooComplex = (why: string, log: string) =>
  fileProblem(
    'rejected',
    'file',
    'file.pdfTooSlow',
    `Tệp PDF quá phức tạp, ${why}; vui lòng xuất lại PDF từ Word (File → Save as PDF) ` +
      'hoặc gửi bản .docx.',
    log,
  );

/** The pages' text as the worker read it, or the FileProblem of why it could not. */
function pagesOf(answer: PdfTextAnswer): Extract<PdfTextAnswer, { kind: 'ok' }> {
  switch (answer.kind) {
    case 'ok':
      return answer;
    case 'encrypted':
      throw encrypted();
    case 'damaged':
      throw damaged('Tệp PDF bị hỏng, không mở được.', `pdf.js failed: ${answer.detail}`);
    case 'pageDamaged':
      throw damaged('Tệp PDF bị hỏng (không đọc được các trang).', `pdf pages: ${answer.detail}`);
    case 'pages':
      throw fileProblem(
        'rejected',
        'file',
        'file.pdfTooManyPages',
        `Tệp PDF có ${answer.count} trang, vượt giới hạn ${MAX_PDF_PAGES} trang của một báo cáo; ` +
          'vui lòng gửi riêng bản báo cáo (không kèm phụ lục dài).',
        `pdf with ${answer.count} pages`,
      );
    case 'chars':
      throw textTooLong(answer.count);
    case 'slow':
      throw tooComplex('đọc vượt thời gian cho phép', 'pdf text over time budget');
    case 'memory':
      throw tooComplex('đọc vượt bộ nhớ cho phép', 'pdf text over heap limit');
  }
}

/**
 * A gap this many font sizes wide between two stretches of a line outside a table sets two
 * columns apart: the header's (the unit left, the national motto right) and the signature's
 * ("Nơi nhận:" left, the title and name right) when a PDF writes them line by line. Justified
 * prose stretches a space to half an em or so; a column's gutter is several.
 */
const COLUMN_EM = 3;

/**
 * A line as the reader should see it: stretches set apart by a column's gutter joined by a tab
 * (as a Word table's cells or a typist's tab are), so that the header's and the signature's
 * columns are told apart; any other line as the text layer gave it.
 */
function columnsApart(text: string, cells: PdfCell[] | null, box: PdfLine | null): string {
  if (!cells || cells.length < 2 || !box || !(box[4] > 0)) return text;
  let out = cells[0]![2];
  let apart = false;
  for (let k = 1; k < cells.length; k++) {
    const wide = cells[k]![0] - cells[k - 1]![1] >= COLUMN_EM * box[4];
    apart ||= wide;
    out += (wide ? '\t' : ' ') + cells[k]![2];
  }
  return apart ? out : text;
}

/**
 * The text layer as the document model: a paragraph a line, on its page, with its box (PDF points
 * from the page's top left) and font size; lines numbered as in the pages' text joined by "\n".
 * A table of figures (pdf-tables.ts) is a table block, and its lines in the pages' text have
 * their cells apart ("\t"), as a Word table's rows are rendered; `pages` is that text.
 */
export function pdfDocument(
  pages: string[],
  boxes: (PdfLine | null)[][],
  cells: (PdfCell[] | null)[][] = [],
): { document: Document; pages: string[] } {
  const blocks: Block[] = [];
  const texts: string[] = [];
  let offset = 0;
  let carry: Carry = [];
  pages.forEach((text, p) => {
    if (p > 0) blocks.push({ kind: 'pageBreak', at: { page: p + 1, line: offset + 1 } });
    const lines = text.split('\n');
    const found = pdfTables(lines, boxes[p] ?? [], cells[p] ?? [], p + 1, offset, carry);
    const tables = found.tables;
    carry = found.carry;
    for (let i = 0; i < lines.length; i++) {
      const table = tables.find((t) => t.first === i);
      if (table) {
        blocks.push(table.table);
        for (const [at, row] of table.text) lines[at] = row;
        i = table.last;
        continue;
      }
      const t = columnsApart(lines[i]!, cells[p]?.[i] ?? null, boxes[p]?.[i] ?? null);
      lines[i] = t;
      if (!t.trim()) continue;
      const b = boxes[p]?.[i];
      const at = { page: p + 1, line: offset + i + 1 };
      const box = b ? { x0: b[0], y0: b[1], x1: b[2], y1: b[3] } : undefined;
      const size = b && b[4] > 0 ? Math.round(b[4] * 10) / 10 : null;
      blocks.push({ ...plainParagraph(t, box ? { ...at, box } : at), size });
    }
    texts.push(lines.join('\n'));
    offset += lines.length;
  });
  return { document: { format: 'pdf', blocks, notes: [], margins: [] }, pages: texts };
}

export async function decodePdf(
  bytes: Uint8Array,
): Promise<{ text: string; pages: number; pageTexts: string[]; document: Document }> {
  checkHeader(bytes);
  const read = pagesOf(await readPdfText(bytes));
  const { document, pages } = pdfDocument(read.pages, read.lines, read.cells);
  const letters = pages.reduce((n, t) => n + lettersOf(t), 0);
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages.length) * 0.5) {
    throw fileProblem(
      'needs_review',
      'file',
      'file.needsOcr',
      'Tệp PDF là bản quét, không có lớp chữ: cần nhận dạng ký tự (OCR) để đọc; ' +
        'tệp đã được lưu, cán bộ Sở KHCN sẽ xem, đơn vị không cần gửi lại.',
      `pdf has ${letters} letters on ${pages.length} pages`,
    );
  }
  return {
    text: pages.join('\n'),
    pages: pages.length,
    pageTexts: pages,
    document,
  };
}
