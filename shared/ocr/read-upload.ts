import { lettersOf } from '../files/decode-pdf.js';
import { FileProblem, fileProblem } from '../files/file-problem.js';
import { MIN_LETTERS_PER_PAGE } from '../files/limits.js';
import { pdfPageImages } from '../files/pdf-page-images.js';
import {
  checkSize,
  type FileContent,
  formatOf,
  NEEDS_OCR,
  type ReadOptions,
  readFileContent,
} from '../files/read-file.js';
import { shownFileName } from '../files/shown-name.js';
import type { OcrEngine, OcrPage, PageImage } from '../ports/ocr-engine.js';
import { documentBudget, ocrTooSlow } from './ocr-budget.js';
import { recognizeUpright } from './orientation.js';
import { type PageContent, type ScanText, scanText } from './scan-text.js';

/** An upload's content; `scan` when some or all of its pages were read by OCR. */
export type UploadContent = FileContent & { scan?: ScanText };

/** How many pages are recognised at once: the engine queues them on its workers. */
const IN_FLIGHT = 4;

/** The time one upload's OCR may take, shared by the attachments of a package. */
type Budget = ReturnType<typeof documentBudget>;

/** Every page, bounded by the document's time: when it is spent, reading stops (ocr-budget.ts). */
async function recognizeAll(
  images: AsyncIterable<PageImage> | Iterable<PageImage>,
  ocr: OcrEngine,
  shared?: Budget,
): Promise<OcrPage[]> {
  const pages: OcrPage[] = [];
  const budget = shared ?? documentBudget(ocr);
  try {
    await recognizeWithin(images, ocr, budget.signal, pages);
  } catch (e) {
    if (budget.signal.aborted) throw ocrTooSlow(pages.length, budget.ms);
    throw e;
  } finally {
    if (!shared) budget.done();
  }
  if (budget.signal.aborted) throw ocrTooSlow(pages.length, budget.ms);
  return pages;
}

async function recognizeWithin(
  images: AsyncIterable<PageImage> | Iterable<PageImage>,
  ocr: OcrEngine,
  signal: AbortSignal,
  pages: OcrPage[],
): Promise<void> {
  const running = new Set<Promise<void>>();
  try {
    for await (const image of images) {
      if (signal.aborted) return;
      const job: Promise<void> = recognizeUpright(ocr, image, signal).then((p) => {
        pages.push(p);
        running.delete(job);
      });
      job.catch(() => undefined);
      running.add(job);
      if (running.size >= IN_FLIGHT) await Promise.race(running);
    }
    await Promise.all(running);
  } finally {
    // Pages still being read when another failed are waited for: their workers go back whole.
    await Promise.allSettled(running);
  }
}

async function imagesOf(fileName: string, bytes: Uint8Array): Promise<PageImage[]> {
  if (formatOf(fileName) !== 'zip') return [{ page: 1, image: bytes }];
  // The zip and image-header readers load with the first photo: a typed file never needs them.
  const [{ zipImages }, { checkImageHeader }] = await Promise.all([
    import('../files/zip-images.js'),
    import('../files/image-header.js'),
  ]);
  return (await zipImages(bytes)).map((f, i) => {
    checkImageHeader(f.bytes, `Ảnh "${shownFileName(f.name, 60)}" trong tệp .zip`);
    return { page: i + 1, image: f.bytes };
  });
}

const scanBody = (scan: ScanText) => ({ text: scan.text, scan });

function scanned(pages: OcrPage[], typed: PageContent[] = []): ScanText {
  return scanText([...typed, ...pages]);
}

/**
 * Reads an upload like readFileContent, and with an OCR engine also what only OCR can read: photos
 * and scans (.jpg .png .tif, a .zip of page photos), image-only PDFs, and the scanned pages of a
 * PDF whose other pages are typed (a signed last page). Without an engine such a file stays the
 * FileProblem `file.needsOcr`. A PDF's digital signatures are verified whichever way its text is
 * read (a scan signed with the commune's token is as signed as a typed file).
 */
export async function readUpload(
  fileName: string,
  bytes: Uint8Array,
  ocr?: OcrEngine,
  opts: ReadOptions = {},
): Promise<UploadContent> {
  const content = await readUploadText(fileName, bytes, ocr, opts);
  if (content.kind !== 'text' || formatOf(fileName) !== 'pdf') return content;
  // The CMS and X.509 libraries load with the first PDF: a text or Word file never needs them.
  const { verifyPdfSignatures } = await import('../files/signatures/verify-pdf.js');
  return { ...content, signatures: await verifyPdfSignatures(bytes, opts.trust ?? []) };
}

