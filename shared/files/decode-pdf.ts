import { fileProblem, textTooLong } from './file-problem.js';
import {
  MAX_PDF_PAGE_MS,
  MAX_PDF_PAGES,
  MAX_PDF_TOTAL_MS,
  MAX_TEXT_CHARS,
  MIN_LETTERS_PER_PAGE,
} from './limits.js';

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

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
}

const damaged = (message: string, log: string) =>
  fileProblem('rejected', 'file', 'file.pdfDamaged', message, log);

/** Opens a PDF with pdf.js; a damaged or encrypted file is a FileProblem. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  if (!/^%PDF-/.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart()))
    throw damaged('Tệp .pdf bị hỏng hoặc không phải tệp PDF.', 'missing %PDF header');
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
    }).promise;
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') {
      throw fileProblem(
        'rejected',
        'file',
        'file.pdfEncrypted',
        'Tệp PDF được đặt mật khẩu; vui lòng gửi bản không đặt mật khẩu.',
        'encrypted pdf',
      );
    }
    throw damaged('Tệp PDF bị hỏng, không mở được.', `pdf.js failed: ${err.message}`);
  }
}

/** One page's text layer, a line break wherever the baseline moves. */
export async function pageText(page: PdfPage): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  let lastY: number | undefined;
  for (const item of content.items as TextItem[]) {
    const y = item.transform?.[5];
    if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 2 && !text.endsWith('\n'))
      text += '\n';
    text += item.str;
    if (item.hasEOL) text += '\n';
    if (y !== undefined) lastY = y;
  }
  return text;
}

/** A page with fewer letters than this has no usable text layer: a scanned page. */
export const lettersOf = (text: string) => text.replace(/[^\p{L}]/gu, '').length;

const tooSlow = (what: string) =>
  fileProblem(
    'rejected',
    'file',
    'file.pdfTooSlow',
    `Tệp PDF quá phức tạp, đọc ${what} vượt thời gian cho phép; vui lòng xuất lại PDF từ Word ` +
      '(File → Save as PDF) hoặc gửi bản .docx.',
    `pdf ${what} over time budget`,
  );

/** A page's text within its time budget (pdf.js works in steps, so the timer gets its turn). */
async function readPage(doc: PdfDocument, p: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooSlow(`trang ${p}`)), MAX_PDF_PAGE_MS);
  });
  try {
    const page = await Promise.race([doc.getPage(p), late]);
    const text = await Promise.race([pageText(page), late]);
    page.cleanup();
    return text;
  } finally {
    clearTimeout(timer);
  }
}

function checkPages(pages: number): void {
  if (pages > MAX_PDF_PAGES) {
    throw fileProblem(
      'rejected',
      'file',
      'file.pdfTooManyPages',
      `Tệp PDF có ${pages} trang, vượt giới hạn ${MAX_PDF_PAGES} trang của một báo cáo; ` +
        'vui lòng gửi riêng bản báo cáo (không kèm phụ lục dài).',
      `pdf with ${pages} pages`,
    );
  }
}

/** Every page's text, within the limits of pages, characters and time. */
async function readPages(doc: PdfDocument): Promise<{ pages: string[]; letters: number }> {
  checkPages(doc.numPages);
  const started = Date.now();
  const pages: string[] = [];
  let chars = 0;
  let letters = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    if (Date.now() - started > MAX_PDF_TOTAL_MS) throw tooSlow('toàn bộ tệp');
    const text = await readPage(doc, p);
    chars += text.length;
    if (chars > MAX_TEXT_CHARS) throw textTooLong(chars);
    letters += lettersOf(text);
    pages.push(text);
  }
  return { pages, letters };
}

/** The PDF's text layer, page by page; a scan without one is a FileProblem `file.needsOcr`. */
export async function decodePdf(
  bytes: Uint8Array,
): Promise<{ text: string; pages: number; pageTexts: string[] }> {
  const doc = await openPdf(bytes);
  try {
    const { pages, letters } = await readPages(doc).catch((e: unknown) => {
      if ((e as Error).name === 'FileProblem') throw e;
      // Opened, but a page or the page tree is broken: it will be broken on every retry.
      throw damaged('Tệp PDF bị hỏng (không đọc được các trang).', `pdf pages: ${String(e)}`);
    });
    if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, doc.numPages) * 0.5) {
      throw fileProblem(
        'needs_review',
        'file',
        'file.needsOcr',
        'Tệp PDF là bản quét, không có lớp chữ: cần nhận dạng ký tự (OCR) để đọc; ' +
          'tệp đã được lưu, cán bộ Sở KHCN sẽ xem, đơn vị không cần gửi lại.',
        `pdf has ${letters} letters on ${doc.numPages} pages`,
      );
    }
    return { text: pages.join('\n'), pages: doc.numPages, pageTexts: pages };
  } finally {
    await doc.destroy();
  }
}
