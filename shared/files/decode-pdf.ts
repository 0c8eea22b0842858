import { fileProblem } from './file-problem.js';
import { MIN_LETTERS_PER_PAGE } from './limits.js';

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

/** Opens a PDF with pdf.js; a damaged or encrypted file is a FileProblem. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  if (!/^%PDF-/.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart())) {
    throw fileProblem(
      'rejected',
      'file',
      'file.pdfDamaged',
      'Tệp .pdf bị hỏng hoặc không phải tệp PDF.',
      'missing %PDF header',
    );
  }
  const { getDocument } = await loadPdfJs();
  try {
    return await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      // Images are decoded by pdf.js itself into pixels (no OffscreenCanvas or ImageDecoder in Node).
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      verbosity: 0,
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
    throw fileProblem(
      'rejected',
      'file',
      'file.pdfDamaged',
      'Tệp PDF bị hỏng, không mở được.',
      `pdf.js failed: ${err.message}`,
    );
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

/** The PDF's text layer, page by page; a scan without one is a FileProblem `file.needsOcr`. */
export async function decodePdf(
  bytes: Uint8Array,
): Promise<{ text: string; pages: number; pageTexts: string[] }> {
  const doc = await openPdf(bytes);
  try {
    const pages: string[] = [];
    let letters = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const text = await pageText(page);
      letters += lettersOf(text);
      pages.push(text);
      page.cleanup();
    }
    if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, doc.numPages) * 0.5) {
      throw fileProblem(
        'needs_review',
        'file',
        'file.needsOcr',
        'Tệp PDF là bản quét, không có lớp chữ: cần nhận dạng ký tự (OCR) để đọc; hệ thống đang xử lý.',
        `pdf has ${letters} letters on ${doc.numPages} pages`,
      );
    }
    return { text: pages.join('\n'), pages: doc.numPages, pageTexts: pages };
  } finally {
    await doc.destroy();
  }
}
