import { fileProblem } from './file-problem.js';
import { MIN_LETTERS_PER_PAGE } from './limits.js';

type PdfJs = typeof import('unpdf/pdfjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js is large, so it loads only when a PDF arrives. It is unpdf's serverless build: one file
 * with the worker inside and no native canvas (pdfjs-dist needs @napi-rs/canvas for DOMMatrix,
 * a native module Lambda's arm64 would not get), shipped beside the bundle (infra/ingest.ts).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('unpdf/pdfjs');
  return pdfjs;
}

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
}

/** The PDF's text layer, page by page; a scan without one is sent to review for OCR. */
export async function decodePdf(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
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
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
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
  try {
    const pages: string[] = [];
    let letters = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | undefined;
      for (const item of content.items as TextItem[]) {
        const y = item.transform?.[5];
        if (
          lastY !== undefined &&
          y !== undefined &&
          Math.abs(y - lastY) > 2 &&
          !text.endsWith('\n')
        )
          text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        if (y !== undefined) lastY = y;
      }
      letters += text.replace(/[^\p{L}]/gu, '').length;
      pages.push(text);
      page.cleanup();
    }
    if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, doc.numPages) * 0.5) {
      throw fileProblem(
        'needs_review',
        'file',
        'file.needsOcr',
        'Tệp PDF là bản quét, không có lớp chữ; cần nhận dạng ký tự (OCR) trước khi đọc được số liệu.',
        `pdf has ${letters} letters on ${doc.numPages} pages`,
      );
    }
    return { text: pages.join('\n'), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