/**
 * An edXML package whose attachments are read as uploads are, scans by OCR included, all of
 * them within the time of one document.
 */
async function readPackage(bytes: Uint8Array, ocr: OcrEngine, opts: ReadOptions) {
  const budget = documentBudget(ocr);
  try {
    checkSize(bytes.length);
    // The package reader (XML, CMS signatures) loads with the first package, as read-file.ts has it.
    const { readEdxml } = await import('../files/edxml/read-edxml.js');
    return await readEdxml(
      bytes,
      opts,
      (name, b, o) => readUploadText(name, b, ocr, o, budget),
      formatOf,
    );
  } finally {
    budget.done();
  }
}

async function readUploadText(
  fileName: string,
  bytes: Uint8Array,
  ocr: OcrEngine | undefined,
  opts: ReadOptions,
  budget?: Budget,
): Promise<UploadContent> {
  if (ocr && formatOf(fileName) === 'edxml' && bytes.length) return readPackage(bytes, ocr, opts);
  let content: FileContent;
  try {
    content = await readFileContent(fileName, bytes, opts);
  } catch (e) {
    if (!ocr || !(e instanceof FileProblem) || e.diagnostic.code !== NEEDS_OCR) throw e;
    const format = formatOf(fileName);
    const images = format === 'pdf' ? pdfPageImages(bytes) : await imagesOf(fileName, bytes);
    const scan = scanned(await recognizeAll(images, ocr, budget));
    if (!scan.scannedPages.length) throw e;
    return {
      kind: 'text',
      format: format === 'zip' || format === 'pdf' ? format : 'image',
      ...scanBody(scan),
    };
  }
  if (!ocr || content.kind !== 'text' || !content.pages) return content;
  const pages = content.pages;
  const bare = pages.flatMap((t, i) => (lettersOf(t) < MIN_LETTERS_PER_PAGE ? [i + 1] : []));
  if (!bare.length) return content;
  const ocrPages = await recognizeAll(pdfPageImages(bytes, bare), ocr, budget);
  if (!ocrPages.length) return content;
  const done = new Set(ocrPages.map((p) => p.page));
  const typed = pages.flatMap((text, i) => (done.has(i + 1) ? [] : [{ page: i + 1, text }]));
  const scan = scanned(ocrPages, typed);
  // The typed pages' model no longer matches the text, which now has the scanned pages' lines.
  const { document: _typedOnly, ...rest } = content;
  return { ...rest, text: scan.text, scan };
}

/** One photo or scan of a page, as uploaded. */
export interface Photo {
  name: string;
  bytes: Uint8Array;
}

/**
 * Several photos of one report sent together (not zipped): read as its pages in order of their
 * file names ("2.jpg" before "10.jpg"), like the photos of a .zip, and bounded the same way.
 */
export async function readPhotos(photos: Photo[], ocr: OcrEngine): Promise<UploadContent> {
  const [{ byPageName, MAX_ZIP_PAGES }, { checkImageHeader }] = await Promise.all([
    import('../files/zip-images.js'),
    import('../files/image-header.js'),
  ]);
  if (photos.length > MAX_ZIP_PAGES)
    throw fileProblem(
      'rejected',
      'file',
      'file.tooManyPhotos',
      `Một báo cáo gửi tối đa ${MAX_ZIP_PAGES} ảnh; vui lòng gửi mỗi báo cáo riêng, hoặc quét thành một tệp PDF.`,
      `${photos.length} photos`,
    );
  const images = [...photos]
    .sort((a, b) => byPageName(a.name, b.name))
    .map((p, i) => {
      const what = `Ảnh "${shownFileName(p.name, 60)}"`;
      if (formatOf(p.name) !== 'image')
        throw fileProblem(
          'rejected',
          'file',
          'file.notAPhoto',
          `${what} không phải ảnh .jpg, .png, .tif; ` +
            'các trang của một báo cáo gửi cùng nhau phải đều là ảnh.',
          `not an image: ${p.name}`,
        );
      checkImageHeader(p.bytes, what);
      return { page: i + 1, image: p.bytes };
    });
  return { kind: 'text', format: 'image', ...scanBody(scanned(await recognizeAll(images, ocr))) };
}
