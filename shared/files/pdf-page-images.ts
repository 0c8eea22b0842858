import type { PageImage } from '../ports/ocr-engine.js';
import { loadPdfJs, openPdf, type PdfPage } from './decode-pdf.js';
import { fileProblem } from './file-problem.js';
import { MAX_OCR_PAGES } from './limits.js';
import { checkPdfImageBudget } from './pdf-image-budget.js';
import { type RawImage, toPnm } from './pnm.js';

/** A page image smaller than this (in pixels) is a logo or a stamp, not a scanned page. */
const MIN_PAGE_PIXELS = 400 * 400;

function objectOf(page: PdfPage, name: string): Promise<RawImage | null> {
  const store = name.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    try {
      store.get(name, (img: RawImage | null) => resolve(img?.data ? img : null));
    } catch {
      resolve(null);
    }
  });
}

/**
 * The scanned image of one page: the largest image the page paints, decoded by pdf.js (JPEG, Flate,
 * CCITT fax and JBIG2 alike), as a PNM (colour when it has colour ink) with the resolution it is
 * drawn at. A page drawn as vector shapes has none (it would need a renderer): null.
 */
async function scannedImage(page: PdfPage): Promise<PageImage | null> {
  const { OPS } = await loadPdfJs();
  const ops = await page.getOperatorList();
  let best: RawImage | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const arg = ops.argsArray[i]?.[0];
    let img: RawImage | null = null;
    if (fn === OPS.paintImageXObject && typeof arg === 'string') img = await objectOf(page, arg);
    else if (fn === OPS.paintInlineImageXObject && arg?.data) img = arg as RawImage;
    if (img && img.width * img.height > (best ? best.width * best.height : MIN_PAGE_PIXELS - 1))
      best = img;
  }
  if (!best) return null;
  const [, , widthPt, heightPt] = page.view;
  const inches = Math.max(widthPt ?? 0, heightPt ?? 0) / 72;
  const dpi = inches > 0 ? Math.max(best.width, best.height) / inches : undefined;
  return { page: page.pageNumber, image: toPnm(best), ...(dpi ? { dpi } : {}) };
}

const tooManyPages = (pages: number) =>
  fileProblem(
    'needs_review',
    'file',
    'ocr.tooManyPages',
    `Bản quét có ${pages} trang cần nhận dạng ký tự, nhiều hơn ${MAX_OCR_PAGES} trang hệ thống đọc cho ` +
      'một tệp. Tệp gốc vẫn được lưu, cán bộ Sở KHCN sẽ xem lại; nếu phần báo cáo chỉ là vài trang ' +
      'đầu, đơn vị có thể gửi riêng các trang đó.',
    `${pages} pages to OCR`,
  );

/**
 * The page images of the given pages (all when omitted), one at a time so that a long scan never
 * holds all its pixels at once; pages without a scanned image are left out. More than
 * MAX_OCR_PAGES pages is a FileProblem: the time one upload may take is bounded.
 */
export async function* pdfPageImages(
  bytes: Uint8Array,
  pages?: number[],
): AsyncGenerator<PageImage> {
  checkPdfImageBudget(bytes);
  const doc = await openPdf(bytes);
  try {
    const wanted = pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    if (wanted.length > MAX_OCR_PAGES) throw tooManyPages(wanted.length);
    for (const p of wanted) {
      const page = await doc.getPage(p);
      const image = await scannedImage(page);
      page.cleanup();
      if (image) yield image;
    }
  } finally {
    await doc.destroy();
  }
}
